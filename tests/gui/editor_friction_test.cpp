// SPDX-License-Identifier: GPL-3.0-or-later
// What a new user missed in the editor: moving a code by command, a merge that says what it does, renaming and
// deleting documents, a restart after a change of language, Getting started and the list of shortcuts.
#include <doctest/doctest.h>

#include <wx/choice.h>
#include <wx/config.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/testing.h>
#include <wx/textdlg.h>
#include <wx/toplevel.h>

#include <functional>

#include "app/gui/dialogs/code_picker_dialog.h"
#include "app/gui/dialogs/help_windows.h"
#include "app/gui/dialogs/preferences_dialog.h"
#include "app/gui/panels/codebook_panel.h"
#include "app/gui/panels/documents_panel.h"
#include "app/gui/panels/transcript_view.h"
#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/i18n.h"
#include "tests/gui/gui_test_util.h"

using namespace kodex;
using namespace kodex::gui;
using namespace kodex::gui::test;

namespace {

void CheckNoDialogs() {
    const wxString dialogs = TakeUnexpectedDialogs();
    CHECK_MESSAGE(dialogs.empty(), ToUtf8(dialogs));
}

// Shows a dialog that the test hook keeps off screen, so that its screenshot shows what a user would see.
void Screenshot(wxDialog* dialog, const wxString& name) {
    dialog->Show();
    Pump(200);
    MESSAGE(ToUtf8(SaveScreenshot(dialog, name)));
    dialog->Hide();
}

// Answers a modal dialog of type T with a function of the test.
template <class T>
class Answer : public wxExpectModalBase<T, Answer<T>> {
public:
    explicit Answer(std::function<int(T*)> answer) : m_answer(std::move(answer)) {}

protected:
    int OnInvoked(T* dialog) const override { return m_answer(dialog); }

private:
    std::function<int(T*)> m_answer;
};

wxListCtrl* PickerList(wxDialog* dialog) {
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("code_picker_list", dialog));
    REQUIRE(list);
    return list;
}

wxString PickerNote(wxDialog* dialog) {
    auto* note = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("code_picker_note", dialog));
    REQUIRE(note);
    return note->GetLabel();
}

void Select(wxListCtrl* list, long row) {
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

long FindRow(wxListCtrl* list, const wxString& text, int column = 0) {
    for (long row = 0; row < list->GetItemCount(); ++row)
        if (list->GetItemText(row, column).Contains(text)) return row;
    return -1;
}

wxString ListText(wxListCtrl* list) {
    wxString all;
    for (long row = 0; row < list->GetItemCount(); ++row) {
        for (int column = 0; column < list->GetColumnCount(); ++column) all << list->GetItemText(row, column) << "\t";
        all << "\n";
    }
    return all;
}

template <class W>
W* FindTopLevel(wxWindow* parent, const wxString& name) {
    for (wxWindow* child : parent->GetChildren())
        if (child->IsTopLevel() && child->GetName() == name) return dynamic_cast<W*>(child);
    return nullptr;
}

}  // namespace

