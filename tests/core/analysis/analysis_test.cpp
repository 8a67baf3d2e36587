// SPDX-License-Identifier: GPL-3.0-or-later
// Every number below was worked out by hand from the fixture's ranges (positions counted in Python).
#include <doctest/doctest.h>

#include "core/analysis/analysis.h"
#include "core/errors.h"
#include "tests/core/study_util.h"

using namespace kodex;
using kodex::test::TempDir;
using kodex::test::write_all;

namespace {

struct Fixture : test::TestStudy {
    DocumentId d1, d2;
    CodeId f, fd, fh, fo;
    Fixture()
        : TestStudy({{"D1.txt",
                      "I: Wie war das?\n\nB: Wir haben sofort Webinare gemacht, das war gut.\n\nI: Und dann?\n\nB: Dann kamen hybride Formate.\n"},
                     {"D2.txt", "I: Ihre Sicht?\n\nB: Förderung ist wichtig.\n"}}) {
        s->set_coder("anna");
        d1 = docs.at(0);
        d2 = docs.at(1);
        f = s->add_code(CodeId(), "Formate");
        fd = s->add_code(f, "Digital");
        fh = s->add_code(f, "Hybrid");
        fo = s->add_code(CodeId(), "Förderung");
        s->apply_code(d1, fd, {30, 45});   // "sofort Webinare"
        s->apply_code(d1, fd, {37, 53});   // "Webinare gemacht"
        s->apply_code(d1, fh, {97, 112});  // "hybride Formate"
        s->apply_code(d1, f, {20, 66});    // "Wir haben ... das war gut"
        s->apply_code(d2, fo, {19, 28});   // "Förderung"
        s->apply_code(d2, fh, {19, 40});   // "Förderung ist wichtig"
        s->set_variable(d1, "Finanzierung", "institutionell");
        s->set_variable(d2, "Finanzierung", "Projekt");
        s->set_variable(d1, "Respondent", "R017");
        s->set_variable(d2, "Respondent", "R042");
    }
};

std::int64_t int_at(const Table& t, std::size_t row, std::size_t col) {
    REQUIRE(t.rows.at(row).at(col).kind == Cell::Kind::Integer);
    return t.rows[row][col].integer;
}

}  // namespace

TEST_CASE("analysis: frequencies count codings, documents once per subtree, and covered characters") {
    Fixture x;
    const auto rows = code_frequencies(*x.s);
    REQUIRE(rows.size() == 4);
    const auto& F = rows[0];
    CHECK(F.path == "Formate");
    CHECK(F.codings == 1);
    CHECK(F.documents == 1);
    CHECK(F.characters == 46);
    CHECK(F.codings_total == 5);
    CHECK(F.documents_total == 2);     // D1 has three of its codes but counts once
    CHECK(F.characters_total == 82);   // D1: [20,66) + [97,112) = 61; D2: [19,40) = 21
    CHECK(F.document_share == doctest::Approx(1.0));
    const auto& FD = rows[1];
    CHECK(FD.codings == 2);
    CHECK(FD.characters == 23);  // [30,45) and [37,53) overlap: [30,53)
    CHECK(FD.document_share == doctest::Approx(0.5));
    CHECK(rows[2].characters == 36);
    CHECK(rows[3].path == "Förderung");
    CHECK(rows[3].characters == 9);
    // Scoped to one coder who coded nothing: zeros, same rows.
    const auto none = code_frequencies(*x.s, AnalysisScope{{}, {}, std::string("ben")});
    CHECK(none.size() == 4);
    CHECK(none[0].codings_total == 0);
    const Table t = frequency_table(*x.s);
    CHECK(t.rows.size() == 4);
    CHECK(int_at(t, 0, 5) == 5);
}

TEST_CASE("analysis: the code-by-document matrix counts with subcodes and joins document variables") {
    Fixture x;
    MatrixOptions o;
    o.join_variable = "Respondent";
    const Table t = code_document_matrix(*x.s, o);
    REQUIRE(t.columns.size() == 7);  // document, Respondent, Finanzierung, 4 codes
    CHECK(t.columns[1].name == "Respondent");
    CHECK(t.columns[3].label == "Formate");
    CHECK(t.columns[4].label == "Formate/Digital");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][0].text == "D1");
    CHECK(t.rows[0][1].text == "R017");
    CHECK(t.rows[0][2].text == "institutionell");
    CHECK(int_at(t, 0, 3) == 4);
    CHECK(int_at(t, 0, 4) == 2);
    CHECK(int_at(t, 0, 5) == 1);
    CHECK(int_at(t, 0, 6) == 0);
    CHECK(int_at(t, 1, 3) == 1);
    o.presence = true;
    o.include_subcodes = false;
    const Table p = code_document_matrix(*x.s, o);
    CHECK(int_at(p, 0, 3) == 1);
    CHECK(int_at(p, 1, 3) == 0);
    CHECK(int_at(p, 1, 6) == 1);
    o.join_variable = "Gibt es nicht";
    CHECK_THROWS_AS(code_document_matrix(*x.s, o), InvalidArgument);
}

