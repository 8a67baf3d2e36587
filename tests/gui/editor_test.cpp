// SPDX-License-Identifier: GPL-3.0-or-later
// The editor window end to end: a real MainFrame on a project built with core calls, driven through the
// same command handlers the menus use, checked against what the project stores.
#include <doctest/doctest.h>

#include <wx/aui/aui.h>
#include <wx/button.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/statusbr.h>
#include <wx/srchctrl.h>
#include <wx/testing.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>

#include <cstdio>

#include "app/gui/dialogs/code_picker_dialog.h"
#include "app/gui/dialogs/import_report_dialog.h"
#include "app/gui/panels/agreement_panel.h"
#include "app/gui/panels/codebook_panel.h"
#include "app/gui/panels/documents_panel.h"
#include "app/gui/panels/memo_panel.h"
#include "app/gui/panels/search_panel.h"
#include "app/gui/panels/segments_panel.h"
#include "app/gui/panels/transcript_view.h"
#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/events.h"
#include "app/gui/ui/i18n.h"
#include "app/gui/ui/settings.h"
#include "core/text/unicode.h"
#include "tests/gui/gui_test_util.h"

using namespace kodex;
using namespace kodex::gui;
using namespace kodex::gui::test;

namespace {

// The code point range of the first occurrence of `utf8` in the stored text.
TextRange RangeOf(const std::string& stored, const std::string& utf8) {
    const std::size_t at = stored.find(utf8);
    REQUIRE(at != std::string::npos);
    const std::int64_t start = count_code_points(std::string_view(stored).substr(0, at));
    return {start, start + count_code_points(utf8)};
}

std::vector<CodingView> CodingsOf(Session& session, CodeId code) {
    CodingFilter filter;
    filter.codes = {code};
    return session.codings(filter);
}

// A menu item's text as the user reads it (no mnemonic, no shortcut).
wxString MenuLabel(MainFrame* frame, int id) {
    frame->GetMenuBar()->UpdateMenus();
    const wxString label = frame->GetMenuBar()->FindItem(id)->GetItemLabelText();
    MESSAGE(ToUtf8(label));
    return label;
}

// Answers the code picker by typing `filter` and accepting the first code it leaves.
class PickCodeTyping : public wxExpectModalBase<CodePickerDialog, PickCodeTyping> {
public:
    explicit PickCodeTyping(const wxString& filter) : m_filter(filter) {}

protected:
    int OnInvoked(CodePickerDialog* dialog) const override {
        auto* filter = dynamic_cast<wxSearchCtrl*>(wxWindow::FindWindowByName("code_picker_filter", dialog));
        REQUIRE(filter);
        filter->SetValue(m_filter);  // the list follows the text
        return dialog->GetCode().valid() ? wxID_OK : wxID_CANCEL;
    }

private:
    wxString m_filter;
};

bool MenuEnabled(MainFrame* frame, int id) {
    frame->GetMenuBar()->UpdateMenus();
    return frame->GetMenuBar()->FindItem(id)->IsEnabled();
}

// Imports a transcript of `turns` long turns that wrap in the window ("... Absatz N."), followed by `ending`;
// returns its id.
DocumentId ImportLongTranscript(EditorFixture& f, const std::string& name, int turns, const std::string& ending = "") {
    std::string text;
    for (int i = 0; i < turns; ++i)
        text += "B: Ein langer Beitrag, der im Fenster mehrfach umbricht, weil er viel mehr Worte hat, als eine Zeile "
                "fassen kann, und noch ein paar mehr, damit es wirklich zwei oder drei Zeilen werden. Absatz " +
                std::to_string(i) + ".\n\n";
    text += ending;
    const std::string file = f.dir.file(name + ".txt");
    kodex::test::write_all(file, text);
    ImportRequest request;
    request.paths = {file};
    f.Project().import_files(request);
    return f.Project().find_document(name);
}

void CheckNoDialogs() {
    const wxString dialogs = TakeUnexpectedDialogs();
    CHECK_MESSAGE(dialogs.empty(), ToUtf8(dialogs));
}

}  // namespace

TEST_CASE("editor: the panes and controls have fixed names") {
    EditorFixture f;
    for (const char* name : {"codebook", "documents", "documents_filter", "transcript", "coding_stripe", "segments",
                             "segments_subcodes", "memo", "agreement", "agreement_places", "agreement_coders"})
        CHECK_MESSAGE(wxWindow::FindWindowByName(name, f.frame) != nullptr, name);
    CHECK(f.frame->GetTranscript()->GetDocument() == f.interview);
    CheckNoDialogs();
}

TEST_CASE("editor: a coding made in the transcript lands on exactly the selected characters") {
    EditorFixture f;
    const std::string stored = f.Project().document(f.interview).text;
    // The file had "e" + combining acute; the stored (and shown) text has the composed é.
    const std::string words = "Caf\xC3\xA9 hat wieder offen, und die Stra\xC3\x9F" "e";
    f.SelectText(words);
    CHECK(f.SelectedText() == words);
    f.frame->GetCodebook()->SelectCode(f.everyday);
    RunCommand(f.frame, ID_CODE_SELECTION);

    const auto codings = CodingsOf(f.Project(), f.everyday);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0].text == words);
    CHECK(codings[0].coding.range == RangeOf(stored, words));
    CHECK(f.frame->GetTranscript()->CodingCount() == 1);
    CheckNoDialogs();
}

TEST_CASE("editor: emoji, ß and combining characters are coded exactly when snapping is off") {
    EditorFixture f;
    RunCommand(f.frame, ID_SNAP_TO_WORDS, false);
    f.frame->GetCodebook()->SelectCode(f.crisis);
    const std::string stored = f.Project().document(f.interview).text;
    for (const std::string& part : {std::string("heute? \xF0\x9F\x98\x80"), std::string("a\xC3\x9F" "e ist vo"),
                                   std::string("q\xCC\x83 und \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x94\xAC Fo")}) {
        CAPTURE(part);
        f.SelectText(part);
        REQUIRE(f.SelectedText() == part);
        RunCommand(f.frame, ID_CODE_SELECTION);
        const auto codings = CodingsOf(f.Project(), f.crisis);
        const auto it = std::find_if(codings.begin(), codings.end(), [&](const CodingView& v) { return v.text == part; });
        REQUIRE(it != codings.end());
        CHECK(it->coding.range == RangeOf(stored, part));
    }
    SaveScreenshot(f.frame, "editor-codings");
    CheckNoDialogs();
}

TEST_CASE("editor: with snapping on, a selection that cuts words codes the whole words") {
    EditorFixture f;
    f.SelectText("a\xC3\x9F" "e ist vo");
    f.frame->GetCodebook()->SelectCode(f.everyday);
    RunCommand(f.frame, ID_CODE_SELECTION);
    const auto codings = CodingsOf(f.Project(), f.everyday);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0].text == "Stra\xC3\x9F" "e ist voll");
    CHECK(f.SelectedText() == "Stra\xC3\x9F" "e ist voll");  // the selection shows what was coded
    CheckNoDialogs();
}

