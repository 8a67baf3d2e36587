// SPDX-License-Identifier: GPL-3.0-or-later
// What the transcript draws, read back from its pixels: emoji come from a colour emoji font (Debian's
// fonts-noto-color-emoji, in scripts/debian-packages.txt), not as empty boxes in the text colour.
#include <doctest/doctest.h>

#include <wx/image.h>
#include <wx/stc/stc.h>

#include <algorithm>
#include <cstring>

#include "app/gui/panels/transcript_view.h"
#include "tests/gui/gui_test_util.h"

using namespace kodex::gui;
using namespace kodex::gui::test;

namespace {

// The transcript control as it is drawn on screen.
wxImage Capture(wxStyledTextCtrl* stc) {
    stc->Refresh();
    stc->Update();
    Pump(200);
    return CaptureClient(stc);
}

// Pixels of clear colour (the spread of red, green and blue at least 100) in a rectangle: black, grey and
// white text, and a missing-glyph box, have none.
int ColourfulPixels(const wxImage& image, wxRect rect) {
    rect.Intersect(wxRect(0, 0, image.GetWidth(), image.GetHeight()));
    int n = 0;
    for (int y = rect.GetTop(); y <= rect.GetBottom(); ++y)
        for (int x = rect.GetLeft(); x <= rect.GetRight(); ++x) {
            const int r = image.GetRed(x, y), g = image.GetGreen(x, y), b = image.GetBlue(x, y);
            if (std::max({r, g, b}) - std::min({r, g, b}) >= 100) ++n;
        }
    return n;
}

// The rectangle of the characters at byte positions [from, to) on one line of the control.
wxRect GlyphRect(wxStyledTextCtrl* stc, int from, int to) {
    const wxPoint a = stc->PointFromPosition(from), b = stc->PointFromPosition(to);
    const int height = stc->TextHeight(stc->LineFromPosition(from));
    return wxRect(a.x, a.y, std::max(1, b.x - a.x), height);
}

}  // namespace

TEST_CASE("editor: an emoji in a transcript is drawn in colour from an emoji font, not as a box") {
    EditorFixture f;
    wxStyledTextCtrl* stc = f.frame->GetTranscript()->GetControl();
    const char* const kGrinning = "\xF0\x9F\x98\x80";
    const std::string text = stc->GetText().utf8_string();
    const std::size_t at = text.find(kGrinning);
    REQUIRE(at != std::string::npos);
    const int from = static_cast<int>(at), to = from + static_cast<int>(std::strlen(kGrinning));
    stc->SetSelection(0, 0);
    stc->GotoPos(0);

    const wxImage image = Capture(stc);
    const wxRect emoji = GlyphRect(stc, from, to);
    CAPTURE(emoji.x);
    CAPTURE(emoji.width);
    REQUIRE(emoji.width > 2);
    // The plain words before it on the same line are the control: no colour there.
    const std::size_t word = text.find("Gott");
    REQUIRE(word != std::string::npos);
    CHECK(ColourfulPixels(image, GlyphRect(stc, static_cast<int>(word), static_cast<int>(word) + 4)) == 0);
    // A colour emoji fills a good part of its cell with clear colour (yellow face); a box has none.
    CHECK(ColourfulPixels(image, emoji) >= emoji.width * emoji.height / 8);
    SaveScreenshot(f.frame, "editor-emoji");
}
