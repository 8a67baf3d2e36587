// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "app/gui/ui/colours.h"
#include "core/model/palette.h"

using namespace kodex;

namespace {

double Luminance(const wxColour& c) {
    return (0.2126 * c.Red() + 0.7152 * c.Green() + 0.0722 * c.Blue()) / 255.0;
}

// A coding's colour as the transcript shows it: a tint at alpha 70 of 255 over the white page.
wxColour Tint(const wxColour& c) {
    auto mix = [](int v) { return static_cast<unsigned char>((v * 70 + 255 * (255 - 70)) / 255); };
    return wxColour(mix(c.Red()), mix(c.Green()), mix(c.Blue()));
}

}  // namespace

// Friction: the selection was almost the blue of the first code family.
TEST_CASE("colours: the selection looks like no coding of any palette colour, and its text stays readable") {
    const double selection = Luminance(gui::SelectionColour());
    for (const std::string& hex : code_palette()) {
        CAPTURE(hex);
        CHECK(Luminance(Tint(gui::ToColour(hex))) - selection > 0.4);
    }
    CHECK(Luminance(gui::SelectionTextColour()) - selection > 0.7);
}