TEST_CASE("editor: Undo and Redo in the Edit menu name the action and revert it") {
    EditorFixture f;
    f.SelectText("Gott");
    f.frame->GetCodebook()->SelectCode(f.everyday);
    RunCommand(f.frame, ID_CODE_SELECTION);
    REQUIRE(CodingsOf(f.Project(), f.everyday).size() == 1);

    CHECK(MenuLabel(f.frame, wxID_UNDO).StartsWith("Undo Apply code"));
    RunCommand(f.frame, wxID_UNDO);
    CHECK(CodingsOf(f.Project(), f.everyday).empty());
    CHECK(f.frame->GetTranscript()->CodingCount() == 0);
    CHECK(MenuLabel(f.frame, wxID_REDO).StartsWith("Redo Apply code"));

    RunCommand(f.frame, wxID_REDO);
    const auto codings = CodingsOf(f.Project(), f.everyday);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0].text == "Gott");
    CHECK(f.frame->GetTranscript()->CodingCount() == 1);
    CheckNoDialogs();
}

TEST_CASE("editor: quick keys, recent codes, in-vivo and whole-turn coding") {
    EditorFixture f;
    f.Project().set_quick_key(3, f.measures);
    f.SelectText("Fragen");
    RunCommand(f.frame, ID_QUICK_CODE_FIRST + 2);  // Ctrl+3
    REQUIRE(CodingsOf(f.Project(), f.measures).size() == 1);

    f.SelectText("alles");
    RunCommand(f.frame, ID_CODE_LAST);  // the code used last: Maßnahmen
    CHECK(CodingsOf(f.Project(), f.measures).size() == 2);

    f.SelectText("Forschung");
    RunCommand(f.frame, ID_CODE_IN_VIVO);
    const CodeId in_vivo = f.Project().find_code("Forschung");
    CHECK(CodingsOf(f.Project(), in_vivo).at(0).text == "Forschung");
    CHECK(f.frame->GetCodebook()->GetSelectedCode() == in_vivo);

    f.SelectText("Danke");
    f.frame->GetCodebook()->SelectCode(f.crisis);
    RunCommand(f.frame, ID_CODE_TURN);
    const auto turn = CodingsOf(f.Project(), f.crisis);
    REQUIRE(turn.size() == 1);
    CHECK(turn[0].text == "Danke, gut. Das Caf\xC3\xA9 hat wieder offen, und die Stra\xC3\x9F" "e ist voll.");
    CheckNoDialogs();
}

TEST_CASE("editor: retrieved segments follow the codebook and jump to their place") {
    EditorFixture f;
    f.frame->GetCodebook()->SelectCode(f.measures);
    f.SelectText("Ma\xC3\x9Fnahmen");
    RunCommand(f.frame, ID_CODE_SELECTION);
    f.frame->GetCodebook()->SelectCode(f.crisis);  // the parent: its subcodes count too
    Pump();
    wxListCtrl* list = f.frame->GetSegments()->GetList();
    REQUIRE(list->GetItemCount() == 1);
    CHECK(list->GetItemText(0, 0) == wxString::FromUTF8("Ma\xC3\x9Fnahmen"));

    f.frame->GetTranscript()->GetControl()->SetSelection(0, 0);
    wxListEvent activate(wxEVT_LIST_ITEM_ACTIVATED, list->GetId());
    activate.SetEventObject(list);
    activate.m_itemIndex = 0;
    list->GetEventHandler()->ProcessEvent(activate);
    CHECK(f.SelectedText() == "Ma\xC3\x9Fnahmen");
    CheckNoDialogs();
}

TEST_CASE("editor: a memo typed in the memo pane is stored for the document") {
    EditorFixture f;
    wxTextCtrl* memo = f.frame->GetMemo()->GetEditor();
    memo->SetValue(wxString::FromUTF8("Gespr\xC3\xA4" "ch im Caf\xC3\xA9"));
    f.frame->GetMemo()->Flush();
    const auto stored = f.Project().memo(MemoTarget::Document, f.interview.value);
    REQUIRE(stored.has_value());
    CHECK(stored->text == "Gespr\xC3\xA4" "ch im Caf\xC3\xA9");
    CheckNoDialogs();
}

TEST_CASE("editor: transcripts import on a worker thread, then the report and the new document show") {
    EditorFixture f;
    const std::string second = f.dir.file("Interview 2.txt");
    kodex::test::write_all(second, "I: Zweites Gespr\xC3\xA4" "ch.\n\nB: Gern, \xC3\xBC" "ber alles.\n");
    wxTEST_DIALOG(
        {
            f.frame->ImportFiles({second});
            for (int i = 0; i < 500 && f.frame->GetDocuments()->GetDocuments().size() < 2; ++i) Pump(20);
            Pump(100);
        },
        wxExpectDismissableModal<ImportReportDialog>(wxID_OK));
    REQUIRE(f.frame->GetDocuments()->GetDocuments().size() == 2);
    CHECK(f.frame->GetTranscript()->GetShownDocument().name == "Interview 2");
    CHECK(f.frame->GetTranscript()->GetText().find("Gespr\xC3\xA4" "ch") != std::string_view::npos);
    RunCommand(f.frame, wxID_UNDO);  // the import is one action
    Pump();
    CHECK(f.frame->GetDocuments()->GetDocuments().size() == 1);
    CheckNoDialogs();
}

TEST_CASE("editor: a project held by another Kodex opens read-only on request") {
    EditorFixture f;
    f.frame->ShowDocument(DocumentId());
    const std::string copy = f.dir.file("held.kodex");
    f.Project().save_copy(copy);
    // Another process holds the lock until its stdin closes.
    FILE* holder = popen((std::string(KODEX_LOCK_HOLDER) + " '" + copy + "'").c_str(), "w");
    REQUIRE(holder);
    bool held = false;
    for (int i = 0; i < 200 && !held; ++i) {
        held = !ProjectLock::try_acquire(copy);
        if (!held) wxMilliSleep(20);
    }
    REQUIRE(held);
    wxTEST_DIALOG(CHECK(f.frame->OpenProject(ToWx(copy))), wxExpectModal<wxMessageDialog>(wxID_OK));
    CHECK_FALSE(f.frame->CanEdit());
    CHECK(f.frame->GetTitle().Contains("read-only"));
    f.frame->GetMenuBar()->UpdateMenus();
    CHECK_FALSE(f.frame->GetMenuBar()->IsEnabled(ID_NEW_CODE));
    SaveScreenshot(f.frame, "editor-read-only");
    pclose(holder);
    CheckNoDialogs();
}

