// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/config.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/statusbr.h>

#include "app/gui/dialogs/help_windows.h"
#include "app/gui/panels/codebook_panel.h"
#include "app/gui/panels/documents_panel.h"
#include "app/gui/panels/agreement_panel.h"
#include "app/gui/panels/memo_panel.h"
#include "app/gui/panels/search_panel.h"
#include "app/gui/panels/segments_panel.h"
#include "app/gui/panels/transcript_view.h"
#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"
#include "app/gui/ui/i18n.h"
#include "app/gui/ui/import_job.h"
#include "app/gui/ui/startup.h"

namespace kodex::gui {

namespace {

// Field 0 (messages such as "Undone: ...") is the frame's status text field; the others describe the state.
enum StatusField { kStatusMessage = 0, kStatusDocument, kStatusPosition, kStatusCoder, kStatusMode, kStatusFields };

// The panes that the View menu and F6 know about, in the order F6 visits them. Each pane's main control (the
// one that takes the focus) has the pane's name.
const char* const kPanes[] = {"codebook", "documents", "transcript", "segments", "search", "memo", "agreement"};
constexpr int kPaneCount = static_cast<int>(sizeof kPanes / sizeof kPanes[0]);

wxString PaneCaption(const wxString& name) {
    if (name == "codebook") return _("Codebook");
    if (name == "documents") return _("Documents");
    if (name == "transcript") return _("Transcript");
    if (name == "segments") return _("Retrieved segments");
    if (name == "search") return _("Search");
    if (name == "agreement") return _("Intercoder agreement");
    return _("Memo");
}

}  // namespace

MainFrame::MainFrame()
    : wxFrame(nullptr, wxID_ANY, "Kodex", wxDefaultPosition, wxSize(1500, 940), wxDEFAULT_FRAME_STYLE, "kodex_main"),
      m_preferences(Preferences::Load()) {
    SetMinSize(FromDIP(wxSize(800, 500)));
    m_aui.SetManagedWindow(this);
    CreatePanes();
    CreateMenus();
    CreateToolBar();
    CreateStatusBar(kStatusFields);
    const int widths[kStatusFields] = {-3, -2, -3, -1, FromDIP(110)};
    GetStatusBar()->SetStatusWidths(kStatusFields, widths);
    m_default_layout = m_aui.SavePerspective();
    if (const wxString saved = LoadLayout(); !saved.empty()) m_aui.LoadPerspective(saved, false);
    ApplyPaneTexts();
    m_aui.GetPane("transcript").Show();  // the centre pane cannot be hidden
    m_aui.Update();
    BindEvents();
    SetUpFileDrop();
    UpdateTitle();
    UpdateStatus();
}

void MainFrame::ApplyPaneTexts() {
    // A saved layout holds no captions (SaveLayout) and the toolbar's size of the language it was saved in:
    // both come from the running language, so every caption is translated and no tool is cut off.
    for (const char* name : kPanes) m_aui.GetPane(name).Caption(PaneCaption(name));
    m_toolbar->Realize();
    m_aui.GetPane("toolbar").Caption(_("Tool bar")).BestSize(m_toolbar->GetBestSize()).MinSize(m_toolbar->GetBestSize());
}

MainFrame::~MainFrame() {
    m_import.reset();
    CloseProject();
    m_aui.UnInit();
}

void MainFrame::CreatePanes() {
    m_codebook = new CodebookPanel(this);
    m_documents = new DocumentsPanel(this);
    m_transcript = new TranscriptView(this);
    m_segments = new SegmentsPanel(this);
    m_search = new SearchPanel(this);
    m_search->on_show_hit = [this](const SearchHit& hit) { ShowSearchHit(hit); };
    m_search->on_results = [this] { m_transcript->SetSearchMatches(m_search->MatchesIn(m_transcript->GetDocument())); };
    m_search->pick_code = [this] { return CanEdit() ? PickCode(_("Code the hits with"), {}, false) : CodeId(); };
    m_memo = new MemoPanel(this);
    m_agreement = new AgreementPanel(this);
    m_agreement->on_show_place = [this](DocumentId document, TextRange range) {
        ShowDocument(document);
        if (m_transcript->GetDocument() == document) m_transcript->SelectRange(range);
    };
    const wxSize side = FromDIP(wxSize(390, 420));
    m_aui.AddPane(m_codebook, wxAuiPaneInfo().Name("codebook").Caption(PaneCaption("codebook")).Left().Layer(1)
                                  .Position(0).BestSize(side).MinSize(FromDIP(wxSize(200, 150))).CloseButton(true));
    m_aui.AddPane(m_documents, wxAuiPaneInfo().Name("documents").Caption(PaneCaption("documents")).Left().Layer(1)
                                   .Position(1).BestSize(FromDIP(wxSize(390, 260))).MinSize(FromDIP(wxSize(200, 120))));
    m_aui.AddPane(m_transcript, wxAuiPaneInfo().Name("transcript").Caption(PaneCaption("transcript")).CenterPane()
                                    .PaneBorder(false));
    m_aui.AddPane(m_segments, wxAuiPaneInfo().Name("segments").Caption(PaneCaption("segments")).Bottom().Layer(0)
                                  .BestSize(FromDIP(wxSize(560, 230))).MinSize(FromDIP(wxSize(300, 100))));
    m_aui.AddPane(m_search, wxAuiPaneInfo().Name("search").Caption(PaneCaption("search")).Bottom().Layer(0).Position(1)
                                .BestSize(FromDIP(wxSize(900, 230))).MinSize(FromDIP(wxSize(300, 100))));
    m_aui.AddPane(m_memo, wxAuiPaneInfo().Name("memo").Caption(PaneCaption("memo")).Right().Layer(0)
                              .BestSize(FromDIP(wxSize(280, 400))).MinSize(FromDIP(wxSize(180, 120))));
    // Opened from Coding > Compare coders (or the View menu) when a second coder has coded: a row of its own
    // below the segments and the search, as wide as the transcript, for its two lists side by side.
    m_aui.AddPane(m_agreement, wxAuiPaneInfo().Name("agreement").Caption(PaneCaption("agreement")).Bottom().Layer(0)
                                   .Row(1).BestSize(FromDIP(wxSize(900, 220))).MinSize(FromDIP(wxSize(400, 140)))
                                   .Hide());
}

void MainFrame::CreateMenus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New project…\tCtrl+N"));
    file->Append(wxID_OPEN, _("&Open project…\tCtrl+O"));
    auto* recent = new wxMenu;
    file->AppendSubMenu(recent, _("Open &recent"));
    m_history.UseMenu(recent);
    m_history.Load(*wxConfigBase::Get());
    file->AppendSeparator();
    file->Append(ID_IMPORT_FILES, _("&Import transcripts…\tCtrl+I"));
    file->Append(ID_IMPORT_FOLDER, _("Import a &folder of transcripts…"));
    file->AppendSeparator();
    file->Append(ID_IMPORT_CODEBOOK, _("Import code&book (.qdc)…"));
    file->Append(ID_EXPORT_CODEBOOK, _("E&xport codebook (.qdc)…"));
    file->AppendSeparator();
    file->Append(ID_IMPORT_QDPX, _("Import REFI-QDA &project (.qdpx)…"));
    file->Append(ID_EXPORT_QDPX, _("Export REFI-QDA pro&ject (.qdpx)…"));
    file->AppendSeparator();
    file->AppendSubMenu(CreateExportAnalysisMenu(), _("Export &analysis"));
    file->AppendSeparator();
    file->Append(ID_SAVE_COPY, _("Save a &copy as…\tCtrl+Shift+S"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"));
    edit->Append(wxID_REDO, _("&Redo\tCtrl+Shift+Z"));
    edit->AppendSeparator();
    edit->Append(wxID_COPY, _("&Copy text\tCtrl+C"));
    edit->Append(wxID_FIND, _("&Search the transcripts…\tCtrl+F"));
    edit->AppendSeparator();
    edit->Append(wxID_PREFERENCES, _("&Preferences…\tCtrl+,"));

    auto* help = new wxMenu;
    help->Append(ID_OPEN_SAMPLE_STUDY, _("Open the &sample study"),
                 _("Interviews with cluster managers about the Corona crisis, coded, to try Kodex on"));
    help->Append(ID_GETTING_STARTED, _("&Getting started"), _("The first steps with Kodex, on one page"));
    help->Append(ID_KEYBOARD_SHORTCUTS, _("&Keyboard shortcuts"), _("Every shortcut of the menus"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, _("&About Kodex"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(CreateCodingMenu(), _("&Coding"));
    bar->Append(CreateCodesMenu(), _("Co&des"));
    bar->Append(CreateDocumentsMenu(), _("Documen&ts"));
    bar->Append(CreateViewMenu(), _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    // Second keys for menu commands; a menu item carries only one.
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'Y', wxID_REDO}, {wxACCEL_SHIFT, WXK_F6, ID_PREVIOUS_PANE},
                                 {wxACCEL_CTRL, '=', ID_ZOOM_IN}, {wxACCEL_CTRL, WXK_NUMPAD_ADD, ID_ZOOM_IN},
                                 {wxACCEL_CTRL, WXK_NUMPAD_SUBTRACT, ID_ZOOM_OUT}};
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(sizeof keys / sizeof keys[0]), keys));
}

wxMenu* MainFrame::CreateCodingMenu() {
    auto* menu = new wxMenu;
    menu->Append(ID_CODE_SELECTION, _("&Code selection with the selected code\tCtrl+D"));
    menu->Append(ID_CODE_WITH, _("Code selection &with…\tCtrl+K"));
    menu->Append(ID_CODE_LAST, _("Code with the &last used code\tCtrl+L"));
    m_recent_menu = new wxMenu;
    menu->AppendSubMenu(m_recent_menu, _("&Recent codes"));
    m_quick_menu = new wxMenu;
    for (int key = 1; key <= 9; ++key) m_quick_menu->Append(ID_QUICK_CODE_FIRST + key - 1, wxString::Format("%d", key));
    menu->AppendSubMenu(m_quick_menu, _("&Quick codes"));
    menu->AppendSeparator();
    menu->Append(ID_CODE_IN_VIVO, _("Code &in vivo\tCtrl+Shift+V"));
    menu->Append(ID_CODE_TURN, _("Code the whole &turn\tCtrl+T"));
    menu->AppendCheckItem(ID_SNAP_TO_WORDS, _("&Snap selections to whole words"));
    menu->AppendSeparator();
    menu->Append(ID_SELECT_CODING_TEXT, _("Select the coding's te&xt"));
    menu->Append(ID_CODING_MEMO, _("&Memo of the coding"));
    menu->Append(ID_SHOW_CODE_IN_TREE, _("Show the coding's code in the code&book"));
    menu->Append(ID_CHANGE_CODING_CODE, _("Change the coding's co&de…"));
    menu->Append(ID_REMOVE_CODING, _("Remove the c&oding"));
    menu->AppendSeparator();
    menu->Append(ID_COMPARE_CODERS, _("Compare cod&ers…"), _("Intercoder agreement per code and the places where the coders disagree"));
    UpdateRecentMenu();
    UpdateQuickKeyMenu();
    return menu;
}

wxMenu* MainFrame::CreateCodesMenu() {
    auto* menu = new wxMenu;
    menu->Append(ID_NEW_CODE, _("&New code\tCtrl+Shift+N"));
    menu->Append(ID_NEW_SUBCODE, _("New &subcode\tCtrl+Alt+N"));
    menu->AppendSeparator();
    menu->Append(ID_RENAME_CODE, _("&Rename\tF2"));
    menu->Append(ID_CODE_COLOUR, _("&Colour…"));
    menu->Append(ID_DESCRIBE_CODE, _("&Description…"));
    menu->Append(ID_CODE_MEMO, _("&Memo of the code"));
    auto* keys = new wxMenu;
    keys->Append(ID_ASSIGN_QUICK_KEY_FIRST, _("None"));
    for (int key = 1; key <= 9; ++key) keys->Append(ID_ASSIGN_QUICK_KEY_FIRST + key, wxString::Format(_("Ctrl+%d"), key));
    menu->AppendSubMenu(keys, _("Assign &quick key"));
    menu->AppendSeparator();
    menu->Append(ID_MOVE_CODE, _("Mo&ve to…\tCtrl+M"));
    menu->Append(ID_MERGE_CODE, _("Mer&ge into…"));
    menu->Append(ID_DELETE_CODE, _("De&lete…"));
    return menu;
}

wxMenu* MainFrame::CreateViewMenu() {
    auto* menu = new wxMenu;
    for (int i = 0; i < kPaneCount; ++i)
        if (wxString(kPanes[i]) != "transcript") menu->AppendCheckItem(ID_SHOW_PANE_FIRST + i, PaneCaption(kPanes[i]));
    menu->Append(ID_RESET_LAYOUT, _("Reset the &layout"));
    menu->AppendSeparator();
    menu->Append(ID_NEXT_PANE, _("&Next pane\tF6"));
    menu->AppendSeparator();
    menu->Append(ID_ZOOM_IN, _("Zoom &in\tCtrl++"));
    menu->Append(ID_ZOOM_OUT, _("Zoom &out\tCtrl+-"));
    menu->Append(ID_ZOOM_RESET, _("&Normal size\tCtrl+0"));
    menu->AppendSeparator();
    menu->Append(ID_DOCUMENT_MEMO, _("&Document memo"));
    menu->Append(ID_PROJECT_MEMO, _("&Project memo"));
    return menu;
}

void MainFrame::CreateToolBar() {
    m_toolbar = new wxAuiToolBar(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxAUI_TB_TEXT | wxAUI_TB_HORZ_LAYOUT | wxAUI_TB_PLAIN_BACKGROUND | wxAUI_TB_OVERFLOW);
    m_toolbar->SetName("toolbar");
    const wxSize icon = FromDIP(wxSize(16, 16));
    m_toolbar->AddTool(ID_CODE_SELECTION, wxGETTEXT_IN_CONTEXT("verb", "Code"), wxArtProvider::GetBitmapBundle(wxART_TICK_MARK, wxART_TOOLBAR, icon),
                       _("Code the selection with the code selected in the codebook (Ctrl+D)"));
    m_toolbar->AddTool(ID_CODE_WITH, _("Code with…"), wxArtProvider::GetBitmapBundle(wxART_FIND, wxART_TOOLBAR, icon),
                       _("Pick a code by typing (Ctrl+K)"));
    m_toolbar->AddTool(ID_CODE_LAST, _("Last code"), wxArtProvider::GetBitmapBundle(wxART_REDO, wxART_TOOLBAR, icon),
                       _("Code with the last used code (Ctrl+L); the arrow lists recent codes"));
    m_toolbar->SetToolDropDown(ID_CODE_LAST, true);
    m_toolbar->AddTool(ID_CODE_IN_VIVO, _("In vivo"), wxArtProvider::GetBitmapBundle(wxART_PASTE, wxART_TOOLBAR, icon),
                       _("Make a code from the selected words and apply it (Ctrl+Shift+V)"));
    m_toolbar->AddTool(ID_CODE_TURN, _("Whole turn"), wxArtProvider::GetBitmapBundle(wxART_GO_FORWARD, wxART_TOOLBAR, icon),
                       _("Code the speaker turn at the cursor with the selected code (Ctrl+T)"));
    m_toolbar->AddSeparator();
    m_toolbar->AddTool(wxID_UNDO, _("Undo"), wxArtProvider::GetBitmapBundle(wxART_UNDO, wxART_TOOLBAR, icon), _("Undo"));
    m_toolbar->AddTool(wxID_REDO, _("Redo"), wxArtProvider::GetBitmapBundle(wxART_REDO, wxART_TOOLBAR, icon), _("Redo"));
    m_toolbar->AddSeparator();
    m_toolbar->AddTool(ID_SNAP_TO_WORDS, _("Whole words"), wxArtProvider::GetBitmapBundle(wxART_LIST_VIEW, wxART_TOOLBAR, icon),
                       _("Snap selections to whole words before coding"), wxITEM_CHECK);
    m_toolbar->Realize();
    m_aui.AddPane(m_toolbar, wxAuiPaneInfo().Name("toolbar").Caption(_("Tool bar")).ToolbarPane().Top());
    m_toolbar->Bind(wxEVT_AUITOOLBAR_TOOL_DROPDOWN, [this](wxAuiToolBarEvent& e) {
        if (!e.IsDropDownClicked()) {
            e.Skip();
            return;
        }
        wxMenu menu;
        FillRecentMenu(&menu);
        const wxRect rect = m_toolbar->GetToolRect(e.GetId());
        m_toolbar->PopupMenu(&menu, rect.GetBottomLeft());
    }, ID_CODE_LAST);
}

void MainFrame::BindEvents() {
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateUI, this, wxID_HIGHEST + 1, ID_EXPORT_ANALYSIS_LAST);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUndoUpdate, this, wxID_UNDO);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnRedoUpdate, this, wxID_REDO);
    Bind(wxEVT_MENU, &MainFrame::OnUndo, this, wxID_UNDO);
    Bind(wxEVT_MENU, &MainFrame::OnRedo, this, wxID_REDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
    Bind(wxEVT_MENU, &MainFrame::OnCopy, this, wxID_COPY);

    Bind(wxEVT_MENU, &MainFrame::OnNewProject, this, wxID_NEW);
    Bind(wxEVT_MENU, &MainFrame::OnOpenProject, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::OnOpenSampleStudy, this, ID_OPEN_SAMPLE_STUDY);
    Bind(wxEVT_MENU, &MainFrame::OnOpenRecent, this, wxID_FILE1, wxID_FILE9);
    Bind(wxEVT_MENU, &MainFrame::OnImportFiles, this, ID_IMPORT_FILES);
    Bind(wxEVT_MENU, &MainFrame::OnImportFolder, this, ID_IMPORT_FOLDER);
    Bind(wxEVT_MENU, &MainFrame::OnImportCodebook, this, ID_IMPORT_CODEBOOK);
    Bind(wxEVT_MENU, &MainFrame::OnExportCodebook, this, ID_EXPORT_CODEBOOK);
    Bind(wxEVT_MENU, &MainFrame::OnImportQdpx, this, ID_IMPORT_QDPX);
    Bind(wxEVT_MENU, &MainFrame::OnExportQdpx, this, ID_EXPORT_QDPX);
    Bind(wxEVT_MENU, &MainFrame::OnSaveCopy, this, ID_SAVE_COPY);
    Bind(wxEVT_MENU, &MainFrame::OnExportAnalysis, this, ID_EXPORT_ANALYSIS_FIRST, ID_EXPORT_ANALYSIS_LAST);
    Bind(wxEVT_MENU, &MainFrame::OnPreferences, this, wxID_PREFERENCES);

    Bind(wxEVT_MENU, &MainFrame::OnCodeSelection, this, ID_CODE_SELECTION);
    Bind(wxEVT_MENU, &MainFrame::OnCodeWith, this, ID_CODE_WITH);
    Bind(wxEVT_MENU, &MainFrame::OnCodeLast, this, ID_CODE_LAST);
    Bind(wxEVT_MENU, &MainFrame::OnCodeRecent, this, ID_RECENT_CODE_FIRST, ID_RECENT_CODE_LAST);
    Bind(wxEVT_MENU, &MainFrame::OnQuickCode, this, ID_QUICK_CODE_FIRST, ID_QUICK_CODE_LAST);
    Bind(wxEVT_MENU, &MainFrame::OnCodeInVivo, this, ID_CODE_IN_VIVO);
    Bind(wxEVT_MENU, &MainFrame::OnCodeTurn, this, ID_CODE_TURN);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) { m_preferences.snap_to_words = e.IsChecked(); m_preferences.Save(); },
         ID_SNAP_TO_WORDS);
    Bind(wxEVT_MENU, &MainFrame::OnRemoveCoding, this, ID_REMOVE_CODING);
    Bind(wxEVT_MENU, &MainFrame::OnChangeCodingCode, this, ID_CHANGE_CODING_CODE);
    Bind(wxEVT_MENU, &MainFrame::OnFind, this, wxID_FIND);
    Bind(wxEVT_MENU, &MainFrame::OnCodingMemo, this, ID_CODING_MEMO);
    Bind(wxEVT_MENU, &MainFrame::OnSelectCodingText, this, ID_SELECT_CODING_TEXT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        m_aui.GetPane("agreement").Show();
        m_aui.Update();
        m_agreement->Reload();
    }, ID_COMPARE_CODERS);
    Bind(wxEVT_MENU, &MainFrame::OnShowCodeInTree, this, ID_SHOW_CODE_IN_TREE);

    Bind(wxEVT_MENU, &MainFrame::OnNewCode, this, ID_NEW_CODE);
    Bind(wxEVT_MENU, &MainFrame::OnNewSubcode, this, ID_NEW_SUBCODE);
    Bind(wxEVT_MENU, &MainFrame::OnRenameCode, this, ID_RENAME_CODE);
    Bind(wxEVT_MENU, &MainFrame::OnCodeColour, this, ID_CODE_COLOUR);
    Bind(wxEVT_MENU, &MainFrame::OnDescribeCode, this, ID_DESCRIBE_CODE);
    Bind(wxEVT_MENU, &MainFrame::OnMergeCode, this, ID_MERGE_CODE);
    Bind(wxEVT_MENU, &MainFrame::OnMoveCode, this, ID_MOVE_CODE);
    Bind(wxEVT_MENU, &MainFrame::OnRenameDocument, this, ID_RENAME_DOCUMENT);
    Bind(wxEVT_MENU, &MainFrame::OnDeleteDocument, this, ID_DELETE_DOCUMENT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowGettingStarted(this); }, ID_GETTING_STARTED);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowKeyboardShortcuts(this, GetMenuBar()); }, ID_KEYBOARD_SHORTCUTS);
    Bind(wxEVT_MENU, &MainFrame::OnDeleteCode, this, ID_DELETE_CODE);
    Bind(wxEVT_MENU, &MainFrame::OnCodeMemo, this, ID_CODE_MEMO);
    Bind(wxEVT_MENU, &MainFrame::OnDocumentMemo, this, ID_DOCUMENT_MEMO);
    Bind(wxEVT_MENU, &MainFrame::OnProjectMemo, this, ID_PROJECT_MEMO);
    Bind(wxEVT_MENU, &MainFrame::OnAssignQuickKey, this, ID_ASSIGN_QUICK_KEY_FIRST, ID_ASSIGN_QUICK_KEY_LAST);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnFocusPane(1); }, ID_NEXT_PANE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { OnFocusPane(-1); }, ID_PREVIOUS_PANE);
    Bind(wxEVT_MENU, &MainFrame::OnTogglePane, this, ID_SHOW_PANE_FIRST, ID_SHOW_PANE_LAST);
    Bind(wxEVT_MENU, &MainFrame::OnZoom, this, ID_ZOOM_IN, ID_ZOOM_RESET);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        m_aui.LoadPerspective(m_default_layout, false);
        ApplyPaneTexts();
        m_aui.Update();
    }, ID_RESET_LAYOUT);

    Bind(EVT_SHOW_DOCUMENT, &MainFrame::OnShowDocument, this);
    Bind(EVT_CODING_CHOSEN, &MainFrame::OnCodingChosen, this);
    Bind(EVT_JUMP_TO_CODING, &MainFrame::OnJumpToCoding, this);
    Bind(EVT_CODE_CHOSEN, &MainFrame::OnCodeChosen, this);
    Bind(EVT_APPLY_CODE, &MainFrame::OnApplyCode, this);
    Bind(EVT_RETRIEVAL_CHANGED, [this](NavigationEvent&) { UpdateRetrieval(); });
    Bind(wxEVT_CONTEXT_MENU, &MainFrame::OnContextMenu, this);
    Bind(wxEVT_STC_UPDATEUI, [this](wxStyledTextEvent& e) {
        UpdateStatus();
        e.Skip();
    });
}

