// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/refi/qdc.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/errors.h"
#include "core/refi/guid.h"
#include "tests/support/refi_schema.h"

using namespace kodex;

namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot open " << p);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string fixture(const std::string& name) { return read_file(std::string(KODEX_FIXTURES "/qdc/") + name); }

Codebook read_fixture(const std::string& name) { return read_qdc(fixture(name), name); }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

// A codebook document around the given <Code> elements.
std::string qdc_with(const std::string& codes, const std::string& rest = "",
                     const std::string& ns = "urn:QDA-XML:codebook:1.0") {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"" + ns + "\"><Codes>" + codes + "</Codes>" +
           rest + "</CodeBook>";
}

std::string nested_codes(int levels) {
    std::string xml;
    xml.reserve(static_cast<std::size_t>(levels) * 100);
    for (int i = 0; i < levels; ++i) xml += "<Code guid=\"" + new_guid() + "\" name=\"l" + std::to_string(i) + "\" isCodable=\"true\">";
    for (int i = 0; i < levels; ++i) xml += "</Code>";
    return qdc_with(xml);
}

void check_valid(const std::string& xml, const std::string& what) {
    const test::Validation v = test::validate_against("Codebook.xsd", xml);
    if (v.ran) CHECK_MESSAGE(v.valid, what << " fails Codebook.xsd:\n" << v.output);
}

CodebookEntry entry(std::string guid, std::string name) {
    CodebookEntry e;
    e.guid = std::move(guid);
    e.name = std::move(name);
    return e;
}

// Three levels with names that need escaping or are outside ASCII.
Codebook sample_book() {
    Codebook b;
    b.origin = "Kodex 0.1 \"test\" <&>";
    CodebookEntry top = entry("0f8fad5b-d9cb-469f-a165-70867728950e", "Grüße & Abschiede <\"Tschüß\">");
    top.color = "#A1B2C3";
    top.codable = false;
    top.description = {"Äußerungen über Begrüßungen.\nZweite Zeile.", "„Grüß Gott!“ 👋", "Nur wörtliche Grüße."};
    CodebookEntry mid = entry("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Emoji 😀 & 🇩🇪");
    mid.description.definition = "Only a definition, with <markup> & \"quotes\".";
    CodebookEntry leaf = entry("{C56A4180-65AA-42EC-A945-5FD21DEC0538}", "Blatt: 'ä' > \"ö\" < ü & ß");
    leaf.color = "#00FF00";
    mid.children.push_back(leaf);
    top.children.push_back(mid);
    top.children.push_back(entry("16fd2706-8baf-433b-82eb-8c7fada847da", "Zweites Kind"));
    b.codes.push_back(top);
    b.codes.push_back(entry("886313e1-3b8a-4372-9b90-0c9aee199e5d", "Top two"));

    CodebookSet s;
    s.guid = "a8098c1a-f86e-41ae-b1c6-5a2b5b7ce9d0";
    s.name = "Set <1> & \"Menge\"";
    s.description = "Codes für die Auswertung";
    s.member_guids = {"7c9e6679-7425-40de-944b-e07fc1f90ae7", "{C56A4180-65AA-42EC-A945-5FD21DEC0538}"};
    b.sets.push_back(s);
    return b;
}

void check_same_codes(const std::vector<CodebookEntry>& a, const std::vector<CodebookEntry>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].guid == b[i].guid);
        CHECK(a[i].name == b[i].name);
        CHECK(a[i].color == b[i].color);
        CHECK(a[i].codable == b[i].codable);
        CHECK(a[i].description == b[i].description);
        check_same_codes(a[i].children, b[i].children);
    }
}

