// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/refi/positions.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/unicode.h"

using namespace kodex;

namespace {

const CountingModel kCodePoints{false, false};
const CountingModel kCodePointsCrlfOne{false, true};
const CountingModel kUtf16{true, false};
const CountingModel kUtf16CrlfOne{true, true};

// The code point range of `needle` in `text`, and the text a counter maps a unit range back to.
std::string cut(const std::string& text, const PositionCounter& c, std::int64_t start, std::int64_t end) {
    const auto a = c.to_code_point(start), b = c.to_code_point(end);
    REQUIRE(a);
    REQUIRE(b);
    return substring_cp(text, *a, *b);
}

}  // namespace

TEST_CASE("positions: code points count umlauts, ß and combining marks as one each") {
    const std::string text = "Größe: Maße e\xCC\x81 über";  // "e" + U+0301 is two code points
    const PositionCounter c(text, kCodePoints);
    CHECK(c.length() == count_code_points(text));
    CHECK(cut(text, c, 0, 5) == "Größe");
    CHECK(cut(text, c, 7, 11) == "Maße");
    CHECK(cut(text, c, 12, 14) == "e\xCC\x81");
    CHECK(cut(text, c, 15, 19) == "über");
    for (std::int64_t i = 0; i <= c.length(); ++i) CHECK(c.to_units(i) == i);
    CHECK_FALSE(counting_matters(text));
}

TEST_CASE("positions: UTF-16 counts an emoji as two units and never lands between its surrogates") {
    const std::string text = "a\xF0\x9F\x98\xB7" "b\xC3\x9F";  // a 😷 b ß
    const PositionCounter c(text, kUtf16);
    CHECK(c.length() == 5);
    CHECK(c.to_code_point(0) == 0);
    CHECK(c.to_code_point(1) == 1);
    CHECK_FALSE(c.to_code_point(2));  // inside the surrogate pair
    CHECK(c.to_code_point(3) == 2);
    CHECK(c.to_code_point(4) == 3);
    CHECK(c.to_code_point(5) == 4);
    CHECK_FALSE(c.to_code_point(6));
    CHECK_FALSE(c.to_code_point(-1));
    CHECK(c.to_units(2) == 3);
    CHECK(c.to_units(4) == 5);
    CHECK(cut(text, c, 3, 5) == "b\xC3\x9F");
    CHECK(counting_matters(text));
}

TEST_CASE("positions: a CR LF counted as one unit maps over both code points") {
    const std::string text = "ab\r\ncd\r\n\r\nef";
    const PositionCounter one(text, kCodePointsCrlfOne);
    CHECK(one.length() == 9);
    CHECK(cut(text, one, 0, 2) == "ab");
    CHECK(cut(text, one, 3, 5) == "cd");
    CHECK(cut(text, one, 7, 9) == "ef");
    CHECK(one.to_code_point(2) == 2);  // before the CR
    CHECK(one.to_code_point(3) == 4);  // after the LF
    CHECK(one.to_units(3) == 3);       // between CR and LF: after the pair
    const PositionCounter two(text, kCodePoints);
    CHECK(cut(text, two, 10, 12) == "ef");
    CHECK(counting_matters(text));
    CHECK_FALSE(counting_matters("a\rb\nc"));  // lone CR and LF count one everywhere
}

TEST_CASE("positions: UTF-16 and CR LF together, as NVivo for Windows and ATLAS.ti count") {
    const std::string text = "\xF0\x9F\x91\xA5 Mitglieder\r\nStra\xC3\x9F" "e \xF0\x9F\x92\xB8!";  // 👥 Mitglieder⏎Straße 💸!
    // "Straße" starts at code point 14; UTF-16 adds one for 👥.
    CHECK(cut(text, PositionCounter(text, kUtf16), 15, 21) == "Stra\xC3\x9F" "e");
    CHECK(cut(text, PositionCounter(text, kUtf16CrlfOne), 14, 20) == "Stra\xC3\x9F" "e");
    CHECK(cut(text, PositionCounter(text, kCodePointsCrlfOne), 13, 19) == "Stra\xC3\x9F" "e");
    const PositionCounter both(text, kUtf16CrlfOne);
    CHECK(both.length() == 24);
    CHECK(cut(text, both, 21, 24) == "\xF0\x9F\x92\xB8!");
}