TEST_CASE("analysis: the crosstab gives codings, documents and column percentages per group") {
    Fixture x;
    const Table t = crosstab(*x.s, CrosstabOptions{{}, "Finanzierung", true});
    // groups sorted: institutionell, Projekt
    REQUIRE(t.columns.size() == 7);
    CHECK(t.columns[1].label == "Finanzierung = institutionell: codings");
    REQUIRE(t.rows.size() == 5);
    CHECK(int_at(t, 0, 1) == 4);  // Formate in institutionell: 4 codings (with subcodes)
    CHECK(int_at(t, 0, 2) == 1);
    CHECK(t.rows[0][3].decimal == doctest::Approx(100.0));
    CHECK(int_at(t, 3, 1) == 0);  // Förderung
    CHECK(int_at(t, 3, 4) == 1);
    CHECK(t.rows[4][0].text == "N documents");
    CHECK(int_at(t, 4, 2) == 1);
    CHECK(int_at(t, 4, 5) == 1);
    CHECK_THROWS_AS(crosstab(*x.s, CrosstabOptions{{}, "Land", true}), InvalidArgument);
}

TEST_CASE("analysis: co-occurrence counts overlapping codings and shared turns") {
    Fixture x;
    // m(i, j): codes in tree order Formate, Digital, Hybrid, Förderung; column 0 holds the row's code.
    const Table o = cooccurrence(*x.s, {}, CooccurrenceMode::Overlap);
    const auto m = [](const Table& t, std::size_t i, std::size_t j) { return int_at(t, i, j + 1); };
    CHECK(m(o, 0, 0) == 1);  // diagonal: Formate has 1 coding
    CHECK(m(o, 0, 1) == 2);  // Formate x Digital: two overlapping pairs
    CHECK(m(o, 1, 0) == 2);
    CHECK(m(o, 1, 1) == 2);
    CHECK(m(o, 2, 3) == 1);  // Hybrid x Förderung in D2
    CHECK(m(o, 1, 2) == 0);
    const Table t = cooccurrence(*x.s, {}, CooccurrenceMode::SameTurn);
    CHECK(m(t, 0, 1) == 1);  // Formate and Digital share one turn
    CHECK(m(t, 1, 1) == 1);
    CHECK(m(t, 2, 2) == 2);  // Hybrid is in two turns
    CHECK(m(t, 1, 2) == 0);
    CHECK(m(t, 2, 3) == 1);
}

TEST_CASE("analysis: code queries combine codes by overlap, turn, exclusion, containment and distance") {
    Fixture x;
    CodeQuery q;
    q.include_subcodes = false;
    q.op = CodeQueryOp::And;
    q.a = x.fd;
    q.b = x.f;
    auto r = run_code_query(*x.s, q);
    REQUIRE(r.size() == 1);
    CHECK(r[0].text == "sofort Webinare gemacht");
    CHECK(r[0].speaker == "B");

    q.same_turn = true;
    q.a = x.fo;
    q.b = x.fh;
    r = run_code_query(*x.s, q);
    REQUIRE(r.size() == 1);
    CHECK(r[0].text == "Förderung ist wichtig.");
    q.a = x.fd;
    CHECK(run_code_query(*x.s, q).empty());
    q.same_turn = false;

    q.op = CodeQueryOp::Or;
    q.a = x.fo;
    q.b = x.fh;
    r = run_code_query(*x.s, q);
    REQUIRE(r.size() == 2);
    CHECK(r[0].text == "hybride Formate");
    CHECK(r[1].text == "Förderung ist wichtig");

    q.op = CodeQueryOp::Not;
    q.a = x.fh;
    q.b = x.fo;
    r = run_code_query(*x.s, q);
    REQUIRE(r.size() == 1);
    CHECK(r[0].document_name == "D1");

    q.op = CodeQueryOp::Within;
    q.a = x.fd;
    q.b = x.f;
    CHECK(run_code_query(*x.s, q).size() == 2);

    q.op = CodeQueryOp::Near;
    q.a = x.fh;
    q.b = x.f;
    q.near_turns = 2;
    CHECK(run_code_query(*x.s, q).size() == 1);
    q.near_turns = 1;
    CHECK(run_code_query(*x.s, q).empty());
    q.near_turns = -1;
    q.near_chars = 31;
    CHECK(run_code_query(*x.s, q).size() == 1);
    q.near_chars = 30;
    CHECK(run_code_query(*x.s, q).empty());

    q.include_subcodes = true;  // Formate with subcodes now includes Hybrid itself
    q.op = CodeQueryOp::Within;
    q.a = x.fh;
    q.b = x.f;
    CHECK(run_code_query(*x.s, q).size() == 2);
}

