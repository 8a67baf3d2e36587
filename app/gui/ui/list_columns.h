// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Report lists whose main column (document names, quotes) takes the room the other columns leave.
#include <wx/listctrl.h>

#include <string>

namespace kodex::gui {

/// Gives `column` the list's width minus the other columns (at least `minimum`), now and whenever the list
/// is resized.
void StretchColumn(wxListCtrl* list, int column, int minimum);

/// Stored text for one row of a list: line breaks and runs of white space become single spaces.
wxString OneLine(const std::string& text);

}  // namespace kodex::gui
