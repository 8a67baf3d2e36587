// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <filesystem>

#include "core/errors.h"
#include "core/session.h"
#include "tests/core/test_util.h"

using namespace kodex;
using kodex::test::read_all;
using kodex::test::TempDir;
using kodex::test::write_all;

namespace {

const char* kInterview =
    "I: Wie hat sich die Arbeit des Clustermanagements in der Krise verändert? #00:00:12-3#\n"
    "\n"
    "B: Also, ähm, wir haben sofort Webinare gemacht 😅 und die Mitglieder über Soforthilfen informiert. #00:00:31-8#\n"
    "\n"
    "I: Und die Clustermanager:innen selbst? #00:00:35-0#\n"
    "\n"
    "B: Die Zusammenarbeit lief digital, über Plattformen. Präsenz fehlte uns aber. #00:01:02-4#\n";

struct Fixture {
    TempDir dir;
    std::unique_ptr<Session> s;
    DocumentId doc;
    Fixture() {
        s = Session::create(dir.file("study.kodex"));
        s->set_coder("Anna");
        write_all(dir.file("C01.txt"), kInterview);
        const auto r = s->import_files({{dir.file("C01.txt")}, {}, false});
        REQUIRE(r.ok());
        REQUIRE(r.imported.size() == 1);
        doc = r.imported[0].id;
    }
    std::int64_t count(const std::string& table) { return s->store().db().query_int("SELECT COUNT(*) FROM " + table); }
};

}  // namespace

TEST_CASE("session: an imported transcript keeps its text, turns and timestamps") {
    Fixture f;
    const Document d = f.s->document(f.doc);
    CHECK(d.name == "C01");
    CHECK(d.format == "txt");
    CHECK(d.encoding == "UTF-8");
    CHECK(d.text == kInterview);
    REQUIRE(d.turns.size() == 4);
    CHECK(d.turns[0].speaker == "I");
    CHECK(d.turns[1].speaker == "B");
    REQUIRE(d.turns[1].timestamp_ms.has_value());
    CHECK(*d.turns[1].timestamp_ms == 31800);
    CHECK(d.content_hash.size() == 64);
}

TEST_CASE("session: importing the same content twice is reported, not duplicated") {
    Fixture f;
    write_all(f.dir.file("C01-copy.txt"), kInterview);
    const auto r = f.s->import_files({{f.dir.file("C01-copy.txt")}, {}, false});
    CHECK(r.imported.empty());
    REQUIRE(r.duplicates.size() == 1);
    CHECK(r.duplicates[0].reason.find("C01") != std::string::npos);
    CHECK(f.count("documents") == 1);
}

TEST_CASE("session: a bad file among many leaves the project as it was and names the file") {
    Fixture f;
    std::vector<std::string> paths;
    for (int i = 0; i < 10; ++i) {
        const auto p = f.dir.file("D" + std::to_string(i) + ".txt");
        write_all(p, i == 6 ? std::string("B: gr\xfc\xc3\xbc\xdf und mehr\n") : "B: Interview Nummer " + std::to_string(i) + "\n");
        paths.push_back(p);
    }
    const auto before = read_all(f.dir.file("study.kodex"));
    const auto r = f.s->import_files({paths, {}, false});
    CHECK(r.imported.empty());
    REQUIRE(r.failed.size() == 1);
    CHECK(r.failed[0].path == paths[6]);
    CHECK(r.failed[0].reason.find("D6.txt") != std::string::npos);
    CHECK(f.count("documents") == 1);

    const auto kept = f.s->import_files({paths, {}, true});
    CHECK(kept.imported.size() == 9);
    CHECK(kept.failed.size() == 1);
    CHECK(f.count("documents") == 10);
    CHECK_FALSE(kept.backup.empty());
    CHECK(std::filesystem::exists(kept.backup));
}

TEST_CASE("session: a coding covers exactly the characters of its range, emoji included") {
    Fixture f;
    const CodeId code = f.s->add_code(CodeId(), "Digitale Formate");
    // Positions counted independently (Python str indexes): "Webinare" follows two umlauts, the emoji is one code point.
    const CodingId id = f.s->apply_code(f.doc, code, {119, 129});
    const CodingView v = f.s->coding(id);
    CHECK(v.coder_name == "Anna");
    CHECK(v.code_path == "Digitale Formate");
    CHECK(v.text == "Webinare g");
    const CodingId emoji = f.s->apply_code(f.doc, code, {136, 140});
    CHECK(f.s->coding(emoji).text == "😅 un");
}

