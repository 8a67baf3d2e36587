// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/text/unicode.h"

using namespace kodex;

namespace {

const std::string kFixtures = std::string(KODEX_FIXTURES) + "/import/";

void check_turn(const Turn& t, const std::string& speaker, std::int64_t start, std::int64_t body_start,
                std::int64_t end, std::int64_t timestamp_ms) {
    CHECK(t.speaker == speaker);
    CHECK(t.start == start);
    CHECK(t.body_start == body_start);
    CHECK(t.end == end);
    CHECK(t.timestamp_ms == timestamp_ms);
}

std::string parse_error(const std::string& bytes, const std::string& file_name) {
    try {
        import_transcript_bytes(bytes, file_name);
    } catch (const ParseError& e) {
        CHECK(e.file() == file_name);
        CHECK(e.offset() == -1);
        return e.what();
    }
    FAIL("no ParseError");
    return {};
}

}  // namespace

TEST_CASE("vtt: voices and name prefixes give speakers, markup is stripped, one speaker's cues merge") {
    const ImportedText t = import_transcript(kFixtures + "interview.vtt");
    CHECK(t.text ==
          "Petra Lindner: Guten Tag & willkommen. Wie geht es Ihnen?\n\n"
          "Jörg: Gut, danke!\n\n"
          "I: Und <sonst>? Alles\u00A0klar. Zweite Zeile hier.\n\n"
          "Ohne Sprecher.");
    CHECK(t.format == "vtt");
    CHECK(t.encoding == "UTF-8");
    CHECK(t.notes.empty());
    REQUIRE(t.turns.size() == 4);
    check_turn(t.turns[0], "Petra Lindner", 0, 15, 57, 1000);
    check_turn(t.turns[1], "Jörg", 59, 65, 76, 7250);
    check_turn(t.turns[2], "I", 78, 81, 124, 70000);
    check_turn(t.turns[3], "", 126, 126, 140, 80000);
    CHECK(substring_cp(t.text, t.turns[1].body_start, t.turns[1].end) == "Gut, danke!");
    CHECK(substring_cp(t.text, t.turns[3].start, t.turns[3].end) == "Ohne Sprecher.");
}

TEST_CASE("vtt: cues without a speaker stay separate paragraphs") {
    const ImportedText t = import_transcript_bytes(
        "\xEF\xBB\xBFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nErster.\r\n\r\n00:02.000 --> 00:03.000\r\nZweiter.\r\n",
        "a.vtt");
    CHECK(t.text == "Erster.\n\nZweiter.");
    REQUIRE(t.turns.size() == 2);
    check_turn(t.turns[0], "", 0, 0, 7, 1000);
    check_turn(t.turns[1], "", 9, 9, 17, 2000);
}

TEST_CASE("vtt: decomposed text is composed and turn positions refer to the stored text") {
    const ImportedText t = import_transcript_bytes(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Jo\u0308rg>U\u0308ber 😅</v>\n", "a.vtt");
    CHECK(t.text == "Jörg: Über 😅");
    REQUIRE(t.turns.size() == 1);
    check_turn(t.turns[0], "Jörg", 0, 6, 12, 1000);
}

TEST_CASE("vtt: a file that does not start with WEBVTT is refused at line 1") {
    CHECK(parse_error("1\n00:00:01.000 --> 00:00:02.000\nHallo\n", "a.vtt") ==
          "a.vtt: line 1: not a WebVTT file: it must start with \"WEBVTT\"");
    CHECK(parse_error("WEBVTTX\n", "a.vtt").find("line 1:") != std::string::npos);
    CHECK(parse_error("", "a.vtt").find("line 1:") != std::string::npos);
}

TEST_CASE("vtt: a malformed cue timing is refused with its line number") {
    CHECK(parse_error("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGut.\n\n00:00:03 --> 00:00:04.000\nx\n", "a.vtt") ==
          "a.vtt: line 6: malformed cue timing \"00:00:03 --> 00:00:04.000\"");
    CHECK(parse_error("WEBVTT\n\n00:00:01.000 --> 00:61:02.000\nx\n", "a.vtt").find("line 3: malformed") !=
          std::string::npos);
    CHECK(parse_error("WEBVTT\n\nidentifier\njust text\n", "a.vtt").find("line 4: expected a cue timing line") !=
          std::string::npos);
}

TEST_CASE("srt: numbered cues with name prefixes become turns, tags and override codes are stripped") {
    const ImportedText t = import_transcript(kFixtures + "interview.srt");
    CHECK(t.text ==
          "Interviewer: Erzählen Sie mal.\n\n"
          "Befragte/r: Also, das war so. Und dann ging es weiter.\n\n"
          "Ende der Aufnahme.");
    CHECK(t.format == "srt");
    CHECK(t.notes.empty());
    REQUIRE(t.turns.size() == 3);
    check_turn(t.turns[0], "Interviewer", 0, 13, 30, 1000);
    check_turn(t.turns[1], "Befragte/r", 32, 44, 86, 4000);
    check_turn(t.turns[2], "", 88, 88, 106, 9000);
}

TEST_CASE("srt: a windows-1252 subtitle file is decoded and the assumption is noted") {
    const ImportedText t =
        import_transcript_bytes("1\r\n00:00:01,000 --> 00:00:02,000\r\nB: \x84Sch\xF6n\x93\r\n", "a.srt");
    CHECK(t.text == "B: „Schön“");
    CHECK(t.encoding == "windows-1252");
    CHECK(t.notes == std::vector<std::string>{"encoding assumed: windows-1252"});
}

TEST_CASE("srt: a malformed timing is refused with its line number") {
    CHECK(parse_error("1\n00:00:01,000 --> 00:00:02,000\nGut.\n\n2\n00:00:03,000 -> 00:00:04,000\nx\n", "a.srt") ==
          "a.srt: line 6: expected a subtitle timing line like \"00:00:01,000 --> 00:00:04,000\"");
    CHECK(parse_error("1\n00:00:01,000 --> 00:00:0x,000\nx\n", "a.srt") ==
          "a.srt: line 2: malformed cue timing \"00:00:01,000 --> 00:00:0x,000\"");
}
