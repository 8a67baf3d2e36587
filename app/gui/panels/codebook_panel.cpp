// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/codebook_panel.h"

#include <wx/dcmemory.h>
#include <wx/dnd.h>
#include <wx/renderer.h>
#include <wx/sizer.h>

#include "app/gui/ui/colours.h"
#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"
#include "app/gui/ui/events.h"

namespace kodex::gui {

namespace {

class CodeData : public wxTreeItemData {
public:
    explicit CodeData(CodeId id) : id(id) {}
    CodeId id;
};

wxBitmap CheckBox(wxWindow* window, int size, bool checked) {
    wxBitmap bitmap(size, size);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(wxBrush(window->GetBackgroundColour()));
    dc.Clear();
    wxRendererNative::Get().DrawCheckBox(window, dc, wxRect(0, 0, size, size), checked ? static_cast<int>(wxCONTROL_CHECKED) : 0);
    return bitmap;
}

}  // namespace

// Selected transcript text dropped on a code applies that code to the selection.
class CodebookPanel::TextDropTarget : public wxTextDropTarget {
public:
    explicit TextDropTarget(CodebookPanel* panel) : m_panel(panel) {}
    wxDragResult OnDragOver(wxCoord x, wxCoord y, wxDragResult) override {
        const wxTreeItemId item = m_panel->m_tree->HitTest(wxPoint(x, y));
        if (item != m_highlight) {
            if (m_highlight.IsOk()) m_panel->m_tree->SetItemDropHighlight(m_highlight, false);
            if (item.IsOk()) m_panel->m_tree->SetItemDropHighlight(item, true);
            m_highlight = item;
        }
        return item.IsOk() ? wxDragCopy : wxDragNone;
    }
    void OnLeave() override { ClearHighlight(); }
    bool OnDropText(wxCoord x, wxCoord y, const wxString&) override {
        ClearHighlight();
        const CodeId code = m_panel->CodeOf(m_panel->m_tree->HitTest(wxPoint(x, y)));
        if (!code.valid()) return false;
        Send(m_panel, EVT_APPLY_CODE, {}, code);
        return true;
    }

private:
    void ClearHighlight() {
        if (m_highlight.IsOk()) m_panel->m_tree->SetItemDropHighlight(m_highlight, false);
        m_highlight = wxTreeItemId();
    }
    CodebookPanel* m_panel;
    wxTreeItemId m_highlight;
};

CodebookPanel::CodebookPanel(wxWindow* parent) : SessionPanel(parent, "codebook_panel", Change::Codes | Change::Codings) {
    m_tree = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_LINES_AT_ROOT | wxTR_NO_LINES | wxTR_SINGLE |
                                wxTR_FULL_ROW_HIGHLIGHT | wxBORDER_NONE,
                            wxDefaultValidator, "codebook");
    const int size = FromDIP(16);
    auto* states = new wxImageList(size, size, false, 2);
    states->Add(CheckBox(m_tree, size, false));
    states->Add(CheckBox(m_tree, size, true));
    m_tree->AssignStateImageList(states);
    m_tree->SetDropTarget(new TextDropTarget(this));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_tree, 1, wxEXPAND);
    SetSizer(sizer);

    m_tree->Bind(wxEVT_TREE_SEL_CHANGED, &CodebookPanel::OnSelectionChanged, this);
    m_tree->Bind(wxEVT_TREE_ITEM_ACTIVATED, &CodebookPanel::OnActivated, this);
    m_tree->Bind(wxEVT_LEFT_DOWN, &CodebookPanel::OnLeftDown, this);
    m_tree->Bind(wxEVT_TREE_KEY_DOWN, &CodebookPanel::OnKeyDown, this);
    m_tree->Bind(wxEVT_TREE_END_LABEL_EDIT, &CodebookPanel::OnEndEdit, this);
    m_tree->Bind(wxEVT_TREE_ITEM_GETTOOLTIP, &CodebookPanel::OnTooltip, this);
    m_tree->Bind(wxEVT_TREE_BEGIN_DRAG, &CodebookPanel::OnBeginDrag, this);
    m_tree->Bind(wxEVT_TREE_END_DRAG, &CodebookPanel::OnEndDrag, this);
    m_tree->Bind(wxEVT_TREE_ITEM_COLLAPSED, [this](wxTreeEvent& e) {
        if (!m_building) m_collapsed.insert(CodeOf(e.GetItem()));
    });
    m_tree->Bind(wxEVT_TREE_ITEM_EXPANDED, [this](wxTreeEvent& e) {
        if (!m_building) m_collapsed.erase(CodeOf(e.GetItem()));
    });
    // A code's menu is asked for once, by the tree's item-menu event, after the code under the pointer is
    // selected. The click's own context-menu event would ask a second time (the menu opened again after it
    // closed), so the tree keeps that one to itself unless no code is under the pointer.
    m_tree->Bind(wxEVT_TREE_ITEM_MENU, [this](wxTreeEvent& e) {
        m_tree->SelectItem(e.GetItem());
        wxContextMenuEvent menu(wxEVT_CONTEXT_MENU, m_tree->GetId(), m_tree->ClientToScreen(e.GetPoint()));
        menu.SetEventObject(m_tree);
        ProcessWindowEvent(menu);
    });
    m_tree->Bind(wxEVT_CONTEXT_MENU, [this](wxContextMenuEvent& e) {
        if (e.GetPosition() == wxDefaultPosition) {  // the keyboard's menu key: the item-menu event has the code
            if (!m_tree->GetSelection().IsOk()) e.Skip();
            return;
        }
        int flags = 0;
        const wxTreeItemId item = m_tree->HitTest(m_tree->ScreenToClient(e.GetPosition()), flags);
        if (!item.IsOk() || !(flags & wxTREE_HITTEST_ONITEM)) e.Skip();
    });
}