TEST_CASE("session: ranges outside the text, duplicates and folder codes are refused") {
    Fixture f;
    const CodeId code = f.s->add_code(CodeId(), "Resilienz");
    const auto len = f.s->document(f.doc).length;
    CHECK_THROWS_AS(f.s->apply_code(f.doc, code, {-1, 5}), InvalidArgument);
    CHECK_THROWS_AS(f.s->apply_code(f.doc, code, {5, 5}), InvalidArgument);
    CHECK_THROWS_AS(f.s->apply_code(f.doc, code, {10, len + 1}), InvalidArgument);
    f.s->apply_code(f.doc, code, {0, len});
    CHECK_THROWS_AS(f.s->apply_code(f.doc, code, {0, len}), InvalidArgument);
    f.s->set_coder("Ben");
    CHECK_NOTHROW(f.s->apply_code(f.doc, code, {0, len}));  // another coder may code the same range
    f.s->apply_code(f.doc, code, {3, 9});                   // overlapping codings are normal
    CHECK(f.s->codings().size() == 3);
}

TEST_CASE("session: codes form a tree addressed by escaped paths") {
    Fixture f;
    const CodeId top = f.s->add_code(CodeId(), "Transmitterrolle");
    const CodeId child = f.s->add_code(top, "Partner verbinden");
    const CodeId slash = f.s->add_code(top, "Hybrid/Präsenz");
    CHECK(f.s->code_path(child) == "Transmitterrolle/Partner verbinden");
    CHECK(f.s->code_path(slash) == "Transmitterrolle/Hybrid\\/Präsenz");
    CHECK(f.s->find_code("Transmitterrolle/Hybrid\\/Präsenz") == slash);
    CHECK_THROWS_AS(f.s->find_code("Transmitterrolle/Fehlt"), InvalidArgument);
    CHECK_THROWS_AS(f.s->add_code(top, "Partner verbinden"), InvalidArgument);
    CHECK_THROWS_AS(f.s->add_code(CodeId(), "  "), InvalidArgument);
    const auto list = f.s->codes();
    REQUIRE(list.size() == 3);
    CHECK(list[0].depth == 0);
    CHECK(list[1].path == "Transmitterrolle/Partner verbinden");
    CHECK(list[1].code.position == 0);
    CHECK(list[2].code.position == 1);
    CHECK(list[0].code.color.size() == 7);
}

TEST_CASE("session: moving a code reparents and reorders, never into its own subtree") {
    Fixture f;
    const CodeId a = f.s->add_code(CodeId(), "A");
    const CodeId b = f.s->add_code(CodeId(), "B");
    const CodeId a1 = f.s->add_code(a, "A1");
    const CodeId a2 = f.s->add_code(a, "A2");
    f.s->move_code(a2, a, 0);
    CHECK(f.s->code(a2).position == 0);
    CHECK(f.s->code(a1).position == 1);
    f.s->move_code(a1, b);
    CHECK(f.s->code_path(a1) == "B/A1");
    CHECK(f.s->code(a2).position == 0);
    CHECK_THROWS_AS(f.s->move_code(a, a2), InvalidArgument);
    CHECK_THROWS_AS(f.s->move_code(a, a), InvalidArgument);
    f.s->move_code(b, CodeId(), 0);
    CHECK(f.s->codes()[0].code.name == "B");
}

TEST_CASE("session: merging moves codings, subcodes and memo to the target") {
    Fixture f;
    const CodeId src = f.s->add_code(CodeId(), "Online-Formate");
    const CodeId sub = f.s->add_code(src, "Webinare");
    const CodeId dst = f.s->add_code(CodeId(), "Digitale Formate");
    f.s->apply_code(f.doc, src, {10, 20});
    f.s->apply_code(f.doc, src, {30, 40});
    f.s->apply_code(f.doc, dst, {30, 40});  // same range on the target: merged into one
    f.s->set_memo(MemoTarget::Code, src.value, "aus dem Pretest");
    f.s->merge_codes(src, dst);
    CHECK_THROWS_AS(f.s->code(src), InvalidArgument);
    CHECK(f.s->code_path(sub) == "Digitale Formate/Webinare");
    const auto list = f.s->codings(CodingFilter{{}, {dst}, false, {}});
    REQUIRE(list.size() == 2);
    CHECK(list[0].coding.range == TextRange{10, 20});
    CHECK(f.s->memo(MemoTarget::Code, dst.value)->text == "aus dem Pretest");
    CHECK_THROWS_AS(f.s->merge_codes(dst, sub), InvalidArgument);
}

