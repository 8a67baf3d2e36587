// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "core/errors.h"
#include "core/import/variable_table.h"

using namespace kodex;

TEST_CASE("variables table: a German Excel CSV with semicolons, Windows-1252 and decimal commas is read") {
    const std::string bytes = "id;Bundesland;F\xf6rderquote;Gr\xfc" "ndung\r\nC01;\"Th\xfcringen\";0,75;01.03.2012\r\nC02;Bayern;1,5;\r\n";
    const auto t = read_csv_table(bytes, "umfrage.csv");
    CHECK(t.delimiter == ';');
    CHECK(t.encoding == "ISO-8859-1");  // no byte in 0x80-0x9F: Latin-1 and Windows-1252 read it alike
    REQUIRE(t.header.size() == 4);
    CHECK(t.header[2] == "Förderquote");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][1] == "Thüringen");
    CHECK(t.rows[1][3].empty());
    CHECK(infer_type({t.rows[0][2], t.rows[1][2]}) == VariableType::Decimal);
    CHECK(infer_type({t.rows[0][3], t.rows[1][3]}) == VariableType::Date);
}

TEST_CASE("variables table: quoted fields keep commas, quotes and line breaks") {
    const auto t = read_csv_table("id,sector,note\nC06,\"Energie, Wasserstoff\",\"sagt \"\"H2\"\"\nzweite Zeile\"\n", "v.csv");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][1] == "Energie, Wasserstoff");
    CHECK(t.rows[0][2] == "sagt \"H2\"\nzweite Zeile");
}

TEST_CASE("variables table: types are inferred from all values") {
    CHECK(infer_type({"120", "", "-3"}) == VariableType::Integer);
    CHECK(infer_type({"ja", "nein"}) == VariableType::Boolean);
    CHECK(infer_type({"2021-07-14", "14.07.2021"}) == VariableType::Date);
    CHECK(infer_type({"120", "viele"}) == VariableType::Text);
    CHECK(infer_type({"", ""}) == VariableType::Text);
}

TEST_CASE("variables table: broken tables are refused with the reason") {
    CHECK_THROWS_AS(read_csv_table("", "leer.csv"), ParseError);
    CHECK_THROWS_AS(read_csv_table("id,x\n\"C01,1\n", "offen.csv"), ParseError);
    CHECK_THROWS_AS(read_csv_table("id,x\nC01,1,2\n", "lang.csv"), ParseError);
    CHECK_THROWS_AS(read_csv_table("id,id\nC01,1\n", "doppelt.csv"), ParseError);
    CHECK_THROWS_AS(read_csv_table("id,\nC01,1\n", "namenlos.csv"), ParseError);
    try {
        read_csv_table("id,x\n\"C01,1\n", "offen.csv");
    } catch (const ParseError& e) {
        CHECK(e.offset() == 5);
        CHECK(std::string(e.what()).find("offen.csv") != std::string::npos);
    }
}

// Bug (found by fuzz_csv): a quote between a letter and a combining mark left the value out of NFC.
TEST_CASE("variables table: a value whose quote stood between a letter and a combining mark is stored in NFC") {
    const auto t = read_csv_table("id,name\nC05,\"Me\"\xCC\x81lanie\n", "v.csv");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][1] == "M\xC3\xA9lanie");
    // A header name split by a quote in the same way is normalised too.
    CHECK(read_csv_table("\"e\"\xCC\x81,id\nx,1\n", "h.csv").header[0] == "\xC3\xA9");
}
