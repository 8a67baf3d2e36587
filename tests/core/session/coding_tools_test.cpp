// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <filesystem>

#include "core/errors.h"
#include "core/import/variable_table.h"
#include "core/session.h"
#include "tests/core/study_util.h"

using namespace kodex;

namespace {

struct Study : test::TestStudy {
    DocumentId c01, c02;
    Study()
        : TestStudy({{"C01.txt", "I: Wie lief es? #00:00:05-0#\n\nB: Wir haben digitale Stammtische gemacht. Das war gut. #00:00:20-5#\n"},
                     {"C02.txt", "I: Und bei Ihnen?\n\nB: Hybride Formate.\n"}}) {
        c01 = docs.at(0);
        c02 = docs.at(1);
    }
};

}  // namespace

TEST_CASE("coding tools: in-vivo coding makes a code named after the words and codes them in one action") {
    Study st;
    const CodeId parent = st.s->add_code(CodeId(), "In vivo");
    // "digitale Stammtische" = code points 43..63
    const CodingId id = st.s->code_in_vivo(st.c01, {43, 63}, parent);
    const CodingView v = st.s->coding(id);
    CHECK(v.code_path == "In vivo/digitale Stammtische");
    CHECK(v.text == "digitale Stammtische");
    CHECK(st.s->undo_label()->english() == "Code in vivo 'digitale Stammtische'");
    st.s->undo();
    CHECK(st.s->codes().size() == 1);
    CHECK(st.s->codings().empty());
}

TEST_CASE("coding tools: a whole speaker turn is coded without its label") {
    Study st;
    const CodeId c = st.s->add_code(CodeId(), "Digitale Formate");
    const auto turn = st.s->turn_at(st.c01, 50);
    REQUIRE(turn);
    CHECK(turn->speaker == "B");
    const CodingId id = st.s->code_turn(st.c01, 50, c);
    CHECK(st.s->coding(id).text == "Wir haben digitale Stammtische gemacht. Das war gut. #00:00:20-5#");
    CHECK_FALSE(st.s->turn_at(st.c01, 29).has_value());  // the blank line between turns
    CHECK_THROWS_AS(st.s->code_turn(st.c01, 29, c), InvalidArgument);
}

TEST_CASE("coding tools: codings report the speaker and timestamp of their turn") {
    Study st;
    const CodeId c = st.s->add_code(CodeId(), "Digitale Formate");
    st.s->apply_code(st.c01, c, {43, 63});
    const auto v = st.s->codings();
    REQUIRE(v.size() == 1);
    CHECK(v[0].speaker == "B");
    REQUIRE(v[0].timestamp_ms);
    CHECK(*v[0].timestamp_ms == 20500);
}

TEST_CASE("coding tools: many codings are one action and duplicates are counted, not doubled") {
    Study st;
    const CodeId c = st.s->add_code(CodeId(), "Formate");
    st.s->apply_code(st.c02, c, {0, 5});
    const auto r = st.s->apply_codes({{st.c01, c, {0, 5}, "anna"}, {st.c02, c, {0, 5}, ""}, {st.c02, c, {22, 38}, "ben"}},
                                     "Auto-code 'Formate'");
    CHECK(r.added.size() == 2);
    CHECK(r.duplicates == 1);
    CHECK(st.s->codings().size() == 3);
    CHECK(st.s->codings(CodingFilter{{}, {}, false, std::string("ben")}).at(0).text == "Hybride Formate.");
    CHECK_THROWS_AS(st.s->apply_codes({{st.c01, c, {0, 9999}, ""}}, "x"), InvalidArgument);
    st.s->undo();
    CHECK(st.s->codings().size() == 1);
}

TEST_CASE("coding tools: quick keys map 1..9 to codes and move with reassignment") {
    Study st;
    const CodeId a = st.s->add_code(CodeId(), "A");
    const CodeId b = st.s->add_code(CodeId(), "B");
    st.s->set_quick_key(1, a);
    st.s->set_quick_key(2, b);
    st.s->set_quick_key(3, a);
    auto keys = st.s->quick_keys();
    CHECK(keys.size() == 2);
    CHECK(keys.at(3) == a);
    CHECK(keys.at(2) == b);
    CHECK_THROWS_AS(st.s->set_quick_key(10, a), InvalidArgument);
    st.s->set_quick_key(2, CodeId());
    CHECK(st.s->quick_keys().size() == 1);
}

TEST_CASE("coding tools: the generation grows with every change, undo and redo") {
    Study st;
    const auto g0 = st.s->generation();
    st.s->add_code(CodeId(), "A");
    const auto g1 = st.s->generation();
    CHECK(g1 > g0);
    st.s->undo();
    CHECK(st.s->generation() > g1);
}

TEST_CASE("coding tools: a saved copy is a complete project of its own") {
    Study st;
    st.s->add_code(CodeId(), "Resilienz");
    const auto copy = st.dir.file("copy.kodex");
    st.s->save_copy(copy);
    CHECK_FALSE(std::filesystem::exists(copy + "-wal"));
    auto other = Session::open(copy);
    CHECK(other->documents().size() == 2);
    CHECK(other->codes().at(0).code.name == "Resilienz");
    CHECK_THROWS_AS(st.s->save_copy(st.s->path()), IoError);
}

TEST_CASE("variables import: rows match documents by name, types are inferred, nothing is dropped silently") {
    Study st;
    const auto table = read_csv_table("interview_id;Mitglieder;Quote;Land\nC01;120;0,5;Sachsen\nC09;80;1;Bayern\n", "u.csv");
    const auto r = st.s->import_variables(table, "interview_id", "Import variables 'u.csv'");
    CHECK(r.matched_rows == 1);
    CHECK(r.values_set == 3);
    REQUIRE(r.unmatched_rows.size() == 1);
    CHECK(r.unmatched_rows[0] == "C09");
    REQUIRE(r.documents_without_row.size() == 1);
    CHECK(r.documents_without_row[0] == "C02");
    REQUIRE(r.columns.size() == 3);
    CHECK(r.columns[0].type == "integer");
    CHECK(r.columns[1].type == "decimal");
    CHECK(st.s->variable_values(st.c01).at("Quote") == "0.5");
    CHECK_THROWS_AS(st.s->import_variables(table, "id", "x"), InvalidArgument);
    // Existing variables keep their type; values that do not fit are reported and not set.
    const auto bad = read_csv_table("interview_id,Mitglieder\nC02,viele\n", "b.csv");
    const auto r2 = st.s->import_variables(bad, "interview_id", "Import variables 'b.csv'");
    CHECK(r2.problems.size() == 1);
    CHECK(st.s->variable_values(st.c02).count("Mitglieder") == 0);
}