TEST_CASE("editor: the coding menu changes a coding's code, keeping its text and memo, in one undo step") {
    EditorFixture f;
    f.SelectText("Gott");
    f.frame->GetCodebook()->SelectCode(f.everyday);
    RunCommand(f.frame, ID_CODE_SELECTION);
    const CodingId id = CodingsOf(f.Project(), f.everyday).at(0).coding.id;
    f.Project().set_memo(MemoTarget::Coding, id.value, "Redewendung");
    REQUIRE(MenuEnabled(f.frame, ID_CHANGE_CODING_CODE));

    wxTEST_DIALOG(RunCommand(f.frame, ID_CHANGE_CODING_CODE), PickCodeTyping("krise"));
    CHECK(CodingsOf(f.Project(), f.everyday).empty());
    const auto moved = CodingsOf(f.Project(), f.crisis);
    REQUIRE(moved.size() == 1);
    CHECK(moved[0].coding.id == id);
    CHECK(moved[0].text == "Gott");
    CHECK(moved[0].memo == "Redewendung");
    const ShownCoding* shown = f.frame->GetTranscript()->FindCoding(id);
    REQUIRE(shown);
    CHECK(shown->code == f.crisis);
    CHECK(*shown->code_path == "Krise");
    CHECK(MenuLabel(f.frame, wxID_UNDO) == "Undo Change code of coding 'Alltag' to 'Krise'");

    RunCommand(f.frame, wxID_UNDO);
    CHECK(CodingsOf(f.Project(), f.everyday).at(0).memo == "Redewendung");
    CHECK(f.frame->GetTranscript()->FindCoding(id)->code == f.everyday);
    CheckNoDialogs();
}

TEST_CASE("editor: the transcript follows single codings, undo and redo exactly as a full reload shows them") {
    EditorFixture f;
    for (const char* word : {"Gott", "Fragen", "alles", "Forschung"}) {
        f.SelectText(word);
        f.frame->GetCodebook()->SelectCode(f.measures);
        RunCommand(f.frame, ID_CODE_SELECTION);
    }
    f.SelectText("Fragen");
    f.frame->GetCodebook()->SelectCode(f.everyday);
    RunCommand(f.frame, ID_CODE_SELECTION);  // overlaps: a second lane
    RunCommand(f.frame, wxID_UNDO);
    RunCommand(f.frame, wxID_UNDO);
    RunCommand(f.frame, wxID_REDO);
    auto snapshot = [&] {
        std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t, int, std::int64_t>> out;
        const TranscriptView* view = f.frame->GetTranscript();
        for (const Coding& c : f.Project().document_codings(f.interview)) {
            const ShownCoding* s = view->FindCoding(c.id);
            REQUIRE(s);
            out.emplace_back(c.id.value, s->range.start, s->range.end, s->lane, s->code.value);
        }
        CHECK(view->CodingCount() == out.size());
        return out;
    };
    const auto incremental = snapshot();
    CHECK(incremental.size() == 4);
    f.frame->GetTranscript()->Reload();
    CHECK(snapshot() == incremental);
}

TEST_CASE("editor: recent codes are remembered for the project when it is opened again") {
    EditorFixture f;
    f.SelectText("Gott");
    f.frame->GetCodebook()->SelectCode(f.everyday);
    RunCommand(f.frame, ID_CODE_SELECTION);
    f.SelectText("Fragen");
    f.frame->GetCodebook()->SelectCode(f.measures);
    RunCommand(f.frame, ID_CODE_SELECTION);
    Pump(50);  // the list is saved after the repaint
    const std::string other = f.dir.file("other.kodex");
    Session::create(other);
    REQUIRE(f.frame->OpenProject(ToWx(other)));
    Pump(50);
    REQUIRE(f.frame->OpenProject(ToWx(f.path)));
    Pump(50);
    f.SelectText("alles");
    REQUIRE(MenuEnabled(f.frame, ID_CODE_LAST));
    RunCommand(f.frame, ID_CODE_LAST);
    CHECK(CodingsOf(f.Project(), f.measures).size() == 2);
    CHECK(MenuLabel(f.frame, ID_RECENT_CODE_FIRST + 1).Contains("Alltag"));
}

TEST_CASE("editor: with the German catalog, undo names the action in German") {
    SetUpTranslations("de");
    EditorFixture f;
    f.SelectText("Gott");
    f.frame->GetCodebook()->SelectCode(f.everyday);
    RunCommand(f.frame, ID_CODE_SELECTION);
    const wxString label = MenuLabel(f.frame, wxID_UNDO);
    SetUpTranslations("en");
    CHECK(label == wxString::FromUTF8("Rückgängig: Code „Alltag“ zuordnen"));
}

TEST_CASE("editor: the search pane lists hits in context, jumps to them and codes them in one step") {
    EditorFixture f;
    SearchPanel* search = f.frame->GetSearch();
    search->Search(wxString::FromUTF8("Stra\xC3\x9F" "e OR Gr\xC3\xB6\xC3\x9F" "e"));
    REQUIRE(search->GetHits().size() == 2);
    const SearchHit& hit = search->GetHits()[0];
    CHECK(substring_cp(std::string(f.frame->GetTranscript()->GetText()), hit.range.start, hit.range.end) == hit.match);
    CHECK((hit.speaker == "B" || hit.speaker == "I"));
    CHECK(search->GetMessage().Contains("2 hits"));

    search->SelectHit(1);
    Pump(30);
    const SearchHit& second = search->GetHits()[1];
    CHECK(f.SelectedText() == second.match);
    CHECK(f.frame->GetTranscript()->SearchMatchCount() == 2);  // both matches of the document are marked
    SaveScreenshot(f.frame, "editor-search");

    // A query Kodex cannot read says why, and lists nothing.
    search->Search("\"Stra\xC3\x9F" "e");
    CHECK(search->GetHits().empty());
    CHECK(search->GetMessage().Contains("quot"));
    CHECK(f.frame->GetTranscript()->SearchMatchCount() == 0);

    // Coding the hits: every hit gets the code, as one undoable action.
    search->Search("gut OR voll");
    REQUIRE(search->GetHits().size() == 2);
    const AutocodeReport report = search->CodeHits(f.crisis);
    CHECK(report.added.size() == 2);
    const auto coded = CodingsOf(f.Project(), f.crisis);
    REQUIRE(coded.size() == 2);
    CHECK(coded[0].text == "gut");
    CHECK(coded[1].text == "voll");
    CHECK(MenuLabel(f.frame, wxID_UNDO) == "Undo Auto-code 'gut OR voll' as 'Krise'");
    RunCommand(f.frame, wxID_UNDO);
    CHECK(CodingsOf(f.Project(), f.crisis).empty());
    CheckNoDialogs();
}