TEST_CASE("editor: Codes > Move to puts the code under the picked parent or the top level, and undo brings it back") {
    EditorFixture f;
    REQUIRE(f.frame->GetMenuBar()->FindItem(ID_MOVE_CODE));
    CHECK(f.frame->GetMenuBar()->FindItem(ID_MOVE_CODE)->GetItemLabel().Contains("Ctrl+M"));

    f.frame->GetCodebook()->SelectCode(f.everyday);
    Pump();
    wxTEST_DIALOG(RunCommand(f.frame, ID_MOVE_CODE), Answer<CodePickerDialog>([](CodePickerDialog* dialog) {
        wxListCtrl* list = PickerList(dialog);
        CHECK(list->GetItemText(0) == "(top level)");
        CHECK(FindRow(list, "Alltag") < 0);  // not under itself
        CHECK_FALSE(dialog->GetCode().valid());  // nothing picked for the user
        const long krise = FindRow(list, "Krise");
        REQUIRE(krise >= 0);
        Select(list, krise);
        Screenshot(dialog, "move-code-picker");
        return wxID_OK;
    }));
    CHECK(f.Project().code(f.everyday).parent == f.crisis);
    CHECK(f.frame->GetCodebook()->GetSelectedCode() == f.everyday);

    RunCommand(f.frame, wxID_UNDO);
    CHECK_FALSE(f.Project().code(f.everyday).parent.valid());

    // A subcode to the top level; its parent and the code itself are not offered as targets of a parent.
    f.frame->GetCodebook()->SelectCode(f.crisis);
    Pump();
    wxTEST_DIALOG(RunCommand(f.frame, ID_MOVE_CODE), Answer<CodePickerDialog>([](CodePickerDialog* dialog) {
        wxListCtrl* list = PickerList(dialog);
        CHECK(FindRow(list, "Krise") < 0);
        CHECK(FindRow(list, wxString::FromUTF8("Ma\xC3\x9Fnahmen")) < 0);  // its own subcode
        return wxID_CANCEL;
    }));
    f.frame->GetCodebook()->SelectCode(f.measures);
    Pump();
    wxTEST_DIALOG(RunCommand(f.frame, ID_MOVE_CODE), Answer<CodePickerDialog>([](CodePickerDialog* dialog) {
        Select(PickerList(dialog), 0);
        CHECK(dialog->IsTopLevelChosen());
        return wxID_OK;
    }));
    CHECK_FALSE(f.Project().code(f.measures).parent.valid());
    CHECK(f.Project().undo_label()->text == labels::kMoveCode);
    RunCommand(f.frame, wxID_UNDO);
    CHECK(f.Project().code(f.measures).parent == f.crisis);
    CheckNoDialogs();
}

TEST_CASE("editor: Merge into names the codings, subcodes and memo that move and the backup, and picks nothing itself") {
    EditorFixture f;
    Session& s = f.Project();
    s.apply_code(f.interview, f.crisis, {0, 5});
    s.apply_code(f.interview, f.crisis, {10, 20});
    s.set_memo(MemoTarget::Code, f.crisis.value, "Krisen im Allgemeinen");
    const CodeId newest = s.add_code(CodeId(), "Neu");  // the newest code must not be offered first
    Pump(100);

    f.frame->GetCodebook()->SelectCode(f.crisis);
    Pump();
    wxString note;
    wxTEST_DIALOG(RunCommand(f.frame, ID_MERGE_CODE), Answer<CodePickerDialog>([&](CodePickerDialog* dialog) {
        note = PickerNote(dialog);
        CHECK_FALSE(dialog->GetCode().valid());
        CHECK(PickerList(dialog)->GetSelectedItemCount() == 0);
        const long alltag = FindRow(PickerList(dialog), "Alltag");
        REQUIRE(alltag >= 0);
        Select(PickerList(dialog), alltag);
        Screenshot(dialog, "merge-code-picker");
        return wxID_OK;
    }));
    MESSAGE(ToUtf8(note));
    CHECK(note.Contains("its 2 codings move"));
    CHECK(note.Contains("its 1 subcode moves"));
    CHECK(note.Contains("memo is appended"));
    CHECK(note.Contains("backup"));
    CHECK(s.codes().size() == 3);  // Alltag, Maßnahmen, Neu
    CHECK(s.code(f.measures).parent == f.everyday);
    CHECK(s.code(newest).parent == CodeId());
    CodingFilter filter;
    filter.codes = {f.everyday};
    CHECK(s.codings(filter).size() == 2);
    CheckNoDialogs();
}

