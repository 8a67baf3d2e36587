// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/transcript_parse.h"

#include <doctest/doctest.h>

#include "core/text/unicode.h"

using namespace kodex;

namespace {

void check_turn(const Turn& t, const std::string& speaker, std::int64_t start, std::int64_t body_start,
                std::int64_t end, std::optional<std::int64_t> timestamp_ms = std::nullopt) {
    CHECK(t.speaker == speaker);
    CHECK(t.start == start);
    CHECK(t.body_start == body_start);
    CHECK(t.end == end);
    CHECK(t.timestamp_ms == timestamp_ms);
}

}  // namespace

TEST_CASE("transcript: every speaker label convention is recognised with its body position") {
    const struct {
        const char* line;
        const char* speaker;
        std::size_t body_start;
    } cases[] = {
        {"I: Wie geht's?", "I", 3},
        {"B: Gut.", "B", 3},
        {"B1: Ja.", "B1", 4},
        {"IP 3: Ja.", "IP 3", 6},
        {"IP3: Ja.", "IP3", 5},
        {"T2: Ja.", "T2", 4},
        {"I:\tmit Tab", "I", 3},
        {"Interviewer: Hallo", "Interviewer", 13},
        {"Interviewerin: Hallo", "Interviewerin", 15},
        {"Befragte/r: Hallo", "Befragte/r", 12},
        {"Befragter: Hallo", "Befragter", 11},
        {"Interviewer/in: Hallo", "Interviewer/in", 16},
        {"Frau Dr. Weber: Hallo", "Frau Dr. Weber", 16},
        {"Petra Lindner: Hallo", "Petra Lindner", 15},
        {"Dr. med. Jörg Müller: Hallo", "Dr. med. Jörg Müller", 24},
        {"Anna von Berg: Hallo", "Anna von Berg", 15},
        {"Hans-Peter O'Brien: Hallo", "Hans-Peter O'Brien", 20},
        {"Özlem Çelik: Merhaba", "Özlem Çelik", 15},
        {"Person 2: Ja", "Person 2", 10},
        {"Petra Lindner:", "Petra Lindner", 14},
        {"B:   viel Platz", "B", 5},
    };
    for (const auto& c : cases) {
        CAPTURE(c.line);
        const auto m = match_speaker_label(c.line);
        REQUIRE(m.has_value());
        CHECK(m->speaker == c.speaker);
        CHECK(m->body_start == c.body_start);
    }
}

TEST_CASE("transcript: sentences with a colon are not taken for speaker labels") {
    const char* lines[] = {
        "Das Problem war: wir hatten kein Geld.",
        "Um 14:30 Uhr kam er.",
        "Siehe https://example.org",
        "Hinweis:ohne Leerzeichen",
        ": leer",
        "i: klein",
        "Nein, danke: gar nicht.",
        "Was nun?: nichts",
        "Eins Zwei Drei Vier Fünf: zu viele Wörter",
        "Donaudampfschifffahrtsgesellschaftskapitän: zu lang",  // 42 code points
        "IP 3 4: zwei Nummern",
        "Anna von: Partikel am Ende",
        "(Lachen): Geräusch",
        "",
    };
    for (const char* line : lines) {
        CAPTURE(line);
        CHECK_FALSE(match_speaker_label(line).has_value());
    }
}

TEST_CASE("transcript: every timestamp convention is found with its milliseconds") {
    const struct {
        const char* text;
        std::size_t start, end;
        std::int64_t ms;
    } cases[] = {
        {"#00:01:23-4#", 0, 12, 83400},
        {"#00:01:23#", 0, 10, 83000},
        {"[00:01:23]", 0, 10, 83000},
        {"[00:01:23.4]", 0, 12, 83400},
        {"[01:02:03.456]", 0, 14, 3723456},
        {"[00:01:23,5]", 0, 12, 83500},
        {"(00:01:23)", 0, 10, 83000},
        {"00:01:23", 0, 8, 83000},
        {"Ende 1:02:03.", 5, 12, 3723000},
        {"B: ja #00:00:09-7#", 6, 18, 9700},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto m = find_timestamp(c.text);
        REQUIRE(m.has_value());
        CHECK(m->byte_start == c.start);
        CHECK(m->byte_end == c.end);
        CHECK(m->ms == c.ms);
    }
    for (const char* text : {"100:01:23", "00:61:00", "00:01:60", "um 12:30 Uhr", "00:01:23:45", "#01:23-4#", ""}) {
        CAPTURE(text);
        CHECK_FALSE(find_timestamp(text).has_value());
    }
}

TEST_CASE("transcript: timestamps are formatted with tenths of a second") {
    CHECK(format_timestamp(83400) == "00:01:23.4");
    CHECK(format_timestamp(3723456) == "01:02:03.4");
    CHECK(format_timestamp(0) == "00:00:00.0");
    CHECK(format_timestamp(-5) == "00:00:00.0");
    CHECK(format_timestamp(360000000) == "100:00:00.0");
}