bool MainFrame::CanEdit() const { return m_session && !m_session->store().read_only(); }

bool MainFrame::IsEnabled(int id) const {
    const bool project = m_session != nullptr;
    const bool edit = CanEdit() && !m_import;
    const bool document = m_transcript->GetDocument().valid();
    const bool selection = document && m_transcript->GetControl()->GetSelectionEmpty() == false;
    const bool code = m_codebook->GetSelectedCode().valid();
    const bool coding = m_current.id.valid();
    switch (id) {
    case ID_IMPORT_FILES: case ID_IMPORT_FOLDER: case ID_IMPORT_CODEBOOK: return edit;
    case ID_EXPORT_CODEBOOK: case ID_EXPORT_QDPX: case ID_SAVE_COPY: case ID_PROJECT_MEMO: return project;
    case ID_IMPORT_QDPX: case ID_OPEN_SAMPLE_STUDY: return !m_import;
    case ID_CODE_SELECTION: return edit && selection && code;
    case ID_CODE_WITH: case ID_CODE_IN_VIVO: return edit && selection;
    case ID_CODE_LAST: return edit && selection && !m_recent_codes.empty();
    case ID_CODE_TURN: return edit && document;
    case ID_REMOVE_CODING: case ID_CHANGE_CODING_CODE: return edit && coding;
    case ID_CODING_MEMO: case ID_SELECT_CODING_TEXT: case ID_SHOW_CODE_IN_TREE: return project && coding;
    case ID_COMPARE_CODERS: return project;
    case ID_NEW_CODE: return edit;
    case ID_NEW_SUBCODE: case ID_RENAME_CODE: case ID_CODE_COLOUR: case ID_MERGE_CODE: case ID_DELETE_CODE:
    case ID_MOVE_CODE:
        return edit && code;
    case ID_RENAME_DOCUMENT: case ID_DELETE_DOCUMENT: return edit && document;
    case ID_DESCRIBE_CODE: case ID_CODE_MEMO: return project && code;
    case ID_DOCUMENT_MEMO: return project && document;
    default: break;
    }
    if (id >= ID_RECENT_CODE_FIRST && id <= ID_RECENT_CODE_LAST) return edit && selection;
    if (id >= ID_QUICK_CODE_FIRST && id <= ID_QUICK_CODE_LAST) return edit && selection;
    if (id >= ID_ASSIGN_QUICK_KEY_FIRST && id <= ID_ASSIGN_QUICK_KEY_LAST) return edit && code;
    if (id >= ID_EXPORT_ANALYSIS_FIRST && id <= ID_EXPORT_ANALYSIS_LAST) return project;
    return true;
}