TEST_CASE("editor: highlight and selection boxes sit on their letters after ligature pairs like \"ff\"") {
    EditorFixture f;
    const std::string file = f.dir.file("Notiz.txt");
    kodex::test::write_all(file, "Wir hoffen, dass die Stra\xC3\x9F" "e offen bleibt, auch die Caf\xC3\xA9s und Stoffl\xC3\xA4" "den.\n");
    ImportRequest request;
    request.paths = {file};
    const DocumentId note = f.Project().import_files(request).imported.at(0).id;
    f.frame->ShowDocument(note);
    Pump(50);
    wxStyledTextCtrl* text = f.frame->GetTranscript()->GetControl();
    const std::string utf8(f.frame->GetTranscript()->GetText());
    const int left = text->PointFromPosition(0).x;
    // Where the control puts each word (boxes, caret) against where the letters are drawn: the width of the
    // whole text before it, as Pango lays it out.
    for (const char* word : {"Stra", "bleibt", "Caf", "den."}) {
        const auto at = static_cast<int>(utf8.find(word));
        const int placed = text->PointFromPosition(at).x - left;
        const int drawn = text->TextWidth(0, wxString::FromUTF8(utf8.substr(0, static_cast<std::size_t>(at))));
        CAPTURE(word);
        CHECK(std::abs(placed - drawn) <= 1);
    }
}

TEST_CASE("editor: after an unclean exit the project is checked on opening, and safe repairs are offered") {
    EditorFixture f;
    f.SelectText("Gott");
    f.frame->GetCodebook()->SelectCode(f.everyday);
    RunCommand(f.frame, ID_CODE_SELECTION);
    const std::string other = f.dir.file("other.kodex");
    Session::create(other);
    REQUIRE(f.frame->OpenProject(ToWx(other)));  // closes the study cleanly
    CHECK(f.frame->GetLastCheck().issues.empty());

    // A clean close leaves nothing to check.
    REQUIRE(f.frame->OpenProject(ToWx(f.path)));
    CHECK(f.frame->GetLastCheck().integrity.empty());
    REQUIRE(f.frame->OpenProject(ToWx(other)));

    // The editor was killed while it had the study open (its holder text stays in the lock file), and the
    // document's stored length no longer matches its text.
    kodex::test::write_all(f.path + ".lock", "anna on laptop, process 4711, since 2026-11-27T09:00:00Z\n");
    {
        auto s = Session::open(f.path);
        s->store().db().exec("UPDATE documents SET length = 3");
    }
    wxTEST_DIALOG(REQUIRE(f.frame->OpenProject(ToWx(f.path))), wxExpectModal<wxMessageDialog>(wxID_YES));
    const ConsistencyReport& report = f.frame->GetLastCheck();
    REQUIRE_FALSE(report.issues.empty());
    CHECK(report.issues[0].repaired);
    auto again = check_project(f.Project().store());
    CHECK(again.ok());
    CHECK(CodingsOf(f.Project(), f.everyday).at(0).text == "Gott");  // the coding made before the kill is there

    // Killed again, nothing wrong this time: a note in the status bar, no dialog.
    REQUIRE(f.frame->OpenProject(ToWx(other)));
    kodex::test::write_all(f.path + ".lock", "anna on laptop, process 4712, since 2026-11-27T10:00:00Z\n");
    REQUIRE(f.frame->OpenProject(ToWx(f.path)));
    CHECK(f.frame->GetLastCheck().ok());
    CHECK(f.frame->GetStatusBar()->GetStatusText(0).Contains("checked"));
    CheckNoDialogs();
}

TEST_CASE("editor: a hit far down in another, long document is scrolled into view") {
    EditorFixture f;
    ImportLongTranscript(f, "Lang", 300, "B: Ganz am Ende steht das Wort Leuchtturmprojekt.\n");
    SearchPanel* search = f.frame->GetSearch();
    search->Search("Leuchtturmprojekt");
    REQUIRE(search->GetHits().size() == 1);
    search->SelectHit(0);
    Pump(50);
    wxStyledTextCtrl* stc = f.frame->GetTranscript()->GetControl();
    CHECK(f.SelectedText() == "Leuchtturmprojekt");
    const int line = stc->VisibleFromDocLine(stc->LineFromPosition(stc->GetSelectionStart()));
    CHECK(line >= stc->GetFirstVisibleLine());
    CHECK(line < stc->GetFirstVisibleLine() + stc->LinesOnScreen());
}

TEST_CASE("editor: the coding stripe draws each coding beside its text, after coding, scrolling and undo") {
    EditorFixture f;
    f.frame->ShowDocument(ImportLongTranscript(f, "Stripe", 80));
    Pump(50);
    TranscriptView* view = f.frame->GetTranscript();
    wxStyledTextCtrl* stc = view->GetControl();
    const CodingStripe* stripe = view->GetStripe();

    f.SelectText("Absatz 3.");
    f.frame->GetCodebook()->SelectCode(f.crisis);
    RunCommand(f.frame, ID_CODE_SELECTION);
    f.frame->Update();
    Pump(50);
    const auto codings = f.Project().document_codings(view->GetDocument());
    REQUIRE(codings.size() == 1);
    const ShownCoding* shown = view->FindCoding(codings[0].id);
    REQUIRE(shown);
    auto bar_top_is_text_top = [&] {
        const std::optional<wxRect> bar = stripe->DrawnBar(codings[0].id);
        REQUIRE(bar);
        CHECK(bar->y == stc->PointFromPosition(shown->bytes.start).y);
        CHECK(bar->GetBottom() + 1 == stc->PointFromPosition(shown->bytes.start).y + stc->TextHeight(0));
    };
    bar_top_is_text_top();

    // Scrolled by three display lines, the bar moves with its words.
    const int y_before = stripe->DrawnBar(codings[0].id)->y;
    stc->SetFirstVisibleLine(stc->GetFirstVisibleLine() + 3);
    f.frame->Update();
    Pump(50);
    CHECK(stripe->DrawnBar(codings[0].id)->y == y_before - 3 * stc->TextHeight(0));
    bar_top_is_text_top();

    // Scrolled far away, the bar is gone; undone, it is gone for good.
    stc->SetFirstVisibleLine(stc->GetLineCount());
    f.frame->Update();
    Pump(50);
    CHECK_FALSE(stripe->DrawnBar(codings[0].id));
    stc->SetFirstVisibleLine(0);
    Pump(50);
    REQUIRE(stripe->DrawnBar(codings[0].id));
    RunCommand(f.frame, wxID_UNDO);
    f.frame->Update();
    Pump(50);
    CHECK_FALSE(stripe->DrawnBar(codings[0].id));
}

