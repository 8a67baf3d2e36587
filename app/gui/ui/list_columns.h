// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Report lists whose main column (document names, quotes) takes the room the other columns leave.
#include <wx/listctrl.h>

#include <functional>
#include <string>

namespace kodex::gui {

/// Gives `column` the list's width minus the other columns (at least `minimum`), now and whenever the list
/// is resized.
void StretchColumn(wxListCtrl* list, int column, int minimum);

/// Stored text for one row of a list: line breaks and runs of white space become single spaces.
wxString OneLine(const std::string& text);

/// `text` cut at its start so that it fits `width` as `measure` counts: "…" and the longest end that fits.
/// For the words before a match, where the list would cut the end, next to the match.
wxString KeepEnd(const wxString& text, int width, const std::function<int(const wxString&)>& measure);

}  // namespace kodex::gui