void MainFrame::OnUpdateUI(wxUpdateUIEvent& event) {
    const int id = event.GetId();
    const bool enabled = IsEnabled(id);
    event.Enable(enabled);
    if (id == ID_CODE_SELECTION && event.GetEventObject() == m_toolbar) {
        // A grey Code button says why it is grey.
        wxString help = _("Code the selection with the code selected in the codebook (Ctrl+D)");
        if (!enabled && CanEdit()) {
            if (!m_transcript->GetDocument().valid()) help << "\n" << _("First open a document.");
            else if (m_transcript->GetControl()->GetSelectionEmpty()) help << "\n" << _("First select text in the transcript.");
            else if (!m_codebook->GetSelectedCode().valid()) help << "\n" << _("First select a code in the codebook.");
        }
        if (m_toolbar->GetToolShortHelp(ID_CODE_SELECTION) != help) m_toolbar->SetToolShortHelp(ID_CODE_SELECTION, help);
    }
    if (id == ID_SNAP_TO_WORDS) event.Check(m_preferences.snap_to_words);
    if (id >= ID_SHOW_PANE_FIRST && id <= ID_SHOW_PANE_LAST && id - ID_SHOW_PANE_FIRST < kPaneCount)
        event.Check(m_aui.GetPane(kPanes[id - ID_SHOW_PANE_FIRST]).IsShown());
}