TEST_CASE("editor: coding in a scrolled, wrapped transcript repaints only the lines it changed") {
    EditorFixture f;
    const DocumentId long_transcript = ImportLongTranscript(f, "Lang", 120);
    f.frame->ShowDocument(long_transcript);
    Pump(50);
    wxStyledTextCtrl* stc = f.frame->GetTranscript()->GetControl();
    // Far enough down that the first display line's number is beyond the document's line count, where the
    // control, left alone, repaints everything after an indicator change.
    f.SelectText("Absatz 110.");
    stc->SetFirstVisibleLine(stc->VisibleFromDocLine(stc->LineFromPosition(stc->GetSelectionStart())) - 4);
    Pump(50);
    REQUIRE(stc->GetFirstVisibleLine() > stc->GetLineCount());
    f.frame->Update();
    std::vector<wxRect> painted;
    auto on_paint = [&](wxPaintEvent& e) {
        painted.push_back(stc->GetUpdateRegion().GetBox());
        e.Skip();
    };
    stc->Bind(wxEVT_PAINT, on_paint);
    f.frame->GetCodebook()->SelectCode(f.crisis);
    RunCommand(f.frame, ID_CODE_SELECTION);
    f.frame->Update();
    Pump(50);
    stc->Unbind(wxEVT_PAINT, on_paint);
    const int coded_y = stc->PointFromPosition(stc->GetSelectionStart()).y;
    CHECK(f.Project().document_codings(long_transcript).size() == 1);
    const wxSize size = stc->GetClientSize();
    int area = 0;
    bool coded_line_painted = false;
    std::string boxes;
    for (const wxRect& box : painted) {
        boxes += std::to_string(box.x) + "," + std::to_string(box.y) + " " + std::to_string(box.width) + "x" +
                 std::to_string(box.height) + "; ";
        area += box.width * box.height;
        coded_line_painted = coded_line_painted || box.Contains(wxPoint(size.x / 2, coded_y + 1));
    }
    INFO("painted: " << boxes);
    CHECK(coded_line_painted);
    CHECK(area < size.x * size.y / 2);
    // The coding's indicator is on its characters.
    const int middle = (stc->GetSelectionStart() + stc->GetSelectionEnd()) / 2;
    CHECK(stc->IndicatorAllOnFor(middle) != 0);
}

TEST_CASE("editor: File > Export analysis writes the ticked codes' analysis in the chosen format") {
    EditorFixture f;
    for (const char* word : {"Gott", "Fragen"}) {
        f.SelectText(word);
        f.frame->GetCodebook()->SelectCode(f.measures);
        RunCommand(f.frame, ID_CODE_SELECTION);
    }
    f.SelectText("voll");
    f.frame->GetCodebook()->SelectCode(f.everyday);
    RunCommand(f.frame, ID_CODE_SELECTION);
    CHECK(MenuEnabled(f.frame, ID_EXPORT_ANALYSIS_FIRST));
    CHECK(MenuLabel(f.frame, ID_EXPORT_ANALYSIS_FIRST + static_cast<int>(AnalysisKind::Segments)) == "Coded segments…");

    // Only the ticked code's codings, in the format of the extension.
    f.frame->GetCodebook()->SetChecked(f.measures, true);
    AnalysisExport request;
    request.kind = AnalysisKind::Segments;
    const std::string csv = f.dir.file("segments.csv");
    REQUIRE(f.frame->ExportAnalysis(request, ToWx(csv)));
    const std::string text = kodex::test::read_all(csv);
    CHECK(text.find("Gott") != std::string::npos);
    CHECK(text.find("Fragen") != std::string::npos);
    CHECK(text.find("voll") == std::string::npos);
    CHECK(f.frame->GetStatusBar()->GetStatusText().Contains("segments.csv"));

    // Nothing ticked: every code; and the quotes as a Word document.
    f.frame->GetCodebook()->SetChecked(f.measures, false);
    request.kind = AnalysisKind::Quotes;
    const std::string docx = f.dir.file("quotes.docx");
    REQUIRE(f.frame->ExportAnalysis(request, ToWx(docx)));
    CHECK(kodex::test::read_all(docx).substr(0, 2) == "PK");

    // A format the analysis has not: the error is shown, nothing is written, the window goes on.
    request.kind = AnalysisKind::Segments;
    CHECK_FALSE(f.frame->ExportAnalysis(request, ToWx(f.dir.file("segments.svg"))));
    CHECK(TakeUnexpectedDialogs().Contains("segments.svg"));
    CHECK_FALSE(wxFileExists(ToWx(f.dir.file("segments.svg"))));
}

TEST_CASE("editor: Compare coders shows the agreement per code and the places where the coders disagree") {
    EditorFixture f;
    Session& s = f.Project();
    const std::string text(f.frame->GetTranscript()->GetText());
    const TextRange gut = RangeOf(text, "gut");
    const TextRange voll = RangeOf(text, "voll");
    s.set_coder("anna");
    s.apply_code(f.interview, f.crisis, gut);
    s.apply_code(f.interview, f.crisis, voll);
    // One coder only: the pane says what it needs and compares nothing.
    RunCommand(f.frame, ID_COMPARE_CODERS);
    Pump(50);
    AgreementPanel* pane = f.frame->GetAgreement();
    CHECK(pane->GetCoders().size() < 2);
    CHECK(pane->GetCodes()->GetItemCount() == 0);
    CHECK(pane->GetPlaces()->GetItemCount() == 0);
    CHECK(static_cast<wxStaticText*>(wxWindow::FindWindowByName("agreement_summary", pane))->GetLabel().Contains("two coders"));
    s.set_coder("ben");
    s.apply_code(f.interview, f.crisis, gut);  // ben leaves out "voll"
    Pump(80);
    REQUIRE(pane->IsShownOnScreen());
    CHECK(pane->GetCoders() == std::vector<std::string>{"anna", "ben"});
    // One row for "Krise" and the overall row, as the core computes them.
    REQUIRE(pane->GetCodes()->GetItemCount() == 2);
    CHECK(pane->GetCodes()->GetItemText(0, 0) == "Krise");
    AgreementOptions o;
    o.coders = {"anna", "ben"};
    const AgreementResult expected = intercoder_agreement(s, o);
    CHECK(pane->GetCodes()->GetItemText(0, 1) == wxString::Format("%.1f %%", expected.rows[0].percent_agreement));
    // The one place: "voll", coded by anna, not by ben.
    wxListCtrl* places = pane->GetPlaces();
    REQUIRE(places->GetItemCount() == 1);
    CHECK(places->GetItemText(0, 0) == "voll");
    CHECK(places->GetItemText(0, 3) == "anna");
    CHECK(places->GetItemText(0, 4) == "ben");
    f.frame->GetTranscript()->GetControl()->SetSelection(0, 0);
    pane->SelectPlace(0);
    Pump(30);
    CHECK(f.SelectedText() == "voll");

    SaveScreenshot(f.frame, "editor-agreement");
    // The codes' own kappas come first; a high percentage beside a low kappa is explained.
    auto* summary = static_cast<wxStaticText*>(wxWindow::FindWindowByName("agreement_summary", pane));
    auto* note = wxWindow::FindWindowByName("agreement_note", pane);
    REQUIRE(note);
    CHECK(summary->GetLabel().StartsWith("anna, ben: kappa per code "));
    const AgreementRow& overall = expected.rows.back();
    CHECK(note->IsShown() == (overall.percent_agreement >= 90.0 && overall.kappa && *overall.kappa < 0.6));

    // Once ben codes it too, they agree everywhere and the pane says so.
    s.apply_code(f.interview, f.crisis, voll);
    Pump(80);
    CHECK(places->GetItemCount() == 0);
    CHECK(pane->GetCodes()->GetItemText(0, 1) == "100.0 %");
    CHECK_FALSE(note->IsShown());
    CheckNoDialogs();
}

