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

    /// The highlighted code (the chosen one after ShowModal() returned wxID_OK); invalid when the filter hides all
    /// or the top level is highlighted.
    CodeId GetCode() const;
    /// Offers the top level as the first row, labelled `label` (for choosing a new parent).
    void OfferTopLevel(const wxString& label);
    /// True when the top-level row is highlighted.
    bool IsTopLevelChosen() const;
    /// Highlights nothing until the user types or moves (by default the first row is highlighted).
    void PreselectNothing();
    /// Shows `text` above the filter: what will happen with the chosen code.
    void SetNote(const wxString& text);

private:
    void Fill();
    void Move(int step);
    void Accept();
    void OnFilterKey(wxKeyEvent& event);
    long SelectedRow() const;

    wxSearchCtrl* m_filter;
    wxListCtrl* m_list;
    std::vector<CodeSummary> m_codes;  ///< offered codes, recent ones first
    std::vector<std::size_t> m_shown;  ///< index into m_codes of each list row; kTopLevel for the top-level row
    wxString m_top_level;              ///< label of the top-level row; empty: not offered
    bool m_preselect = true;
    static constexpr std::size_t kTopLevel = static_cast<std::size_t>(-1);
};

}  // namespace kodex::gui