void CodebookPanel::Reload() {
    m_codes.clear();
    m_quick_keys.clear();
    if (HasSession()) {
        m_codes = GetSession()->codes();
        m_quick_keys = GetSession()->quick_keys();
    }
    Build();
}

void CodebookPanel::OnSessionChange(const Change& change) {
    // A changed codebook shows at once (the next command may select a new code); new counts can wait
    // until the transcript has repainted.
    if (change.touches(Change::Codes))
        Reload();
    else
        ReloadSoon();
}

void CodebookPanel::Build() {
    const std::vector<CodeSummary>& codes = m_codes;
    const CodeId selected = GetSelectedCode();
    const wxTreeItemId first_visible = m_tree->GetFirstVisibleItem();
    const CodeId top = first_visible.IsOk() ? CodeOf(first_visible) : CodeId();
    int view_x = 0, view_y = 0;  // wxTreeCtrl is the generic, scrolled tree under GTK
    m_tree->GetViewStart(&view_x, &view_y);
    m_building = true;
    m_tree->Freeze();
    m_tree->DeleteAllItems();
    m_items.clear();
    m_summary_index.clear();
    const int size = FromDIP(14);
    m_swatches = std::make_unique<wxImageList>(size, size, false, static_cast<int>(codes.size()));
    m_tree->SetImageList(m_swatches.get());
    const wxTreeItemId root = m_tree->AddRoot("codes");
    std::set<CodeId> still_checked;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const CodeSummary& c = codes[i];
        const auto parent = m_items.find(c.code.parent);
        const int image = m_swatches->Add(Swatch(ToColour(c.code.color), size));
        const wxTreeItemId item = m_tree->AppendItem(parent == m_items.end() ? root : parent->second, Label(c), image, -1,
                                                     new CodeData(c.code.id));
        const bool checked = m_checked.count(c.code.id) > 0;
        if (checked) still_checked.insert(c.code.id);
        m_tree->SetItemState(item, checked ? kChecked : kUnchecked);
        if (!c.code.codable) m_tree->SetItemTextColour(item, wxColour(0x60, 0x60, 0x60));
        m_items[c.code.id] = item;
        m_summary_index[c.code.id] = i;
    }
    m_checked = still_checked;
    for (const auto& [id, item] : m_items)
        if (m_tree->ItemHasChildren(item) && !m_collapsed.count(id)) m_tree->Expand(item);
    if (selected.valid() && m_items.count(selected)) m_tree->SelectItem(m_items[selected]);
    m_tree->Thaw();
    // Every edit rebuilds the tree, which starts at the top again: the view goes back to where it was (the
    // tree lays its items out only once thawed), so an edited or new code stays where the user looks.
    if (top.valid() && m_items.count(top)) {
        m_tree->Scroll(view_x, view_y);
        if (CodeOf(m_tree->GetFirstVisibleItem()) != top) m_tree->ScrollTo(m_items[top]);
    }
    m_building = false;
}

