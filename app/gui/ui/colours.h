// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Code colours ("#RRGGBB" in core) as wx colours, Scintilla colour values and swatch bitmaps.
#include <wx/bitmap.h>
#include <wx/colour.h>

#include <string>

namespace kodex::gui {

/// "#RRGGBB" to a colour; grey for anything unreadable.
wxColour ToColour(const std::string& hex);
/// A colour as core writes it ("#RRGGBB", upper case).
std::string ToHex(const wxColour& colour);
/// The colour as a Scintilla indicator value (0xBBGGRR with wxSTC_INDICVALUEBIT set).
int ToIndicatorValue(const wxColour& colour);
/// A colour mixed with white: `amount` 0 keeps it, 1 gives white.
wxColour Lighter(const wxColour& colour, double amount);
/// The transcript's selection: dark slate with white text. Codings are light tints of their colours under
/// the text, so a selection is never mistaken for a coding of any code colour (the old light blue was
/// almost the first code family's).
wxColour SelectionColour();
wxColour SelectionTextColour();
/// A small rounded square in the colour, with a darker rim, on a transparent background.
wxBitmap Swatch(const wxColour& colour, int size);

}  // namespace kodex::gui
