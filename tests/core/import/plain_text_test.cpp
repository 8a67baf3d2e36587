// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/text/unicode.h"

using namespace kodex;

namespace {

const std::string kFixtures = std::string(KODEX_FIXTURES) + "/import/";

void check_turn(const Turn& t, const std::string& speaker, std::int64_t start, std::int64_t body_start,
                std::int64_t end) {
    CHECK(t.speaker == speaker);
    CHECK(t.start == start);
    CHECK(t.body_start == body_start);
    CHECK(t.end == end);
}

// A file in the temporary directory, removed at the end of the test.
struct TempPath {
    std::filesystem::path path;
    explicit TempPath(const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("kodex-import-test-" + name)) {}
    ~TempPath() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

}  // namespace

TEST_CASE("import: a UTF-8 text with BOM, CRLF and a decomposed umlaut is stored normalised") {
    const ImportedText t = import_transcript(kFixtures + "interview_utf8.txt");
    CHECK(t.text == "I: Wie war die Übergabe?\nB1: Gut 😅\n");
    CHECK(t.format == "txt");
    CHECK(t.encoding == "UTF-8");
    CHECK(t.notes.empty());
    REQUIRE(t.turns.size() == 2);
    check_turn(t.turns[0], "I", 0, 3, 24);
    check_turn(t.turns[1], "B1", 25, 29, 34);
}

TEST_CASE("import: a windows-1252 text is decoded and the assumption is noted") {
    const ImportedText t = import_transcript(kFixtures + "interview_cp1252.txt");
    CHECK(t.text == "Interview 7\n\nI: Was kostet das?\nB: Fünf €, „ungefähr“.\n");
    CHECK(t.encoding == "windows-1252");
    CHECK(t.notes == std::vector<std::string>{"encoding assumed: windows-1252"});
    REQUIRE(t.turns.size() == 3);
    check_turn(t.turns[0], "", 0, 0, 11);
    check_turn(t.turns[1], "I", 13, 16, 31);
    check_turn(t.turns[2], "B", 32, 35, 54);
    CHECK(substring_cp(t.text, t.turns[2].body_start, t.turns[2].end) == "Fünf €, „ungefähr“.");
}

TEST_CASE("import: a forced encoding is used as given, without a note") {
    ImportOptions options;
    options.forced_encoding = "ISO-8859-15";
    const ImportedText t = import_transcript_bytes("I: 5 \xA4\r\n", "a.txt", options);
    CHECK(t.text == "I: 5 €\n");
    CHECK(t.encoding == "ISO-8859-15");
    CHECK(t.notes.empty());
    options.forced_encoding = "no-such-encoding";
    CHECK_THROWS_AS(import_transcript_bytes("x", "a.txt", options), InvalidArgument);
}

TEST_CASE("import: UTF-16 with a byte order mark is declared, not assumed") {
    const ImportedText t = import_transcript_bytes(std::string("\xFF\xFEI\x00:\x00 \x00\xFC\x00", 10), "a.txt");
    CHECK(t.text == "I: ü");
    CHECK(t.encoding == "UTF-16LE");
    CHECK(t.notes.empty());
    REQUIRE(t.turns.size() == 1);
    check_turn(t.turns[0], "I", 0, 3, 4);
}

TEST_CASE("import: broken bytes in a text file name the file and the byte") {
    try {
        import_transcript_bytes("Grüße \xE4", "interview.txt");
        FAIL("no ParseError");
    } catch (const ParseError& e) {
        CHECK(e.file() == "interview.txt");
        CHECK(e.offset() == 8);
        CHECK(std::string(e.what()).find("interview.txt (byte 8): mixed or invalid UTF-8") == 0);
    }
}

TEST_CASE("import: the format follows the extension, whatever its case") {
    CHECK(import_transcript_bytes("B: ja", "A.TXT").format == "txt");
    CHECK(import_transcript_bytes("B: ja", "notes.text").format == "txt");
    CHECK_THROWS_AS(import_transcript_bytes("B: ja", "interview.rtf"), UnsupportedFormat);
    // A .pdf is read as a PDF, and text that is none is refused as such.
    CHECK_THROWS_AS(import_transcript_bytes("B: ja", "interview.PDF"), ParseError);
    CHECK_THROWS_AS(import_transcript_bytes("B: ja", "interview"), UnsupportedFormat);
    CHECK_THROWS_AS(import_transcript("/no/such/dir/interview.doc"), UnsupportedFormat);
}

TEST_CASE("import: unreadable files are I/O errors naming the path") {
    const std::string missing = "/no/such/dir/interview.txt";
    try {
        import_transcript(missing);
        FAIL("no IoError");
    } catch (const IoError& e) {
        CHECK(e.path() == missing);
        CHECK(std::string(e.what()) == missing + ": No such file or directory");
    }

    const TempPath dir("dir.txt");
    std::filesystem::create_directory(dir.path);
    CHECK_THROWS_AS(import_transcript(dir.path.string()), IoError);
}

TEST_CASE("import: files over 256 MiB are refused without reading them") {
    const TempPath big("big.txt");
    std::ofstream(big.path).put('x');
    std::filesystem::resize_file(big.path, (std::uintmax_t{256} << 20) + 1);  // sparse: no disk space used
    try {
        import_transcript(big.path.string());
        FAIL("no IoError");
    } catch (const IoError& e) {
        CHECK(e.path() == big.path.string());
        CHECK(std::string(e.what()).find("larger than 256 MiB") != std::string::npos);
    }
}

// Bug (caught by fuzz_plain_text): a file starting with three UTF-8 byte order marks was stored with one of them.
TEST_CASE("import: a text with several byte order marks is stored without any") {
    const ImportedText t = import_plain_text("\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBFI: Hallo\n", "bom.txt", {});
    CHECK(t.text == "I: Hallo\n");
    CHECK(normalize_text(t.text) == t.text);
    REQUIRE(t.turns.size() == 1);
    check_turn(t.turns[0], "I", 0, 3, 8);
}