TEST_CASE("editor: a document is renamed and deleted from the Documents menu, and undo brings it back") {
    EditorFixture f;
    Session& s = f.Project();
    s.apply_code(f.interview, f.crisis, {0, 5});
    Pump(100);
    REQUIRE(f.frame->GetTranscript()->GetDocument() == f.interview);
    REQUIRE(f.frame->GetMenuBar()->FindItem(ID_RENAME_DOCUMENT));
    REQUIRE(f.frame->GetMenuBar()->FindItem(ID_DELETE_DOCUMENT));

    wxTEST_DIALOG(RunCommand(f.frame, ID_RENAME_DOCUMENT), Answer<wxTextEntryDialog>([](wxTextEntryDialog* dialog) {
        CHECK(dialog->GetValue() == "Interview 1");
        dialog->SetValue(wxString::FromUTF8("Interview Gr\xC3\xBC" "nwald"));
        return wxID_OK;
    }));
    CHECK(s.document(f.interview).name == "Interview Gr\xC3\xBCnwald");
    Pump();
    CHECK(f.frame->GetDocuments()->GetList()->GetItemText(0) == wxString::FromUTF8("Interview Gr\xC3\xBCnwald"));
    RunCommand(f.frame, wxID_UNDO);
    CHECK(s.document(f.interview).name == "Interview 1");

    wxString question;
    wxTEST_DIALOG(RunCommand(f.frame, ID_DELETE_DOCUMENT), Answer<wxMessageDialog>([&](wxMessageDialog* dialog) {
        question = dialog->GetMessage() + "\n" + dialog->GetExtendedMessage();
        return wxID_YES;
    }));
    MESSAGE(ToUtf8(question));
    CHECK(question.Contains("Interview 1"));
    CHECK(question.Contains("Its 1 coding is deleted"));
    CHECK(question.Contains("backup"));
    CHECK(s.documents().empty());
    Pump(100);
    CHECK_FALSE(f.frame->GetTranscript()->GetDocument().valid());
    CHECK(f.frame->GetDocuments()->GetList()->GetItemCount() == 0);

    RunCommand(f.frame, wxID_UNDO);
    REQUIRE(s.documents().size() == 1);
    CHECK(s.documents().front().codings == 1);
    CheckNoDialogs();
}

TEST_CASE("editor: after a change of language, Preferences offers a restart and starts the editor again on the project") {
    wxConfigBase::Get()->DeleteAll();
    kodex::test::TempDir dir;
    const std::string path = dir.file("study.kodex");
    Session::create(path);
    auto* frame = new MainFrame;
    frame->Show();
    Pump(100);
    REQUIRE(frame->OpenProject(ToWx(path)));
    wxString restarted_on;
    frame->restart_process = [&](const wxString& project) {
        // The project is let go first: the new editor must not find it held.
        CHECK(frame->GetSession() == nullptr);
        restarted_on = project;
        return true;
    };
    auto choose_german = Answer<PreferencesDialog>([](PreferencesDialog* dialog) {
        auto* language = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("preferences_language", dialog));
        REQUIRE(language);
        language->SetStringSelection("Deutsch");
        return wxID_OK;
    });
    wxString question;
    wxTEST_DIALOG(RunCommand(frame, wxID_PREFERENCES), choose_german,
                  Answer<wxMessageDialog>([&](wxMessageDialog* dialog) {
                      question = dialog->GetMessage();
                      return wxID_YES;
                  }));
    CHECK(question.Contains("Restart now?"));
    CHECK(restarted_on == ToWx(path));
    CHECK(Preferences::Load().language == "de");
    Pump(100);  // the window closed itself
    for (wxWindow* window : wxTopLevelWindows) CHECK(window->GetName() != "kodex_main");
    wxConfigBase::Get()->DeleteAll();
    CheckNoDialogs();
}