TEST_CASE("analysis: the segments table has one row per coding with levels and variables") {
    Fixture x;
    const Table t = segments_table(*x.s);
    REQUIRE(t.rows.size() == 6);
    // columns: id, guid, document, code, level1, level2, start, end, speaker, timestamp, text, coder, memo, vars...
    CHECK(t.columns[4].name == "level1");
    CHECK(t.columns[5].name == "level2");
    const auto& first = t.rows[0];  // document order: D1 at 20
    CHECK(first[3].text == "Formate");
    CHECK(first[4].text == "Formate");
    CHECK(first[5].kind == Cell::Kind::Empty);
    CHECK(first[6].integer == 20);
    CHECK(first[8].text == "B");
    CHECK(first[10].text == "Wir haben sofort Webinare gemacht, das war gut");
    CHECK(first[11].text == "anna");
    CHECK(t.rows[1][5].text == "Digital");
}

TEST_CASE("analysis: the quote report groups quotes by code with source lines") {
    Fixture x;
    const QuoteReport r = quote_report(*x.s, AnalysisScope{{}, {x.f}, std::nullopt}, true, "Formate");
    REQUIRE(r.groups.size() == 3);
    CHECK(r.groups[0].code_path == "Formate");
    CHECK(r.groups[1].code_path == "Formate/Digital");
    REQUIRE(r.groups[2].quotes.size() == 2);
    CHECK(r.groups[2].quotes[0].line == 7);
    CHECK(r.groups[2].quotes[0].text == "hybride Formate");
    CHECK(r.groups[2].quotes[1].document == "D2");
    CHECK(r.groups[2].quotes[1].line == 3);
}

// Two coders who coded the same passage alike got the quote twice, neither saying who else had coded it.
TEST_CASE("analysis: a range two coders coded with the same code is one quote naming both, with both memos") {
    Fixture x;
    x.s->set_memo(MemoTarget::Coding, x.s->apply_code(x.d1, x.fo, {20, 66}).value, "anna: Kern");
    x.s->set_coder("ben");
    x.s->set_memo(MemoTarget::Coding, x.s->apply_code(x.d1, x.fo, {20, 66}).value, "ben: eher Rand");
    x.s->apply_code(x.d1, x.fo, {30, 45});  // another range: its own quote
    x.s->set_coder("carl");
    x.s->apply_code(x.d1, x.fo, {20, 66});  // no memo
    const QuoteReport r = quote_report(*x.s, AnalysisScope{{}, {x.fo}, std::nullopt}, true, "");
    CHECK(r.title == "Quotes");
    REQUIRE(r.groups.size() == 1);
    const auto& quotes = r.groups[0].quotes;
    REQUIRE(quotes.size() == 3);
    CHECK(quotes[0].text == "Wir haben sofort Webinare gemacht, das war gut");
    CHECK(quotes[0].coders == std::vector<std::string>{"anna", "ben", "carl"});
    REQUIRE(quotes[0].memos.size() == 2);
    CHECK(quotes[0].memos[0].coder == "anna");
    CHECK(quotes[0].memos[0].text == "anna: Kern");
    CHECK(quotes[0].memos[1].coder == "ben");
    CHECK(quotes[0].memos[1].text == "ben: eher Rand");
    CHECK(quotes[1].text == "sofort Webinare");
    CHECK(quotes[1].coders == std::vector<std::string>{"ben"});
    CHECK(quotes[2].document == "D2");
    CHECK(quotes[2].coders == std::vector<std::string>{"anna"});

    const std::string html = quotes_html(r);
    CHECK(html.find("· line 3 · coded by anna, ben, carl</footer>") != std::string::npos);
    CHECK(html.find("<strong>Memo (anna):</strong> anna: Kern") != std::string::npos);
    CHECK(html.find("<strong>Memo (ben):</strong> ben: eher Rand") != std::string::npos);
    CHECK(html.find("<p class=\"summary\">3 quotes · 1 code</p>") != std::string::npos);
    CHECK(html.find("<li><a href=\"#code-1\">Förderung</a> <span class=\"count\">(3)</span></li>") != std::string::npos);
    CHECK(quotes_markdown(r).find("\n**Memo (ben):** ben: eher Rand\n") != std::string::npos);
    // Only one coder asked for: only theirs, unlabelled memo.
    const QuoteReport ben = quote_report(*x.s, AnalysisScope{{}, {x.fo}, std::string("ben")}, true, "");
    REQUIRE(ben.groups.size() == 1);
    REQUIRE(ben.groups[0].quotes.size() == 2);
    CHECK(ben.groups[0].quotes[0].coders == std::vector<std::string>{"ben"});
    CHECK(quotes_html(ben).find("<strong>Memo:</strong> ben: eher Rand") != std::string::npos);
    CHECK(quotes_html(r) == html);
}

