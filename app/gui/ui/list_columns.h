// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Report lists whose main column (document names, quotes) takes the room the other columns leave.
#include <wx/listctrl.h>

#include <functional>
#include <string>
#include <vector>

namespace kodex::gui {

/// Gives `column` the list's width minus the other columns (at least `minimum`), now and whenever the list
/// is resized.
void StretchColumn(wxListCtrl* list, int column, int minimum);

/// Stored text for one row of a list: line breaks and runs of white space become single spaces.
wxString OneLine(const std::string& text);

/// `text` cut at its start so that it fits `width` as `measure` counts: "…" and the longest end that fits.
/// For the words before a match, where the list would cut the end, next to the match.
wxString KeepEnd(const wxString& text, int width, const std::function<int(const wxString&)>& measure);

/// A code path ("A › B › leaf") that fits `width`: whole if it can, else its parents are cut at their end
/// ("A › B…  › leaf") so the code's own name stays, and only a leaf too long alone loses its middle.
wxString ShortenPath(const std::vector<wxString>& names, int width, const std::function<int(const wxString&)>& measure);
/// A code path as the editor shows it: the names joined by " › ".
wxString JoinPath(const std::vector<wxString>& names);
/// The names of a stored code path ("A/B/leaf", with "\/" inside a name) for ShortenPath.
std::vector<wxString> PathNames(const std::string& path);

}  // namespace kodex::gui
