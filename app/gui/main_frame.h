// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The editor window: panes the user can rearrange (wxAUI, layout remembered), the menus and the tool bar,
// and every command handler. A handler gathers the UI state, calls the Session (the same calls kodex-cli
// makes) and returns; the panels refresh themselves from the session's change messages.
#include <wx/aui/aui.h>
#include <wx/aui/auibar.h>
#include <wx/filehistory.h>
#include <wx/frame.h>

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>

#include "app/gui/ui/events.h"
#include "app/gui/ui/settings.h"
#include "core/export/analysis_export.h"
#include "core/store/consistency.h"
#include "core/session.h"
#include "core/store/project_lock.h"

namespace kodex {
struct SearchHit;
}

namespace kodex::gui {

class AgreementPanel;
class CodebookPanel;
class DocumentsPanel;
class ImportJob;
class MemoPanel;
class SearchPanel;
class SessionPanel;
class SegmentsPanel;
class TranscriptView;

class MainFrame : public wxFrame {
public:
    MainFrame();
    ~MainFrame() override;

    /// Opens a project; when another Kodex holds it, offers to open it read-only. False when not opened.
    bool OpenProject(const wxString& path);
    /// Creates a new, empty project and opens it.
    bool CreateProject(const wxString& path);
    /// Imports transcripts on a worker thread (see ImportJob).
    void ImportFiles(const std::vector<std::string>& paths);
    /// Reopens the last project; without one, the sample study.
    void OpenStartProject();
    /// Opens the sample study in the user's data folder, building it first from the installed (or the source
    /// tree's) codebooks and transcripts when it is not there. False when it could not be opened.
    bool OpenSampleStudy();
    /// Opens a file given on the command line (a double-click in the file manager): a project is opened, a
    /// REFI-QDA project (.qdpx, .qde) is offered for import into a new project, a codebook (.qdc) for import
    /// into the last project.
    void OpenFromCommandLine(const wxString& path);
    /// Imports a REFI-QDA project into a new project (asking for its file name) and opens it. False when
    /// cancelled or failed.
    bool ImportQdpx(const wxString& source);
    /// Adds the codes of a REFI-QDA codebook to the open project and reports the counts.
    void ImportCodebook(const wxString& path);
    /// Shows a document in the transcript and marks it in the documents list.
    void ShowDocument(DocumentId id);

    Session* GetSession() const { return m_session.get(); }
    bool CanEdit() const;
    TranscriptView* GetTranscript() const { return m_transcript; }
    CodebookPanel* GetCodebook() const { return m_codebook; }
    DocumentsPanel* GetDocuments() const { return m_documents; }
    SegmentsPanel* GetSegments() const { return m_segments; }
    SearchPanel* GetSearch() const { return m_search; }
    /// The result of the check made when the project was opened after an unclean exit (empty otherwise).
    const ConsistencyReport& GetLastCheck() const { return m_last_check; }
    MemoPanel* GetMemo() const { return m_memo; }
    AgreementPanel* GetAgreement() const { return m_agreement; }
    /// Writes an analysis of the ticked codes and documents (all when none are ticked) to `path`, in the format
    /// of its extension, as File > Export analysis does after asking; reports in the status bar, or shows the
    /// error. True when written.
    bool ExportAnalysis(AnalysisExport request, const wxString& path);
    /// The file an export writes when `typed_path` was typed and the dialog's type `chosen_type` was chosen.
    static wxString ExportPath(AnalysisKind kind, const wxString& typed_path, int chosen_type);
    /// Shows Help > Getting started unless it was shown before (remembered in the settings).
    void ShowGettingStartedOnce();
    /// Starts a new editor on `project` (after a change of language); true when it started. The project is closed
    /// before it is called, and the window closes after it returned true. Tests replace it.
    std::function<bool(const wxString& project)> restart_process;

private:
    // main_frame.cpp: window, panes, menus, status
    void CreatePanes();
    void CreateMenus();
    wxMenu* CreateCodingMenu();
    wxMenu* CreateCodesMenu();
    wxMenu* CreateViewMenu();
    void CreateToolBar();
    /// Sets the panes' captions and the toolbar's size in the running language (after a layout is loaded).
    void ApplyPaneTexts();
    void BindEvents();
    void UpdateTitle();
    /// Brings the status bar up to date once the current burst of events is over.
    void UpdateStatus();
    void ShowStatus();
    void SetStatus(int field, const wxString& text);
    /// Brings the enabled state of menu items (and so of their shortcuts) up to date, once per event burst.
    void RefreshCommandState();
    bool IsEnabled(int id) const;
    void OnUpdateUI(wxUpdateUIEvent& event);
    void OnUndoUpdate(wxUpdateUIEvent& event);
    void OnRedoUpdate(wxUpdateUIEvent& event);
    void OnUndo(wxCommandEvent& event);
    void OnRedo(wxCommandEvent& event);
    void OnFocusPane(int step);
    void OnTogglePane(wxCommandEvent& event);
    void OnZoom(wxCommandEvent& event);
    void OnAbout(wxCommandEvent& event);
    void OnClose(wxCloseEvent& event);
    void OnSessionChange(const Change& change);

