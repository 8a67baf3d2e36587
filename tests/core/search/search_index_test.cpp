// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <xapian.h>

#include <algorithm>
#include <filesystem>

#include "core/errors.h"
#include "core/sample_study.h"
#include "core/search/search_index.h"
#include "core/search/tokenizer.h"
#include "core/session.h"
#include "core/text/unicode.h"
#include "tests/core/test_util.h"

using namespace kodex;
using kodex::test::TempDir;
using kodex::test::write_all;
namespace fs = std::filesystem;

namespace {

const char* const kC01 =
    "I: Wie haben Sie die Mitglieder erreicht? #00:00:05-2#\n\n"
    "B: Über Webinare und hybride Formate. Die Clustermanager:innen haben Partner verbunden. Die Projekte liefen gut. "
    "#00:00:19-7#\n\n"
    "I: Und die Mitarbeiter*innen? #00:00:25-0#\n\n"
    "B: Die Mitarbeiter_innen und MitarbeiterInnen, auch Mitarbeiter/innen, arbeiten im Homeoffice. Die "
    "Cross-Cluster-Zusammenarbeit mit den Hochschulen war eine gute Zusammenarbeit. #00:01:02-3#\n";
// Decomposed umlauts in the file: the import stores NFC.
const char* const kC02 =
    "I: Was war 2020 anders? #00:00:03-0#\n\n"
    "B: Die Kooperation mit zwei großen Hochschulen wurde digital. Digitalisierung und Förderung, aber wenig "
    "Bürokratie. U\xCC\x88" "berga\xCC\x88" "nge waren schwierig. #00:00:40-1#\n";
const char* const kC03 =
    "Interviewer: Gab es Projekte mit Partnern?\n\n"
    "Befragte: Ja, viele Projekte. Wir haben Partner verbunden und Webinare gemacht.\n\n"
    "Interviewer: Danke.\n\n"
    "Befragte: Gern.\n";

// A project with the three interviews above.
struct Study {
    TempDir dir;
    std::string path = dir.file("study.kodex");
    std::unique_ptr<Session> session;

    Study() {
        session = Session::create(path);
        std::vector<std::string> files;
        for (const auto& [name, text] : {std::pair<std::string, std::string>{"C01.txt", kC01}, {"C02.txt", kC02}, {"C03 Team.txt", kC03}}) {
            write_all(dir.file(name), text);
            files.push_back(dir.file(name));
        }
        ImportRequest r;
        r.paths = files;
        REQUIRE(session->import_files(r).ok());
    }

    DocumentId doc(const std::string& name) { return session->find_document(name); }

