// SPDX-License-Identifier: GPL-3.0-or-later
// write_analysis: every analysis in every format its kind lists, the format taken from the extension, and a
// wrong extension refused before anything is written.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/errors.h"
#include "core/export/analysis_export.h"
#include "core/export/exporters.h"
#include "core/session.h"
#include "tests/core/study_util.h"

using namespace kodex;
using kodex::test::read_all;

namespace {

struct Study : test::TestStudy {
    DocumentId d1, d2;
    CodeId formats, digital;
    Study()
        : TestStudy({{"D1.txt", "I: Wie war das?\n\nB: Wir haben sofort Webinare gemacht, das war gut.\n"},
                     {"D2.txt", "I: Ihre Sicht?\n\nB: =Förderung ist wichtig.\n"}}) {
        d1 = docs.at(0);
        d2 = docs.at(1);
        formats = s->add_code(CodeId(), "Formate");
        digital = s->add_code(formats, "Digital");
        s->set_coder("anna");
        s->apply_code(d1, digital, {37, 45});  // "Webinare"
        s->apply_code(d2, formats, {19, 29});  // "=Förderung"
        s->set_coder("ben");
        s->apply_code(d1, digital, {37, 53});  // "Webinare gemacht"
        s->set_variable(d1, "Finanzierung", "institutionell");
        s->set_variable(d2, "Finanzierung", "Projekt");
    }
};

}  // namespace

TEST_CASE("analysis export: every kind is written in each of its formats") {
    Study x;
    const AnalysisKind kinds[] = {AnalysisKind::Frequencies, AnalysisKind::Matrix,   AnalysisKind::Crosstab,
                                  AnalysisKind::Cooccurrence, AnalysisKind::Segments, AnalysisKind::Quotes,
                                  AnalysisKind::Agreement};
    int written = 0;
    for (AnalysisKind kind : kinds) {
        AnalysisExport r;
        r.kind = kind;
        r.variable = "Finanzierung";
        r.coders = {"anna", "ben"};
        r.title = "Studie: Zitate";
        for (const std::string& format : analysis_formats(kind)) {
            const std::string path = x.dir.file("out-" + std::to_string(static_cast<int>(kind)) + format);
            write_analysis(*x.s, r, path);
            const std::string bytes = read_all(path);
            INFO(path);
            CHECK(bytes.size() > 50);
            if (format == ".xlsx" || format == ".docx") CHECK(bytes.substr(0, 2) == "PK");
            if (format == ".svg") CHECK(bytes.find("<svg") != std::string::npos);
            if (format == ".sps") CHECK(std::filesystem::exists(std::filesystem::path(path).replace_extension(".csv")));
            ++written;
        }
    }
    CHECK(written == 21);
}

TEST_CASE("analysis export: the tables are the analyses', the CSV options and scope applied") {
    Study x;
    AnalysisExport r;
    r.kind = AnalysisKind::Segments;
    r.scope.coder = "anna";
    r.german_excel = true;
    const std::string path = x.dir.file("segments.CSV");  // the extension's case does not matter
    write_analysis(*x.s, r, path);
    CHECK(read_all(path) == to_csv(segments_table(*x.s, r.scope, true), CsvOptions{true}));
    const std::string csv = read_all(path);
    CHECK(csv.find("Webinare;") != std::string::npos);
    CHECK(csv.find("Webinare gemacht") == std::string::npos);  // ben's coding is out of scope
    CHECK(csv.find("'=Förderung") != std::string::npos);       // not a formula for Excel

    r.kind = AnalysisKind::Quotes;
    r.title = "Cluster: Zitate";
    r.scope = {};
    r.scope.codes = {x.digital};
    const std::string md = x.dir.file("quotes.md");
    write_analysis(*x.s, r, md);
    const std::string text = read_all(md);
    CHECK(text.find("Cluster: Zitate") != std::string::npos);
    CHECK(text.find("Webinare gemacht") != std::string::npos);
    CHECK(text.find("Förderung") == std::string::npos);  // another code's quote
}

TEST_CASE("analysis export: the format is the extension in lower case, .htm being .html") {
    CHECK(analysis_format_of("/tmp/Zitate.HTM") == ".html");
    CHECK(analysis_format_of("Matrix.Sps") == ".sps");
    CHECK(analysis_format_of("ohne") == "");
}

TEST_CASE("analysis export: a format the analysis has not is refused, naming the file and the formats") {
    Study x;
    AnalysisExport r;
    r.kind = AnalysisKind::Segments;
    const std::string path = x.dir.file("segments.svg");
    try {
        write_analysis(*x.s, r, path);
        FAIL("no error");
    } catch (const InvalidArgument& e) {
        CHECK(std::string(e.what()) == path + ": cannot write this analysis as '.svg' (use .xlsx or .csv)");
    }
    CHECK_FALSE(std::filesystem::exists(path));
    r.kind = AnalysisKind::Quotes;
    CHECK_THROWS_WITH_AS(write_analysis(*x.s, r, x.dir.file("quotes")), doctest::Contains("(use .docx, .html or .md)"),
                         InvalidArgument);
}