void MainFrame::OnUndoUpdate(wxUpdateUIEvent& event) {
    const auto label = CanEdit() ? m_session->undo_label() : std::nullopt;
    event.Enable(label.has_value() && !m_import);
    if (event.GetEventObject() != m_toolbar)
        event.SetText(label ? wxString::Format(_("&Undo %s\tCtrl+Z"), TranslateAction(*label)) : _("&Undo\tCtrl+Z"));
}

void MainFrame::OnRedoUpdate(wxUpdateUIEvent& event) {
    const auto label = CanEdit() ? m_session->redo_label() : std::nullopt;
    event.Enable(label.has_value() && !m_import);
    if (event.GetEventObject() != m_toolbar)
        event.SetText(label ? wxString::Format(_("&Redo %s\tCtrl+Shift+Z"), TranslateAction(*label)) : _("&Redo\tCtrl+Shift+Z"));
}

void MainFrame::OnUndo(wxCommandEvent&) {
    if (!CanEdit()) return;
    m_memo->Flush();
    Guarded(this, [&] { SetStatusText(wxString::Format(_("Undone: %s"), TranslateAction(m_session->undo())), kStatusMessage); });
}

void MainFrame::OnRedo(wxCommandEvent&) {
    if (!CanEdit()) return;
    m_memo->Flush();
    Guarded(this, [&] { SetStatusText(wxString::Format(_("Redone: %s"), TranslateAction(m_session->redo())), kStatusMessage); });
}