    // The range of the n-th occurrence of `quote` in a document.
    TextRange range_of(const std::string& name, const std::string& quote, int n = 0) {
        const auto hits = find_all_cp(session->document(doc(name)).text, quote);
        REQUIRE(hits.size() > static_cast<std::size_t>(n));
        return {hits[static_cast<std::size_t>(n)], hits[static_cast<std::size_t>(n)] + count_code_points(quote)};
    }
};

// Checks what every hit promises: the stored text at its range is `match`, its words lie inside it and
// are words, and it lies in its turn.
void check_hits(Session& s, const SearchResult& r) {
    for (const auto& h : r.hits) {
        const Document d = s.document(h.document);
        CHECK(h.document_name == d.name);
        CHECK(substring_cp(d.text, h.range.start, h.range.end) == h.match);
        CHECK(h.turn_range.start <= h.range.start);
        CHECK(h.range.end <= h.turn_range.end);
        REQUIRE(static_cast<std::size_t>(h.turn) < d.turns.size());
        CHECK(d.turns[static_cast<std::size_t>(h.turn)].body_start == h.turn_range.start);
        CHECK(d.turns[static_cast<std::size_t>(h.turn)].speaker == h.speaker);
        CHECK(d.turns[static_cast<std::size_t>(h.turn)].timestamp_ms == h.timestamp_ms);
        for (const auto& w : h.words) {
            CHECK(h.range.start <= w.start);
            CHECK(w.end <= h.range.end);
            CHECK_FALSE(w.empty());
        }
        CHECK(h.left.find('\n') == std::string::npos);
        CHECK(h.right.find('\n') == std::string::npos);
    }
}

SearchResult find(Study& st, SearchIndex& index, const std::string& q, SearchSort sort = SearchSort::DocumentOrder) {
    SearchQuery query;
    query.text = q;
    query.sort = sort;
    SearchResult r = index.search(query);
    check_hits(*st.session, r);
    return r;
}

// "C01:Webinare" for each hit, in document order.
std::vector<std::string> matches(Study& st, SearchIndex& index, const std::string& q) {
    std::vector<std::string> out;
    for (const auto& h : find(st, index, q).hits) out.push_back(h.document_name + ":" + h.match);
    return out;
}

using V = std::vector<std::string>;

std::string query_error(SearchIndex& index, const std::string& q) {
    SearchQuery query;
    query.text = q;
    try {
        index.search(query);
    } catch (const InvalidArgument& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("search: German stemming finds inflected forms of capitalised nouns too") {
    Study st;
    SearchIndex index(*st.session);
    CHECK(matches(st, index, "Projekt") == V{"C01:Projekte", "C03 Team:Projekte", "C03 Team:Projekte"});
    CHECK(matches(st, index, "projekte") == matches(st, index, "Projekt"));
    CHECK(matches(st, index, "Hochschule") == V{"C01:Hochschulen", "C02:Hochschulen"});
    CHECK(matches(st, index, "2020") == V{"C02:2020"});
}

TEST_CASE("search: composed and decomposed umlauts find each other") {
    Study st;
    SearchIndex index(*st.session);
    CHECK(matches(st, index, "U\xCC\x88" "bergänge") == V{"C02:Übergänge"});
    CHECK(matches(st, index, "Übergang") == V{"C02:Übergänge"});
    CHECK(matches(st, index, "ÜBERGÄNGE") == V{"C02:Übergänge"});
}

TEST_CASE("search: gender forms are found by the plain word and by every gender form") {
    Study st;
    SearchIndex index(*st.session);
    // The hit covers the whole written form, ending included.
    CHECK(matches(st, index, "Clustermanager") == V{"C01:Clustermanager:innen"});
    CHECK(matches(st, index, "Clustermanager*innen") == V{"C01:Clustermanager:innen"});
    const V all{"C01:Mitarbeiter*innen", "C01:Mitarbeiter_innen", "C01:MitarbeiterInnen", "C01:Mitarbeiter/innen"};
    CHECK(matches(st, index, "Mitarbeiter") == all);
    for (const char* form : {"Mitarbeiter*innen", "Mitarbeiter:innen", "Mitarbeiter_innen", "Mitarbeiter/innen", "MitarbeiterInnen"}) {
        CAPTURE(form);
        CHECK(matches(st, index, form) == all);
    }
}

TEST_CASE("search: hyphenated compounds are found by their parts and as a whole") {
    Study st;
    SearchIndex index(*st.session);
    CHECK(matches(st, index, "Zusammenarbeit") == V{"C01:Zusammenarbeit", "C01:Zusammenarbeit"});
    const auto whole = find(st, index, "Cross-Cluster-Zusammenarbeit");
    REQUIRE(whole.hits.size() == 1);
    CHECK(whole.hits[0].match == "Cross-Cluster-Zusammenarbeit");
    CHECK(whole.hits[0].words.size() == 3);
    CHECK(whole.hits[0].range == st.range_of("C01", "Cross-Cluster-Zusammenarbeit"));
    CHECK(matches(st, index, "Cluster") == V{"C01:Cluster"});
}

TEST_CASE("search: phrases are exact, stop words count inside them and not outside") {
    Study st;
    SearchIndex index(*st.session);
    const auto r = find(st, index, "\"gute Zusammenarbeit\"");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].match == "gute Zusammenarbeit");
    CHECK(r.hits[0].range == st.range_of("C01", "gute Zusammenarbeit"));
    CHECK(r.hits[0].words.size() == 2);
    CHECK(matches(st, index, "\"eine gute Zusammenarbeit\"") == V{"C01:eine gute Zusammenarbeit"});
    CHECK(matches(st, index, "\"die gute Zusammenarbeit\"").empty());
    CHECK(matches(st, index, "die Zusammenarbeit") == matches(st, index, "Zusammenarbeit"));
}

TEST_CASE("search: AND, OR, NOT and UND, ODER, NICHT") {
    Study st;
    SearchIndex index(*st.session);
    CHECK(matches(st, index, "Webinare Formate") == V{"C01:Webinare", "C01:Formate"});
    CHECK(matches(st, index, "Webinare AND Formate") == V{"C01:Webinare", "C01:Formate"});
    CHECK(matches(st, index, "Webinare UND Formate") == V{"C01:Webinare", "C01:Formate"});
    CHECK(matches(st, index, "Kooperation OR Webinare") == V{"C01:Webinare", "C02:Kooperation", "C03 Team:Webinare"});
    CHECK(matches(st, index, "Kooperation ODER Webinare") == matches(st, index, "Kooperation OR Webinare"));
    CHECK(matches(st, index, "Hochschulen NOT Kooperation") == V{"C01:Hochschulen"});
    CHECK(matches(st, index, "Hochschulen NICHT Kooperation") == V{"C01:Hochschulen"});
    CHECK(matches(st, index, "Hochschulen -Kooperation") == V{"C01:Hochschulen"});
    // Only the words that made the turn match are hits.
    CHECK(matches(st, index, "Webinare OR (Partner speaker:Befragte)") ==
          V{"C01:Webinare", "C03 Team:Partner", "C03 Team:Webinare"});
}

TEST_CASE("search: NEAR and ADJ with a distance") {
    Study st;
    SearchIndex index(*st.session);
    const auto r = find(st, index, "Kooperation NEAR/4 Hochschulen");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].match == "Kooperation mit zwei großen Hochschulen");
    REQUIRE(r.hits[0].words.size() == 2);
    CHECK(r.hits[0].words[1] == st.range_of("C02", "Hochschulen"));
    CHECK(find(st, index, "Kooperation NEAR/3 Hochschulen").hits.empty());
    CHECK(find(st, index, "Hochschulen NEAR/4 Kooperation").hits.size() == 1);
    CHECK(find(st, index, "Hochschulen ADJ/4 Kooperation").hits.empty());
    CHECK(find(st, index, "Kooperation ADJ/4 Hochschulen").hits.size() == 1);
}

