// SPDX-License-Identifier: GPL-3.0-or-later
// Text for list rows: cutting the words before a search match at their start.
#include <doctest/doctest.h>

#include "app/gui/ui/list_columns.h"

TEST_CASE("list text: KeepEnd cuts the words before a match at their start, at a word where it can") {
    using kodex::gui::KeepEnd;
    auto chars = [](const wxString& s) { return static_cast<int>(s.length()) * 10; };
    const wxString before = wxString::FromUTF8("und dann sagte die Clustermanagerin, dass die F\xC3\xB6rderung");
    CHECK(KeepEnd(before, 1000, chars) == before);  // fits: unchanged
    const wxString cut = KeepEnd(before, 200, chars);
    CHECK(chars(cut) <= 200);
    CHECK(cut.StartsWith(wxString::FromUTF8("\xE2\x80\xA6")));
    CHECK(before.EndsWith(cut.Mid(1)));
    CHECK(cut == wxString::FromUTF8("\xE2\x80\xA6" "dass die F\xC3\xB6rderung"));  // no leading space
    // A word cut in half is dropped: the 17 characters that fit would be "ass die Förderung".
    CHECK(KeepEnd(before, 180, chars) == wxString::FromUTF8("\xE2\x80\xA6" "die F\xC3\xB6rderung"));
    // No room for a word boundary: the end is kept character by character.
    CHECK(KeepEnd(wxString("Clustermanagerinnen"), 60, chars) == wxString::FromUTF8("\xE2\x80\xA6" "innen"));
    // No room at all: just the ellipsis.
    CHECK(KeepEnd(wxString("Wort"), 5, chars) == wxString::FromUTF8("\xE2\x80\xA6"));
}

// Bug: code paths were cut from the right everywhere ("... > Neue Lösungen e..."), losing the code's own name.
TEST_CASE("list columns: a long code path keeps its code's name and cuts its parents") {
    const auto chars = [](const wxString& s) { return static_cast<int>(s.length()); };
    const std::vector<wxString> path = {"Transmitterrolle der Clustermanagements",
                                        wxString::FromUTF8("Neue L\xC3\xB6sungen entwickeln"), wxString::FromUTF8("f\xC3\xBCr Partner")};
    const wxString whole = wxString::FromUTF8("Transmitterrolle der Clustermanagements \xE2\x80\xBA Neue L\xC3\xB6sungen "
                                              "entwickeln \xE2\x80\xBA f\xC3\xBCr Partner");
    CHECK(kodex::gui::ShortenPath(path, 200, chars) == whole);
    const wxString cut = kodex::gui::ShortenPath(path, 40, chars);
    CHECK(cut.length() <= 40);
    CHECK(cut.EndsWith(wxString::FromUTF8("\xE2\x80\xA6 \xE2\x80\xBA f\xC3\xBCr Partner")));
    CHECK(cut.StartsWith("Transmitterrolle"));
    // Only the leaf fits (with the mark for its parents).
    CHECK(kodex::gui::ShortenPath(path, 15, chars) == wxString::FromUTF8("\xE2\x80\xA6 \xE2\x80\xBA f\xC3\xBCr Partner"));
    // A leaf too long alone keeps its start and end.
    const wxString leaf = kodex::gui::ShortenPath({"Ungeplante Produkt- und Prozessinnovation"}, 20, chars);
    CHECK(leaf.length() <= 20);
    CHECK(leaf.StartsWith("Ungeplante"));
    CHECK(leaf.EndsWith("tion"));
    CHECK(leaf.Contains(wxString::FromUTF8("\xE2\x80\xA6")));
    CHECK(kodex::gui::PathNames("A\\/B/C") == std::vector<wxString>{"A/B", "C"});
}