// Bug: a segment of a docx or odt transcript (one line per paragraph, no blank lines) opened its document at
// line 1 while selecting the segment further down: the text had not wrapped yet, so its line looked on screen.
TEST_CASE("editor: jumping to a segment of another document whose paragraphs wrap shows the segment") {
    EditorFixture f;
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += "B: Ein Absatz aus einem Word-Dokument, der im Fenster mehrfach umbricht, weil er viel mehr Worte hat, "
                "als eine Zeile fassen kann, und noch ein paar mehr, damit es drei Zeilen werden. Absatz " +
                std::to_string(i) + ".\n";
    const std::string file = f.dir.file("Absaetze.txt");
    kodex::test::write_all(file, text);
    ImportRequest request;
    request.paths = {file};
    f.Project().import_files(request);
    const DocumentId paragraphs = f.Project().find_document("Absaetze");
    const std::string stored = f.Project().document(paragraphs).text;
    const CodingId coding = f.Project().apply_code(paragraphs, f.crisis, RangeOf(stored, "Absatz 18."));
    REQUIRE(f.frame->GetTranscript()->GetDocument() == f.interview);
    Pump(50);

    NavigationEvent jump(EVT_JUMP_TO_CODING);
    jump.document = paragraphs;
    jump.code = f.crisis;
    jump.coding = coding;
    f.frame->GetEventHandler()->ProcessEvent(jump);
    Pump(100);
    wxStyledTextCtrl* stc = f.frame->GetTranscript()->GetControl();
    REQUIRE(f.SelectedText() == "Absatz 18.");
    // On screen as drawn: the selection's first character lies inside the control's client area.
    const wxPoint at = stc->PointFromPosition(stc->GetSelectionStart());
    CAPTURE(at.y);
    CHECK(at.y >= 0);
    CHECK(at.y + stc->TextHeight(0) <= stc->GetClientSize().y);
    CheckNoDialogs();
}

// Bug: the codebook's context menu opened twice, once for the tree's item-menu event and once for the
// right click's own context-menu event; after "Merge into..." the second copy offered a second merge.
TEST_CASE("editor: a right click on a code asks for one context menu, for that code") {
    EditorFixture f;
    wxTreeCtrl* tree = f.frame->GetCodebook()->GetTree();
    wxTreeItemIdValue cookie;
    const wxTreeItemId root = tree->GetRootItem();
    wxTreeItemId item = tree->HasFlag(wxTR_HIDE_ROOT) ? tree->GetFirstChild(root, cookie) : root;
    REQUIRE(item.IsOk());
    item = tree->GetNextSibling(item);  // the second top-level code, so the selection has to move to it
    REQUIRE(item.IsOk());
    wxRect rect;
    REQUIRE(tree->GetBoundingRect(item, rect, true));
    Pump(100);
    // Counts the menus asked for, and shows none (a shown menu would wait for the user).
    int asked = 0;
    CodeId selected_when_asked;
    auto count = [&](wxContextMenuEvent&) {
        ++asked;
        selected_when_asked = f.frame->GetCodebook()->GetSelectedCode();
    };
    f.frame->Bind(wxEVT_CONTEXT_MENU, count);
    wxUIActionSimulator mouse;
    mouse.MouseMove(tree->ClientToScreen(rect.GetPosition() + wxPoint(rect.width / 2, rect.height / 2)));
    Pump(100);
    mouse.MouseClick(wxMOUSE_BTN_RIGHT);
    Pump(300);
    CHECK(asked == 1);
    CHECK(selected_when_asked == f.crisis);
    // The keyboard's menu key asks once too.
    asked = 0;
    tree->SetFocus();
    Pump(100);
    mouse.Char(WXK_MENU);
    Pump(300);
    CHECK(asked == 1);
    f.frame->Unbind(wxEVT_CONTEXT_MENU, count);
    CheckNoDialogs();
}

// Bug: after undoing an in-vivo coding (which removes its new code) the memo pane still showed that code;
// typing there ended in "no code with id 33" and the typed text was lost. A rename did not show either.
TEST_CASE("editor: the memo pane follows its code through undo, redo and rename, and never drops typed text") {
    EditorFixture f;
    MemoPanel* pane = f.frame->GetMemo();
    auto* name = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("memo_target", pane));
    auto* gone = wxWindow::FindWindowByName("memo_gone", pane);
    auto* rescue = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("memo_rescue", pane));
    REQUIRE(name);
    REQUIRE(gone);
    REQUIRE(rescue);
    f.SelectText("Forschung");
    RunCommand(f.frame, ID_CODE_IN_VIVO);
    const CodeId in_vivo = f.Project().find_code("Forschung");
    f.frame->GetCodebook()->SelectCode(in_vivo);
    Pump();
    REQUIRE(pane->Shows(MemoTarget::Code, in_vivo.value));

    RunCommand(f.frame, wxID_UNDO);  // removes the coding and its new code
    Pump();
    REQUIRE_FALSE(f.Project().memo_target_exists(MemoTarget::Code, in_vivo.value));
    CHECK(gone->IsShown());
    CHECK_FALSE(pane->GetEditor()->IsEnabled());  // nothing can be typed for a code that is gone
    CHECK_FALSE(rescue->IsShown());

    RunCommand(f.frame, wxID_REDO);  // the code is back, with the same id: the pane shows it again
    Pump();
    CHECK_FALSE(gone->IsShown());
    CHECK(pane->GetEditor()->IsEnabled());

    // Typing, and the code goes before the text is saved: the text stays, and the pane says where it can go.
    pane->GetEditor()->SetValue(wxString::FromUTF8("Wichtig f\xC3\xBCr das Kapitel 3"));
    f.Project().undo();
    Pump();
    pane->Flush();  // the pause ends
    CHECK(pane->GetEditor()->GetValue() == wxString::FromUTF8("Wichtig f\xC3\xBCr das Kapitel 3"));
    CHECK(gone->IsShown());
    CHECK(rescue->IsShown());
    SaveScreenshot(f.frame, "editor-memo-gone");
    CheckNoDialogs();  // no "no code with id" error
    wxCommandEvent click(wxEVT_BUTTON, rescue->GetId());
    click.SetEventObject(rescue);
    rescue->GetEventHandler()->ProcessEvent(click);
    const auto project = f.Project().memo(MemoTarget::Project, 0);
    REQUIRE(project.has_value());
    CHECK(project->text.find("Wichtig f\xC3\xBCr das Kapitel 3") != std::string::npos);
    CHECK(project->text.find("Forschung") != std::string::npos);  // says where the text came from
    CHECK_FALSE(rescue->IsShown());

    // Typing for a code that is gone, then opening another memo: the text goes to the project memo by itself.
    const CodeId fresh = f.Project().add_code(CodeId(), "Neu", "#911EB4");
    Pump();
    f.frame->GetCodebook()->SelectCode(fresh);
    Pump();
    REQUIRE(pane->Shows(MemoTarget::Code, fresh.value));
    pane->GetEditor()->SetValue("Zweiter Gedanke");
    f.Project().undo();  // the new code
    Pump();
    f.frame->GetCodebook()->SelectCode(f.crisis);
    Pump();
    CHECK(pane->Shows(MemoTarget::Code, f.crisis.value));
    CHECK(f.Project().memo(MemoTarget::Project, 0)->text.find("Zweiter Gedanke") != std::string::npos);

    // A rename shows, also while typing.
    pane->GetEditor()->SetValue("Notiz zur Krise");
    f.Project().rename_code(f.crisis, "Krisen");
    Pump();
    CHECK(name->GetLabel() == "Krisen");
    pane->Flush();
    CHECK(f.Project().memo(MemoTarget::Code, f.crisis.value)->text == "Notiz zur Krise");
    CheckNoDialogs();
}