TEST_CASE("search: prefix wildcards") {
    Study st;
    SearchIndex index(*st.session);
    CHECK(matches(st, index, "Digital*") == V{"C02:digital", "C02:Digitalisierung"});
    CHECK(matches(st, index, "Hochsch*") == V{"C01:Hochschulen", "C02:Hochschulen"});
    CHECK(find(st, index, "Xyz*").hits.empty());
}

TEST_CASE("search: speaker, document and variable filters") {
    Study st;
    SearchIndex index(*st.session);
    CHECK(matches(st, index, "Projekte speaker:Befragte") == V{"C03 Team:Projekte"});
    CHECK(matches(st, index, "Projekte speaker:befragte") == V{"C03 Team:Projekte"});
    CHECK(matches(st, index, "Partner speaker:B") == V{"C01:Partner"});
    CHECK(matches(st, index, "Projekte speaker:I").empty());
    CHECK(matches(st, index, "Projekte -speaker:Interviewer") == V{"C01:Projekte", "C03 Team:Projekte"});
    CHECK(matches(st, index, "Projekte doc:\"C03 Team\"") == V{"C03 Team:Projekte", "C03 Team:Projekte"});
    CHECK(matches(st, index, "Hochschulen doc:c02") == V{"C02:Hochschulen"});
    CHECK(matches(st, index, "Projekte doc:C01 doc:C03") == V{"C01:Projekte", "C03 Team:Projekte", "C03 Team:Projekte"});
    CHECK(query_error(index, "Projekte doc:C0").find("could be several documents (C01, C02, C03 Team)") != std::string::npos);
    CHECK(query_error(index, "Projekte doc:C09").find("no document 'C09'") != std::string::npos);

    st.session->set_variable(st.doc("C02"), "sector", "Logistik");
    st.session->set_variable(st.doc("C01"), "sector", "Automotive");
    CHECK(matches(st, index, "Hochschulen sector:logistik") == V{"C02:Hochschulen"});
    CHECK(matches(st, index, "Hochschulen SECTOR:Automotive") == V{"C01:Hochschulen"});
    // Only a filter: the whole turns of that document are the hits.
    const auto turns = find(st, index, "sector:Logistik");
    CHECK(turns.hits.size() == 2);
    CHECK(turns.hits[0].range == turns.hits[0].turn_range);
    CHECK(query_error(index, "finanzierung:institutionell").find("there is no filter 'finanzierung:'") != std::string::npos);
}

