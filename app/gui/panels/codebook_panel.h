// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The codebook: a tree of codes with a colour swatch each and their counts ("codings · documents"). A tick
// box picks codes for the retrieved segments. Codes are renamed in place (F2), moved and reordered by
// drag and drop, and applied to the transcript's selection with Ctrl+click, Enter or by dropping the
// selected text on them.
#include <wx/imaglist.h>
#include <wx/treectrl.h>

#include <map>
#include <memory>
#include <set>
#include <vector>

#include "app/gui/ui/session_panel.h"
#include "core/session.h"

namespace kodex::gui {

class CodebookPanel : public SessionPanel {
public:
    explicit CodebookPanel(wxWindow* parent);

    /// The selected code (invalid when none).
    CodeId GetSelectedCode() const;
    /// Selects a code and scrolls it into view.
    void SelectCode(CodeId id);
    /// Codes ticked for retrieval.
    std::vector<CodeId> GetCheckedCodes() const;
    /// Ticks or unticks a code for retrieval, as a click on its box does.
    void SetChecked(CodeId id, bool checked);
    /// The codes as last read from the session, in tree order.
    const std::vector<CodeSummary>& GetCodes() const { return m_codes; }
    /// A code's summary, or nullptr when the codebook has no such code.
    const CodeSummary* FindCode(CodeId id) const;
    /// Starts editing the selected code's name in place.
    void StartRename();
    wxTreeCtrl* GetTree() const { return m_tree; }

    void Reload() override;

private:
    class TextDropTarget;
    enum State { kUnchecked = 0, kChecked = 1 };

    void OnSessionChange(const Change& change) override;
    /// Fills the tree from m_codes, keeping selection, ticks, collapsed codes and the scroll position.
    void Build();
    wxString Label(const CodeSummary& code) const;
    CodeId CodeOf(const wxTreeItemId& item) const;
    wxTreeItemId ItemOf(CodeId id) const;
    void ToggleCheck(const wxTreeItemId& item);
    void OnSelectionChanged(wxTreeEvent& event);
    void OnActivated(wxTreeEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnKeyDown(wxTreeEvent& event);
    void OnEndEdit(wxTreeEvent& event);
    void OnTooltip(wxTreeEvent& event);
    void OnBeginDrag(wxTreeEvent& event);
    void OnEndDrag(wxTreeEvent& event);
    /// Where a dragged code goes when dropped at `point`: new parent and position among its siblings.
    bool DropPlace(CodeId dragged, const wxPoint& point, CodeId* parent, int* position) const;

    wxTreeCtrl* m_tree;
    std::unique_ptr<wxImageList> m_swatches;
    std::map<CodeId, wxTreeItemId> m_items;
    std::map<CodeId, std::size_t> m_summary_index;
    std::vector<CodeSummary> m_codes;
    std::map<int, CodeId> m_quick_keys;
    std::set<CodeId> m_checked;
    std::set<CodeId> m_collapsed;
    CodeId m_dragged;
    bool m_building = false;
};

}  // namespace kodex::gui
