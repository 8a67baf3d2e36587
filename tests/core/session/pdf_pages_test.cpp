// SPDX-License-Identifier: GPL-3.0-or-later
// Pages of PDF documents: stored with the import, kept through delete and undo, and cited in retrievals.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/analysis/analysis.h"
#include "core/export/output_text.h"
#include "core/export/report_writers.h"
#include "core/model/pages.h"
#include "core/session.h"
#include "core/text/unicode.h"
#include "tests/core/test_util.h"

using namespace kodex;
using kodex::test::TempDir;
using kodex::test::write_all;

namespace {

std::string pdf_fixture(const std::string& name) { return std::string(KODEX_FIXTURES) + "/import/pdf/" + name; }

// The range of the first occurrence of `quote` in the document's text.
TextRange range_of(Session& s, DocumentId doc, const std::string& quote) {
    const auto at = find_all_cp(s.document(doc).text, quote);
    REQUIRE(!at.empty());
    return {at[0], at[0] + count_code_points(quote)};
}

int column(const Table& t, const std::string& name) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].name == name) return static_cast<int>(i);
    return -1;
}

}  // namespace

TEST_CASE("pages: the page of a position is the last page starting at or before it") {
    CHECK(page_of_position({}, 5) == 0);
    const std::vector<std::int64_t> starts{0, 10, 10, 20};  // page 2 has no text
    CHECK(page_of_position(starts, 0) == 1);
    CHECK(page_of_position(starts, 9) == 1);
    CHECK(page_of_position(starts, 10) == 3);
    CHECK(page_of_position(starts, 19) == 3);
    CHECK(page_of_position(starts, 20) == 4);
    CHECK(page_of_position(starts, 500) == 4);
    CHECK(page_citation({}, {0, 4}) == "");
    CHECK(page_citation(starts, {2, 10}) == "p. 1");  // ends right before page 3
    CHECK(page_citation(starts, {12, 14}) == "p. 3");
    CHECK(page_citation(starts, {5, 25}) == "pp. 1\u20134");
}

TEST_CASE("pages: a PDF's codings name their page in codings, segments and quotes; a text file's do not") {
    TempDir dir;
    auto s = Session::create(dir.file("study.kodex"));
    write_all(dir.file("notes.txt"), "I: Wie war das?\n\nB: Wir haben Webinare gemacht.\n");
    const auto report = s->import_files({{pdf_fixture("multipage.pdf"), dir.file("notes.txt")}, {}, false});
    REQUIRE(report.failed.empty());
    REQUIRE(report.imported.size() == 2);
    const DocumentId pdf = report.imported[0].id, txt = report.imported[1].id;
    CHECK(s->document(pdf).page_starts.size() == 3);
    CHECK(s->document(txt).page_starts.empty());

    const CodeId code = s->add_code(CodeId(), "Förderung");
    s->apply_code(pdf, code, range_of(*s, pdf, "Die lief weiter"));
    s->apply_code(pdf, code, range_of(*s, pdf, "andere Sorgen.\n\nI: Und die"));
    s->apply_code(txt, code, range_of(*s, txt, "Webinare"));
    const auto list = s->codings();
    REQUIRE(list.size() == 3);
    std::vector<std::string> pages;
    for (const auto& v : list) pages.push_back(v.page);
    std::sort(pages.begin(), pages.end());
    CHECK(pages == std::vector<std::string>{"", "p. 2", "pp. 1\u20132"});

    const Table t = segments_table(*s);
    const int page = column(t, "page");
    REQUIRE(page >= 0);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& v = list[r];
        CHECK(t.rows[r][static_cast<std::size_t>(page)].text == v.page);
    }
    CHECK(column(segments_table(*s, AnalysisScope{{txt}, {}, {}}), "page") == -1);

    const QuoteReport q = quote_report(*s, {}, true, "Quotes");
    REQUIRE(q.groups.size() == 1);
    bool cited = false;
    for (const QuoteEntry& e : q.groups[0].quotes) {
        if (e.text == "Die lief weiter") {
            cited = true;
            CHECK(e.page == "p. 2");
            CHECK(quote_source(e).find(" · p. 2 · ") != std::string::npos);
            CHECK(quote_source(e).find("line") == std::string::npos);
        }
        if (e.text == "Webinare") CHECK(quote_source(e).find("line 3") != std::string::npos);
    }
    CHECK(cited);

    // In German: "S. 2", "S. 1–2".
    const QuoteReport de = quote_report(*s, {}, true, "", report_words("de"));
    std::vector<std::string> de_pages;
    for (const QuoteEntry& e : de.groups.at(0).quotes) de_pages.push_back(e.page);
    std::sort(de_pages.begin(), de_pages.end());
    CHECK(de_pages == std::vector<std::string>{"", "S. 1\u20132", "S. 2"});
    for (const QuoteEntry& e : de.groups.at(0).quotes)
        if (e.text == "Die lief weiter") CHECK(quote_source(e, de.words).find(" · S. 2 · kodiert von ") != std::string::npos);
}

TEST_CASE("pages: deleting a PDF document removes its pages, and undo brings them back") {
    TempDir dir;
    auto s = Session::create(dir.file("study.kodex"));
    const DocumentId doc = s->import_files({{pdf_fixture("multipage.pdf")}, {}, false}).imported.at(0).id;
    const auto starts = s->document(doc).page_starts;
    REQUIRE(starts.size() == 3);
    s->delete_document(doc);
    CHECK(s->documents().empty());
    s->undo();
    CHECK(s->document(doc).page_starts == starts);
    // Undoing the import removes the pages with the document; redo restores both.
    s->undo();
    CHECK(s->documents().empty());
    s->redo();
    CHECK(s->document(doc).page_starts == starts);
}

TEST_CASE("pages: a refused PDF leaves the project unchanged, and the error names the file") {
    TempDir dir;
    auto s = Session::create(dir.file("study.kodex"));
    const auto report = s->import_files({{pdf_fixture("multipage.pdf"), pdf_fixture("scan.pdf")}, {}, false});
    REQUIRE(report.failed.size() == 1);
    CHECK(report.failed[0].reason.find("scan.pdf") != std::string::npos);
    CHECK(report.imported.empty());
    CHECK(s->documents().empty());
}
