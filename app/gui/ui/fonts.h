// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Font set-up that has to happen before GTK loads its first font.

namespace kodex::gui {

/// Turns off typographic ligatures ("ff", "fi", "fl") for the whole program.
///
/// wxStyledTextCtrl places the selection, the coding highlights and the caret with wxDC's partial text
/// extents, while Pango draws a whole run of text with ligatures. Under wxGTK 3.2 the partial extents of a
/// ligature are wrong, so every box after the first "ff" in a line (as in "offen", "Stoff", "Kaffee") drew
/// up to a character to the right of the letters it belongs to. Without ligatures both agree to the pixel.
/// Call it before wxApp initialises GTK (in the application object's constructor).
void TurnOffLigatures();

}  // namespace kodex::gui
