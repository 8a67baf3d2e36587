// SPDX-License-Identifier: GPL-3.0-or-later
// MainFrame: renaming and deleting documents, the help windows (Getting started, Keyboard shortcuts) and the
// restart after a change of language.
#include <wx/config.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include <algorithm>

#include "app/gui/dialogs/action_prompts.h"
#include "app/gui/dialogs/help_windows.h"
#include "app/gui/main_frame.h"
#include "app/gui/panels/memo_panel.h"
#include "app/gui/panels/transcript_view.h"
#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"

namespace kodex::gui {

namespace {

const char* const kGettingStartedShown = "/Help/GettingStartedShown";

// Starts the same executable on the project. The new editor opens it after this one has let it go (the project
// is closed before this is called).
bool StartNewEditor(const wxString& project) {
    const wxString exe = wxStandardPaths::Get().GetExecutablePath();
    const wxString argv0 = exe, argv1 = project;
    const wchar_t* argv[] = {argv0.wc_str(), project.empty() ? nullptr : argv1.wc_str(), nullptr};
    return wxExecute(argv, wxEXEC_ASYNC) > 0;
}

}  // namespace

wxMenu* MainFrame::CreateDocumentsMenu() {
    auto* menu = new wxMenu;
    menu->Append(ID_RENAME_DOCUMENT, _("&Rename document…"), _("Give the shown document another name"));
    menu->Append(ID_DELETE_DOCUMENT, _("&Delete document…"), _("Delete the shown document and its codings (undoable)"));
    menu->AppendSeparator();
    menu->Append(ID_DOCUMENT_MEMO, _("Document &memo"));
    return menu;
}

void MainFrame::OnRenameDocument(wxCommandEvent&) {
    const DocumentId id = m_transcript->GetDocument();
    if (!CanEdit() || !id.valid()) return;
    const wxString old_name = ToWx(m_transcript->GetShownDocument().name);
    wxTextEntryDialog dialog(this, _("New name of the document:"), _("Rename document"), old_name);
    if (dialog.ShowModal() != wxID_OK) return;
    const wxString name = dialog.GetValue().Strip(wxString::both);
    if (name.empty() || name == old_name) return;
    Guarded(this, [&] { m_session->rename_document(id, ToUtf8(name)); });
}

void MainFrame::OnDeleteDocument(wxCommandEvent&) {
    const DocumentId id = m_transcript->GetDocument();
    if (!CanEdit() || !id.valid()) return;
    // From the session, not the list: the list may not have caught up with the last change yet.
    std::vector<DocumentSummary> documents;
    if (!Guarded(this, [&] { documents = m_session->documents(); })) return;
    const auto it = std::find_if(documents.begin(), documents.end(), [&](const DocumentSummary& d) { return d.id == id; });
    if (it == documents.end() || !ConfirmDeleteDocument(this, ToWx(it->name), it->codings)) return;
    m_memo->Flush();
    if (!Guarded(this, [&] { m_session->delete_document(id); })) return;
    documents.erase(it);
    if (!documents.empty()) ShowDocument(documents.front().id);
}

void MainFrame::ShowGettingStartedOnce() {
    wxConfigBase* config = wxConfigBase::Get();
    if (config->ReadBool(kGettingStartedShown, false)) return;
    config->Write(kGettingStartedShown, true);
    config->Flush();
    ShowGettingStarted(this);
}

void MainFrame::RestartForLanguage() {
    if (!AskRestartForLanguage(this)) return;
    m_memo->Flush();
    SaveLayout(m_aui.SavePerspective());
    const wxString project = m_session ? ToWx(m_session->path()) : wxString();
    CloseProject();  // the new editor must find the project free
    const std::function<bool(const wxString&)> start = restart_process ? restart_process : StartNewEditor;
    if (start(project)) {
        Close();
        return;
    }
    wxMessageBox(_("Kodex could not be started again. Please quit and start it yourself."), _("Preferences"),
                 wxOK | wxICON_WARNING, this);
    if (!project.empty()) OpenProject(project);
}

}  // namespace kodex::gui
