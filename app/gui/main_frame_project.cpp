// SPDX-License-Identifier: GPL-3.0-or-later
// MainFrame: opening, creating and closing projects, importing and exporting, preferences.
#include <wx/dir.h>
#include <wx/dnd.h>
#include <wx/filedlg.h>
#include <wx/dirdlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>

#include "app/gui/dialogs/import_report_dialog.h"
#include "app/gui/dialogs/preferences_dialog.h"
#include "app/gui/dialogs/prompts.h"
#include "app/gui/main_frame.h"
#include "app/gui/panels/codebook_panel.h"
#include "app/gui/panels/documents_panel.h"
#include "app/gui/panels/agreement_panel.h"
#include "app/gui/panels/memo_panel.h"
#include "app/gui/panels/search_panel.h"
#include "core/store/consistency.h"
#include "app/gui/panels/segments_panel.h"
#include "app/gui/panels/transcript_view.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"
#include "app/gui/ui/import_job.h"
#include "app/gui/ui/startup.h"
#include "core/refi/qdpx.h"
#include "core/sample_study.h"

namespace kodex::gui {

namespace {

const char* const kProjectWildcard = wxTRANSLATE("Kodex projects (*.kodex)|*.kodex");
const char* const kTranscriptExtensions[] = {"txt", "text", "docx", "odt", "pdf", "vtt", "srt"};

bool IsTranscript(const wxString& path) {
    const wxString ext = wxFileName(path).GetExt().Lower();
    for (const char* e : kTranscriptExtensions)
        if (ext == e) return true;
    return false;
}

// Files dropped on the window are imported; dropped folders contribute the transcripts inside them.
std::vector<std::string> TranscriptsIn(const wxArrayString& paths) {
    std::vector<std::string> out;
    for (const wxString& path : paths) {
        if (wxFileName::DirExists(path)) {
            wxArrayString files;
            wxDir::GetAllFiles(path, &files, wxString(), wxDIR_FILES | wxDIR_DIRS);
            files.Sort();
            for (const wxString& f : files)
                if (IsTranscript(f)) out.push_back(ToUtf8(f));
        } else {
            out.push_back(ToUtf8(path));
        }
    }
    return out;
}

class FileDropTarget : public wxFileDropTarget {
public:
    explicit FileDropTarget(MainFrame* frame) : m_frame(frame) {}
    bool OnDropFiles(wxCoord, wxCoord, const wxArrayString& files) override {
        if (!m_frame->CanEdit()) return false;
        const auto paths = TranscriptsIn(files);
        m_frame->CallAfter([frame = m_frame, paths] { frame->ImportFiles(paths); });
        return !paths.empty();
    }

private:
    MainFrame* m_frame;
};

}  // namespace

void MainFrame::SetUpFileDrop() { SetDropTarget(new FileDropTarget(this)); }

bool MainFrame::OpenProject(const wxString& path) {
    const wxString full = wxFileName(path).GetAbsolutePath();
    if (m_session && ToWx(m_session->path()) == full) return true;
    std::unique_ptr<Session> session;
    std::unique_ptr<ProjectLock> lock;
    const bool opened = Guarded(this, [&] {
        const std::string file = ToUtf8(full);
        if (!wxFileName::FileExists(full)) throw IoError(file, ToUtf8(_("the file does not exist")));
        std::string holder;
        lock = ProjectLock::try_acquire(file, &holder);
        if (!lock && !AskOpenReadOnly(this, full, ToWx(holder))) return;
        session = Session::open(file, !lock);
    });
    if (!opened || !session) return false;
    Attach(std::move(session), std::move(lock));
    return true;
}

bool MainFrame::CreateProject(const wxString& path) {
    const wxString full = wxFileName(path).GetAbsolutePath();
    std::unique_ptr<Session> session;
    std::unique_ptr<ProjectLock> lock;
    const bool created = Guarded(this, [&] {
        const std::string file = ToUtf8(full);
        std::string holder;
        lock = ProjectLock::try_acquire(file, &holder);
        if (!lock) throw IoError(file, ToUtf8(wxString::Format(_("in use by %s"), ToWx(holder))));
        session = Session::create(file);
    });
    if (!created) return false;
    Attach(std::move(session), std::move(lock));
    return true;
}

void MainFrame::Attach(std::unique_ptr<Session> session, std::unique_ptr<ProjectLock> lock) {
    CloseProject();
    m_session = std::move(session);
    m_lock = std::move(lock);
    ApplyPreferences();
    Guarded(this, [&] {
        for (SessionPanel* panel : SessionPanels())
            panel->SetSession(m_session.get());
        const auto& docs = m_documents->GetDocuments();
        ShowDocument(docs.empty() ? DocumentId() : docs.front().id);
    });
    // Subscribed after the panels, so the frame hears of a change when the panels show it already.
    m_subscription = m_session->events().subscribe([this](const Change& change) { OnSessionChange(change); });
    const wxString path = ToWx(m_session->path());
    m_history.AddFileToHistory(path);
    SaveLastProject(path);
    LoadRecentCodeList();
    UpdateRecentMenu();
    UpdateQuickKeyMenu();
    UpdateRetrieval();
    UpdateTitle();
    UpdateStatus();
    if (m_lock && !m_lock->unclean_exit_of().empty()) CheckAfterUncleanExit(ToWx(m_lock->unclean_exit_of()));
}

void MainFrame::CheckAfterUncleanExit(const wxString& holder) {
    // The last editor on this project ended without closing it (crash, kill, power cut). Every finished
    // action is in the file; Kodex's own check says whether anything else is wrong.
    ConsistencyReport report;
    const bool checked = Guarded(this, [&] {
        wxBusyCursor busy;
        report = check_project(m_session->store());
    });
    if (!checked) return;
    m_last_check = report;
    if (report.ok()) {
        SetStatusText(wxString::Format(_("The project was not closed properly last time (%s). Kodex checked it: all is in order."),
                                       holder),
                      0);  // the message field
        return;
    }
    wxString details;
    std::size_t shown = 0;
    bool repairable = report.integrity != "ok" ? false : true;
    if (report.integrity != "ok") details << _("SQLite integrity check:") << " " << ToWx(report.integrity) << "\n";
    for (const ConsistencyIssue& issue : report.issues) {
        repairable = repairable || issue.repairable;
        if (++shown <= 8) details << "\u2022 " << ToWx(issue.what) << "\n";
    }
    if (shown > 8) details << wxString::Format(_("… and %zu more"), shown - 8) << "\n";
    details << "\n"
            << wxString::Format(_("Backups of this project are in %s (kodex-cli restore puts one back)."),
                                ToWx(m_session->path() + ".backups"));
    wxMessageDialog dialog(this, _("The project was not closed properly last time, and Kodex's check found problems in it."),
                           _("Kodex"), (repairable ? wxYES_NO | wxNO_DEFAULT : wxOK) | wxICON_WARNING);
    dialog.SetExtendedMessage(details);
    if (repairable) dialog.SetYesNoLabels(_("&Repair what is safe to repair"), _("&Leave it as it is"));
    if (dialog.ShowModal() != wxID_YES) return;
    Guarded(this, [&] {
        wxBusyCursor busy;
        m_last_check = check_project(m_session->store(), true);
    });
    // The repair wrote to the file directly: every pane reads the project again.
    for (SessionPanel* panel : SessionPanels())
        panel->Reload();
}

std::array<SessionPanel*, 7> MainFrame::SessionPanels() const {
    return {m_codebook, m_documents, m_transcript, m_segments, m_search, m_memo, m_agreement};
}

void MainFrame::CloseProject() {
    if (!m_session) return;
    m_memo->Flush();
    m_session->events().unsubscribe(m_subscription);
    for (SessionPanel* panel : SessionPanels())
        panel->SetSession(nullptr);
    m_session.reset();
    m_lock.reset();
    m_recent_codes.clear();
    m_last_check = ConsistencyReport();
    m_current = CurrentCoding();
    UpdateTitle();
    UpdateStatus();
}

void MainFrame::OnNewProject(wxCommandEvent&) {
    wxFileDialog dialog(this, _("New project"), wxString(), _("Study.kodex"), wxGetTranslation(kProjectWildcard),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    wxFileName name(dialog.GetPath());
    if (name.GetExt().empty()) name.SetExt("kodex");
    CreateProject(name.GetFullPath());
}

void MainFrame::OnOpenProject(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Open project"), wxString(), wxString(), wxGetTranslation(kProjectWildcard),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) OpenProject(dialog.GetPath());
}

void MainFrame::OpenStartProject() {
    const wxString last = LoadLastProject();
    if (!last.empty() && wxFileName::FileExists(last) && OpenProject(last)) return;
    if (wxFileName::FileExists(SampleProjectPath()) || !FindSampleSources().empty()) OpenSampleStudy();
}

bool MainFrame::OpenSampleStudy() {
    const wxString target = SampleProjectPath();
    if (wxFileName::FileExists(target)) return OpenProject(target);
    const wxString sources = FindSampleSources();
    if (sources.empty()) {
        wxMessageBox(_("The sample study's codebook and transcripts were not found: Kodex is not installed completely."),
                     _("Open the sample study"), wxOK | wxICON_WARNING, this);
        return false;
    }
    wxFileName::Mkdir(wxFileName(target).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    const bool built = Guarded(this, [&] {
        wxProgressDialog progress(_("Kodex"), _("Preparing the sample study…"), 100, this, wxPD_APP_MODAL | wxPD_AUTO_HIDE);
        build_sample_study(ToUtf8(sources), ToUtf8(target), Progress([&](std::int64_t, std::int64_t, const std::string& what) {
                               progress.Pulse(wxString::Format(_("Preparing the sample study: %s"), ToWx(what)));
                           }));
    });
    if (!built || !OpenProject(target)) return false;
    // The sample study is built on the first start: the moment to show the first steps.
    CallAfter([this] { ShowGettingStartedOnce(); });
    return true;
}

void MainFrame::OnOpenSampleStudy(wxCommandEvent&) { OpenSampleStudy(); }

void MainFrame::OpenFromCommandLine(const wxString& path) {
    const wxString ext = wxFileName(path).GetExt().Lower();
    if (ext == "qdpx" || ext == "qde") {
        // Asked once the window is on screen; cancelled, the editor goes on as if started without a file.
        CallAfter([this, path] {
            if (!ImportQdpx(path)) OpenStartProject();
        });
        return;
    }
    if (ext == "qdc") {
        OpenStartProject();
        CallAfter([this, path] {
            const wxString name = wxFileName(path).GetFullName();
            if (!CanEdit()) {
                wxMessageBox(wxString::Format(_("To add the codes of %s, open or create a project, then choose File > "
                                                "Import codebook (.qdc)."), name),
                             _("Import codebook"), wxOK | wxICON_INFORMATION, this);
                return;
            }
            const wxString project = wxFileName(ToWx(m_session->path())).GetName();
            if (wxMessageBox(wxString::Format(_("Add the codes of the codebook %s to the project %s?"), name, project),
                             _("Import codebook"), wxYES_NO | wxICON_QUESTION, this) == wxYES)
                ImportCodebook(path);
        });
        return;
    }
    OpenProject(path);
}

void MainFrame::OnOpenRecent(wxCommandEvent& event) {
    const wxString path = m_history.GetHistoryFile(static_cast<size_t>(event.GetId() - wxID_FILE1));
    if (!OpenProject(path) && !wxFileName::FileExists(path))
        m_history.RemoveFileFromHistory(static_cast<size_t>(event.GetId() - wxID_FILE1));
}

void MainFrame::ImportFiles(const std::vector<std::string>& paths) {
    if (!CanEdit() || paths.empty() || m_import) return;
    m_memo->Flush();
    ImportRequest request;
    request.paths = paths;
    m_import = std::make_unique<ImportJob>(this, m_session->path(), request,
                                           [this](const ImportReport* report, std::exception_ptr error) {
                                               OnImportFinished(report, error);
                                           });
    m_import->Start();
}

void MainFrame::OnImportFinished(const ImportReport* report, std::exception_ptr error) {
    // The job's worker has finished; the job itself goes after this call has returned.
    CallAfter([this] { m_import.reset(); });
    // The import wrote through its own connection: every view reads the project again.
    Guarded(this, [&] {
        for (SessionPanel* panel : std::initializer_list<SessionPanel*>{m_codebook, m_documents, m_segments}) panel->Reload();
        if (!m_transcript->GetDocument().valid() && !m_documents->GetDocuments().empty())
            ShowDocument(m_documents->GetDocuments().front().id);
    });
    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const Cancelled&) {
            SetStatusText(_("The import was cancelled; nothing was imported."));
        } catch (const std::exception& e) {
            ShowError(this, e);
        }
        return;
    }
    ImportReportDialog(this, *report).ShowModal();
    if (!report->imported.empty()) ShowDocument(report->imported.front().id);
}

void MainFrame::OnImportFiles(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Import transcripts"), wxString(), wxString(),
                        _("Transcripts (*.txt;*.docx;*.odt;*.pdf;*.vtt;*.srt)|*.txt;*.text;*.docx;*.odt;*.pdf;*.vtt;*.srt|All files|*"),
                        wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    wxArrayString paths;
    dialog.GetPaths(paths);
    ImportFiles(TranscriptsIn(paths));
}

void MainFrame::OnImportFolder(wxCommandEvent&) {
    wxDirDialog dialog(this, _("Import all transcripts in a folder"), wxString(), wxDD_DIR_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    wxArrayString folder;
    folder.Add(dialog.GetPath());
    const auto paths = TranscriptsIn(folder);
    if (paths.empty()) {
        wxMessageBox(_("The folder holds no transcripts (.txt, .docx, .odt, .pdf, .vtt, .srt)."), _("Import"), wxOK, this);
        return;
    }
    ImportFiles(paths);
}

void MainFrame::OnImportCodebook(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Import codebook"), wxString(), wxString(), _("REFI-QDA codebooks (*.qdc)|*.qdc"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) ImportCodebook(dialog.GetPath());
}

void MainFrame::ImportCodebook(const wxString& path) {
    Guarded(this, [&] {
        const CodebookImportReport report = m_session->import_codebook(ToUtf8(path));
        wxString message = wxString::Format(wxPLURAL("%d code added", "%d codes added", report.added), report.added) + ", " +
                           wxString::Format(_("%d updated, %d unchanged."), report.updated, report.unchanged);
        for (const std::string& warning : report.warnings) message << "\n" << ToWx(warning);
        wxMessageBox(message, _("Import codebook"), wxOK | wxICON_INFORMATION, this);
    });
}

void MainFrame::OnExportCodebook(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Export codebook"), wxString(), _("Codebook.qdc"), _("REFI-QDA codebooks (*.qdc)|*.qdc"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    Guarded(this, [&] {
        m_session->export_codebook(ToUtf8(dialog.GetPath()));
        SetStatusText(wxString::Format(_("Codebook exported to %s"), dialog.GetPath()));
    });
}