TEST_CASE("session: deleting a code with codings needs a choice") {
    Fixture f;
    const CodeId top = f.s->add_code(CodeId(), "Resilienz");
    const CodeId child = f.s->add_code(top, "Krisenmanagement");
    const CodeId grandchild = f.s->add_code(child, "Krisenstab");
    f.s->apply_code(f.doc, grandchild, {5, 15});
    f.s->apply_code(f.doc, top, {5, 15});
    CHECK_THROWS_AS(f.s->delete_code(child), InvalidArgument);
    CHECK_THROWS_AS(f.s->delete_code(top, DeleteCodings::MoveToParent), InvalidArgument);
    f.s->delete_code(child, DeleteCodings::MoveToParent);
    CHECK_THROWS_AS(f.s->code(grandchild), InvalidArgument);
    // The moved coding met an identical one on the parent: one remains.
    CHECK(f.s->codings(CodingFilter{{}, {top}, false, {}}).size() == 1);
    f.s->delete_code(top, DeleteCodings::Delete);
    CHECK(f.s->codes().empty());
    CHECK(f.count("codings") == 0);
    CHECK(f.s->store().backups().size() >= 2);
}

TEST_CASE("session: codings are filtered by code with subcodes, document and coder") {
    Fixture f;
    const CodeId top = f.s->add_code(CodeId(), "Neue Formate");
    const CodeId child = f.s->add_code(top, "Hybride Formate");
    f.s->apply_code(f.doc, top, {0, 10});
    f.s->apply_code(f.doc, child, {20, 30});
    f.s->set_coder("Ben");
    f.s->apply_code(f.doc, child, {40, 50});
    CHECK(f.s->codings(CodingFilter{{}, {top}, false, {}}).size() == 1);
    CHECK(f.s->codings(CodingFilter{{}, {top}, true, {}}).size() == 3);
    CHECK(f.s->codings(CodingFilter{{f.doc}, {}, false, std::string("Ben")}).size() == 1);
    const auto all = f.s->codings();
    CHECK(all[0].coding.range.start == 0);
    CHECK(all[2].coding.range.start == 40);
}

TEST_CASE("session: a coding's range can be changed and the coding removed") {
    Fixture f;
    const CodeId c = f.s->add_code(CodeId(), "Krise");
    const CodingId id = f.s->apply_code(f.doc, c, {0, 2});
    f.s->set_coding_range(id, {3, 6});
    CHECK(f.s->coding(id).text == "Wie");
    CHECK_THROWS_AS(f.s->set_coding_range(id, {6, 3}), InvalidArgument);
    f.s->set_memo(MemoTarget::Coding, id.value, "gute Stelle");
    f.s->remove_coding(id);
    CHECK(f.count("codings") == 0);
    CHECK(f.count("memos") == 0);
}

TEST_CASE("session: memos attach to project, document, code and coding; empty text removes") {
    Fixture f;
    const CodeId c = f.s->add_code(CodeId(), "Krise");
    f.s->set_memo(MemoTarget::Project, 0, "Projektmemo");
    f.s->set_memo(MemoTarget::Document, f.doc.value, "Interview war kurz");
    f.s->set_memo(MemoTarget::Code, c.value, "Abgrenzung zu Resilienz");
    CHECK(f.s->memo(MemoTarget::Document, f.doc.value)->text == "Interview war kurz");
    f.s->set_memo(MemoTarget::Document, f.doc.value, "Interview war sehr kurz");
    CHECK(f.s->memos().size() == 3);
    f.s->set_memo(MemoTarget::Project, 0, "");
    CHECK_FALSE(f.s->memo(MemoTarget::Project, 0).has_value());
    CHECK_THROWS_AS(f.s->set_memo(MemoTarget::Code, 999, "x"), InvalidArgument);
}

TEST_CASE("session: a memo's target exists until a delete or an undo removes it, and a redo brings it back") {
    Fixture f;
    CHECK(f.s->memo_target_exists(MemoTarget::Project, 0));
    CHECK(f.s->memo_target_exists(MemoTarget::Document, f.doc.value));
    const CodeId c = f.s->add_code(CodeId(), "Krise");
    const CodingId coding = f.s->apply_code(f.doc, c, {0, 5});
    CHECK(f.s->memo_target_exists(MemoTarget::Code, c.value));
    CHECK(f.s->memo_target_exists(MemoTarget::Coding, coding.value));
    f.s->undo();  // the coding
    CHECK_FALSE(f.s->memo_target_exists(MemoTarget::Coding, coding.value));
    CHECK(f.s->memo_target_exists(MemoTarget::Code, c.value));
    f.s->undo();  // the code
    CHECK_FALSE(f.s->memo_target_exists(MemoTarget::Code, c.value));
    CHECK_FALSE(f.s->memo_target_exists(MemoTarget::Document, f.doc.value + 1000));
    f.s->redo();
    CHECK(f.s->memo_target_exists(MemoTarget::Code, c.value));
}

