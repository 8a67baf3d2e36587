// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <cstdlib>

#include "core/errors.h"
#include "core/export/exporters.h"
#include "tests/core/test_util.h"

using namespace kodex;

namespace {

Table named(const std::vector<std::pair<std::string, std::string>>& names_and_labels) {
    Table t;
    for (const auto& [name, label] : names_and_labels) t.columns.push_back({name, label, 2});
    return t;
}

Table survey() {
    Table t;
    t.title = "Matrix: Codes x Dokumente";
    t.columns = {{"Dokument", "", 2},
                 {"Befragten-ID", "Befragten-ID aus der Umfrage", 2},
                 {"Förderquote (%)", "Förderquote in Prozent", 1},
                 {"c03_partner_verbinden", "Transmitterrolle/Partner verbinden", 2},
                 {"with", "Mit 'Zitat' im Label", 2},
                 {"Bundesland", "Bundesland", 2}};
    t.rows.push_back({Cell::of("Interview Müller, Teil 1"), Cell::of(1017), Cell::of(12.25), Cell::of(3), Cell::of(1),
                      Cell::of("Thüringen")});
    t.rows.push_back({Cell::of("sagt \"ja\"\nund geht"), Cell::of(1018), Cell::empty(), Cell::of(0), Cell::of(2),
                      Cell::of("=Bayern")});
    return t;
}

// PSPP's output (as CSV) of the syntax plus DISPLAY DICTIONARY and LIST, or "" (after FAIL/WARN) without PSPP.
std::string run_pspp(const test::TempDir& dir, const std::string& sps) {
    if (std::system("command -v pspp >/dev/null 2>&1") != 0) {
        if (std::getenv("CI") != nullptr) FAIL("pspp is not on PATH; install the Debian package pspp");
        WARN_MESSAGE(false, "pspp is not on PATH: the SPSS syntax is not run (install pspp)");
        return {};
    }
    const std::string check = dir.file("check.sps");
    test::write_all(check, test::read_all(sps) + "DISPLAY DICTIONARY.\nLIST.\n");
    // CSV output keeps every value on one line; errors go to the log.
    const std::string out = dir.file("pspp.csv"), log = dir.file("pspp.log");
    const int rc = std::system(("cd / && pspp -o '" + out + "' '" + check + "' >'" + log + "' 2>&1").c_str());
    const std::string listing = test::read_all(out);
    CHECK_MESSAGE(rc == 0, test::read_all(log) << listing);
    return listing;
}

}  // namespace

TEST_CASE("spss: names follow SPSS's rules, umlauts spelled out") {
    CHECK(spss_names(named({{"c03_partner_verbinden", ""}})) == std::vector<std::string>{"c03_partner_verbinden"});
    CHECK(spss_names(named({{"Förderquote (%)", ""}, {"Größe", ""}, {"Übung ändern", ""}})) ==
          std::vector<std::string>{"Foerderquote", "Groesse", "Uebung_aendern"});
    CHECK(spss_names(named({{"2021 Umsatz", ""}, {"_intern", ""}, {"name.", ""}, {"a-b c", ""}})) ==
          std::vector<std::string>{"v2021_Umsatz", "intern", "name", "a_b_c"});
    CHECK(spss_names(named({{"", "Région Île-de-France"}, {"", ""}, {"%%", ""}})) ==
          std::vector<std::string>{"Region_Ile_de_France", "v2", "v3"});
    CHECK(spss_names(named({{"with", ""}, {"BY", ""}, {"Tor", ""}})) == std::vector<std::string>{"v_with", "v_BY", "Tor"});
}

TEST_CASE("spss: names are unique regardless of case and at most 64 bytes") {
    CHECK(spss_names(named({{"id", ""}, {"ID", ""}, {"Id", ""}})) == std::vector<std::string>{"id", "ID_2", "Id_3"});
    CHECK(spss_names(named({{"x", ""}, {"x_2", ""}, {"x", ""}})) == std::vector<std::string>{"x", "x_2", "x_3"});
    const std::string long_name(70, 'q');
    const auto names = spss_names(named({{long_name, ""}, {long_name + "ä", ""}}));
    CHECK(names[0] == std::string(64, 'q'));
    CHECK(names[1] == std::string(62, 'q') + "_2");
}