// Bug: the codebook scrolled back to the top after every edit (new code, colour, description, move), so a
// code just made at the bottom was out of view.
TEST_CASE("editor: the codebook keeps its scroll position through edits and shows a new code") {
    EditorFixture f;
    for (int i = 0; i < 60; ++i) f.Project().add_code(CodeId(), "Code " + std::to_string(100 + i));
    Pump();
    wxTreeCtrl* tree = f.frame->GetCodebook()->GetTree();
    const CodeId low = f.Project().find_code("Code 150");
    f.frame->GetCodebook()->SelectCode(low);
    tree->ScrollTo(tree->GetSelection());
    Pump();
    const wxString top = tree->GetItemText(tree->GetFirstVisibleItem());
    REQUIRE_FALSE(top.StartsWith("Alltag"));  // scrolled down
    f.Project().set_code_color(low, "#008080");
    Pump();
    CHECK(tree->GetItemText(tree->GetFirstVisibleItem()) == top);
    const CodeId added = f.Project().add_code(CodeId(), "Ganz neu");
    f.frame->GetCodebook()->SelectCode(added);
    Pump();
    wxRect rect;
    CHECK(tree->GetBoundingRect(tree->GetSelection(), rect, true));  // the new code is on screen
    CHECK(rect.GetTop() >= 0);
    CHECK(rect.GetBottom() <= tree->GetClientSize().y);
    CheckNoDialogs();
}

// Bug: in German after a restart the pane captions stayed English (the saved layout restored them), the
// toolbar was cut off (Redo and Whole words hidden), and the segments pane's hint ran under its check box.
TEST_CASE("editor: a layout saved in English opens in German with German captions, a whole toolbar, no overlap") {
    wxConfigBase::Get()->DeleteAll();
    auto* english = new MainFrame;
    english->SetSize(english->FromDIP(wxSize(1500, 940)));
    english->Show();
    Pump(100);
    english->Close(true);  // saves the layout
    Pump(100);
    const wxString saved = LoadLayout();
    REQUIRE_FALSE(saved.empty());
    CHECK(saved.Find("Retrieved segments") == wxNOT_FOUND);  // no translated text in the saved layout
    CHECK(saved.Find("name=segments") != wxNOT_FOUND);

    SetUpTranslations("de");
    auto* german = new MainFrame;
    german->SetSize(german->FromDIP(wxSize(1500, 940)));
    german->Show();
    Pump(300);
    wxAuiManager* aui = wxAuiManager::GetManager(german->GetChildren().front());
    REQUIRE(aui);
    const std::pair<const char*, const char*> panes[] = {
        {"codebook", "Codebook"}, {"documents", "Documents"}, {"segments", "Retrieved segments"}, {"search", "Search"}};
    for (const auto& [pane, english_caption] : panes) {
        CAPTURE(pane);
        CHECK(aui->GetPane(pane).caption == wxGetTranslation(english_caption));
    }
    CHECK(aui->GetPane("segments").caption == wxString::FromUTF8("Gefundene Segmente"));
    auto* toolbar = dynamic_cast<wxAuiToolBar*>(wxWindow::FindWindowByName("toolbar", german));
    REQUIRE(toolbar);
    for (size_t i = 0; i < toolbar->GetToolCount(); ++i) {
        CAPTURE(i);
        CHECK(toolbar->GetToolFitsByIndex(static_cast<int>(i)));
    }
    auto* summary = wxWindow::FindWindowByName("segments_summary", german);
    auto* subcodes = wxWindow::FindWindowByName("segments_subcodes", german);
    REQUIRE(summary);
    REQUIRE(subcodes);
    CHECK(summary->GetRect().GetRight() < subcodes->GetRect().GetLeft());
    SaveScreenshot(german, "editor-german-layout");
    german->Destroy();
    Pump(50);
    SetUpTranslations("en");
    CheckNoDialogs();
}

// Bug: "1 hit in 1 documents" / "1 Treffer in 1 Dokumenten": every count takes its language's plural form.
TEST_CASE("editor: counts read in the singular and the plural, in English and German") {
    for (const char* language : {"en", "de"}) {
        CAPTURE(language);
        SetUpTranslations(language);
        EditorFixture f;
        const bool de = std::string(language) == "de";
        auto label = [&](const char* name) { return dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName(name, f.frame))->GetLabel(); };
        f.frame->GetSearch()->Search("Gott");
        Pump();
        CHECK(label("search_summary") == wxString::FromUTF8(de ? "1 Treffer in 1 Dokument" : "1 hit in 1 document"));
        f.frame->GetCodebook()->SelectCode(f.crisis);
        f.SelectText("Gott");
        RunCommand(f.frame, ID_CODE_SELECTION);
        Pump();
        CHECK(label("transcript_info") ==
              wxString::FromUTF8(de ? "4 Beiträge · 1 Kodierung · 202 Zeichen" : "4 turns · 1 coding · 202 characters"));
        CheckNoDialogs();
    }
    SetUpTranslations("en");
}