void MainFrame::OnImportQdpx(wxCommandEvent&) {
    wxFileDialog source(this, _("Import REFI-QDA project"), wxString(), wxString(),
                        _("REFI-QDA projects (*.qdpx;*.qde)|*.qdpx;*.qde"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (source.ShowModal() == wxID_OK) ImportQdpx(source.GetPath());
}

bool MainFrame::ImportQdpx(const wxString& source) {
    wxFileName name(wxFileName(source).GetAbsolutePath());
    name.SetExt("kodex");
    // The import makes a new project: offered a name that is free ("Study (2).kodex" when Study.kodex exists).
    const wxString base = name.GetName();
    for (int n = 2; name.FileExists(); ++n) name.SetName(wxString::Format("%s (%d)", base, n));
    wxFileDialog target(this, wxString::Format(_("Save the project imported from %s as"), wxFileName(source).GetFullName()),
                        name.GetPath(), name.GetFullName(), wxGetTranslation(kProjectWildcard), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (target.ShowModal() != wxID_OK) return false;
    if (wxFileName::FileExists(target.GetPath())) {
        wxMessageBox(_("The import creates a new project: choose a file name that does not exist yet."),
                     _("Import REFI-QDA project"), wxOK | wxICON_INFORMATION, this);
        return false;
    }
    bool opened = false;
    Guarded(this, [&] {
        wxBusyCursor busy;
        const QdpxImportReport r = import_qdpx(ToUtf8(source), ToUtf8(target.GetPath()));
        const long long documents = r.imported.documents, codes = r.imported.codes, codings = r.imported.codings,
                        memos = r.imported.memos;
        wxString message = wxString::Format(_("Imported: %s, %s, %s, %s."),
                                            wxString::Format(wxPLURAL("%lld document", "%lld documents", documents), documents),
                                            wxString::Format(wxPLURAL("%lld code", "%lld codes", codes), codes),
                                            wxString::Format(wxPLURAL("%lld coding", "%lld codings", codings), codings),
                                            wxString::Format(wxPLURAL("%lld memo", "%lld memos", memos), memos));
        for (const auto& item : r.skipped)
            message << "\n" << wxString::Format(_("Skipped %s %s: %s"), ToWx(item.element), ToWx(item.name), ToWx(item.reason));
        for (const auto& item : r.adjusted)
            message << "\n" << wxString::Format(_("Adjusted %s %s: %s"), ToWx(item.element), ToWx(item.name), ToWx(item.reason));
        for (const std::string& w : r.warnings) message << "\n" << ToWx(w);
        wxMessageBox(message, _("Import REFI-QDA project"), wxOK | wxICON_INFORMATION, this);
        opened = OpenProject(target.GetPath());
    });
    return opened;
}

void MainFrame::OnExportQdpx(wxCommandEvent&) {
    wxFileName name(ToWx(m_session->path()));
    name.SetExt("qdpx");
    wxFileDialog dialog(this, _("Export REFI-QDA project"), name.GetPath(), name.GetFullName(),
                        _("REFI-QDA projects (*.qdpx)|*.qdpx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    m_memo->Flush();
    Guarded(this, [&] {
        wxBusyCursor busy;
        const QdpxExportReport r = export_qdpx(*m_session, ToUtf8(dialog.GetPath()));
        const long long documents = r.documents, codings = r.codings;
        SetStatusText(wxString::Format(_("Exported %s and %s to %s"),
                                       wxString::Format(wxPLURAL("%lld document", "%lld documents", documents), documents),
                                       wxString::Format(wxPLURAL("%lld coding", "%lld codings", codings), codings),
                                       dialog.GetPath()));
    });
}

void MainFrame::OnSaveCopy(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Save a copy of the project"), wxString(), _("Copy.kodex"),
                        wxGetTranslation(kProjectWildcard), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    m_memo->Flush();
    Guarded(this, [&] {
        m_session->save_copy(ToUtf8(dialog.GetPath()));
        SetStatusText(wxString::Format(_("A copy was saved as %s"), dialog.GetPath()));
    });
}

void MainFrame::OnPreferences(wxCommandEvent&) {
    PreferencesDialog dialog(this, m_preferences, DefaultCoder());
    if (dialog.ShowModal() != wxID_OK) return;
    const wxString old_language = m_preferences.language;
    m_preferences = dialog.GetPreferences();
    m_preferences.Save();
    ApplyPreferences();
    if (m_preferences.language != old_language) RestartForLanguage();
}

void MainFrame::ApplyPreferences() {
    if (!m_session) return;
    const wxString coder = m_preferences.coder.empty() ? DefaultCoder() : m_preferences.coder;
    Guarded(this, [&] { m_session->set_coder(ToUtf8(coder)); });
    UpdateStatus();
}

}  // namespace kodex::gui
