// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "core/text/boundaries.h"

using namespace kodex;

TEST_CASE("boundaries: a selection that cuts words is widened to whole words") {
    const std::string t = "B: Die Förderung für Clustermanager:innen 😅 endete.";
    // "rderung f" (code points 9..18) -> "Förderung für" (7..20)
    CHECK(snap_to_words(t, {9, 18}) == TextRange{7, 20});
    // Leading and trailing blanks are dropped, whole words stay as they are.
    CHECK(snap_to_words(t, {6, 21}) == TextRange{7, 20});
    // The emoji is one code point and a word of its own.
    CHECK(snap_to_words(t, {42, 43}) == TextRange{42, 43});
    CHECK(snap_to_words(t, {0, 1000}) == TextRange{0, 51});
    CHECK(snap_to_words(t, {3, 3}) == TextRange{3, 3});
}

TEST_CASE("boundaries: sentence_at finds the sentence around a position") {
    const std::string t = "B: Das war schwer. Dann kamen die Webinare! Und z. B. Stammtische?\nI: Gut.";
    CHECK(sentence_at(t, 5) == TextRange{0, 18});
    CHECK(sentence_at(t, 25) == TextRange{19, 43});
    // A line break ends the turn's last sentence.
    const auto s = sentence_at(t, 70);
    CHECK(s.start == 67);
    CHECK(s.end == 74);
}

TEST_CASE("boundaries: in-vivo names collapse white space and are cut at 60 characters") {
    CHECK(in_vivo_name("  digitale\n  Stammtische ") == "digitale Stammtische");
    const std::string long_text(80, 'x');
    const std::string name = in_vivo_name(long_text);
    CHECK(name == std::string(60, 'x') + "…");
    CHECK(in_vivo_name(" \n\t ").empty());
}
