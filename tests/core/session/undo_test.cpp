// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "core/errors.h"
#include "core/session.h"
#include "tests/core/test_util.h"

using namespace kodex;
using kodex::test::TempDir;
using kodex::test::write_all;

namespace {

struct Project {
    TempDir dir;
    std::unique_ptr<Session> s;
    DocumentId doc;
    Project() {
        s = Session::create(dir.file("study.kodex"));
        write_all(dir.file("C02.txt"), "I: Was hat sich geändert?\n\nB: Alles, wirklich alles. Die Förderung blieb.\n");
        doc = s->import_files({{dir.file("C02.txt")}, {}, false}).imported.at(0).id;
    }
    // A snapshot of everything a user can see, to compare before and after undo.
    std::string dump() {
        std::string out;
        for (const auto& c : s->codes()) out += c.path + "|" + c.code.color + "|" + c.code.description.definition + "|" +
                                               std::to_string(c.code.position) + "\n";
        for (const auto& v : s->codings()) out += v.code_path + "@" + std::to_string(v.coding.range.start) + ":" +
                                                  std::to_string(v.coding.range.end) + "|" + v.memo + "\n";
        for (const auto& m : s->memos()) out += "memo " + m.text + "\n";
        for (const auto& d : s->documents()) out += "doc " + d.name + "\n";
        return out;
    }
};

}  // namespace

TEST_CASE("undo: applying a code is undone and redone with its label") {
    Project p;
    const CodeId c = p.s->add_code(CodeId(), "Partner verbinden");
    p.s->apply_code(p.doc, c, {3, 10});
    CHECK(p.s->undo_label()->english() == "Apply code 'Partner verbinden'");
    CHECK(p.s->undo().english() == "Apply code 'Partner verbinden'");
    CHECK(p.s->codings().empty());
    CHECK(p.s->redo_label()->english() == "Apply code 'Partner verbinden'");
    CHECK(p.s->redo().english() == "Apply code 'Partner verbinden'");
    REQUIRE(p.s->codings().size() == 1);
    CHECK(p.s->codings()[0].text == "Was hat");
}

TEST_CASE("undo: every kind of edit returns the project to exactly the state before") {
    Project p;
    const CodeId a = p.s->add_code(CodeId(), "Resilienz", "#112233", {"Def", "Anker", "Regel"});
    const CodeId b = p.s->add_code(a, "Krisenmanagement");
    const CodeId c = p.s->add_code(CodeId(), "Neue Formate");
    const CodingId k = p.s->apply_code(p.doc, b, {0, 5});
    p.s->apply_code(p.doc, c, {0, 5});
    p.s->set_memo(MemoTarget::Coding, k.value, "wichtig");
    p.s->set_memo(MemoTarget::Code, a.value, "Oberkategorie");

    const std::vector<std::pair<std::string, std::function<void()>>> edits = {
        {"rename", [&] { p.s->rename_code(b, "Krisenstab"); }},
        {"colour", [&] { p.s->set_code_color(a, "#ABC"); }},
        {"describe", [&] { p.s->set_code_description(a, {"Neu", "", ""}); }},
        {"move", [&] { p.s->move_code(b, c, 0); }},
        {"merge", [&] { p.s->merge_codes(b, c); }},
        {"delete to parent", [&] { p.s->delete_code(b, DeleteCodings::MoveToParent); }},
        {"delete with codings", [&] { p.s->delete_code(a, DeleteCodings::Delete); }},
        {"recode", [&] { p.s->set_coding_range(k, {1, 4}); }},
        {"uncode", [&] { p.s->remove_coding(k); }},
        {"memo", [&] { p.s->set_memo(MemoTarget::Coding, k.value, "anders"); }},
        {"variable", [&] { p.s->set_variable(p.doc, "Bundesland", "Bayern"); }},
        {"rename document", [&] { p.s->rename_document(p.doc, "C02 Logistik"); }},
        {"delete document", [&] { p.s->delete_document(p.doc); }},
    };
    for (const auto& [name, edit] : edits) {
        CAPTURE(name);
        const std::string before = p.dump();
        edit();
        const std::string after = p.dump();
        if (name != "variable") CHECK(after != before);
        p.s->undo();
        CHECK(p.dump() == before);
        p.s->redo();
        CHECK(p.dump() == after);
        p.s->undo();
        CHECK(p.dump() == before);
    }
}

TEST_CASE("undo: a new edit clears the redo list; nothing to undo is a user error") {
    Project p;
    p.s->add_code(CodeId(), "A");
    p.s->undo();
    p.s->add_code(CodeId(), "B");
    CHECK_FALSE(p.s->redo_label().has_value());
    CHECK_THROWS_AS(p.s->redo(), InvalidArgument);
    p.s->undo();
    p.s->undo();  // the import
    CHECK(p.s->documents().empty());
    CHECK_THROWS_AS(p.s->undo(), InvalidArgument);
}

TEST_CASE("undo: history survives closing and reopening the project") {
    TempDir dir;
    const auto path = dir.file("study.kodex");
    {
        auto s = Session::create(path);
        s->add_code(CodeId(), "Hybride Formate");
    }
    auto s = Session::open(path);
    CHECK(s->undo_label()->english() == "Add code 'Hybride Formate'");
    s->undo();
    CHECK(s->codes().empty());
}

