// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Retrieved segments: the codings of the picked codes (optionally with their subcodes) in the picked
// documents, as quotes with document, speaker and time. A double click (or Enter) jumps to the place.
#include <wx/checkbox.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <memory>
#include <vector>

#include "app/gui/ui/session_panel.h"
#include "core/session.h"

namespace kodex::gui {

class SegmentList;

class SegmentsPanel : public SessionPanel {
public:
    explicit SegmentsPanel(wxWindow* parent);

    /// Which codings to list: codes (none: nothing) in documents (none: all documents).
    void SetQuery(std::vector<CodeId> codes, std::vector<DocumentId> documents);
    /// The coding of the selected row (invalid when none).
    CodingId GetSelectedCoding() const;
    wxListCtrl* GetList() const;

    void Reload() override;

private:
    friend class SegmentList;
    void OnSessionChange(const Change& change) override;
    void OnActivated(wxListEvent& event);
    void OnSelected(wxListEvent& event);
    void UpdateSummary();
    void SetSummary(const wxString& text);

    wxStaticText* m_summary;
    wxCheckBox* m_subcodes;
    SegmentList* m_list;
    std::vector<CodeId> m_codes;
    std::vector<DocumentId> m_documents;
    std::vector<CodingView> m_segments;
    std::map<CodeId, int> m_images;  ///< code -> swatch in the list's image list
};

}  // namespace kodex::gui
