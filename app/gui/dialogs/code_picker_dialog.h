// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Picks a code by typing: every word typed must occur in the code's path. Up and Down move through the
// list, Enter takes the highlighted code. Recently used codes come first.
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/srchctrl.h>

#include <set>
#include <vector>

#include "core/session.h"

namespace kodex::gui {

/// True when every word of `filter` (white space separated, any case) occurs in `text`.
bool MatchesFilter(const wxString& text, const wxString& filter);

class CodePickerDialog : public wxDialog {
public:
    /// `codes` in codebook order; `excluded` are not offered; folders (not codable) only when `allow_folders`.
    CodePickerDialog(wxWindow* parent, const wxString& title, std::vector<CodeSummary> codes,
                     const std::vector<CodeId>& recent, const std::set<CodeId>& excluded, bool allow_folders);

    /// The highlighted code (the chosen one after ShowModal() returned wxID_OK); invalid when the filter hides all.
    CodeId GetCode() const;

private:
    void Fill();
    void Move(int step);
    void Accept();
    void OnFilterKey(wxKeyEvent& event);

    wxSearchCtrl* m_filter;
    wxListCtrl* m_list;
    std::vector<CodeSummary> m_codes;  ///< offered codes, recent ones first
    std::vector<std::size_t> m_shown;  ///< index into m_codes of each list row
};

}  // namespace kodex::gui