TEST_CASE("undo: an edit that fails half-way changes nothing and leaves no undo entry") {
    Project p;
    const CodeId a = p.s->add_code(CodeId(), "A");
    p.s->add_code(CodeId(), "B");
    const auto label = p.s->undo_label();
    CHECK_THROWS_AS(p.s->rename_code(a, "B"), InvalidArgument);
    CHECK(p.s->code(a).name == "A");
    CHECK(p.s->undo_label() == label);
}

TEST_CASE("undo: an import is undone and redone with its texts, turns and later codings") {
    TempDir dir;
    const auto path = dir.file("study.kodex");
    write_all(dir.file("A.txt"), "I: Frage eins?\n\nB: Antwort mit Ümlaut und 😅.\n");
    write_all(dir.file("B.txt"), "I: Frage zwei?\n\nB: Noch eine Antwort.\n");
    {
        auto s = Session::create(path);
        const auto r = s->import_files({{dir.file("A.txt"), dir.file("B.txt")}, {}, false});
        REQUIRE(r.imported.size() == 2);
        const CodeId c = s->add_code(CodeId(), "Antwort");
        s->apply_code(r.imported[0].id, c, {19, 26});
        s->undo();  // coding
        s->undo();  // code
        CHECK(s->undo().english() == "Import 2 transcripts");
        CHECK(s->documents().empty());
        CHECK(s->store().db().query_int("SELECT COUNT(*) FROM turns") == 0);
    }
    auto s = Session::open(path);  // the stash survives a restart
    CHECK(s->redo().english() == "Import 2 transcripts");
    const auto docs = s->documents();
    REQUIRE(docs.size() == 2);
    const Document a = s->document(docs[0].id);
    CHECK(a.text == "I: Frage eins?\n\nB: Antwort mit Ümlaut und 😅.\n");
    CHECK(a.turns.size() == 2);
    s->redo();
    s->redo();
    REQUIRE(s->codings().size() == 1);
    CHECK(s->codings()[0].text == "Antwort");
    CHECK(s->store().db().query_int("SELECT COUNT(*) FROM undo_log WHERE stash IS NOT NULL") == 0);
}

TEST_CASE("undo: change messages name exactly the codings an action, its undo and its redo touched") {
    Project p;
    const CodeId a = p.s->add_code(CodeId(), "Partner verbinden");
    const CodeId b = p.s->add_code(CodeId(), "Förderung");
    const CodingId first = p.s->apply_code(p.doc, a, {0, 5});  // creates the coder row: not listed
    std::vector<Change> seen;
    p.s->events().subscribe([&](const Change& c) { seen.push_back(c); });

    const CodingId second = p.s->apply_code(p.doc, a, {27, 33});
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].kinds == Change::Codings);
    CHECK(seen[0].codings_listed);
    CHECK(seen[0].codings == std::vector<std::int64_t>{second.value});
    CHECK(seen[0].via == Change::Via::Action);
    CHECK(seen[0].label.english() == "Apply code 'Partner verbinden'");

    p.s->set_coding_code(first, b);
    CHECK(seen.back().codings == std::vector<std::int64_t>{first.value});

    p.s->undo();
    CHECK(seen.back().via == Change::Via::Undo);
    CHECK(seen.back().kinds == Change::Codings);
    CHECK(seen.back().codings_listed);
    CHECK(seen.back().codings == std::vector<std::int64_t>{first.value});
    CHECK(seen.back().label.english() == "Change code of coding 'Partner verbinden' to 'Förderung'");
    p.s->redo();
    CHECK(seen.back().via == Change::Via::Redo);
    CHECK(seen.back().codings == std::vector<std::int64_t>{first.value});

    // Deleting a code with codings touches codes and codings: views reload what they show of both.
    p.s->delete_code(b, DeleteCodings::Delete);
    CHECK(seen.back().touches(Change::Codes));
    CHECK(seen.back().touches(Change::Codings));
    CHECK(seen.back().codings == std::vector<std::int64_t>{first.value});
}

TEST_CASE("undo: changing a coding's code keeps its range, coder and memo in one undoable step") {
    Project p;
    const CodeId a = p.s->add_code(CodeId(), "Partner verbinden");
    const CodeId b = p.s->add_code(CodeId(), "Förderung");
    const CodingId id = p.s->apply_code(p.doc, a, {57, 66});
    p.s->set_memo(MemoTarget::Coding, id.value, "wichtig");
    const std::string before = p.dump();

    p.s->set_coding_code(id, b);
    const CodingView v = p.s->coding(id);
    CHECK(v.code_path == "Förderung");
    CHECK(v.text == "Förderung");
    CHECK(v.memo == "wichtig");
    CHECK(v.coding.range == TextRange{57, 66});
    CHECK(p.s->undo_label()->english() == "Change code of coding 'Partner verbinden' to 'Förderung'");
    p.s->undo();
    CHECK(p.dump() == before);
    CHECK(p.s->find_coding(id)->code == a);

    CHECK_THROWS_AS(p.s->set_coding_code(id, CodeId(4711)), InvalidArgument);
    p.s->apply_code(p.doc, b, {57, 66});
    CHECK_THROWS_AS(p.s->set_coding_code(id, b), InvalidArgument);  // would duplicate a coding
    CHECK(p.s->find_coding(id)->code == a);
    CHECK_FALSE(p.s->find_coding(CodingId(9999)).has_value());
}
