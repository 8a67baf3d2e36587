// SPDX-License-Identifier: GPL-3.0-or-later
// MainFrame: editing the codebook (new, rename, colour, description, merge, delete, quick keys) and memos.
#include <wx/colordlg.h>
#include <wx/filename.h>
#include <wx/menu.h>

#include "app/gui/dialogs/action_prompts.h"
#include "app/gui/dialogs/code_description_dialog.h"
#include "app/gui/dialogs/code_picker_dialog.h"
#include "app/gui/dialogs/prompts.h"
#include "app/gui/main_frame.h"
#include "app/gui/panels/codebook_panel.h"
#include "app/gui/panels/memo_panel.h"
#include "app/gui/panels/transcript_view.h"
#include "app/gui/ui/colours.h"
#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"

namespace kodex::gui {

namespace {

// A name no sibling under `parent` has yet: "New code", "New code 2", ...
std::string FreeName(const std::vector<CodeSummary>& codes, CodeId parent) {
    const std::string base = ToUtf8(_("New code"));
    for (int n = 1;; ++n) {
        const std::string name = n == 1 ? base : base + " " + std::to_string(n);
        const bool taken = std::any_of(codes.begin(), codes.end(), [&](const CodeSummary& c) {
            return c.code.parent == parent && c.code.name == name;
        });
        if (!taken) return name;
    }
}

// The code and all codes below it, with the codings they hold.
struct Subtree {
    std::set<CodeId> codes;
    std::int64_t codings = 0;
};

Subtree SubtreeOf(const std::vector<CodeSummary>& codes, CodeId root) {
    Subtree tree;
    tree.codes.insert(root);
    // Codes come depth-first, so every descendant follows its parent.
    for (const CodeSummary& c : codes) {
        if (tree.codes.count(c.code.parent)) tree.codes.insert(c.code.id);
        if (tree.codes.count(c.code.id)) tree.codings += c.codings;
    }
    return tree;
}

}  // namespace

void MainFrame::AddCode(CodeId parent) {
    if (!CanEdit()) return;
    Guarded(this, [&] {
        const CodeId id = m_session->add_code(parent, FreeName(m_codebook->GetCodes(), parent));
        m_codebook->SelectCode(id);
        m_codebook->GetTree()->SetFocus();
        m_codebook->StartRename();
    });
}

void MainFrame::OnNewCode(wxCommandEvent&) { AddCode(CodeId()); }

void MainFrame::OnNewSubcode(wxCommandEvent&) { AddCode(m_codebook->GetSelectedCode()); }

void MainFrame::OnRenameCode(wxCommandEvent&) {
    m_codebook->GetTree()->SetFocus();
    m_codebook->StartRename();
}

void MainFrame::OnCodeColour(wxCommandEvent&) {
    const CodeSummary* code = m_codebook->FindCode(m_codebook->GetSelectedCode());
    if (!code || !CanEdit()) return;
    wxColourData data;
    data.SetColour(ToColour(code->code.color));
    wxColourDialog dialog(this, &data);
    dialog.SetTitle(wxString::Format(_("Colour of \"%s\""), ToWx(code->code.name)));
    if (dialog.ShowModal() != wxID_OK) return;
    const CodeId id = code->code.id;
    Guarded(this, [&] { m_session->set_code_color(id, ToHex(dialog.GetColourData().GetColour())); });
}

void MainFrame::OnDescribeCode(wxCommandEvent&) {
    const CodeSummary* code = m_codebook->FindCode(m_codebook->GetSelectedCode());
    if (!code) return;
    CodeDescriptionDialog dialog(this, ToWx(code->code.name), code->code.description, !CanEdit());
    if (dialog.ShowModal() != wxID_OK || !CanEdit()) return;
    const CodeId id = code->code.id;
    Guarded(this, [&] { m_session->set_code_description(id, dialog.GetDescription()); });
}

void MainFrame::OnMergeCode(wxCommandEvent&) {
    const CodeSummary* code = m_codebook->FindCode(m_codebook->GetSelectedCode());
    if (!CanEdit() || !code) return;
    const CodeId source = code->code.id;
    const auto& codes = m_codebook->GetCodes();
    const auto subcodes = static_cast<std::size_t>(
        std::count_if(codes.begin(), codes.end(), [&](const CodeSummary& c) { return c.code.parent == source; }));
    bool has_memo = false;
    Guarded(this, [&] {
        const auto memo = m_session->memo(MemoTarget::Code, source.value);
        has_memo = memo && !memo->text.empty();
    });
    // Nothing is highlighted at first: the first row is the most recent code, a poor guess for a merge target.
    CodePickerDialog picker(this, wxString::Format(_("Merge \"%s\" into"), CodeName(source)), codes,
                            {m_recent_codes.begin(), m_recent_codes.end()}, SubtreeOf(codes, source).codes, true);
    picker.PreselectNothing();
    picker.SetNote(MergeNote(CodeName(source), code->codings, subcodes, has_memo));
    if (picker.ShowModal() != wxID_OK) return;
    const CodeId target = picker.GetCode();
    if (!target.valid()) return;
    m_memo->Flush();
    Guarded(this, [&] {
        m_session->merge_codes(source, target);
        m_codebook->SelectCode(target);
    });
}

void MainFrame::OnMoveCode(wxCommandEvent&) {
    const CodeSummary* code = m_codebook->FindCode(m_codebook->GetSelectedCode());
    if (!CanEdit() || !code) return;
    const CodeId id = code->code.id;
    const CodeId old_parent = code->code.parent;
    const auto& codes = m_codebook->GetCodes();
    // A code cannot go under itself or one of its subcodes.
    CodePickerDialog picker(this, wxString::Format(_("Move \"%s\" to"), CodeName(id)), codes, {},
                            SubtreeOf(codes, id).codes, true);
    picker.OfferTopLevel(_("(top level)"));
    picker.PreselectNothing();
    picker.SetNote(old_parent.valid()
                       ? wxString::Format(_("Pick the code to put it under (now under \u201C%s\u201D), or the top level. "
                                            "Its subcodes and codings go with it."), CodeName(old_parent))
                       : _("Pick the code to put it under. Its subcodes and codings go with it."));
    if (picker.ShowModal() != wxID_OK) return;
    const CodeId parent = picker.GetCode();
    if (!parent.valid() && !picker.IsTopLevelChosen()) return;
    if (parent == old_parent) return;
    Guarded(this, [&] {
        m_session->move_code(id, parent);
        m_codebook->SelectCode(id);
    });
}

void MainFrame::OnDeleteCode(wxCommandEvent&) {
    const CodeSummary* code = m_codebook->FindCode(m_codebook->GetSelectedCode());
    if (!CanEdit() || !code) return;
    const CodeId id = code->code.id;
    const wxString name = ToWx(code->code.name);
    const Subtree tree = SubtreeOf(m_codebook->GetCodes(), id);
    DeleteCodings mode = DeleteCodings::Refuse;
    if (tree.codings > 0) {
        const auto answer = AskDeleteCodings(this, name, tree.codings, code->code.parent.valid());
        if (!answer) return;
        mode = *answer;
    } else if (tree.codes.size() > 1 && !ConfirmDeleteCode(this, name, tree.codes.size() - 1)) {
        return;
    }
    m_memo->Flush();
    Guarded(this, [&] { m_session->delete_code(id, mode); });
}

void MainFrame::OnCodeMemo(wxCommandEvent&) {
    const CodeId code = m_codebook->GetSelectedCode();
    if (!code.valid()) return;
    m_memo->SetTarget(MemoTarget::Code, code.value, _("Code memo"), CodeName(code));
    m_aui.GetPane("memo").Show();
    m_aui.Update();
    m_memo->Edit();
}

void MainFrame::ShowDocumentMemo() {
    const Document& document = m_transcript->GetShownDocument();
    if (document.id.valid())
        m_memo->SetTarget(MemoTarget::Document, document.id.value, _("Document memo"), ToWx(document.name));
    else
        ShowProjectMemo();
}

void MainFrame::OnDocumentMemo(wxCommandEvent&) {
    ShowDocumentMemo();
    m_aui.GetPane("memo").Show();
    m_aui.Update();
    m_memo->Edit();
}

void MainFrame::ShowProjectMemo() {
    const wxString name = m_session ? wxFileName(ToWx(m_session->path())).GetName() : wxString();
    m_memo->SetTarget(MemoTarget::Project, 0, _("Project memo"), name);
}

void MainFrame::OnProjectMemo(wxCommandEvent&) {
    ShowProjectMemo();
    m_aui.GetPane("memo").Show();
    m_aui.Update();
    m_memo->Edit();
}

void MainFrame::OnAssignQuickKey(wxCommandEvent& event) {
    const CodeId code = m_codebook->GetSelectedCode();
    if (!CanEdit() || !code.valid()) return;
    const int key = event.GetId() - ID_ASSIGN_QUICK_KEY_FIRST;
    Guarded(this, [&] {
        if (key > 0) {
            m_session->set_quick_key(key, code);
        } else {
            for (const auto& [k, assigned] : m_session->quick_keys())
                if (assigned == code) m_session->set_quick_key(k, CodeId());
        }
    });
}

std::unique_ptr<wxMenu> MainFrame::CreateCodeContextMenu() {
    auto menu = std::make_unique<wxMenu>();
    const CodeId code = m_codebook->GetSelectedCode();
    if (code.valid() && m_transcript->GetSelectedRange())
        menu->Append(ID_CODE_SELECTION, wxString::Format(_("Code the selection with \u201C%s\u201D\tCtrl+D"), CodeName(code)));
    menu->Append(ID_NEW_CODE, _("New code\tCtrl+Shift+N"));
    if (!code.valid()) return menu;
    menu->Append(ID_NEW_SUBCODE, _("New subcode\tCtrl+Alt+N"));
    menu->AppendSeparator();
    menu->Append(ID_RENAME_CODE, _("Rename\tF2"));
    menu->Append(ID_CODE_COLOUR, _("Colour…"));
    menu->Append(ID_DESCRIBE_CODE, _("Description…"));
    menu->Append(ID_CODE_MEMO, _("Memo of the code"));
    auto* keys = new wxMenu;
    keys->Append(ID_ASSIGN_QUICK_KEY_FIRST, _("None"));
    for (int key = 1; key <= 9; ++key) keys->Append(ID_ASSIGN_QUICK_KEY_FIRST + key, wxString::Format(_("Ctrl+%d"), key));
    menu->AppendSubMenu(keys, _("Assign quick key"));
    menu->AppendSeparator();
    menu->Append(ID_MOVE_CODE, _("Move to…\tCtrl+M"));
    menu->Append(ID_MERGE_CODE, _("Merge into…"));
    menu->Append(ID_DELETE_CODE, _("Delete…"));
    return menu;
}

std::unique_ptr<wxMenu> MainFrame::CreateDocumentContextMenu() {
    auto menu = std::make_unique<wxMenu>();
    menu->Append(ID_DOCUMENT_MEMO, _("Memo of the document"));
    menu->Append(ID_PROJECT_MEMO, _("Memo of the project"));
    const Document& shown = m_transcript->GetShownDocument();
    if (shown.id.valid()) {
        menu->AppendSeparator();
        menu->Append(ID_RENAME_DOCUMENT, wxString::Format(_("Rename \u201C%s\u201D…"), ToWx(shown.name)));
        menu->Append(ID_DELETE_DOCUMENT, wxString::Format(_("Delete \u201C%s\u201D…"), ToWx(shown.name)));
    }
    menu->AppendSeparator();
    menu->Append(ID_IMPORT_FILES, _("Import transcripts…\tCtrl+I"));
    return menu;
}

}  // namespace kodex::gui