TEST_CASE("transcript: a header paragraph comes before the speaker turns, which run to the next label") {
    const std::string text =
        "Interview mit B1 am 12.05.2023\nDauer 45 Minuten\n\n"
        "I: Wie geht's?\nB1: Gut.\nIch meine: wirklich gut.\n\nI: Schön 😅\n\n";
    const auto turns = parse_turns(text);
    REQUIRE(turns.size() == 4);
    check_turn(turns[0], "", 0, 0, 47);
    check_turn(turns[1], "I", 49, 52, 63);
    check_turn(turns[2], "B1", 64, 68, 97);
    check_turn(turns[3], "I", 99, 102, 109);
    CHECK(substring_cp(text, turns[2].body_start, turns[2].end) == "Gut.\nIch meine: wirklich gut.");
    CHECK(substring_cp(text, turns[3].body_start, turns[3].end) == "Schön 😅");
}

TEST_CASE("transcript: a timestamp before the label opens the turn and gives its time") {
    const std::string text =
        "[00:01:23] I: Hallo\n"
        "(00:01:25) B: Ja\n"
        "#00:01:27-5# I: Gut\n"
        "00:01:30 B: Na\n"
        "[00:01:31.4] I: x\n"
        "B: Ende #00:01:40-2#\n"
        "I: #00:01:45-0# Anfang\n"
        "B: mitten 12:00:00 drin\n";
    const auto turns = parse_turns(text);
    REQUIRE(turns.size() == 8);
    check_turn(turns[0], "I", 0, 14, 19, 83000);
    check_turn(turns[1], "B", 20, 34, 36, 85000);
    check_turn(turns[2], "I", 37, 53, 56, 87500);
    check_turn(turns[3], "B", 57, 69, 71, 90000);
    check_turn(turns[4], "I", 72, 88, 89, 91400);
    check_turn(turns[5], "B", 90, 93, 110, 100200);
    check_turn(turns[6], "I", 111, 114, 133, 105000);
    check_turn(turns[7], "B", 134, 137, 157);
}

TEST_CASE("transcript: f4 timestamps at the end of a paragraph become the turn's time") {
    const std::string text =
        "I: Wie war das? #00:00:05-2#\n\n"
        "B: Erste Zeile\nzweite Zeile #00:00:12-0#\n\n"
        "I: Danke.\n";
    const auto turns = parse_turns(text);
    REQUIRE(turns.size() == 3);
    check_turn(turns[0], "I", 0, 3, 28, 5200);
    check_turn(turns[1], "B", 30, 33, 70, 12000);
    check_turn(turns[2], "I", 72, 75, 81);
}

TEST_CASE("transcript: a text without labels is split into paragraphs at blank lines") {
    const std::string text = "Erster Absatz\nmit zwei Zeilen.\n\n\n  Zweiter Absatz.\n \n[00:00:03] Dritter.";
    const auto turns = parse_turns(text);
    REQUIRE(turns.size() == 3);
    check_turn(turns[0], "", 0, 0, 30);
    check_turn(turns[1], "", 35, 35, 50);
    check_turn(turns[2], "", 53, 53, 72, 3000);
    CHECK(substring_cp(text, turns[1].start, turns[1].end) == "Zweiter Absatz.");
}

TEST_CASE("transcript: a label alone on its line opens a turn whose body follows") {
    const std::string text = "Petra Lindner:\nIch erzähle jetzt.\nB: Aha\nPetra Lindner: Ja.";
    const auto turns = parse_turns(text);
    REQUIRE(turns.size() == 3);
    check_turn(turns[0], "Petra Lindner", 0, 14, 33);
    check_turn(turns[1], "B", 34, 37, 40);
    check_turn(turns[2], "Petra Lindner", 41, 56, 59);
}

TEST_CASE("transcript: empty and blank texts have no turns") {
    CHECK(parse_turns("").empty());
    CHECK(parse_turns("\n\n  \n").empty());
}

TEST_CASE("transcript: header lines shaped like a name label stay one paragraph") {
    // "Datum:" and "Ort:" open one line each; speakers open several. Regression: header lines became turns.
    const std::string text =
        "Interview C03\nDatum: 14.07.2021\nOrt: Köln\n\n"
        "Petra Lindner: Guten Tag.\n\nInterviewerin: Hallo.\n\nPetra Lindner: Los geht's.\n\nInterviewerin: Gut.\n";
    const auto turns = parse_turns(text);
    REQUIRE(turns.size() == 5);
    CHECK(turns[0].speaker.empty());
    CHECK(turns[0].start == 0);
    CHECK(turns[0].end == 41);
    CHECK(turns[1].speaker == "Petra Lindner");
    CHECK(turns[2].speaker == "Interviewerin");
    // A short code label counts even when it appears once.
    const auto one = parse_turns("Kopf\n\nB: Einmal gesagt.\n");
    REQUIRE(one.size() == 2);
    CHECK(one[1].speaker == "B");
}