TEST_CASE("spss: the syntax declares formats from the data and carries the full labels") {
    test::TempDir dir;
    const std::string sps = dir.file("matrix.sps");
    write_spss(survey(), sps, {{"with", {{1, "ja"}, {2, "nein, 'eher' nicht"}}}});
    const std::string syntax = test::read_all(sps);
    CHECK(syntax.rfind("\xEF\xBB\xBF* Encoding: UTF-8.\n", 0) == 0);
    CHECK(syntax.find("  /FILE='" + dir.file("matrix.csv") + "'\n") != std::string::npos);
    CHECK(syntax.find("  /ENCODING='UTF8'\n  /DELCASE=LINE\n  /DELIMITERS=','\n  /QUALIFIER='\"'\n"
                      "  /ARRANGEMENT=DELIMITED\n  /FIRSTCASE=2\n") != std::string::npos);
    CHECK(syntax.find("  /VARIABLES=\n    Dokument A25\n    Befragten_ID F8.0\n    Foerderquote F8.1\n"
                      "    c03_partner_verbinden F8.0\n    v_with F8.0\n    Bundesland A10.\n") != std::string::npos);
    CHECK(syntax.find("VARIABLE LABELS\n  Befragten_ID 'Befragten-ID aus der Umfrage'\n") != std::string::npos);
    CHECK(syntax.find("  /v_with 'Mit ''Zitat'' im Label'") != std::string::npos);
    CHECK(syntax.find("VALUE LABELS\n  v_with\n    1 'ja'\n    2 'nein, ''eher'' nicht'.\n") != std::string::npos);
    CHECK(syntax.find("EXECUTE.\n") == syntax.size() - 9);

    // Data for SPSS: no formula apostrophe, '.' decimals, line breaks as spaces, quotes doubled.
    CHECK(test::read_all(dir.file("matrix.csv")) ==
          "Dokument,Befragten_ID,Foerderquote,c03_partner_verbinden,v_with,Bundesland\r\n"
          "\"Interview Müller, Teil 1\",1017,12.3,3,1,Thüringen\r\n"
          "\"sagt \"\"ja\"\" und geht\",1018,,0,2,=Bayern\r\n");
}

TEST_CASE("spss: long labels are cut on a character boundary and split into short literals") {
    test::TempDir dir;
    Table t;
    std::string label;
    for (int i = 0; i < 100; ++i) label += "äb'";  // 4 bytes each: the cut at 256 falls inside an "ä"
    t.columns = {{"x", label, 0}};
    t.rows = {{Cell::of(1)}};
    write_spss(t, dir.file("lang.sps"));
    const std::string syntax = test::read_all(dir.file("lang.sps"));
    const auto start = syntax.find("VARIABLE LABELS\n  x '");
    REQUIRE(start != std::string::npos);
    // Undo the literal syntax: pieces 'a' + 'b', quotes doubled.
    const std::string body = syntax.substr(start, syntax.find(".\nEXECUTE.") - start);
    std::string joined;
    bool inside = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\'') {
            if (inside) joined += body[i];
        } else if (inside && i + 1 < body.size() && body[i + 1] == '\'') {
            joined += '\'';
            ++i;
        } else {
            inside = !inside;
        }
    }
    CHECK(joined.size() <= 256);
    CHECK(joined.size() >= 253);
    CHECK(label.compare(0, joined.size(), joined) == 0);
    for (std::size_t line = 0, next; line < syntax.size(); line = next + 1) {
        next = syntax.find('\n', line);
        CHECK(next - line < 256);  // the classic limit of a syntax line
    }
}

TEST_CASE("spss: PSPP reads the data with the names, labels and values") {
    test::TempDir dir;
    const std::string sps = dir.file("matrix.sps");
    write_spss(survey(), sps, {{"with", {{1, "ja"}, {2, "nein"}}}, {"Bundesland", {{1, "eins"}}}});
    const std::string listing = run_pspp(dir, sps);
    if (listing.empty()) return;
    CHECK(listing.find("error") == std::string::npos);
    for (const char* expected : {"Befragten_ID", "Befragten-ID aus der Umfrage", "Foerderquote", "Förderquote in Prozent",
                                 "Transmitterrolle/Partner verbinden", "Mit 'Zitat' im Label", "nein",
                                 "Interview Müller, Teil 1", "sagt \"\"ja\"\" und geht", "Thüringen", "=Bayern", "12.3",
                                 "1017", "1018"})
        CHECK_MESSAGE(listing.find(expected) != std::string::npos, std::string(expected) << " missing from\n" << listing);
}

TEST_CASE("spss: impossible requests are refused") {
    test::TempDir dir;
    CHECK_THROWS_AS(write_spss(survey(), dir.file("a.sps"), {{"nicht da", {{1, "x"}}}}), InvalidArgument);
    CHECK_THROWS_AS(write_spss(survey(), dir.file("a.csv")), InvalidArgument);
    CHECK_THROWS_AS(write_spss(survey(), dir.file("fehlt/a.sps")), IoError);
}