    // main_frame_project.cpp: projects, import and export, preferences
    void SetUpFileDrop();
    void Attach(std::unique_ptr<Session> session, std::unique_ptr<ProjectLock> lock);
    void CloseProject();
    void OnNewProject(wxCommandEvent& event);
    void OnOpenProject(wxCommandEvent& event);
    void OnOpenSampleStudy(wxCommandEvent& event);
    void OnOpenRecent(wxCommandEvent& event);
    void OnImportFiles(wxCommandEvent& event);
    void OnImportFolder(wxCommandEvent& event);
    void OnImportFinished(const ImportReport* report, std::exception_ptr error);
    void OnImportCodebook(wxCommandEvent& event);
    void OnExportCodebook(wxCommandEvent& event);
    void OnImportQdpx(wxCommandEvent& event);
    void OnExportQdpx(wxCommandEvent& event);
    void OnSaveCopy(wxCommandEvent& event);
    // main_frame_export.cpp
    wxMenu* CreateExportAnalysisMenu();
    void OnExportAnalysis(wxCommandEvent& event);
    void OnPreferences(wxCommandEvent& event);
    void ApplyPreferences();

    // main_frame_coding.cpp: coding the transcript, navigation between panes
    std::optional<TextRange> CodingRange();
    void ApplyCode(CodeId code);
    void RememberCode(CodeId code);
    /// Recent codes are kept per project in the settings, by code GUID.
    void SaveRecentCodeList();
    void LoadRecentCodeList();
    void SetCurrentCoding(CodingId id, DocumentId document, CodeId code);
    void ForgetVanishedCoding();
    void ShowCodingMemo();
    void FillRecentMenu(wxMenu* menu) const;
    CodeId PickCode(const wxString& title, const std::set<CodeId>& excluded, bool allow_folders);
    void UpdateRecentMenu();
    void UpdateQuickKeyMenu();
    void UpdateRetrieval();
    wxString CodeName(CodeId id) const;
    void OnCodeSelection(wxCommandEvent& event);
    void OnCodeWith(wxCommandEvent& event);
    void OnCodeLast(wxCommandEvent& event);
    void OnCodeRecent(wxCommandEvent& event);
    void OnQuickCode(wxCommandEvent& event);
    void OnCodeInVivo(wxCommandEvent& event);
    void OnCodeTurn(wxCommandEvent& event);
    void OnRemoveCoding(wxCommandEvent& event);
    void OnChangeCodingCode(wxCommandEvent& event);
    void OnFind(wxCommandEvent& event);
    /// Every pane that shows project data.
    std::array<SessionPanel*, 7> SessionPanels() const;
    /// After an unclean exit: checks the project, reports, and offers the safe repairs.
    void CheckAfterUncleanExit(const wxString& holder);
    /// Shows a search hit: its document, the hit selected and every match in the document marked.
    void ShowSearchHit(const SearchHit& hit);
    void OnCodingMemo(wxCommandEvent& event);
    void OnSelectCodingText(wxCommandEvent& event);
    void OnShowCodeInTree(wxCommandEvent& event);
    void OnCopy(wxCommandEvent& event);
    void OnShowDocument(NavigationEvent& event);
    void OnCodingChosen(NavigationEvent& event);
    void OnJumpToCoding(NavigationEvent& event);
    void OnCodeChosen(NavigationEvent& event);
    void OnApplyCode(NavigationEvent& event);
    void OnContextMenu(wxContextMenuEvent& event);
    std::unique_ptr<wxMenu> CreateTextMenu();
    std::unique_ptr<wxMenu> CreateCodingContextMenu();

    // main_frame_codebook.cpp: editing the codebook, memos
    void AddCode(CodeId parent);
    void OnNewCode(wxCommandEvent& event);
    void OnNewSubcode(wxCommandEvent& event);
    void OnRenameCode(wxCommandEvent& event);
    void OnCodeColour(wxCommandEvent& event);
    void OnDescribeCode(wxCommandEvent& event);
    void OnMergeCode(wxCommandEvent& event);
    void OnMoveCode(wxCommandEvent& event);
    void OnDeleteCode(wxCommandEvent& event);
    void OnCodeMemo(wxCommandEvent& event);
    void OnDocumentMemo(wxCommandEvent& event);
    void OnProjectMemo(wxCommandEvent& event);
    void OnAssignQuickKey(wxCommandEvent& event);
    std::unique_ptr<wxMenu> CreateCodeContextMenu();
    std::unique_ptr<wxMenu> CreateDocumentContextMenu();
    void ShowDocumentMemo();
    void ShowProjectMemo();

    // main_frame_documents.cpp: renaming and deleting documents, help windows, restart after a language change
    wxMenu* CreateDocumentsMenu();
    void OnRenameDocument(wxCommandEvent& event);
    void OnDeleteDocument(wxCommandEvent& event);
    void RestartForLanguage();

    wxAuiManager m_aui;
    wxAuiToolBar* m_toolbar = nullptr;
    CodebookPanel* m_codebook = nullptr;
    DocumentsPanel* m_documents = nullptr;
    TranscriptView* m_transcript = nullptr;
    SegmentsPanel* m_segments = nullptr;
    SearchPanel* m_search = nullptr;
    MemoPanel* m_memo = nullptr;
    AgreementPanel* m_agreement = nullptr;
    wxMenu* m_recent_menu = nullptr;
    wxMenu* m_quick_menu = nullptr;
    wxFileHistory m_history;
    wxString m_default_layout;
    bool m_menu_update_pending = false;
    bool m_status_pending = false;
    wxString m_action_message;  ///< what the last action did, for the status bar's next update

    std::unique_ptr<ProjectLock> m_lock;
    std::unique_ptr<Session> m_session;
    int m_subscription = 0;
    std::unique_ptr<ImportJob> m_import;
    Preferences m_preferences;
    std::deque<CodeId> m_recent_codes;  ///< most recent first
    bool m_recent_save_pending = false;
    ConsistencyReport m_last_check;  ///< of the check after an unclean exit
    /// The coding the coding commands act on: the last one applied or picked.
    struct CurrentCoding {
        CodingId id;
        DocumentId document;
        CodeId code;
    } m_current;
};

}  // namespace kodex::gui