TEST_CASE("search: code filters mean inside a coding of the code or its subcodes") {
    Study st;
    Session& s = *st.session;
    const CodeId formate = s.add_code(CodeId(), "Formate");
    const CodeId digital = s.add_code(formate, "Digital");
    s.set_coder("anna");
    s.apply_code(st.doc("C01"), formate, st.range_of("C01", "hybride Formate"));
    s.set_coder("ben");
    s.apply_code(st.doc("C02"), digital, st.range_of("C02", "Digitalisierung und Förderung"));
    SearchIndex index(s);

    // "Webinare" is in the coded turn but outside the coding.
    CHECK(matches(st, index, "Webinare code:Formate").empty());
    CHECK(matches(st, index, "hybride code:Formate") == V{"C01:hybride"});
    CHECK(matches(st, index, "Förderung code:Formate") == V{"C02:Förderung"});  // subcode
    CHECK(matches(st, index, "Förderung code:\"Formate/Digital\"") == V{"C02:Förderung"});
    CHECK(matches(st, index, "Förderung code:digital") == V{"C02:Förderung"});
    CHECK(matches(st, index, "Förderung NOT code:Formate").empty());
    CHECK(matches(st, index, "code:Formate") == V{"C01:hybride Formate", "C02:Digitalisierung und Förderung"});
    CHECK(matches(st, index, "code:Formate coder:ben") == V{"C02:Digitalisierung und Förderung"});
    CHECK(matches(st, index, "Förderung coder:anna").empty());
    CHECK(matches(st, index, "Förderung coder:BEN") == V{"C02:Förderung"});
    CHECK(query_error(index, "code:Unbekannt").find("no code 'Unbekannt'") != std::string::npos);
    CHECK(query_error(index, "coder:carla").find("no coder 'carla' (coders: anna, ben)") != std::string::npos);

    // Counts per document agree with the exact hits.
    const auto r = find(st, index, "code:Formate");
    CHECK(r.matching_turns == 2);
    REQUIRE(r.documents.size() == 2);
    CHECK(r.documents[0].name == "C01");
    CHECK(r.documents[0].turns == 1);
}

TEST_CASE("search: keyword in context, sorting, counts per document and paging") {
    Study st;
    SearchIndex index(*st.session);
    const auto k = find(st, index, "Kooperation");
    REQUIRE(k.hits.size() == 1);
    CHECK(k.hits[0].left == "Die ");
    CHECK(k.hits[0].right == " mit zwei großen Hochschulen wurde");  // 40 characters, cut before a word
    CHECK(k.hits[0].speaker == "B");
    CHECK(k.hits[0].timestamp_ms.has_value());

    const auto doc_order = find(st, index, "Projekte OR Partner", SearchSort::DocumentOrder);
    REQUIRE(doc_order.hits.size() == 6);
    for (std::size_t i = 1; i < doc_order.hits.size(); ++i) {
        const auto& a = doc_order.hits[i - 1];
        const auto& b = doc_order.hits[i];
        CHECK((a.document_name < b.document_name || (a.document_name == b.document_name && a.range.start < b.range.start)));
    }
    CHECK(doc_order.matching_turns == 3);
    REQUIRE(doc_order.documents.size() == 2);
    CHECK(doc_order.documents[0].name == "C01");
    CHECK(doc_order.documents[0].turns == 1);
    CHECK(doc_order.documents[1].turns == 2);

    const auto ranked = find(st, index, "Projekte OR Partner", SearchSort::Relevance);
    REQUIRE(ranked.hits.size() == 6);
    for (std::size_t i = 1; i < ranked.hits.size(); ++i) CHECK(ranked.hits[i - 1].relevance >= ranked.hits[i].relevance);

    SearchQuery page;
    page.text = "Projekte OR Partner";
    page.sort = SearchSort::DocumentOrder;
    page.offset = 2;
    page.limit = 3;
    const auto p = index.search(page);
    REQUIRE(p.hits.size() == 3);
    CHECK(p.more);
    CHECK(p.hits[0].range == doc_order.hits[2].range);
    page.offset = 4;
    CHECK_FALSE(index.search(page).more);
}