void MainFrame::OnSessionChange(const Change& change) {
    if (change.touches(Change::Codings)) ForgetVanishedCoding();
    if (change.touches(Change::Codes)) {
        UpdateRecentMenu();
        UpdateQuickKeyMenu();
    }
    if (change.touches(Change::Codes) || change.touches(Change::Documents)) UpdateRetrieval();
    // Every action says what it did, so the message field never shows an older action's news (undo and redo
    // say "Undone:" and "Redone:" themselves). Shown with the rest of the status, after the repaint.
    if (change.via == Change::Via::Action && !change.label.text.empty())
        m_action_message = wxString::Format(_("Done: %s"), TranslateAction(change.label));
    UpdateStatus();
}

void MainFrame::UpdateTitle() {
    wxString title = "Kodex";
    if (m_session) {
        title = wxFileName(ToWx(m_session->path())).GetName() + " \u2014 Kodex";
        if (!CanEdit()) title << " " << _("(read-only)");
    }
    SetTitle(title);
}

void MainFrame::UpdateStatus() {
    // A status field repaints itself at once when its text changes (wxStatusBar calls Update()); caret moves
    // and changes come in bursts, and coding must not wait for the status bar.
    if (m_status_pending) return;
    m_status_pending = true;
    CallAfter([this] {
        m_status_pending = false;
        ShowStatus();
    });
}