bool has_warning_containing(const Codebook& b, const std::string& needle) {
    for (const auto& w : b.warnings)
        if (w.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace

// ------------------------------------------------------------------------------------ vendor files

TEST_CASE("qdc: a MAXQDA codebook with the 0:4 namespace is read") {
    const Codebook b = read_fixture("maxqda_0_4.qdc");
    CHECK(b.warnings.empty());
    CHECK(b.origin == "MAXQDA 24 (Release 24.7.0, Build 241213)");
    REQUIRE(b.codes.size() == 2);
    const CodebookEntry& arbeit = b.codes[0];
    CHECK(arbeit.guid == "05CAE6C2-2FE0-4C63-87FA-ABA2E963709B");
    CHECK(arbeit.name == "Arbeit");
    CHECK(arbeit.color == "#EF8256");
    CHECK(arbeit.codable);
    CHECK(arbeit.description.definition == "Aussagen über Erwerbsarbeit.");
    CHECK(arbeit.description.anchor_example == "„Ich arbeite seit zwölf Jahren im Schichtdienst.“");
    CHECK(arbeit.description.coding_rule == "Nur eigene Erfahrungen, keine Meinungen über andere.");
    REQUIRE(arbeit.children.size() == 2);
    CHECK(arbeit.children[0].name == "Belastung");
    CHECK(arbeit.children[0].color == "#3D9BE9");
    CHECK(arbeit.children[1].description.definition == "Positive Bewertungen der eigenen Arbeit.");
    CHECK(b.codes[1].name == "Familie");

    REQUIRE(b.sets.size() == 1);
    CHECK(b.sets[0].name == "Belastungen");
    CHECK(b.sets[0].description == "Codes zu Belastungen");
    CHECK(b.sets[0].member_guids ==
          std::vector<std::string>{"66495ED2-D919-4B80-8446-A2C11F50BBA9", "93254BF9-E966-44D0-BC26-669E2811F376"});
}

TEST_CASE("qdc: an NVivo for Mac codebook with the 1:0 namespace is read") {
    const Codebook b = read_fixture("nvivo_mac_1_0.qdc");
    CHECK(b.warnings.empty());
    REQUIRE(b.codes.size() == 2);
    CHECK(b.codes[0].name == "Health");
    CHECK(b.codes[0].color.empty());
    CHECK(b.codes[0].description.definition == "Talk about physical and mental health");
    REQUIRE(b.codes[0].children.size() == 2);
    REQUIRE(b.codes[0].children[1].children.size() == 1);
    CHECK(b.codes[0].children[1].children[0].name == "Deadlines");
    CHECK(b.codes[0].children[1].children[0].guid == "a9ebb7a7-419b-4c26-90ca-a3e7b3213fb3");
    CHECK(b.sets.empty());
}

TEST_CASE("qdc: a QualCoder codebook with a UTF-8 byte order mark is read") {
    const std::string bytes = fixture("qualcoder_bom.qdc");
    REQUIRE(bytes.rfind("\xEF\xBB\xBF", 0) == 0);
    const Codebook b = read_qdc(bytes, "qualcoder_bom.qdc");
    CHECK(b.warnings.empty());
    CHECK(b.origin == "QualCoder 3.6");
    REQUIRE(b.codes.size() == 1);
    CHECK_FALSE(b.codes[0].codable);
    CHECK(b.codes[0].color == "#F781F3");
    REQUIRE(b.codes[0].children.size() == 2);
    CHECK(b.codes[0].children[0].description.definition == "Expressions of happiness 😀");
    CHECK(b.codes[0].children[1].description.empty());
}

TEST_CASE("qdc: a Taguette codebook with an empty <Sets/> is read without warnings") {
    const Codebook b = read_fixture("taguette_empty_sets.qdc");
    CHECK(b.warnings.empty());
    CHECK(b.sets.empty());
    REQUIRE(b.codes.size() == 2);
    CHECK(b.codes[0].description.definition == "Further review required");
    CHECK(b.codes[1].description.empty());
}

TEST_CASE("qdc: #RGB and lower-case colours are read as upper-case #RRGGBB") {
    const Codebook b = read_fixture("rgb_colours.qdc");
    CHECK(b.warnings.empty());
    REQUIRE(b.codes.size() == 3);
    CHECK(b.codes[0].color == "#FF00AA");
    CHECK(b.codes[1].color == "#00AAFF");
    CHECK(b.codes[2].color == "#AB12EF");
}

TEST_CASE("qdc: prefixed element names are matched by their local name") {
    const Codebook b = read_fixture("prefixed_namespace.qdc");
    CHECK(b.warnings.empty());
    REQUIRE(b.codes.size() == 1);
    CHECK(b.codes[0].guid == "{0E009E22-3EDE-484C-8C42-CD8383CD7C9F}");  // kept as read
    CHECK(b.codes[0].description.definition == "An outer code");
    REQUIRE(b.codes[0].children.size() == 1);
    CHECK(b.codes[0].children[0].color == "#123456");
    // A member in another case and without braces still names the outer code.
    REQUIRE(b.sets.size() == 1);
    CHECK(b.sets[0].member_guids.size() == 2);
}

TEST_CASE("qdc: isCodable 0 and false make folders, 1 makes a code") {
    const Codebook b = read_fixture("not_codable.qdc");
    CHECK(b.warnings.empty());
    REQUIRE(b.codes.size() == 2);
    CHECK_FALSE(b.codes[0].codable);
    REQUIRE(b.codes[0].children.size() == 1);
    CHECK(b.codes[0].children[0].codable);
    CHECK_FALSE(b.codes[1].codable);
}

// ------------------------------------------------------------------------------------- broken files

TEST_CASE("qdc: malformed XML throws a ParseError with the byte offset") {
    const std::string bytes = fixture("malformed.qdc");
    try {
        read_qdc(bytes, "malformed.qdc");
        FAIL("no ParseError");
    } catch (const ParseError& e) {
        CHECK(e.file() == "malformed.qdc");
        const auto end_tag = static_cast<std::int64_t>(bytes.find("</Codes>"));
        CHECK(e.offset() >= end_tag);
        CHECK(e.offset() <= end_tag + 8);
        CHECK(std::string(e.what()).find("malformed.qdc") != std::string::npos);
    }
}

TEST_CASE("qdc: empty input throws a ParseError") {
    CHECK_THROWS_AS(read_qdc("", "empty.qdc"), ParseError);
}

TEST_CASE("qdc: a root that is not CodeBook is refused") {
    try {
        read_fixture("wrong_root.qdc");
        FAIL("no ParseError");
    } catch (const ParseError& e) {
        CHECK(std::string(e.what()).find("not a REFI-QDA codebook: root element is Project") != std::string::npos);
        CHECK(e.offset() > 0);
    }
}

TEST_CASE("qdc: entities declared in a DOCTYPE are never expanded (billion laughs, external entity)") {
    // pugixml leaves unknown entity references as text; a ParseError would be acceptable too.
    try {
        const Codebook b = read_fixture("billion_laughs.qdc");
        REQUIRE(b.codes.size() == 1);
        CHECK(b.codes[0].name == "&lol9;");
        CHECK(b.codes[0].description.definition == "&lol9;&xxe;");
    } catch (const ParseError&) {
    }
}

TEST_CASE("qdc: a code without a name is skipped with a warning, its siblings are read") {
    const Codebook b = read_fixture("code_without_name.qdc");
    REQUIRE(b.codes.size() == 2);
    CHECK(b.codes[0].name == "Before");
    CHECK(b.codes[1].name == "After");
    REQUIRE(b.warnings.size() == 1);
    CHECK(b.warnings[0].find("without a name") != std::string::npos);
}

TEST_CASE("qdc: codes nested 100 levels deep are read") {
    const Codebook b = read_qdc(nested_codes(100), "deep.qdc");
    const CodebookEntry* e = &b.codes.at(0);
    int depth = 1;
    while (!e->children.empty()) {
        e = &e->children[0];
        ++depth;
    }
    CHECK(depth == 100);
}

TEST_CASE("qdc: codes nested deeper than 100 levels are refused with a ParseError") {
    CHECK_THROWS_AS(read_fixture("nested_101_levels.qdc"), ParseError);
    // Ten thousand levels must neither crash nor recurse that deep.
    const std::string deep = nested_codes(10000);
    try {
        read_qdc(deep, "deep.qdc");
        FAIL("no ParseError");
    } catch (const ParseError& e) {
        CHECK(std::string(e.what()).find("deeper than 100") != std::string::npos);
        CHECK(e.offset() > 0);
    }
}

// ---------------------------------------------------------------------------------- tolerated oddities

TEST_CASE("qdc: a foreign or missing namespace is read with a warning") {
    const std::string code = "<Code guid=\"" + new_guid() + "\" name=\"A\" isCodable=\"true\"/>";
    Codebook b = read_qdc(qdc_with(code, "", "http://example.org/codebook"), "x.qdc");
    CHECK(b.codes.size() == 1);
    CHECK(has_warning_containing(b, "unexpected namespace \"http://example.org/codebook\""));

    b = read_qdc("<CodeBook><Codes>" + code + "</Codes></CodeBook>", "x.qdc");
    CHECK(b.codes.size() == 1);
    CHECK(has_warning_containing(b, "no REFI-QDA namespace"));
}

TEST_CASE("qdc: an invalid colour is dropped with a warning") {
    const Codebook b = read_qdc(qdc_with("<Code guid=\"" + new_guid() + "\" name=\"A\" isCodable=\"true\" color=\"red\"/>"), "x");
    REQUIRE(b.codes.size() == 1);
    CHECK(b.codes[0].color.empty());
    CHECK(has_warning_containing(b, "\"red\""));
}

TEST_CASE("qdc: a missing isCodable means codable, without a warning") {
    const Codebook b = read_qdc(qdc_with("<Code guid=\"" + new_guid() + "\" name=\"A\"/>"), "x");
    REQUIRE(b.codes.size() == 1);
    CHECK(b.codes[0].codable);
    CHECK(b.warnings.empty());
}

TEST_CASE("qdc: an unreadable isCodable means codable, with a warning") {
    const Codebook b = read_qdc(qdc_with("<Code guid=\"" + new_guid() + "\" name=\"A\" isCodable=\"maybe\"/>"), "x");
    REQUIRE(b.codes.size() == 1);
    CHECK(b.codes[0].codable);
    CHECK(has_warning_containing(b, "maybe"));
}

TEST_CASE("qdc: set members given as targetGUID are accepted") {
    const std::string g = new_guid();
    const Codebook b = read_qdc(qdc_with("<Code guid=\"" + g + "\" name=\"A\" isCodable=\"true\"/>",
                                         "<Sets><Set guid=\"" + new_guid() + "\" name=\"S\"><MemberCode targetGUID=\"" + g +
                                             "\"/></Set></Sets>"),
                                "x");
    CHECK(b.warnings.empty());
    REQUIRE(b.sets.size() == 1);
    CHECK(b.sets[0].member_guids == std::vector<std::string>{g});
}

TEST_CASE("qdc: a code with an invalid or missing guid gets a new one, and set members follow it") {
    const Codebook b = read_qdc(qdc_with("<Code guid=\"C1\" name=\"A\" isCodable=\"true\"/><Code name=\"B\"/>",
                                         "<Sets><Set guid=\"S1\" name=\"S\"><MemberCode guid=\"C1\"/></Set></Sets>"),
                                "x");
    REQUIRE(b.codes.size() == 2);
    CHECK(is_guid(b.codes[0].guid));
    CHECK(is_guid(b.codes[1].guid));
    REQUIRE(b.sets.size() == 1);
    CHECK(is_guid(b.sets[0].guid));
    CHECK(b.sets[0].member_guids == std::vector<std::string>{b.codes[0].guid});
    CHECK(b.warnings.size() == 3);
}

TEST_CASE("qdc: set members that name no code are dropped with a warning") {
    const Codebook b = read_qdc(qdc_with("<Code guid=\"" + new_guid() + "\" name=\"A\" isCodable=\"true\"/>",
                                         "<Sets><Set guid=\"" + new_guid() + "\" name=\"S\"><MemberCode guid=\"" + new_guid() +
                                             "\"/><MemberCode/></Set></Sets>"),
                                "x");
    REQUIRE(b.sets.size() == 1);
    CHECK(b.sets[0].member_guids.empty());
    CHECK(b.warnings.size() == 2);
}

TEST_CASE("qdc: two codes with the same guid are both read, with a warning") {
    const std::string g = new_guid();
    const Codebook b = read_qdc(qdc_with("<Code guid=\"" + g + "\" name=\"A\"/><Code guid=\"" + g + "\" name=\"B\"/>"), "x");
    CHECK(b.codes.size() == 2);
    CHECK(has_warning_containing(b, "of another code"));
    // Regression: the second code kept the GUID, so importing the file renamed the first code into the second.
    CHECK(b.codes[0].guid == g);
    CHECK(b.codes[1].guid != g);
}

TEST_CASE("qdc: a name or description that is not valid UTF-8 is a ParseError naming the file and the place") {
    // Regression: the bytes went through to the store, which refused them without naming the file.
    CHECK_THROWS_WITH_AS(read_qdc(qdc_with("<Code guid=\"" + new_guid() + "\" name=\"Gr\xfcn\"/>"), "book.qdc"),
                         doctest::Contains("book.qdc"), ParseError);
    CHECK_THROWS_AS(read_qdc(qdc_with("<Code guid=\"" + new_guid() + "\" name=\"A\"><Description>\xff</Description></Code>"), "x"),
                    ParseError);
}

// ----------------------------------------------------------------------------------------- writing

TEST_CASE("qdc: write_qdc writes exactly the expected document") {
    Codebook b;
    b.origin = "Kodex";
    CodebookEntry parent = entry("0F8FAD5B-D9CB-469F-A165-70867728950E", "Eltern");
    parent.codable = false;
    parent.color = "#abc";
    parent.description.definition = "Nur eine Definition";
    parent.children.push_back(entry("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Kind"));
    b.codes.push_back(parent);
    b.sets.push_back({"a8098c1a-f86e-41ae-b1c6-5a2b5b7ce9d0", "Menge", "", {"7c9e6679-7425-40de-944b-e07fc1f90ae7"}});

    CHECK(write_qdc(b) ==
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
          "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Kodex\">\n"
          "  <Codes>\n"
          "    <Code guid=\"0F8FAD5B-D9CB-469F-A165-70867728950E\" name=\"Eltern\" isCodable=\"false\" color=\"#AABBCC\">\n"
          "      <Description>Nur eine Definition</Description>\n"
          "      <Code guid=\"7c9e6679-7425-40de-944b-e07fc1f90ae7\" name=\"Kind\" isCodable=\"true\" />\n"
          "    </Code>\n"
          "  </Codes>\n"
          "  <Sets>\n"
          "    <Set guid=\"a8098c1a-f86e-41ae-b1c6-5a2b5b7ce9d0\" name=\"Menge\">\n"
          "      <MemberCode guid=\"7c9e6679-7425-40de-944b-e07fc1f90ae7\" />\n"
          "    </Set>\n"
          "  </Sets>\n"
          "</CodeBook>\n");
}

TEST_CASE("qdc: write_qdc gives byte-identical output for the same codebook") {
    const Codebook b = sample_book();
    const std::string first = write_qdc(b);
    CHECK(write_qdc(b) == first);
    CHECK(first.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"", 0) == 0);
    CHECK(first.find('\r') == std::string::npos);
}

TEST_CASE("qdc: write then read keeps a three-level tree with umlauts, emoji and XML special characters in names") {
    const Codebook b = sample_book();
    const Codebook r = read_qdc(write_qdc(b), "roundtrip.qdc");
    CHECK(r.warnings.empty());
    CHECK(r.origin == b.origin);
    check_same_codes(r.codes, b.codes);
    REQUIRE(r.sets.size() == 1);
    CHECK(r.sets[0].guid == b.sets[0].guid);
    CHECK(r.sets[0].name == b.sets[0].name);
    CHECK(r.sets[0].description == b.sets[0].description);
    CHECK(r.sets[0].member_guids == b.sets[0].member_guids);
}

TEST_CASE("qdc: write_qdc fills in missing guids in its output without touching the input") {
    Codebook b;
    b.codes.push_back(entry("", "A"));
    b.codes[0].children.push_back(entry("", "B"));
    b.sets.push_back({"", "S", "", {}});
    const std::string xml = write_qdc(b);
    CHECK(b.codes[0].guid.empty());
    CHECK(b.codes[0].children[0].guid.empty());
    CHECK(b.sets[0].guid.empty());

    const Codebook r = read_qdc(xml, "x");
    CHECK(r.warnings.empty());
    CHECK(is_guid(r.codes.at(0).guid));
    CHECK(is_guid(r.codes.at(0).children.at(0).guid));
    CHECK(is_guid(r.sets.at(0).guid));
    CHECK(r.codes[0].guid != r.codes[0].children[0].guid);
    check_valid(xml, "a codebook with generated guids");
}

TEST_CASE("qdc: write_qdc writes no <Sets> when there are no sets") {
    Codebook b;
    b.codes.push_back(entry(new_guid(), "A"));
    const std::string xml = write_qdc(b);
    CHECK(xml.find("Sets") == std::string::npos);
    CHECK(xml.find("origin") == std::string::npos);
}

TEST_CASE("qdc: write_qdc refuses what cannot be a valid codebook") {
    CHECK_THROWS_AS(write_qdc(Codebook{}), InvalidArgument);

    Codebook bad_guid;
    bad_guid.codes.push_back(entry("not-a-guid", "A"));
    CHECK_THROWS_AS(write_qdc(bad_guid), InvalidArgument);

    Codebook bad_member;
    bad_member.codes.push_back(entry(new_guid(), "A"));
    bad_member.sets.push_back({new_guid(), "S", "", {"nope"}});
    CHECK_THROWS_AS(write_qdc(bad_member), InvalidArgument);

    Codebook too_deep;
    too_deep.codes.push_back(entry("", "0"));
    CodebookEntry* e = &too_deep.codes[0];
    for (int i = 1; i <= 100; ++i) {
        e->children.push_back(entry("", std::to_string(i)));
        e = &e->children[0];
    }
    CHECK_THROWS_AS(write_qdc(too_deep), InvalidArgument);
}

TEST_CASE("qdc: control characters are dropped on write while newlines in names survive") {
    Codebook b;
    b.codes.push_back(entry(new_guid(), std::string("bell\x07 and\nnewline")));
    b.codes[0].description.definition = std::string("line\r\nnext\x01");
    const std::string xml = write_qdc(b);
    CHECK(xml.find('\x07') == std::string::npos);
    CHECK(xml.find('\r') == std::string::npos);
    const Codebook r = read_qdc(xml, "x");
    CHECK(r.codes.at(0).name == "bell and\nnewline");
    CHECK(r.codes.at(0).description.definition == "line\nnext");
    check_valid(xml, "a codebook with control characters");
}

// ----------------------------------------------------------------------------------- schema validity

TEST_CASE("qdc: write_qdc output validates against Codebook.xsd") {
    check_valid(write_qdc(sample_book()), "write_qdc(sample_book())");
}

TEST_CASE("qdc: the vendor fixtures meant to be valid validate against Codebook.xsd") {
    for (const char* name : {"qualcoder_bom.qdc", "rgb_colours.qdc", "prefixed_namespace.qdc", "not_codable.qdc"}) {
        CAPTURE(name);
        check_valid(fixture(name), name);
    }
    // MAXQDA's and NVivo's files differ from the schema only in their namespace.
    check_valid(replace_all(fixture("maxqda_0_4.qdc"), "urn:QDA-XML:codebook:0:4", "urn:QDA-XML:codebook:1.0"), "MAXQDA");
    check_valid(replace_all(fixture("nvivo_mac_1_0.qdc"), "urn:QDA-XML:codebook:1:0", "urn:QDA-XML:codebook:1.0"), "NVivo");
    // Taguette's empty <Sets/> is schema-invalid, which is why the reader must tolerate it.
    const test::Validation v = test::validate_against("Codebook.xsd", fixture("taguette_empty_sets.qdc"));
    if (v.ran) CHECK_FALSE(v.valid);
}

TEST_CASE("qdc: every readable fixture is written back as a schema-valid codebook") {
    for (const char* name : {"maxqda_0_4.qdc", "nvivo_mac_1_0.qdc", "qualcoder_bom.qdc", "taguette_empty_sets.qdc",
                             "rgb_colours.qdc", "prefixed_namespace.qdc", "not_codable.qdc", "code_without_name.qdc",
                             "billion_laughs.qdc"}) {
        CAPTURE(name);
        const Codebook b = read_fixture(name);
        const std::string xml = write_qdc(b);
        check_same_codes(read_qdc(xml, name).codes, b.codes);
        check_valid(xml, std::string("write_qdc(") + name + ")");
    }
}

// ------------------------------------------------------------------------------------ descriptions

TEST_CASE("qdc: a description with only a definition is written without a label") {
    CHECK(join_description({"  Nur die Definition.  ", "", ""}) == "Nur die Definition.");
    CHECK(join_description({}) == "");
}

TEST_CASE("qdc: a structured description is written as labelled parts separated by a blank line") {
    CHECK(join_description({"D", "A", "R"}) == "Definition: D\n\nAnchor example: A\n\nCoding rule: R");
    CHECK(join_description({"", "A", ""}) == "Anchor example: A");
    CHECK(join_description({"D", "", "R"}) == "Definition: D\n\nCoding rule: R");
}

TEST_CASE("qdc: join then split gives back every combination of trimmed parts") {
    const CodeDescription full{"Äußerungen über Ärger,\nauch Übelkeit und Öde.\n\nZweiter Absatz mit ß.",
                               "„Ich war so wütend!“ 😠\nZeile zwei", "Nur explizite Gefühle; Grübeln zählt nicht."};
    for (int mask = 0; mask < 8; ++mask) {
        CAPTURE(mask);
        CodeDescription d;
        if (mask & 1) d.definition = full.definition;
        if (mask & 2) d.anchor_example = full.anchor_example;
        if (mask & 4) d.coding_rule = full.coding_rule;
        CHECK(split_description(join_description(d)) == d);
    }
}

TEST_CASE("qdc: split_description reads German and English labels in any case") {
    const CodeDescription d =
        split_description("DEFINITION: Def\nBEISPIEL: Bsp\nkodierregel: Regel\n\ncodierregel: mehr Regel");
    CHECK(d.definition == "Def");
    CHECK(d.anchor_example == "Bsp");
    CHECK(d.coding_rule == "Regel\n\nmehr Regel");

    const CodeDescription e = split_description("Ankerbeispiel: A\r\nRule: R\r\nExample: B");
    CHECK(e.definition.empty());
    CHECK(e.anchor_example == "A\nB");
    CHECK(e.coding_rule == "R");

    CHECK(split_description("Anchor example: x\nCoding rule: y") == CodeDescription{"", "x", "y"});
}

TEST_CASE("qdc: text before any label or without labels is the definition") {
    CHECK(split_description("  Einfach ein Text.\n") == CodeDescription{"Einfach ein Text.", "", ""});
    CHECK(split_description("Vorspann\nBeispiel: B") == CodeDescription{"Vorspann", "B", ""});
    CHECK(split_description("") == CodeDescription{});
}

TEST_CASE("qdc: labels count only at the start of a line") {
    const CodeDescription d = split_description("Siehe Beispiel: unten.\nNoch eine Definition: keine.");
    CHECK(d.definition == "Siehe Beispiel: unten.\nNoch eine Definition: keine.");
    CHECK(d.anchor_example.empty());
}

// ----------------------------------------------------------------------------------------- colours

TEST_CASE("qdc: canonical_color gives upper-case #RRGGBB or nothing") {
    CHECK(canonical_color("#abc") == "#AABBCC");
    CHECK(canonical_color("#a1b2c3") == "#A1B2C3");
    CHECK(canonical_color("#A1B2C3") == "#A1B2C3");
    CHECK(canonical_color("") == "");
    CHECK(canonical_color("abc") == "");
    CHECK(canonical_color("#abcd") == "");
    CHECK(canonical_color("#ggg") == "");
    CHECK(canonical_color("#a1b2c3 ") == "");
    CHECK(canonical_color("red") == "");
}