// Bug: after coding, removing a coding or saving a memo the status bar kept an older message, and a
// coding's memo had no mark beside the text.
TEST_CASE("editor: each action says what it did in the status bar, and a coding's memo is marked on the stripe") {
    EditorFixture f;
    wxStatusBar* status = f.frame->GetStatusBar();
    status->SetStatusText("an older message", 0);
    f.frame->GetCodebook()->SelectCode(f.crisis);
    f.SelectText("Gott");
    RunCommand(f.frame, ID_CODE_SELECTION);
    Pump();
    CHECK(status->GetStatusText(0) == "Done: Apply code 'Krise'");
    const CodingId coding = CodingsOf(f.Project(), f.crisis).at(0).coding.id;
    const CodingStripe* stripe = f.frame->GetTranscript()->GetStripe();
    CHECK_FALSE(stripe->HasMemoMark(coding));
    f.Project().set_memo(MemoTarget::Coding, coding.value, "Ironisch gemeint?");
    Pump();
    CHECK(stripe->HasMemoMark(coding));
    SaveScreenshot(f.frame, "editor-memo-mark");
    CHECK(status->GetStatusText(0).StartsWith("Done: "));
    CHECK(status->GetStatusText(0) != "Done: Apply code 'Krise'");
    RunCommand(f.frame, wxID_UNDO);
    Pump();
    CHECK_FALSE(stripe->HasMemoMark(coding));
    CHECK(status->GetStatusText(0).StartsWith("Undone: "));
    f.Project().remove_coding(coding);
    Pump();
    CHECK(status->GetStatusText(0).StartsWith("Done: Remove"));
    CheckNoDialogs();
}

// Answers an export's file dialog: records its title and style, and cancels.
class LookAtExportDialog : public wxExpectModalBase<wxFileDialog, LookAtExportDialog> {
public:
    LookAtExportDialog(wxString* title, bool* asks_overwrite) : m_title(title), m_asks(asks_overwrite) {}

protected:
    int OnInvoked(wxFileDialog* dialog) const override {
        *m_title = dialog->GetMessage();
        *m_asks = dialog->HasFlag(wxFD_OVERWRITE_PROMPT);
        return wxID_CANCEL;
    }

private:
    wxString* m_title;
    bool* m_asks;
};

// Bug: an export's file dialog did not say that only the ticked codes go in, and choosing "Web page
// (*.html)" kept the name .docx and then asked (the dialog itself) to overwrite the .docx.
TEST_CASE("editor: an export's dialog names what goes in, and the file written follows the chosen type") {
    EditorFixture f;
    const int quotes = ID_EXPORT_ANALYSIS_FIRST + 5;
    wxString title;
    bool asks_overwrite = true;
    wxTEST_DIALOG(RunCommand(f.frame, quotes), LookAtExportDialog(&title, &asks_overwrite));
    CHECK(title.Contains("all codes"));
    CHECK(title.Contains("all documents"));
    CHECK_FALSE(asks_overwrite);  // the question comes afterwards, about the file really written
    f.frame->GetCodebook()->SetChecked(f.crisis, true);
    wxTEST_DIALOG(RunCommand(f.frame, quotes), LookAtExportDialog(&title, &asks_overwrite));
    CHECK(title.Contains("1 ticked code,"));

    // Quotes: Word (the suggested type), web page, Markdown.
    CHECK(MainFrame::ExportPath(AnalysisKind::Quotes, "/x/quotes.docx", 1) == "/x/quotes.html");
    CHECK(MainFrame::ExportPath(AnalysisKind::Quotes, "/x/quotes", 1) == "/x/quotes.html");
    CHECK(MainFrame::ExportPath(AnalysisKind::Quotes, "/x/quotes.md", 1) == "/x/quotes.md");  // typed on purpose
    CHECK(MainFrame::ExportPath(AnalysisKind::Quotes, "/x/quotes.docx", 0) == "/x/quotes.docx");
    CheckNoDialogs();
}

// Friction: typing into a transcript was silently ignored.
TEST_CASE("editor: typing into the transcript says that it is read-only and how to correct it") {
    EditorFixture f;
    wxStyledTextCtrl* stc = f.frame->GetTranscript()->GetControl();
    const wxString before = stc->GetText();
    stc->SetFocus();
    stc->GotoPos(5);
    Pump(100);
    wxUIActionSimulator keys;
    keys.Char('x');
    Pump(200);
    CHECK(stc->GetText() == before);
    CHECK(stc->CallTipActive());
    CHECK(f.frame->GetStatusBar()->GetStatusText(0).Contains("kodex-cli edit"));
    SaveScreenshot(f.frame, "editor-read-only-hint");
    CheckNoDialogs();
}

// Friction: the toolbar's Code button was grey with no hint why.
TEST_CASE("editor: a grey Code button says what is missing") {
    EditorFixture f;
    auto* toolbar = dynamic_cast<wxAuiToolBar*>(wxWindow::FindWindowByName("toolbar", f.frame));
    REQUIRE(toolbar);
    auto help = [&] {
        toolbar->UpdateWindowUI();
        Pump();
        return toolbar->GetToolShortHelp(ID_CODE_SELECTION);
    };
    f.frame->GetTranscript()->GetControl()->SetSelection(0, 0);
    CHECK(help().Contains("First select text in the transcript."));
    f.SelectText("Gott");
    f.frame->GetCodebook()->GetTree()->UnselectAll();
    CHECK(help().Contains("First select a code in the codebook."));
    f.frame->GetCodebook()->SelectCode(f.crisis);
    CHECK_FALSE(help().Contains("First"));
    CheckNoDialogs();
}

// Bug: long code paths were cut from the right in the picker and the agreement pane, so every row read
// "Transmitterrolle de..." and the code's own name was gone.
TEST_CASE("editor: long code paths keep the code's name in the picker") {
    EditorFixture f;
    Session& s = f.Project();
    const CodeId role = s.add_code(CodeId(), "Transmitterrolle der Clustermanagements in der Corona-Krise");
    const CodeId solutions = s.add_code(role, "Neue L\xC3\xB6sungen entwickeln und gemeinsam umsetzen");
    s.add_code(solutions, "f\xC3\xBCr Partner");
    Pump();
    CodePickerDialog picker(f.frame, "Code", f.frame->GetCodebook()->GetCodes(), {}, {}, false);
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("code_picker_list", &picker));
    REQUIRE(list);
    bool found = false;
    for (long i = 0; i < list->GetItemCount(); ++i) {
        const wxString row = list->GetItemText(i);
        if (!row.EndsWith(wxString::FromUTF8("f\xC3\xBCr Partner"))) continue;
        found = true;
        CHECK(row.StartsWith("Transmitterrolle"));
        CHECK(list->GetTextExtent(row).x <= list->GetColumnWidth(0));
    }
    CHECK(found);
    CheckNoDialogs();
}