TEST_CASE("analysis: the quote report in German cites lines in German and keeps a given title") {
    Fixture x;
    const QuoteReport r = quote_report(*x.s, AnalysisScope{{}, {x.fo}, std::nullopt}, true, "", report_words("de"));
    CHECK(r.title == "Zitate");
    CHECK(r.words.language == "de");
    const std::string md = quotes_markdown(r);
    CHECK(md.rfind("# Zitate\n\n1 Zitat · 1 Code\n\n", 0) == 0);
    CHECK(md.find("*D2 · B · Zeile 3 · kodiert von anna*") != std::string::npos);
    CHECK(quote_report(*x.s, {}, true, "Studie", report_words("de")).title == "Studie");
}

TEST_CASE("agreement: Cohen's kappa follows the textbook example") {
    // 1,000 characters; coder A codes 150, coder B 100, both 50.
    const auto k = cohens_kappa(1000, 50, 100, 50);
    REQUIRE(k);
    CHECK(*k == doctest::Approx(0.3182).epsilon(0.0005));
    CHECK_FALSE(cohens_kappa(10, 0, 0, 0).has_value());  // nobody coded anything: undefined, not 1 or 0
    CHECK(*cohens_kappa(10, 4, 0, 0) == doctest::Approx(1.0));
}

TEST_CASE("agreement: character, segment and Krippendorff agreement on a coded text") {
    TempDir dir;
    auto s = Session::create(dir.file("a.kodex"));
    write_all(dir.file("T.txt"), std::string(1000, 'x'));
    const DocumentId d = s->import_files({{dir.file("T.txt")}, {}, false}).imported.at(0).id;
    const CodeId c = s->add_code(CodeId(), "Krise");
    s->set_coder("A");
    s->apply_code(d, c, {0, 150});
    s->set_coder("B");
    s->apply_code(d, c, {100, 200});
    AgreementOptions o;
    o.coders = {"A", "B"};
    auto r = intercoder_agreement(*s, o);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].percent_agreement == doctest::Approx(85.0));
    CHECK(*r.rows[0].kappa == doctest::Approx(0.3182).epsilon(0.0005));
    // Two coders: alpha = 1 - (n-1) * 2*o01 / (2*n0*n1) with o01 = 150, n0 = 1750, n1 = 250, n = 2000.
    CHECK(*r.rows[0].alpha == doctest::Approx(1.0 - 1999.0 * 300.0 / (2.0 * 1750.0 * 250.0)));
    CHECK(r.rows[0].segments == 2);
    CHECK(r.rows[0].segments_agreeing == 0);  // overlap 50 / union 200 is below the threshold
    // Disagreements: [0,100) only A, [150,200) only B.
    REQUIRE(r.disagreements.size() == 2);
    CHECK(r.disagreements[0].range == TextRange{0, 100});
    CHECK(r.disagreements[0].coded_by == std::vector<std::string>{"A"});
    CHECK(r.disagreements[1].range == TextRange{150, 200});
    o.segment_threshold = 0.25;
    r = intercoder_agreement(*s, o);
    CHECK(r.rows[0].segments_agreeing == 1);
    CHECK(r.rows[0].segment_agreement == doctest::Approx(100.0));

    // A third coder who agrees with A: alpha over three coders, kappa still A vs B.
    s->set_coder("C");
    s->apply_code(d, c, {0, 150});
    o.coders = {"A", "B", "C"};
    r = intercoder_agreement(*s, o);
    // units: 50 chars marked by 3, 100 by 2 (A,C), 50 by 1 (B), 800 by 0; m = 3.
    const double o01 = (100.0 * 2 * 1 + 50.0 * 1 * 2) / 2, o11 = (50.0 * 3 * 2 + 100.0 * 2 * 1) / 2,
                 o00 = (100.0 * 1 * 0 + 50.0 * 2 * 1 + 800.0 * 3 * 2) / 2;
    const double n1 = o11 + o01, n0 = o00 + o01, n = n0 + n1;
    CHECK(*r.rows[0].alpha == doctest::Approx(1.0 - (n - 1) * 2 * o01 / (2 * n0 * n1)));
    CHECK(*r.rows[0].kappa == doctest::Approx(0.3182).epsilon(0.0005));
    o.coders = {"A", "Z"};
    CHECK_THROWS_AS(intercoder_agreement(*s, o), InvalidArgument);
}
