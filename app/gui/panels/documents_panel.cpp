// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/documents_panel.h"

#include <wx/sizer.h>

#include <algorithm>

#include "app/gui/ui/convert.h"
#include "app/gui/ui/events.h"

namespace kodex::gui {

namespace {
enum Column { kName = 0, kTurns, kCodings, kFirstVariable };
}

DocumentsPanel::DocumentsPanel(wxWindow* parent)
    : SessionPanel(parent, "documents_panel", Change::Documents | Change::Codings | Change::Variables) {
    m_filter = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                "documents_filter");
    m_filter->SetDescriptiveText(_("Filter documents"));
    m_filter->ShowCancelButton(true);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_NONE, wxDefaultValidator, "documents");
    m_list->EnableCheckBoxes();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_filter, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);

    m_filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Fill(); });
    m_filter->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { m_filter->Clear(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &DocumentsPanel::OnSelected, this);
    m_list->Bind(wxEVT_LIST_ITEM_CHECKED, [this](wxListEvent& e) { OnChecked(e, true); });
    m_list->Bind(wxEVT_LIST_ITEM_UNCHECKED, [this](wxListEvent& e) { OnChecked(e, false); });
}

void DocumentsPanel::Reload() {
    m_documents.clear();
    m_variables.clear();
    if (HasSession()) {
        m_documents = GetSession()->documents();
        m_variables = GetSession()->variables();
    }
    m_rows.clear();
    for (const DocumentSummary& d : m_documents) {
        Row row{&d, {}};
        const auto values = GetSession()->variable_values(d.id);
        for (const Variable& v : m_variables) {
            const auto it = values.find(v.name);
            row.values.push_back(it == values.end() ? wxString() : ToWx(it->second));
        }
        m_rows.push_back(std::move(row));
    }
    std::set<DocumentId> still_there;
    for (const DocumentSummary& d : m_documents)
        if (m_checked.count(d.id)) still_there.insert(d.id);
    m_checked = still_there;
    Fill();
}

void DocumentsPanel::OnSessionChange(const Change&) {
    // Counts and variables can wait until the transcript has repainted.
    ReloadSoon();
}

void DocumentsPanel::Fill() {
    m_filling = true;
    m_list->Freeze();
    m_list->ClearAll();
    m_list->AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, FromDIP(160));
    m_list->AppendColumn(_("Turns"), wxLIST_FORMAT_RIGHT, FromDIP(64));
    m_list->AppendColumn(_("Codings"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    for (const Variable& v : m_variables) m_list->AppendColumn(ToWx(v.name), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_shown_ids.clear();
    const wxString filter = m_filter->GetValue().Lower();
    for (const Row& row : m_rows) {
        if (!Matches(row, filter)) continue;
        const long index = m_list->InsertItem(m_list->GetItemCount(), ToWx(row.document->name));
        m_list->SetItem(index, kTurns, wxString::Format("%lld", static_cast<long long>(row.document->turns)));
        m_list->SetItem(index, kCodings, wxString::Format("%lld", static_cast<long long>(row.document->codings)));
        for (std::size_t v = 0; v < row.values.size(); ++v)
            m_list->SetItem(index, kFirstVariable + static_cast<long>(v), row.values[v]);
        m_list->CheckItem(index, m_checked.count(row.document->id) > 0);
        if (row.document->id == m_shown) m_list->SetItemState(index, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        m_shown_ids.push_back(row.document->id);
    }
    // Names matter most: wide enough to read them whole; counts and variables follow (the list scrolls).
    m_list->SetColumnWidth(kName, wxLIST_AUTOSIZE);
    m_list->SetColumnWidth(kName, std::clamp(m_list->GetColumnWidth(kName) + FromDIP(24), FromDIP(140), FromDIP(300)));
    m_list->Thaw();
    m_filling = false;
}

bool DocumentsPanel::Matches(const Row& row, const wxString& filter) const {
    if (filter.empty() || ToWx(row.document->name).Lower().Contains(filter)) return true;
    for (const wxString& value : row.values)
        if (value.Lower().Contains(filter)) return true;
    return false;
}

DocumentId DocumentsPanel::IdAt(long index) const {
    return index >= 0 && static_cast<std::size_t>(index) < m_shown_ids.size() ? m_shown_ids[static_cast<std::size_t>(index)]
                                                                              : DocumentId();
}

void DocumentsPanel::SetShownDocument(DocumentId id) {
    m_shown = id;
    m_filling = true;
    for (long i = 0; i < m_list->GetItemCount(); ++i) {
        const bool shown = IdAt(i) == id;
        m_list->SetItemState(i, shown ? wxLIST_STATE_SELECTED : 0, wxLIST_STATE_SELECTED);
        if (shown) m_list->EnsureVisible(i);
    }
    m_filling = false;
}

std::vector<DocumentId> DocumentsPanel::GetCheckedDocuments() const { return {m_checked.begin(), m_checked.end()}; }

void DocumentsPanel::OnSelected(wxListEvent& event) {
    if (m_filling) return;
    m_shown = IdAt(event.GetIndex());
    Send(this, EVT_SHOW_DOCUMENT, m_shown);
}

void DocumentsPanel::OnChecked(wxListEvent& event, bool checked) {
    if (m_filling) return;
    const DocumentId id = IdAt(event.GetIndex());
    if (checked)
        m_checked.insert(id);
    else
        m_checked.erase(id);
    Send(this, EVT_RETRIEVAL_CHANGED);
}

}  // namespace kodex::gui