void MainFrame::ShowStatus() {
    const Document& doc = m_transcript->GetShownDocument();
    wxString position;
    if (doc.id.valid()) {
        const CaretPosition at = m_transcript->GetCaretPosition();
        position = wxString::Format(_("Line %d, column %lld · character %lld"), at.line, static_cast<long long>(at.column),
                                    static_cast<long long>(at.offset));
        if (const auto range = m_transcript->GetSelectedRange())
            position << "  " << wxString::Format(_("(%lld selected)"), static_cast<long long>(range->length()));
    }
    if (!m_action_message.empty()) {
        SetStatus(kStatusMessage, m_action_message);
        m_action_message.clear();
    }
    SetStatus(kStatusDocument, doc.id.valid() ? ToWx(doc.name) : wxString());
    SetStatus(kStatusPosition, position);
    SetStatus(kStatusCoder, m_session ? wxString::Format(_("Coder: %s"), ToWx(m_session->coder())) : wxString());
    SetStatus(kStatusMode, m_session && !CanEdit() ? _("read-only") : wxString());
    RefreshCommandState();
}

void MainFrame::RefreshCommandState() {
    // wxGTK enables menu items only when a menu opens, and GTK ignores the shortcut of a disabled item: without
    // this, Ctrl+D would stay dead after selecting text until the Coding menu had been opened once.
    if (m_menu_update_pending) return;
    m_menu_update_pending = true;
    CallAfter([this] {
        m_menu_update_pending = false;
        GetMenuBar()->UpdateMenus();
    });
}