wxString CodebookPanel::Label(const CodeSummary& code) const {
    wxString label = ToWx(code.code.name);
    if (code.codings > 0) label << "   " << code.codings << " \u00B7 " << code.documents;
    for (const auto& [key, id] : m_quick_keys)
        if (id == code.code.id) label << "   [" << wxString::Format(_("Ctrl+%d"), key) << "]";
    return label;
}

CodeId CodebookPanel::CodeOf(const wxTreeItemId& item) const {
    if (!item.IsOk()) return CodeId();
    const auto* data = dynamic_cast<CodeData*>(m_tree->GetItemData(item));
    return data ? data->id : CodeId();
}

wxTreeItemId CodebookPanel::ItemOf(CodeId id) const {
    const auto it = m_items.find(id);
    return it == m_items.end() ? wxTreeItemId() : it->second;
}

const CodeSummary* CodebookPanel::FindCode(CodeId id) const {
    const auto it = m_summary_index.find(id);
    return it == m_summary_index.end() ? nullptr : &m_codes[it->second];
}

CodeId CodebookPanel::GetSelectedCode() const { return CodeOf(m_tree->GetSelection()); }

void CodebookPanel::SelectCode(CodeId id) {
    const wxTreeItemId item = ItemOf(id);
    if (!item.IsOk()) return;
    m_tree->EnsureVisible(item);
    m_tree->SelectItem(item);
}

std::vector<CodeId> CodebookPanel::GetCheckedCodes() const { return {m_checked.begin(), m_checked.end()}; }

void CodebookPanel::StartRename() {
    const wxTreeItemId item = m_tree->GetSelection();
    const CodeId id = CodeOf(item);
    if (!id.valid()) return;
    // The label carries counts; the editor starts with the bare name.
    if (wxTextCtrl* editor = m_tree->EditLabel(item)) {
        editor->SetValue(ToWx(m_codes[m_summary_index[id]].code.name));
        editor->SelectAll();
    }
}

void CodebookPanel::ToggleCheck(const wxTreeItemId& item) {
    const CodeId id = CodeOf(item);
    if (id.valid()) SetChecked(id, !m_checked.count(id));
}

void CodebookPanel::SetChecked(CodeId id, bool checked) {
    const wxTreeItemId item = ItemOf(id);
    if (!item.IsOk() || checked == (m_checked.count(id) != 0)) return;
    if (checked)
        m_checked.insert(id);
    else
        m_checked.erase(id);
    m_tree->SetItemState(item, checked ? kChecked : kUnchecked);
    Send(this, EVT_RETRIEVAL_CHANGED);
}

void CodebookPanel::OnSelectionChanged(wxTreeEvent& event) {
    if (!m_building) Send(this, EVT_CODE_CHOSEN, {}, CodeOf(event.GetItem()));
}

void CodebookPanel::OnActivated(wxTreeEvent& event) { Send(this, EVT_APPLY_CODE, {}, CodeOf(event.GetItem())); }

void CodebookPanel::OnLeftDown(wxMouseEvent& event) {
    int flags = 0;
    const wxTreeItemId item = m_tree->HitTest(event.GetPosition(), flags);
    if (item.IsOk() && (flags & wxTREE_HITTEST_ONITEMSTATEICON)) {
        ToggleCheck(item);
        return;
    }
    if (item.IsOk() && event.ControlDown() && (flags & (wxTREE_HITTEST_ONITEMLABEL | wxTREE_HITTEST_ONITEMICON))) {
        m_tree->SelectItem(item);
        Send(this, EVT_APPLY_CODE, {}, CodeOf(item));
        return;
    }
    event.Skip();
}