TEST_CASE("search: a query with a syntax error is an error that says where") {
    Study st;
    SearchIndex index(*st.session);
    CHECK(query_error(index, "Förderung AND") == "syntax error at character 11 of the query: 'AND' needs a search term after it");
    CHECK(query_error(index, "(Förderung OR Antrag") == "syntax error at character 1 of the query: the bracket is not closed");
    CHECK(query_error(index, "\"hybride Formate") == "syntax error at character 1 of the query: the quotation mark is not closed");
}

TEST_CASE("search index: built when missing, rebuilt after it is deleted or damaged") {
    Study st;
    const std::string dir = SearchIndex::index_path(st.path);
    CHECK(dir == st.path + "-index");
    {
        SearchIndex index(*st.session);
        const auto first = index.ensure_fresh();
        CHECK(first.action == IndexStatus::Action::Rebuilt);
        CHECK(first.reason == "missing");
        CHECK(first.documents_indexed == 3);
        CHECK(index.ensure_fresh().action == IndexStatus::Action::None);
        const IndexInfo info = index.info();
        CHECK(info.documents == 3);
        CHECK(info.turns == 10);
        CHECK(info.bytes > 0);
    }
    CHECK(fs::is_directory(dir));
    fs::remove_all(dir);
    {
        SearchIndex index(*st.session);
        std::vector<std::int64_t> progress;
        const auto again = index.ensure_fresh(Progress([&](std::int64_t done, std::int64_t, const std::string&) { progress.push_back(done); }));
        CHECK(again.action == IndexStatus::Action::Rebuilt);
        CHECK(progress == std::vector<std::int64_t>{0, 1, 2, 3});
        CHECK(matches(st, index, "Webinare").size() == 2);
    }
    for (const auto& e : fs::directory_iterator(dir)) write_all(e.path().string(), "not a database");
    {
        SearchIndex index(*st.session);
        const auto repaired = index.ensure_fresh();
        CHECK(repaired.action == IndexStatus::Action::Rebuilt);
        CHECK(repaired.reason.rfind("damaged", 0) == 0);
        CHECK(matches(st, index, "Webinare").size() == 2);
    }
}

TEST_CASE("search index: an index from another version or for another language is rebuilt") {
    Study st;
    SearchIndex(*st.session).ensure_fresh();
    {
        Xapian::WritableDatabase db(SearchIndex::index_path(st.path), Xapian::DB_OPEN);
        db.set_metadata("kodex:format", "0 xapian-1.2.0");
        db.commit();
    }
    SearchIndex index(*st.session);
    const auto st1 = index.ensure_fresh();
    CHECK(st1.action == IndexStatus::Action::Rebuilt);
    CHECK(st1.reason == "made by another version");

    CHECK(search_language(*st.session) == SearchLanguage::German);
    set_search_language(*st.session, SearchLanguage::English);
    CHECK(search_language(*st.session) == SearchLanguage::English);
    const auto st2 = index.ensure_fresh();  // the same index object notices the new setting
    CHECK(st2.action == IndexStatus::Action::Rebuilt);
    CHECK(st2.reason == "for another language");
}

TEST_CASE("search index: English stemming when the project says so") {
    TempDir dir;
    auto s = Session::create(dir.file("en.kodex"));
    write_all(dir.file("E01.txt"), "I: Were you running the workshops yourself?\n\nB: She runs them, I ran the rest.\n");
    REQUIRE(s->import_files({{dir.file("E01.txt")}, {}, false}).ok());
    SearchQuery q;
    q.text = "run";
    CHECK(search(*s, q).hits.size() == 1);  // German stemming: only "run..." words that stem to "run"
    set_search_language(*s, SearchLanguage::English);
    const auto r = search(*s, q);
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].match == "running");
    q.text = "the workshops";  // "the" is an English stop word
    CHECK(search(*s, q).understood == "workshops");
}

