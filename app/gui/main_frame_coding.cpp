// SPDX-License-Identifier: GPL-3.0-or-later
// MainFrame: coding the transcript (selection, picker, recent and quick codes, in vivo, whole turns), the
// current coding, and what the panes ask for (show a document, jump to a coding, context menus).
#include <wx/menu.h>

#include "app/gui/dialogs/code_picker_dialog.h"
#include "app/gui/main_frame.h"
#include "app/gui/panels/codebook_panel.h"
#include "app/gui/panels/coding_stripe.h"
#include "app/gui/panels/documents_panel.h"
#include "app/gui/panels/memo_panel.h"
#include "app/gui/panels/search_panel.h"
#include "app/gui/panels/segments_panel.h"
#include "app/gui/panels/transcript_view.h"
#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"
#include "core/text/unicode.h"

namespace kodex::gui {

namespace {
constexpr std::size_t kRecentCodes = 9;
}

std::optional<TextRange> MainFrame::CodingRange() {
    std::optional<TextRange> range = m_transcript->GetSelectedRange();
    if (range && m_preferences.snap_to_words) {
        const TextRange snapped = m_transcript->SnapToWords(*range);
        range = snapped.empty() ? std::nullopt : std::optional<TextRange>(snapped);
        if (range) m_transcript->SelectRange(*range);  // show what gets coded
    }
    if (!range) SetStatusText(_("Select the words to code in the transcript first."));
    return range;
}

void MainFrame::ApplyCode(CodeId code) {
    if (!CanEdit() || !code.valid()) return;
    const std::optional<TextRange> range = CodingRange();
    if (!range) return;
    const DocumentId document = m_transcript->GetDocument();
    Guarded(this, [&] {
        const CodingId id = m_session->apply_code(document, code, *range);
        RememberCode(code);
        SetCurrentCoding(id, document, code);
    });
}

void MainFrame::RememberCode(CodeId code) {
    m_recent_codes.erase(std::remove(m_recent_codes.begin(), m_recent_codes.end(), code), m_recent_codes.end());
    m_recent_codes.push_front(code);
    if (m_recent_codes.size() > kRecentCodes) m_recent_codes.pop_back();
    // The menu and the settings file follow after the transcript has repainted: coding waits for neither.
    if (!m_recent_save_pending) {
        m_recent_save_pending = true;
        CallAfter([this] {
            m_recent_save_pending = false;
            UpdateRecentMenu();
            SaveRecentCodeList();
        });
    }
}

void MainFrame::SaveRecentCodeList() {
    if (!m_session) return;
    wxArrayString guids;
    for (CodeId id : m_recent_codes)
        if (const CodeSummary* code = m_codebook->FindCode(id)) guids.Add(ToWx(code->code.guid));
    SaveRecentCodes(ToWx(m_session->path()), guids);
}

void MainFrame::LoadRecentCodeList() {
    m_recent_codes.clear();
    if (!m_session) return;
    for (const wxString& guid : LoadRecentCodes(ToWx(m_session->path()))) {
        for (const CodeSummary& code : m_codebook->GetCodes()) {
            if (ToWx(code.code.guid) != guid) continue;
            if (m_recent_codes.size() < kRecentCodes) m_recent_codes.push_back(code.code.id);
            break;
        }
    }
}

void MainFrame::SetCurrentCoding(CodingId id, DocumentId document, CodeId code) {
    m_current = {id, document, code};
    m_transcript->SetCurrentCoding(document == m_transcript->GetDocument() ? id : CodingId());
}

void MainFrame::ForgetVanishedCoding() {
    // Undo, a deleted code or a merge can take the current coding away; commands must not act on it then.
    if (!m_current.id.valid() || m_current.document != m_transcript->GetDocument()) return;
    if (m_transcript->FindCoding(m_current.id)) return;
    if (m_memo->Shows(MemoTarget::Coding, m_current.id.value)) ShowDocumentMemo();
    SetCurrentCoding(CodingId(), DocumentId(), CodeId());
}

void MainFrame::ShowCodingMemo() {
    if (!m_current.id.valid()) return;
    const CodeSummary* code = m_codebook->FindCode(m_current.code);
    m_memo->SetTarget(MemoTarget::Coding, m_current.id.value, _("Coding memo"), code ? ToWx(code->path) : wxString());
}

wxString MainFrame::CodeName(CodeId id) const {
    const CodeSummary* code = m_codebook->FindCode(id);
    return code ? ToWx(code->code.name) : wxString();
}

CodeId MainFrame::PickCode(const wxString& title, const std::set<CodeId>& excluded, bool allow_folders) {
    CodePickerDialog dialog(this, title, m_codebook->GetCodes(), {m_recent_codes.begin(), m_recent_codes.end()},
                            excluded, allow_folders);
    return dialog.ShowModal() == wxID_OK ? dialog.GetCode() : CodeId();
}

void MainFrame::FillRecentMenu(wxMenu* menu) const {
    for (std::size_t i = 0; i < m_recent_codes.size(); ++i)
        menu->Append(ID_RECENT_CODE_FIRST + static_cast<int>(i),
                     wxString::Format("&%zu  %s", i + 1, CodeName(m_recent_codes[i])));
    if (m_recent_codes.empty()) menu->Append(wxID_ANY, _("No codes used yet"))->Enable(false);
}

void MainFrame::UpdateRecentMenu() {
    // Codes deleted since they were used drop out of the list.
    m_recent_codes.erase(std::remove_if(m_recent_codes.begin(), m_recent_codes.end(),
                                        [this](CodeId id) { return !m_codebook->FindCode(id); }),
                         m_recent_codes.end());
    while (m_recent_menu->GetMenuItemCount() > 0) m_recent_menu->Destroy(m_recent_menu->FindItemByPosition(0));
    FillRecentMenu(m_recent_menu);
}

void MainFrame::UpdateQuickKeyMenu() {
    std::map<int, CodeId> keys;
    if (m_session) Guarded(this, [&] { keys = m_session->quick_keys(); });
    for (int key = 1; key <= 9; ++key) {
        const auto it = keys.find(key);
        const wxString name = it == keys.end() ? _("(not assigned)") : CodeName(it->second);
        m_quick_menu->SetLabel(ID_QUICK_CODE_FIRST + key - 1, wxString::Format("&%d  %s\tCtrl+%d", key, name, key));
    }
}

void MainFrame::UpdateRetrieval() {
    std::vector<CodeId> codes = m_codebook->GetCheckedCodes();
    if (codes.empty() && m_codebook->GetSelectedCode().valid()) codes.push_back(m_codebook->GetSelectedCode());
    Guarded(this, [&] { m_segments->SetQuery(codes, m_documents->GetCheckedDocuments()); });
}

void MainFrame::OnCodeSelection(wxCommandEvent&) { ApplyCode(m_codebook->GetSelectedCode()); }

void MainFrame::OnCodeWith(wxCommandEvent&) {
    if (!m_transcript->GetSelectedRange()) return;
    ApplyCode(PickCode(_("Code the selection with"), {}, false));
}

void MainFrame::OnCodeLast(wxCommandEvent&) {
    if (!m_recent_codes.empty()) ApplyCode(m_recent_codes.front());
}

void MainFrame::OnCodeRecent(wxCommandEvent& event) {
    const auto index = static_cast<std::size_t>(event.GetId() - ID_RECENT_CODE_FIRST);
    if (index < m_recent_codes.size()) ApplyCode(m_recent_codes[index]);
}

void MainFrame::OnQuickCode(wxCommandEvent& event) {
    const int key = event.GetId() - ID_QUICK_CODE_FIRST + 1;
    std::map<int, CodeId> keys;
    Guarded(this, [&] { keys = m_session->quick_keys(); });
    if (const auto it = keys.find(key); it != keys.end())
        ApplyCode(it->second);
    else
        SetStatusText(wxString::Format(_("Ctrl+%d has no code yet: assign one with Codes > Assign quick key."), key));
}

void MainFrame::OnCodeInVivo(wxCommandEvent&) {
    const std::optional<TextRange> range = CodingRange();
    if (!CanEdit() || !range) return;
    const DocumentId document = m_transcript->GetDocument();
    Guarded(this, [&] {
        const CodingId id = m_session->code_in_vivo(document, *range);
        const ShownCoding* coding = m_transcript->FindCoding(id);
        const CodeId code = coding ? coding->code : CodeId();
        RememberCode(code);
        SetCurrentCoding(id, document, code);
        m_codebook->SelectCode(code);
    });
}

void MainFrame::OnCodeTurn(wxCommandEvent&) {
    CodeId code = m_codebook->GetSelectedCode();
    if (!code.valid()) code = PickCode(_("Code the whole turn with"), {}, false);
    if (!CanEdit() || !code.valid()) return;
    const DocumentId document = m_transcript->GetDocument();
    Guarded(this, [&] {
        const CodingId id = m_session->code_turn(document, m_transcript->GetCaretOffset(), code);
        RememberCode(code);
        SetCurrentCoding(id, document, code);
    });
}

void MainFrame::OnRemoveCoding(wxCommandEvent&) {
    if (!CanEdit() || !m_current.id.valid()) return;
    m_memo->Flush();
    const CodingId id = m_current.id;
    Guarded(this, [&] {
        m_session->remove_coding(id);
        SetCurrentCoding(CodingId(), DocumentId(), CodeId());
        ShowDocumentMemo();
    });
}

void MainFrame::OnChangeCodingCode(wxCommandEvent&) {
    if (!CanEdit() || !m_current.id.valid()) return;
    const CodingId id = m_current.id;
    const DocumentId document = m_current.document;
    const CodeId code = PickCode(wxString::Format(_("Change the code of this \u201C%s\u201D coding to"), CodeName(m_current.code)),
                                 {m_current.code}, false);
    if (!code.valid()) return;
    Guarded(this, [&] {
        m_session->set_coding_code(id, code);
        RememberCode(code);
        SetCurrentCoding(id, document, code);
        ShowCodingMemo();
    });
}

void MainFrame::OnFind(wxCommandEvent&) {
    m_aui.GetPane("search").Show();
    m_aui.Update();
    const std::optional<TextRange> selected = m_transcript->GetSelectedRange();
    // A short selection is what the user wants to look for elsewhere.
    if (selected && selected->length() <= 60) {
        const std::string words = substring_cp(m_transcript->GetText(), selected->start, selected->end);
        if (words.find('\n') == std::string::npos) m_search->GetQueryBox()->ChangeValue("\"" + ToWx(words) + "\"");
    }
    m_search->GetQueryBox()->SetFocus();
    m_search->GetQueryBox()->SelectAll();
}

void MainFrame::ShowSearchHit(const SearchHit& hit) {
    ShowDocument(hit.document);
    if (m_transcript->GetDocument() != hit.document) return;
    m_transcript->SetSearchMatches(m_search->MatchesIn(hit.document));
    m_transcript->SelectRange(hit.range);
}

void MainFrame::OnCodingMemo(wxCommandEvent&) {
    ShowCodingMemo();
    m_aui.GetPane("memo").Show();
    m_aui.Update();
    m_memo->Edit();
}

void MainFrame::OnSelectCodingText(wxCommandEvent&) {
    NavigationEvent jump(EVT_JUMP_TO_CODING);
    jump.document = m_current.document;
    jump.code = m_current.code;
    jump.coding = m_current.id;
    OnJumpToCoding(jump);
}

void MainFrame::OnShowCodeInTree(wxCommandEvent&) {
    m_codebook->SelectCode(m_current.code);
    m_codebook->GetTree()->SetFocus();
}

void MainFrame::OnCopy(wxCommandEvent&) { m_transcript->GetControl()->Copy(); }

void MainFrame::ShowDocument(DocumentId id) {
    if (id == m_transcript->GetDocument()) return;
    Guarded(this, [&] { m_transcript->ShowDocument(id); });
    m_documents->SetShownDocument(id);
    if (m_current.document != id) SetCurrentCoding(CodingId(), DocumentId(), CodeId());
    ShowDocumentMemo();
    UpdateStatus();
}

void MainFrame::OnShowDocument(NavigationEvent& event) { ShowDocument(event.document); }

void MainFrame::OnCodingChosen(NavigationEvent& event) {
    SetCurrentCoding(event.coding, event.document.valid() ? event.document : m_transcript->GetDocument(), event.code);
    ShowCodingMemo();
    RefreshCommandState();
}

void MainFrame::OnJumpToCoding(NavigationEvent& event) {
    const DocumentId document = event.document.valid() ? event.document : m_transcript->GetDocument();
    ShowDocument(document);
    SetCurrentCoding(event.coding, document, event.code);
    ShowCodingMemo();
    if (const ShownCoding* coding = m_transcript->FindCoding(event.coding)) {
        m_transcript->SelectRange(coding->range);
        m_transcript->GetControl()->SetFocus();
    }
}

void MainFrame::OnCodeChosen(NavigationEvent& event) {
    if (event.code.valid())
        m_memo->SetTarget(MemoTarget::Code, event.code.value, _("Code memo"), CodeName(event.code));
    UpdateRetrieval();
    RefreshCommandState();
}

void MainFrame::OnApplyCode(NavigationEvent& event) { ApplyCode(event.code); }

void MainFrame::OnContextMenu(wxContextMenuEvent& event) {
    const wxObject* source = event.GetEventObject();
    std::unique_ptr<wxMenu> menu;
    if (source == m_transcript->GetControl())
        menu = CreateTextMenu();
    else if (dynamic_cast<const CodingStripe*>(source) || source == m_segments->GetList())
        menu = m_current.id.valid() ? CreateCodingContextMenu() : nullptr;
    else if (source == m_codebook->GetTree())
        menu = CreateCodeContextMenu();
    else if (source == m_documents->GetList())
        menu = CreateDocumentContextMenu();
    if (!menu) {
        event.Skip();
        return;
    }
    const wxPoint at = event.GetPosition() == wxDefaultPosition ? wxDefaultPosition : ScreenToClient(event.GetPosition());
    PopupMenu(menu.get(), at);
}

std::unique_ptr<wxMenu> MainFrame::CreateTextMenu() {
    auto menu = std::make_unique<wxMenu>();
    const CodeId code = m_codebook->GetSelectedCode();
    if (code.valid()) menu->Append(ID_CODE_SELECTION, wxString::Format(_("Code with \u201C%s\u201D\tCtrl+D"), CodeName(code)));
    menu->Append(ID_CODE_WITH, _("Code with…\tCtrl+K"));
    auto* recent = new wxMenu;
    FillRecentMenu(recent);
    menu->AppendSubMenu(recent, _("Recent codes"));
    menu->Append(ID_CODE_IN_VIVO, _("Code in vivo\tCtrl+Shift+V"));
    if (code.valid())
        menu->Append(ID_CODE_TURN, wxString::Format(_("Code the whole turn with \u201C%s\u201D\tCtrl+T"), CodeName(code)));
    if (m_current.id.valid() && m_current.document == m_transcript->GetDocument()) {
        menu->AppendSeparator();
        menu->AppendSubMenu(CreateCodingContextMenu().release(),
                            wxString::Format(_("Coding \u201C%s\u201D"), CodeName(m_current.code)));
    }
    menu->AppendSeparator();
    menu->Append(wxID_COPY, _("&Copy text\tCtrl+C"));
    return menu;
}

std::unique_ptr<wxMenu> MainFrame::CreateCodingContextMenu() {
    auto menu = std::make_unique<wxMenu>();
    menu->Append(ID_SELECT_CODING_TEXT, _("Select the coding's text"));
    menu->Append(ID_CODING_MEMO, _("Memo of the coding"));
    menu->Append(ID_SHOW_CODE_IN_TREE, wxString::Format(_("Show \u201C%s\u201D in the codebook"), CodeName(m_current.code)));
    menu->AppendSeparator();
    menu->Append(ID_CHANGE_CODING_CODE, _("Change code…"));
    menu->Append(ID_REMOVE_CODING, _("Remove the coding"));
    return menu;
}

}  // namespace kodex::gui