TEST_CASE("editor: Help > Keyboard shortcuts lists the menus' real shortcuts, Getting started opens once at first") {
    EditorFixture f;
    RunCommand(f.frame, ID_KEYBOARD_SHORTCUTS);
    Pump(100);
    auto* shortcuts = FindTopLevel<wxDialog>(f.frame, "keyboard_shortcuts");
    REQUIRE(shortcuts);
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("keyboard_shortcuts_list", shortcuts));
    REQUIRE(list);
    const wxString text = ListText(list);
    CHECK(text.Contains("Ctrl+Z\t"));
    CHECK(text.Contains("Ctrl+F\tSearch the transcripts"));
    CHECK(text.Contains("Ctrl+M\tMove to"));
    CHECK(text.Contains("Ctrl+Shift+N\tNew code"));
    CHECK(text.Contains("Ctrl+1 \u2026 Ctrl+9\tQuick codes"));
    CHECK(text.Contains("Ctrl+Z\tUndo\t"));
    // Every shortcut of the menu bar, and only those.
    CHECK(static_cast<std::size_t>(list->GetItemCount()) == MenuShortcuts(f.frame->GetMenuBar()).size());
    MESSAGE(ToUtf8(SaveScreenshot(shortcuts, "help-keyboard-shortcuts")));
    RunCommand(f.frame, ID_KEYBOARD_SHORTCUTS);  // raised, not opened twice
    Pump();
    int count = 0;
    for (wxWindow* child : f.frame->GetChildren()) count += child->GetName() == "keyboard_shortcuts";
    CHECK(count == 1);
    shortcuts->Close();

    RunCommand(f.frame, ID_GETTING_STARTED);
    Pump(100);
    auto* started = FindTopLevel<wxDialog>(f.frame, "getting_started");
    REQUIRE(started);
    auto* html = dynamic_cast<wxHtmlWindow*>(wxWindow::FindWindowByName("getting_started_text", started));
    REQUIRE(html);
    CHECK(html->ToText().Contains("Import transcripts"));
    MESSAGE(ToUtf8(SaveScreenshot(started, "help-getting-started")));
    started->Close();
    Pump();

    // First start: shown once, and not again.
    f.frame->ShowGettingStartedOnce();
    Pump(50);
    auto* first = FindTopLevel<wxDialog>(f.frame, "getting_started");
    REQUIRE(first);
    first->Close();
    Pump();
    f.frame->ShowGettingStartedOnce();
    Pump(50);
    CHECK(FindTopLevel<wxDialog>(f.frame, "getting_started") == nullptr);
    CheckNoDialogs();
}

TEST_CASE("editor: Getting started and the shortcuts speak German with the German catalog") {
    wxConfigBase::Get()->DeleteAll();
    SetUpTranslations("de");
    auto* frame = new MainFrame;
    frame->SetSize(frame->FromDIP(wxSize(1500, 940)));
    frame->Show();
    Pump(100);
    RunCommand(frame, ID_GETTING_STARTED);
    RunCommand(frame, ID_KEYBOARD_SHORTCUTS);
    Pump(100);
    auto* started = FindTopLevel<wxDialog>(frame, "getting_started");
    auto* shortcuts = FindTopLevel<wxDialog>(frame, "keyboard_shortcuts");
    REQUIRE(started);
    REQUIRE(shortcuts);
    auto* html = dynamic_cast<wxHtmlWindow*>(wxWindow::FindWindowByName("getting_started_text", started));
    REQUIRE(html);
    CHECK(started->GetTitle() == "Erste Schritte");
    CHECK(html->ToText().Contains("Transkripte importieren"));
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("keyboard_shortcuts_list", shortcuts));
    REQUIRE(list);
    const wxString text = ListText(list);
    MESSAGE(ToUtf8(text));
    CHECK(text.Contains(wxString::FromUTF8("R\xC3\xBC" "ckg\xC3\xA4ngig")));
    CHECK(shortcuts->GetTitle() == wxString::FromUTF8("Tastenk\xC3\xBCrzel"));
    MESSAGE(ToUtf8(SaveScreenshot(started, "help-getting-started-de")));
    MESSAGE(ToUtf8(SaveScreenshot(shortcuts, "help-keyboard-shortcuts-de")));
    frame->Destroy();
    Pump(50);
    SetUpTranslations("en");
    CheckNoDialogs();
}