TEST_CASE("search index: only changed documents are indexed again, undo and redo included") {
    Study st;
    Session& s = *st.session;
    SearchIndex index(s);
    index.ensure_fresh();
    const CodeId formate = s.add_code(CodeId(), "Formate");
    CHECK(index.ensure_fresh().documents_indexed == 0);  // a new code changes no document
    s.apply_code(st.doc("C02"), formate, st.range_of("C02", "Kooperation"));
    const auto upd = index.ensure_fresh();
    CHECK(upd.action == IndexStatus::Action::Updated);
    CHECK(upd.documents_indexed == 1);
    CHECK(matches(st, index, "Kooperation code:Formate") == V{"C02:Kooperation"});
    s.undo();
    CHECK(matches(st, index, "Kooperation code:Formate").empty());
    s.redo();
    CHECK(matches(st, index, "Kooperation code:Formate") == V{"C02:Kooperation"});
    s.delete_document(st.doc("C01"));
    CHECK(matches(st, index, "Hochschulen") == V{"C02:Hochschulen"});
    s.rename_document(st.doc("C02"), "Interview 2");
    CHECK(matches(st, index, "Hochschulen") == V{"Interview 2:Hochschulen"});
}

TEST_CASE("search index: changes made by another program are noticed") {
    Study st;
    SearchIndex index(*st.session);
    CHECK(matches(st, index, "Kooperation") == V{"C02:Kooperation"});
    {
        auto other = Session::open(st.path);  // e.g. kodex-cli while the editor is open
        const CodeId c = other->add_code(CodeId(), "Formate");
        other->apply_code(other->find_document("C02"), c, st.range_of("C02", "Kooperation"));
    }
    CHECK(matches(st, index, "Kooperation code:Formate") == V{"C02:Kooperation"});
    {
        auto other = Session::open(st.path);
        other->delete_document(other->find_document("C02"));
    }
    CHECK(matches(st, index, "Kooperation").empty());
}

TEST_CASE("search index: a project file swapped for another with the same generation is noticed") {
    TempDir dir;
    write_all(dir.file("A.txt"), "I: Frage?\n\nB: Webinare.\n");
    write_all(dir.file("B.txt"), "I: Frage?\n\nB: Kooperation.\n");
    const std::string a = dir.file("a.kodex"), b = dir.file("b.kodex");
    std::int64_t generation = 0;
    {
        auto s = Session::create(a);
        REQUIRE(s->import_files({{dir.file("A.txt")}, {}, false}).ok());
        generation = s->generation();
        SearchQuery q;
        q.text = "Webinare";
        CHECK(search(*s, q).hits.size() == 1);
    }
    {
        auto s = Session::create(b);
        REQUIRE(s->import_files({{dir.file("B.txt")}, {}, false}).ok());
        REQUIRE(s->generation() == generation);
    }
    fs::copy_file(b, a, fs::copy_options::overwrite_existing);
    auto s = Session::open(a);
    SearchQuery q;
    q.text = "Kooperation";
    CHECK(search(*s, q).hits.size() == 1);
    q.text = "Webinare";
    CHECK(search(*s, q).hits.empty());
}

TEST_CASE("search index: another program writing the index is not a crash") {
    Study st;
    SearchIndex index(*st.session);
    index.ensure_fresh();
    Xapian::WritableDatabase holder(SearchIndex::index_path(st.path), Xapian::DB_OPEN);
    // Up to date: reading needs no lock.
    CHECK(matches(st, index, "Webinare").size() == 2);
    // Out of date while another program holds the write lock: a clear error after a short wait.
    st.session->rename_document(st.doc("C01"), "Erstes");
    st.session->set_variable(st.doc("C02"), "sector", "Automotive");
    SearchQuery q;
    q.text = "Webinare";
    try {
        index.search(q);
        FAIL("expected IndexError");
    } catch (const IndexError& e) {
        CHECK(std::string(e.what()) == "the search index is in use by another program; try again");
    }
    holder.close();
    CHECK(index.search(q).hits.size() == 2);
}