void CodebookPanel::OnKeyDown(wxTreeEvent& event) {
    const int key = event.GetKeyCode();
    if (key == WXK_SPACE) {
        ToggleCheck(m_tree->GetSelection());
    } else if (key == WXK_F2) {
        StartRename();
    } else if (key == WXK_DELETE) {
        wxCommandEvent command(wxEVT_MENU, ID_DELETE_CODE);
        ProcessWindowEvent(command);
    } else {
        event.Skip();
    }
}

void CodebookPanel::OnEndEdit(wxTreeEvent& event) {
    // The label is rebuilt from the session when the rename arrives as a change.
    event.Veto();
    const CodeId id = CodeOf(event.GetItem());
    if (event.IsEditCancelled() || !id.valid()) return;
    const std::string name = ToUtf8(event.GetLabel());
    CallAfter([this, id, name] { Guarded(this, [&] { GetSession()->rename_code(id, name); }); });
}

void CodebookPanel::OnTooltip(wxTreeEvent& event) {
    const CodeId id = CodeOf(event.GetItem());
    if (!id.valid()) return;
    const CodeSummary& c = m_codes[m_summary_index[id]];
    wxString tip = ToWx(c.path);
    const long long codings = c.codings, documents = c.documents;
    tip << "\n" << wxString::Format(wxPLURAL("%lld coding", "%lld codings", codings), codings) << " "
        << wxString::Format(wxPLURAL("in %lld document", "in %lld documents", documents), documents);
    if (!c.code.description.definition.empty()) tip << "\n\n" << ToWx(c.code.description.definition);
    if (m_quick_keys.empty() && c.code.codable)  // nothing else says where quick keys come from
        tip << "\n\n" << _("Tip: give a code a quick key (Ctrl+1 to Ctrl+9) with Assign quick key in its context menu.");
    event.SetToolTip(tip);
}

void CodebookPanel::OnBeginDrag(wxTreeEvent& event) {
    m_dragged = CodeOf(event.GetItem());
    if (m_dragged.valid() && !GetSession()->store().read_only()) event.Allow();
}

void CodebookPanel::OnEndDrag(wxTreeEvent& event) {
    const CodeId dragged = m_dragged;
    m_dragged = CodeId();
    CodeId parent;
    int position = -1;
    if (!dragged.valid() || !DropPlace(dragged, event.GetPoint(), &parent, &position)) return;
    CallAfter([this, dragged, parent, position] { Guarded(this, [&] { GetSession()->move_code(dragged, parent, position); }); });
}

bool CodebookPanel::DropPlace(CodeId dragged, const wxPoint& point, CodeId* parent, int* position) const {
    const wxTreeItemId target = m_tree->HitTest(point);
    if (!target.IsOk()) {  // below the last code: last at the top level
        *parent = CodeId();
        *position = -1;
        return true;
    }
    const CodeId target_id = CodeOf(target);
    if (target_id == dragged) return false;
    wxRect rect;
    m_tree->GetBoundingRect(target, rect);
    const int y = point.y - rect.y;
    // The middle half of a row makes a subcode; the upper and lower quarters place the code before or after.
    if (y >= rect.height / 4 && y < rect.height * 3 / 4) {
        *parent = target_id;
        *position = -1;
        return true;
    }
    const wxTreeItemId parent_item = m_tree->GetItemParent(target);
    *parent = CodeOf(parent_item);
    int index = 0;
    wxTreeItemIdValue cookie;
    for (wxTreeItemId child = m_tree->GetFirstChild(parent_item, cookie); child.IsOk();
         child = m_tree->GetNextChild(parent_item, cookie)) {
        if (child == target) break;
        if (CodeOf(child) != dragged) ++index;
    }
    *position = y < rect.height / 4 ? index : index + 1;
    return true;
}

}  // namespace kodex::gui