TEST_CASE("session: document variables are typed and checked") {
    Fixture f;
    f.s->define_variable("Mitglieder", VariableType::Integer);
    f.s->define_variable("Gründung", VariableType::Date);
    f.s->define_variable("Förderquote", VariableType::Decimal);
    f.s->set_variable(f.doc, "Mitglieder", "120");
    f.s->set_variable(f.doc, "Gründung", "01.03.2012");
    f.s->set_variable(f.doc, "Förderquote", "0,75");
    f.s->set_variable(f.doc, "Bundesland", "Sachsen");  // new names become text variables
    CHECK_THROWS_AS(f.s->set_variable(f.doc, "Mitglieder", "viele"), InvalidArgument);
    CHECK_THROWS_AS(f.s->set_variable(f.doc, "Gründung", "30.02.2012"), InvalidArgument);
    CHECK_THROWS_AS(f.s->define_variable("Mitglieder", VariableType::Text), InvalidArgument);
    const auto v = f.s->variable_values(f.doc);
    CHECK(v.at("Mitglieder") == "120");
    CHECK(v.at("Gründung") == "2012-03-01");
    CHECK(v.at("Förderquote") == "0.75");
    CHECK(v.at("Bundesland") == "Sachsen");
    f.s->set_variable(f.doc, "Bundesland", "");
    CHECK(f.s->variable_values(f.doc).count("Bundesland") == 0);
}

TEST_CASE("session: a value for a new variable of a given type is one action, checked against that type") {
    Fixture f;
    CHECK_THROWS_AS(f.s->set_variable(f.doc, "Mitarbeitende", "zwölf", VariableType::Integer), InvalidArgument);
    CHECK(f.count("variables") == 0);  // a refused value defines nothing
    f.s->set_variable(f.doc, "Mitarbeitende", "12", VariableType::Integer);
    REQUIRE(f.s->variables().size() == 1);
    CHECK(f.s->variables()[0].type == VariableType::Integer);
    CHECK(f.s->variable_values(f.doc).at("Mitarbeitende") == "12");
    // One undo takes both the definition and the value.
    f.s->undo();
    CHECK(f.count("variables") == 0);
    CHECK(f.count("document_variables") == 0);
    f.s->redo();
    CHECK(f.s->variable_values(f.doc).at("Mitarbeitende") == "12");
    // An existing variable keeps its type: another one is refused, the same one is fine.
    CHECK_THROWS_AS(f.s->set_variable(f.doc, "Mitarbeitende", "15", VariableType::Text), InvalidArgument);
    f.s->set_variable(f.doc, "Mitarbeitende", "15", VariableType::Integer);
    CHECK(f.s->variable_values(f.doc).at("Mitarbeitende") == "15");
    // Asked for with a type, a new variable is defined even without a value; without one, nothing happens.
    f.s->set_variable(f.doc, "Gegründet", "", VariableType::Date);
    f.s->set_variable(f.doc, "Nichts", "");
    CHECK(f.count("variables") == 2);
}

TEST_CASE("session: documents can be renamed and deleted with everything attached") {
    Fixture f;
    const CodeId c = f.s->add_code(CodeId(), "Krise");
    const CodingId id = f.s->apply_code(f.doc, c, {0, 5});
    f.s->set_memo(MemoTarget::Coding, id.value, "m");
    f.s->set_variable(f.doc, "Bundesland", "Sachsen");
    f.s->rename_document(f.doc, "C01 Automotive");
    CHECK(f.s->find_document("C01 Automotive") == f.doc);
    CHECK(f.s->find_document("#" + std::to_string(f.doc.value)) == f.doc);
    f.s->delete_document(f.doc);
    CHECK(f.count("documents") == 0);
    CHECK(f.count("turns") == 0);
    CHECK(f.count("codings") == 0);
    CHECK(f.count("memos") == 0);
    CHECK(f.count("document_variables") == 0);
    f.s->undo();
    CHECK(f.s->document(f.doc).turns.size() == 4);
    CHECK(f.s->coding(id).memo == "m");
}
