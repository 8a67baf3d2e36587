// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Intercoder agreement: how far two or more coders agree, per code (percent of characters, Cohen's kappa,
// Krippendorff's alpha, matched segments), and the places where they disagree. Selecting a place shows it in
// the transcript, so the coders can talk it through and one of them can change a coding.
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <functional>
#include <string>
#include <vector>

#include "app/gui/ui/session_panel.h"
#include "core/analysis/analysis.h"

namespace kodex::gui {

class PlaceList;

class AgreementPanel : public SessionPanel {
public:
    explicit AgreementPanel(wxWindow* parent);

    /// Compares these coders (two or more); fewer clears the pane.
    void SetCoders(std::vector<std::string> coders);
    const std::vector<std::string>& GetCoders() const { return m_coders; }
    const AgreementResult& GetResult() const { return m_result; }
    wxListCtrl* GetCodes() const { return m_codes; }
    wxListCtrl* GetPlaces() const;
    /// Selects a disagreement (as a click does) and shows it through on_show_place.
    void SelectPlace(long row);

    /// Show a place in a document (set by the frame).
    std::function<void(DocumentId, TextRange)> on_show_place;

    void Reload() override;

private:
    friend class PlaceList;
    void OnSessionChange(const Change& change) override;
    void ChooseCoders();
    void Fill();

    wxStaticText* m_summary;
    wxStaticText* m_note;
    wxString m_codes_tip;  ///< the codes list's tooltip away from a code's row  ///< why kappa can be low while almost all characters agree
    wxButton* m_choose;
    wxListCtrl* m_codes;
    PlaceList* m_places;
    std::vector<std::string> m_coders;
    AgreementResult m_result;
    /// Per disagreement: its text on one line, and the coders who did not code it.
    std::vector<wxString> m_place_texts, m_not_by;
    bool m_stale = true;                     ///< changes came while the pane was hidden
};

}  // namespace kodex::gui
