// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The documents of the project: name, turns, codings and the document variables as columns, with a filter
// box. Choosing a document shows it; ticked documents limit the retrieved segments.
#include <wx/listctrl.h>
#include <wx/srchctrl.h>

#include <set>
#include <vector>

#include "app/gui/ui/session_panel.h"
#include "core/session.h"

namespace kodex::gui {

class DocumentsPanel : public SessionPanel {
public:
    explicit DocumentsPanel(wxWindow* parent);

    /// Marks a document as the shown one (without sending a show event).
    void SetShownDocument(DocumentId id);
    /// Documents ticked for retrieval.
    std::vector<DocumentId> GetCheckedDocuments() const;
    /// The documents in the list's order, filter ignored.
    const std::vector<DocumentSummary>& GetDocuments() const { return m_documents; }
    wxListCtrl* GetList() const { return m_list; }

    void Reload() override;

private:
    struct Row {
        const DocumentSummary* document;
        std::vector<wxString> values;  ///< variable values, in m_variables order
    };
    void OnSessionChange(const Change& change) override;
    void Fill();
    bool Matches(const Row& row, const wxString& filter) const;
    void OnSelected(wxListEvent& event);
    void OnChecked(wxListEvent& event, bool checked);
    DocumentId IdAt(long index) const;

    wxSearchCtrl* m_filter;
    wxListCtrl* m_list;
    std::vector<DocumentSummary> m_documents;
    std::vector<Variable> m_variables;
    std::vector<Row> m_rows;
    std::vector<DocumentId> m_shown_ids;  ///< document of each list row
    std::set<DocumentId> m_checked;
    DocumentId m_shown;
    bool m_filling = false;
};

}  // namespace kodex::gui