void MainFrame::SetStatus(int field, const wxString& text) {
    // Setting a field costs a relayout of the status bar even when the text is the same; the caret moves often.
    if (GetStatusBar()->GetStatusText(field) != text) SetStatusText(text, field);
}

void MainFrame::OnFocusPane(int step) {
    const wxWindow* focus = FindFocus();
    int current = -1;
    for (int i = 0; i < kPaneCount; ++i) {
        const wxWindow* pane = m_aui.GetPane(kPanes[i]).window;
        for (const wxWindow* w = focus; w; w = w->GetParent())
            if (w == pane) current = i;
    }
    for (int n = 1; n <= kPaneCount; ++n) {
        const int i = ((current < 0 ? 0 : current) + step * n + kPaneCount * 2) % kPaneCount;
        if (!m_aui.GetPane(kPanes[i]).IsShown()) continue;
        if (wxWindow* target = wxWindow::FindWindowByName(kPanes[i], this)) {
            target->SetFocus();
            return;
        }
    }
}

void MainFrame::OnTogglePane(wxCommandEvent& event) {
    const int index = event.GetId() - ID_SHOW_PANE_FIRST;
    if (index >= kPaneCount) return;
    wxAuiPaneInfo& pane = m_aui.GetPane(kPanes[index]);
    pane.Show(!pane.IsShown());
    m_aui.Update();
}

void MainFrame::OnZoom(wxCommandEvent& event) {
    wxStyledTextCtrl* text = m_transcript->GetControl();
    if (event.GetId() == ID_ZOOM_IN) text->ZoomIn();
    if (event.GetId() == ID_ZOOM_OUT) text->ZoomOut();
    if (event.GetId() == ID_ZOOM_RESET) text->SetZoom(0);
}

void MainFrame::OnAbout(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName("Kodex");
    info.SetVersion(KODEX_VERSION);
    info.SetDescription(_("Qualitative coding of interview transcripts."));
    info.SetLicence(_("GNU General Public License, version 3 or later"));
    wxAboutBox(info, this);
}

void MainFrame::OnClose(wxCloseEvent& event) {
    if (m_import && m_import->IsRunning() && event.CanVeto()) {
        event.Veto();
        return;
    }
    m_memo->Flush();
    SaveLayout(m_aui.SavePerspective());
    m_history.Save(*wxConfigBase::Get());
    Destroy();
}

}  // namespace kodex::gui