TEST_CASE("search: the sample study") {
    TempDir dir;
    const std::string path = dir.file("sample.kodex");
    build_sample_study(KODEX_SOURCE_DIR, path);
    auto s = Session::open(path);
    SearchIndex index(*s);
    SearchQuery q;
    q.limit = 0;

    q.text = "\"hybride Formate\"";
    auto r = index.search(q);
    CHECK(r.hits.size() >= 3);
    for (const auto& h : r.hits) CHECK(fold_case(h.match).rfind("hybrid", 0) == 0);  // "Hybrid-Format" too

    // Every hit inside a coding of the code (the sample has no subcodes under this one).
    const CodeId partner = s->find_code("Transmitterrolle der Clustermanagements/Partner verbinden");
    CodingFilter f;
    f.codes = {partner};
    const auto codings = s->codings(f);
    q.text = "Kontakte code:\"Partner verbinden\"";
    r = index.search(q);
    CHECK_FALSE(r.hits.empty());
    for (const auto& h : r.hits) {
        const bool inside = std::any_of(codings.begin(), codings.end(), [&](const CodingView& c) {
            return c.coding.document == h.document && c.coding.range.start <= h.range.start && h.range.end <= c.coding.range.end;
        });
        CHECK(inside);
        CHECK_MESSAGE(fold_case(h.match).rfind("kontakt", 0) == 0, h.match);
    }
    q.text = "code:\"Partner verbinden\"";
    r = index.search(q);
    for (const auto& h : r.hits) {
        const Document d = s->document(h.document);
        CHECK(substring_cp(d.text, h.range.start, h.range.end) == h.match);
    }
    for (const auto& c : codings) {  // every coded passage is listed (two coders' same passage once)
        const bool listed = std::any_of(r.hits.begin(), r.hits.end(), [&](const SearchHit& h) {
            return h.document == c.coding.document && h.range.start <= c.coding.range.start && c.coding.range.start < h.range.end;
        });
        CHECK(listed);
    }

    q.text = "Soforthilfe doc:C01";
    r = index.search(q);
    CHECK_FALSE(r.hits.empty());
    for (const auto& h : r.hits) CHECK(h.document_name == "C01_Automotive_Sachsen");

    q.text = "main_financing:institutional";
    r = index.search(q);
    std::vector<std::string> docs;
    for (const auto& d : r.documents) docs.push_back(d.name);
    CHECK(docs == V{"C02_Medizintechnik_Bayern", "C05_Ernaehrungswirtschaft_Niedersachsen", "C09_Photonik_Hessen"});
    q.text = "Kolleg*innen";
    r = index.search(q);
    CHECK(r.hits.size() >= 7);
}

TEST_CASE("auto-coding: hits, sentences or turns, as one undoable action without duplicates") {
    Study st;
    Session& s = *st.session;
    const CodeId code = s.add_code(CodeId(), "Formate");
    SearchIndex index(s);

    AutocodeRequest r;
    r.query = "Webinare";
    r.code = code;
    r.sort = SearchSort::DocumentOrder;
    auto rep = index.autocode(r);
    CHECK(rep.hits == 2);
    CHECK(rep.added.size() == 2);
    CHECK(rep.duplicates == 0);
    CHECK(rep.label == "Auto-code 'Webinare' as 'Formate'");
    CHECK(s.undo_label()->english() == rep.label);
    CodingFilter f;
    f.codes = {code};
    auto list = s.codings(f);
    REQUIRE(list.size() == 2);
    CHECK(list[0].text == "Webinare");

    rep = index.autocode(r);  // again: nothing new
    CHECK(rep.added.empty());
    CHECK(rep.duplicates == 2);
    s.undo();
    CHECK(s.codings(f).empty());  // one action took both codings away

    r.query = "Kooperation";
    r.scope = AutocodeScope::Sentence;
    index.autocode(r);
    list = s.codings(f);
    REQUIRE(list.size() == 1);
    CHECK(list[0].text == "Die Kooperation mit zwei großen Hochschulen wurde digital.");

    r.query = "Projekte";
    r.scope = AutocodeScope::Turn;
    r.only = {2};  // the third hit in document order: C03's answer
    rep = index.autocode(r);
    CHECK(rep.hits == 1);
    REQUIRE(rep.added.size() == 1);
    CHECK(s.coding(rep.added[0]).text == "Ja, viele Projekte. Wir haben Partner verbunden und Webinare gemacht.");

    r.only = {7};
    CHECK_THROWS_AS(index.autocode(r), InvalidArgument);
    r.only = {};
    r.query = "Förderung AND";
    CHECK_THROWS_AS(index.autocode(r), InvalidArgument);
}