TEST_CASE("positions: a byte order mark is removed before counting, so position 0 is the first character") {
    const DecodedText d = decode_bytes("\xEF\xBB\xBFI: Hallo\r\n", "nvivo.txt");
    CHECK(d.had_bom);
    const PositionCounter c(d.utf8, kUtf16);
    CHECK(cut(d.utf8, c, 0, 2) == "I:");
}

TEST_CASE("positions: the origin picks the default counting model") {
    CHECK(default_counting_model("NVivo for Windows 12.6") == kUtf16);
    CHECK(default_counting_model("NVivo 15 (Mac)") == kUtf16);
    CHECK(default_counting_model("MAXQDA 24 (Release 24.7.0, Build 241213)") == kCodePointsCrlfOne);
    CHECK(default_counting_model("ATLAS.ti 26.1.0 (Windows)") == kCodePointsCrlfOne);
    CHECK(default_counting_model("QualCoder 3.5") == kCodePoints);
    CHECK(default_counting_model("") == kCodePoints);
    CHECK(kUtf16.describe() == "UTF-16 code units, CRLF as two");
    CHECK(kCodePointsCrlfOne.describe() == "code points, CRLF as one");
}

TEST_CASE("positions: names match quotes with whitespace collapsed, NFC and a shortening ellipsis") {
    CHECK(name_matches_quote("", "anything"));
    CHECK(name_matches_quote("Die Mitglieder waren", "Die Mitglieder\nwaren dankbar"));
    CHECK(name_matches_quote("Die Mitglieder wa\xE2\x80\xA6", "Die Mitglieder waren dankbar"));
    CHECK(name_matches_quote("Die Mitglieder wa...", "Die Mitglieder waren dankbar"));
    CHECK(name_matches_quote("e\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9 chaud"));  // decomposed name, composed text
    CHECK_FALSE(name_matches_quote("Mitglieder", "Die Mitglieder"));
    CHECK_FALSE(name_matches_quote("Die Mitglieder waren dankbar und froh", "Die Mitglieder waren dankbar"));
}

TEST_CASE("positions: NVivo's UTF-16 positions are detected from the selection names") {
    const std::string text = "\xF0\x9F\x98\xB7 \xF0\x9F\x98\xB7 Hallo Welt\r\nZweite Zeile";
    // "Welt" is code points 10..14; in UTF-16 two emoji make it 12..16.
    const std::vector<SelectionProbe> probes = {{12, 16, "Welt"}, {18, 24, "Zweite"}};
    const ModelChoice choice = choose_counting_model(text, probes, kCodePoints);
    CHECK(choice.model == kUtf16);
    CHECK(choice.tried_others);
    CHECK(choice.fitting == 2);
    CHECK(choice.matching == 2);
    CHECK(choice.named == 2);
}

TEST_CASE("positions: the default is kept when it explains every selection") {
    const std::string text = "eins\r\nzwei\r\ndrei";
    const ModelChoice choice = choose_counting_model(text, {{5, 9, "zwei"}, {10, 14, "drei"}}, kCodePointsCrlfOne);
    CHECK(choice.model == kCodePointsCrlfOne);
    CHECK_FALSE(choice.tried_others);
    CHECK(choice.matching == 2);
}

TEST_CASE("positions: without names, positions beyond the end rule a model out") {
    const std::string text = "\xF0\x9F\x98\xB7\xF0\x9F\x98\xB7 Ende";  // 7 code points, 9 UTF-16 units
    const ModelChoice choice = choose_counting_model(text, {{5, 9, ""}}, kCodePoints);
    CHECK(choice.model == kUtf16);
    CHECK(choice.fitting == 1);
}

TEST_CASE("positions: when nothing explains a selection, the default stays and the misfit is counted") {
    const std::string text = "kurz\r\n";
    const ModelChoice choice = choose_counting_model(text, {{0, 4, "kurz"}, {3, 400, "weg"}}, kCodePoints);
    CHECK(choice.model == kCodePoints);
    CHECK(choice.tried_others);
    CHECK(choice.fitting == 1);
}

TEST_CASE("positions: a text where the model does not matter is not searched") {
    const ModelChoice choice = choose_counting_model("Gr\xC3\xBC\xC3\x9F" "e", {{0, 3, "Gr\xC3\xBC"}, {2, 9, ""}}, kUtf16);
    CHECK(choice.model == kUtf16);
    CHECK_FALSE(choice.tried_others);
    CHECK(choice.fitting == 1);
}
