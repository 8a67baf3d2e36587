// SPDX-License-Identifier: GPL-3.0-or-later
// The bridge between core's code point ranges and the transcript control's UTF-8 byte positions.
#include <doctest/doctest.h>

#include "app/gui/ui/convert.h"
#include "core/text/unicode.h"

using kodex::TextRange;
using kodex::gui::ShownText;
using kodex::gui::StcRange;

namespace {
// "Grüß 😀 Café": ü and ß take 2 bytes, the emoji 4, é (composed) 2.
const std::string kText = "Gr\xC3\xBC\xC3\x9F \xF0\x9F\x98\x80 Caf\xC3\xA9";
}  // namespace

TEST_CASE("convert: code points map to the byte positions of the same characters") {
    const ShownText text(kText);
    CHECK(text.CodePoints() == 11);
    CHECK(text.Bytes() == 17);
    CHECK(text.ToStc(0) == 0);
    CHECK(text.ToStc(2) == 2);   // before ü
    CHECK(text.ToStc(3) == 4);   // before ß
    CHECK(text.ToStc(4) == 6);   // after ß
    CHECK(text.ToStc(5) == 7);   // before the emoji
    CHECK(text.ToStc(6) == 11);  // after the emoji
    CHECK(text.ToStc(11) == 17);
}

TEST_CASE("convert: byte positions map back to code points, both ways agreeing everywhere") {
    const ShownText text(kText);
    for (std::int64_t cp = 0; cp <= text.CodePoints(); ++cp) CHECK(text.ToCore(text.ToStc(cp)) == cp);
    CHECK(text.ToCore(StcRange{7, 11}) == TextRange{5, 6});
    CHECK(text.Slice({5, 6}) == "\xF0\x9F\x98\x80");
    CHECK(text.Slice({0, 4}) == "Gr\xC3\xBC\xC3\x9F");
}

TEST_CASE("convert: a byte position inside a character counts as that character's start") {
    const ShownText text(kText);
    CHECK(text.ToCore(8) == 5);  // inside the emoji
    CHECK(text.ToCore(9) == 5);
    CHECK(text.ToCore(3) == 2);  // inside ü
}

TEST_CASE("convert: positions outside the text are clamped") {
    const ShownText text(kText);
    CHECK(text.ToStc(-3) == 0);
    CHECK(text.ToStc(99) == 17);
    CHECK(text.ToCore(-1) == 0);
    CHECK(text.ToCore(500) == 11);
}

TEST_CASE("convert: stored text is NFC, so e + combining acute is one character; q + combining tilde stays two") {
    const std::string stored = kodex::normalize_text("Caf" "e\xCC\x81" " q\xCC\x83");
    CHECK(stored == "Caf\xC3\xA9 q\xCC\x83");
    const ShownText text(stored);
    CHECK(text.CodePoints() == 7);
    CHECK(text.ToStc(4) == 5);   // after é (2 bytes)
    CHECK(text.ToStc(6) == 7);   // between q and the combining tilde
    CHECK(text.ToStc(7) == 9);
    CHECK(text.Slice({5, 7}) == "q\xCC\x83");
}

TEST_CASE("convert: wxString round trip keeps every character") {
    const wxString wide = kodex::gui::ToWx(kText);
    CHECK(wide.length() == 11);  // wxString on Linux holds UTF-32
    CHECK(kodex::gui::ToUtf8(wide) == kText);
    CHECK(kodex::gui::ToUtf8(wxString()) == "");
}
