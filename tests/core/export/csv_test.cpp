// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <clocale>
#include <cmath>
#include <filesystem>
#include <limits>

#include "core/errors.h"
#include "core/export/exporters.h"
#include "core/export/report_writers.h"
#include "core/import/variable_table.h"
#include "tests/core/test_util.h"

using namespace kodex;

namespace {

Table sample() {
    Table t;
    t.title = "Häufigkeiten";
    t.columns = {{"code", "Code", 2}, {"codings", "", 2}, {"share", "Anteil der Dokumente", 1}, {"note", "Notiz", 2}};
    t.rows.push_back({Cell::of("Transmitterrolle/Partner verbinden"), Cell::of(12), Cell::of(0.25), Cell::of("ok")});
    t.rows.push_back({Cell::of("Förderung; \"Land\""), Cell::of(-3), Cell::of(1.0 / 3), Cell::of("zwei\nZeilen")});
    t.rows.push_back({Cell::of("=HYPERLINK(\"http://x\")"), Cell::empty(), Cell::of(-0.01), Cell::of("@SUM(A1)")});
    return t;
}

}  // namespace

TEST_CASE("csv: text that a spreadsheet would run as a formula gets a leading apostrophe") {
    CHECK(neutralise_formula("=1+1") == "'=1+1");
    CHECK(neutralise_formula("+49 30 1234") == "'+49 30 1234");
    CHECK(neutralise_formula("-- also ich") == "'-- also ich");
    CHECK(neutralise_formula("@SUM(A1)") == "'@SUM(A1)");
    CHECK(neutralise_formula("\t=1") == "'\t=1");
    CHECK(neutralise_formula("\r=1") == "'\r=1");
    CHECK(neutralise_formula("Förderung = gut") == "Förderung = gut");
    CHECK(neutralise_formula("") == "");
}

TEST_CASE("csv: fields are quoted after RFC 4180, records end in CRLF, decimals follow the column") {
    const std::string csv = to_csv(sample());
    CHECK(csv ==
          "Code,codings,Anteil der Dokumente,Notiz\r\n"
          "Transmitterrolle/Partner verbinden,12,0.3,ok\r\n"
          "\"Förderung; \"\"Land\"\"\",-3,0.3,\"zwei\nZeilen\"\r\n"
          "\"'=HYPERLINK(\"\"http://x\"\")\",,0.0,'@SUM(A1)\r\n");
}

TEST_CASE("csv: a row shorter than the header is padded with empty fields") {
    Table t;
    t.columns = {{"a", "", 2}, {"b", "", 2}, {"c", "", 2}};
    t.rows = {{Cell::of(1)}};
    CHECK(to_csv(t) == "a,b,c\r\n1,,\r\n");
}

TEST_CASE("csv: the German Excel variant has a BOM, semicolons and decimal commas") {
    const std::string csv = to_csv(sample(), CsvOptions{true});
    CHECK(csv.rfind("\xEF\xBB\xBF" "Code;codings;Anteil der Dokumente;Notiz\r\n", 0) == 0);
    CHECK(csv.find("Transmitterrolle/Partner verbinden;12;0,3;ok\r\n") != std::string::npos);
    CHECK(csv.find("\"Förderung; \"\"Land\"\"\";-3;0,3;") != std::string::npos);
}

TEST_CASE("csv: the header can carry the machine names instead of the labels") {
    CsvOptions o;
    o.machine_names = true;
    CHECK(to_csv(sample(), o).rfind("code,codings,share,note\r\n", 0) == 0);
}

TEST_CASE("csv: numbers do not depend on the C locale") {
    const char* previous = std::setlocale(LC_NUMERIC, nullptr);
    const std::string saved = previous ? previous : "C";
    // Any locale with a decimal comma will do; where none is installed this checks the current locale only.
    if (!std::setlocale(LC_NUMERIC, "de_DE.UTF-8")) std::setlocale(LC_NUMERIC, "de_DE.utf8");
    Table t;
    t.columns = {{"x", "", 3}};
    t.rows = {{Cell::of(1234.5678)}, {Cell::of(std::numeric_limits<double>::quiet_NaN())}, {Cell::of(-1e-9)}};
    CHECK(to_csv(t) == "x\r\n1234.568\r\n\r\n0.000\r\n");
    std::setlocale(LC_NUMERIC, saved.c_str());
}

TEST_CASE("csv: decimals round half away from zero, from the shortest form of the number") {
    Table t;
    t.columns = {{"a", "", 2}, {"b", "", 0}, {"c", "", 1}};
    t.rows = {{Cell::of(1.005), Cell::of(2.5), Cell::of(9.96)},
              {Cell::of(0.125), Cell::of(-2.5), Cell::of(-9.96)},
              {Cell::of(1e20), Cell::of(0.49), Cell::of(std::numeric_limits<double>::infinity())}};
    CHECK(to_csv(t) == "a,b,c\r\n1.01,3,10.0\r\n0.13,-3,-10.0\r\n100000000000000000000.00,0,\r\n");
}

TEST_CASE("csv: a written file reads back through the variable table reader") {
    test::TempDir dir;
    for (bool german : {false, true}) {
        const std::string path = dir.file(german ? "de.csv" : "en.csv");
        write_csv(sample(), path, CsvOptions{german});
        const VariableTable back = read_variable_table(path);
        CHECK(back.delimiter == (german ? ';' : ','));
        REQUIRE(back.header.size() == 4);
        CHECK(back.header[2] == "Anteil der Dokumente");
        REQUIRE(back.rows.size() == 3);
        CHECK(back.rows[1][0] == "Förderung; \"Land\"");
        CHECK(back.rows[1][3] == "zwei\nZeilen");
        CHECK(back.rows[2][0] == "'=HYPERLINK(\"http://x\")");
        CHECK(back.rows[0][2] == (german ? "0,3" : "0.3"));
    }
    // No temporary file is left beside the result.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 2);
}

TEST_CASE("csv: writing into a missing folder fails with an IoError naming the path") {
    test::TempDir dir;
    const std::string path = dir.file("fehlt/out.csv");
    try {
        write_csv(sample(), path);
        FAIL("no error");
    } catch (const IoError& e) {
        CHECK(e.path() == path);
    }
}

TEST_CASE("csv: write_text_file replaces an existing file completely") {
    test::TempDir dir;
    const std::string path = dir.file("a.txt");
    write_text_file(path, "a much longer first version");
    write_text_file(path, "short");
    CHECK(test::read_all(path) == "short");
}
