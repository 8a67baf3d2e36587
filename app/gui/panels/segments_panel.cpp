// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/segments_panel.h"

#include <wx/sizer.h>

#include <set>

#include "app/gui/ui/colours.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/events.h"
#include "app/gui/ui/list_columns.h"
#include "core/text/transcript_parse.h"

namespace kodex::gui {

namespace {

enum Column { kSegment = 0, kCode, kDocument, kSpeaker, kTime, kCoder };

}  // namespace

// A virtual list: thousands of segments cost nothing until they scroll into view.
class SegmentList : public wxListCtrl {
public:
    explicit SegmentList(SegmentsPanel* panel)
        : wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxBORDER_NONE, wxDefaultValidator, "segments"),
          m_panel(panel) {}

    wxString OnGetItemText(long item, long column) const override {
        const CodingView& v = m_panel->m_segments[static_cast<std::size_t>(item)];
        switch (column) {
        case kSegment: return OneLine(v.text);
        case kCode: return ToWx(split_code_path(v.code_path).back());
        case kDocument: return ToWx(v.document_name);
        case kSpeaker: return ToWx(v.speaker);
        case kTime: return v.timestamp_ms ? ToWx(format_timestamp(*v.timestamp_ms)) : wxString();
        case kCoder: return ToWx(v.coder_name);
        default: return {};
        }
    }
    int OnGetItemColumnImage(long item, long column) const override {
        if (column != kCode) return -1;
        const auto it = m_panel->m_images.find(m_panel->m_segments[static_cast<std::size_t>(item)].coding.code);
        return it == m_panel->m_images.end() ? -1 : it->second;
    }
    int OnGetItemImage(long) const override { return -1; }

private:
    SegmentsPanel* m_panel;
};

SegmentsPanel::SegmentsPanel(wxWindow* parent)
    : SessionPanel(parent, "segments_panel", Change::Documents | Change::Codes | Change::Codings) {
    // Its width is the sizer's to give (a label that sized itself ran under the check box beside it); a cut
    // text is whole in the tooltip.
    m_summary = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE, "segments_summary");
    m_summary->SetMinSize(wxSize(FromDIP(60), -1));
    m_subcodes = new wxCheckBox(this, wxID_ANY, _("With subcodes"), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, "segments_subcodes");
    m_subcodes->SetValue(true);
    m_list = new SegmentList(this);
    m_list->AppendColumn(_("Segment"), wxLIST_FORMAT_LEFT, FromDIP(420));
    m_list->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(170));
    m_list->AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, FromDIP(170));
    m_list->AppendColumn(_("Speaker"), wxLIST_FORMAT_LEFT, FromDIP(64));
    m_list->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(76));
    m_list->AppendColumn(_("Coder"), wxLIST_FORMAT_LEFT, FromDIP(80));
    StretchColumn(m_list, kSegment, FromDIP(240));

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(m_summary, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(m_subcodes, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);

    m_subcodes->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Reload(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, &SegmentsPanel::OnActivated, this);
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &SegmentsPanel::OnSelected, this);
    // A right click picks the row first, so its menu acts on that segment.
    m_list->Bind(wxEVT_LIST_ITEM_RIGHT_CLICK, [this](wxListEvent& e) {
        m_list->SetItemState(e.GetIndex(), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        e.Skip();
    });
}

wxListCtrl* SegmentsPanel::GetList() const { return m_list; }

void SegmentsPanel::SetQuery(std::vector<CodeId> codes, std::vector<DocumentId> documents) {
    if (codes == m_codes && documents == m_documents) return;
    m_codes = std::move(codes);
    m_documents = std::move(documents);
    Reload();
}

void SegmentsPanel::Reload() {
    m_segments.clear();
    m_images.clear();
    auto* images = new wxImageList(FromDIP(12), FromDIP(12), false);
    if (HasSession() && !m_codes.empty()) {
        CodingFilter filter;
        filter.codes = m_codes;
        filter.documents = m_documents;
        filter.include_subcodes = m_subcodes->GetValue();
        m_segments = GetSession()->codings(filter);
        for (const CodeSummary& c : GetSession()->codes())
            m_images[c.code.id] = images->Add(Swatch(ToColour(c.code.color), FromDIP(12)));
    }
    m_list->AssignImageList(images, wxIMAGE_LIST_SMALL);
    m_list->SetItemCount(static_cast<long>(m_segments.size()));
    m_list->Refresh();
    UpdateSummary();
}

void SegmentsPanel::OnSessionChange(const Change&) {
    // Retrieval can take a while in a large project; the transcript, where the user works, repaints first.
    ReloadSoon();
}

void SegmentsPanel::SetSummary(const wxString& text) {
    m_summary->SetLabel(text);
    m_summary->SetToolTip(text);
}

void SegmentsPanel::UpdateSummary() {
    if (m_codes.empty()) {
        SetSummary(_("Select or tick codes in the codebook to see their segments."));
        return;
    }
    std::set<DocumentId> documents;
    for (const CodingView& v : m_segments) documents.insert(v.coding.document);
    const wxString segments = wxString::Format(wxPLURAL("%zu segment", "%zu segments", m_segments.size()), m_segments.size());
    const wxString in = wxString::Format(wxPLURAL("in %zu document", "in %zu documents", documents.size()), documents.size());
    SetSummary(segments + " " + in);
}

CodingId SegmentsPanel::GetSelectedCoding() const {
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row < 0 ? CodingId() : m_segments[static_cast<std::size_t>(row)].coding.id;
}

void SegmentsPanel::OnActivated(wxListEvent& event) {
    const CodingView& v = m_segments[static_cast<std::size_t>(event.GetIndex())];
    Send(this, EVT_JUMP_TO_CODING, v.coding.document, v.coding.code, v.coding.id);
}

void SegmentsPanel::OnSelected(wxListEvent& event) {
    const CodingView& v = m_segments[static_cast<std::size_t>(event.GetIndex())];
    Send(this, EVT_CODING_CHOSEN, v.coding.document, v.coding.code, v.coding.id);
}

}  // namespace kodex::gui
