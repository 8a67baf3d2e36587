// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/search_panel.h"

#include <wx/busyinfo.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/utils.h>

#include <set>

#include "app/gui/ui/convert.h"
#include "app/gui/ui/list_columns.h"
#include "core/errors.h"
#include "core/session.h"
#include "core/text/transcript_parse.h"

namespace kodex::gui {

namespace {

// Keyword in context first, as a concordance reads; where it is comes after.
enum Column { kLeft = 0, kMatch, kRight, kDocument, kSpeaker, kTime };

// Most queries want a few hundred places at most; the summary says when there are more.
constexpr std::size_t kListLimit = 1000;

}  // namespace

class HitList : public wxListCtrl {
public:
    explicit HitList(SearchPanel* panel)
        : wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxBORDER_NONE, wxDefaultValidator, "search_hits"),
          m_panel(panel) {
        m_match.SetFont(GetFont().Bold());
    }

    wxString OnGetItemText(long item, long column) const override {
        const SearchHit& h = m_panel->m_hits[static_cast<std::size_t>(item)];
        switch (column) {
        case kDocument: return ToWx(h.document_name);
        case kSpeaker: return ToWx(h.speaker);
        case kTime: return h.timestamp_ms ? ToWx(format_timestamp(*h.timestamp_ms)) : wxString();
        case kLeft: {
            // Cut at the start, so the words next to the match stay in view (the list cuts at the end).
            const int room = GetColumnWidth(kLeft) - FromDIP(12);
            return KeepEnd(OneLine(h.left), room, [this](const wxString& s) { return GetTextExtent(s).x; });
        }
        case kMatch: return OneLine(h.match);
        case kRight: return OneLine(h.right);
        default: return {};
        }
    }
    int OnGetItemImage(long) const override { return -1; }

private:
    SearchPanel* m_panel;
    wxItemAttr m_match;
};

SearchPanel::SearchPanel(wxWindow* parent)
    : SessionPanel(parent, "search_panel", Change::Documents | Change::Codes | Change::Codings | Change::Variables) {
    m_query = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                               wxDefaultValidator, "search");
    m_query->SetDescriptiveText(_("Search the transcripts, e.g. \"hybride Formate\" speaker:B"));
    m_query->ShowCancelButton(true);
    const wxString sorts[] = {_("By relevance"), _("In document order")};
    m_sort = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 2, sorts, 0, wxDefaultValidator, "search_sort");
    m_sort->SetSelection(0);
    const wxString scopes[] = {_("the matches"), _("their sentences"), _("their turns")};
    m_scope = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, scopes, 0, wxDefaultValidator, "search_scope");
    m_scope->SetSelection(0);
    m_code = new wxButton(this, wxID_ANY, _("Code hits…"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                          "search_code_hits");
    m_code->SetToolTip(_("Apply a code to all hits of this search (one undoable action)"));
    m_summary = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END,
                                 "search_summary");
    m_summary->SetMinSize(FromDIP(wxSize(60, -1)));  // long messages are cut with an ellipsis, not the buttons
    m_list = new HitList(this);
    m_list->AppendColumn(_("Before"), wxLIST_FORMAT_RIGHT, FromDIP(220));
    m_list->AppendColumn(_("Match"), wxLIST_FORMAT_CENTER, FromDIP(120));
    m_list->AppendColumn(_("After"), wxLIST_FORMAT_LEFT, FromDIP(220));
    m_list->AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, FromDIP(120));
    m_list->AppendColumn(_("Speaker"), wxLIST_FORMAT_LEFT, FromDIP(56));
    m_list->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(64));
    StretchColumn(m_list, kRight, FromDIP(140));

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(m_query, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(m_sort, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    auto* code = new wxBoxSizer(wxHORIZONTAL);
    code->Add(m_summary, 1, wxALIGN_CENTER_VERTICAL);
    code->Add(m_code, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    code->Add(m_scope, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(4));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(code, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);

    m_query->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Search(m_query->GetValue()); });
    m_query->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) { Search(m_query->GetValue()); });
    m_query->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) {
        m_query->Clear();
        Search(wxString());
    });
    m_sort->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Run(); });
    m_code->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_hits.empty() || !pick_code) return;
        const CodeId code = pick_code();
        if (!code.valid()) return;
        try {
            const AutocodeReport report = CodeHits(code);
            const std::size_t added = report.added.size();
            const int already = report.duplicates;
            SetSummary(wxString::Format(wxPLURAL("Coded %zu place", "Coded %zu places", added), added) + " " +
                       wxString::Format(wxPLURAL("(%d was coded already).", "(%d were coded already).", already), already));
        } catch (const Error& e) {
            ShowError(ToWx(e.what()));
        }
    });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (on_show_hit) on_show_hit(m_hits[static_cast<std::size_t>(e.GetIndex())]);
    });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        if (on_show_hit) on_show_hit(m_hits[static_cast<std::size_t>(e.GetIndex())]);
    });
    Run();
}

SearchPanel::~SearchPanel() = default;

void SearchPanel::Search(const wxString& query) {
    m_text = query.Strip(wxString::both);
    if (m_query->GetValue() != query) m_query->ChangeValue(query);
    Run();
}

void SearchPanel::Reload() {
    // Another project: its own index.
    m_index.reset();
    Run();
}

void SearchPanel::OnSessionChange(const Change&) {
    // The hits may have moved or gone: search again (the index catches up first), once per burst of changes.
    if (!m_text.empty()) ReloadSoon();
}

void SearchPanel::Run() {
    RunQuery();
    if (on_results) on_results();
}

void SearchPanel::RunQuery() {
    m_hits.clear();
    m_list->SetItemCount(0);
    m_code->Enable(false);
    m_summary->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    if (!HasSession()) {
        SetSummary(_("Open a project to search its transcripts."));
        return;
    }
    if (m_text.empty()) {
        SetSummary(_("Type words or \"a phrase\" and press Enter."));
        m_summary->SetToolTip(_("Words, \"phrases\", AND OR NOT (UND ODER NICHT), NEAR/5, prefixes like Digital*, and filters: "
                                "code:\"Partner verbinden\" speaker:B doc:C01 coder:anna, or any document variable, "
                                "e.g. finanzierung:institutionell"));
        m_list->Refresh();
        return;
    }
    SearchResult result;
    try {
        if (!m_index) m_index = std::make_unique<SearchIndex>(*GetSession());
        SearchQuery query;
        query.text = ToUtf8(m_text);
        query.sort = m_sort->GetSelection() == 1 ? SearchSort::DocumentOrder : SearchSort::Relevance;
        query.limit = kListLimit;
        wxBusyCursor busy;  // the first search builds the index
        result = m_index->search(query);
    } catch (const InvalidArgument& e) {
        ShowError(ToWx(e.what()));
        return;
    } catch (const Error& e) {
        m_index.reset();
        ShowError(wxString::Format(_("The search index cannot be used: %s"), ToWx(e.what())));
        return;
    }
    m_hits = std::move(result.hits);
    m_list->SetItemCount(static_cast<long>(m_hits.size()));
    m_list->Refresh();
    m_code->Enable(!m_hits.empty() && !GetSession()->store().read_only());
    std::set<std::int64_t> documents;
    for (const SearchHit& h : m_hits) documents.insert(h.document.value);
    wxString summary;
    if (m_hits.empty())
        summary = _("No hits.");
    else {
        const std::size_t hits = m_hits.size(), in = documents.size();
        const wxString where = wxString::Format(wxPLURAL("in %zu document", "in %zu documents", in), in);
        summary = result.more ? wxString::Format(wxPLURAL("The first %zu hit (of more)", "The first %zu hits (of more)", hits), hits)
                              : wxString::Format(wxPLURAL("%zu hit", "%zu hits", hits), hits);
        summary << " " << where;
    }
    SetSummary(summary);
    m_summary->SetToolTip(wxString::Format(_("Searched for: %s"), ToWx(result.understood)));
}

void SearchPanel::SetSummary(const wxString& text) {
    m_summary->SetLabel(text);
    // A new label asks for its full width; the row is laid out again so that it is cut, not drawn over
    // the buttons beside it.
    Layout();
}

void SearchPanel::ShowError(const wxString& message) {
    m_summary->SetForegroundColour(wxColour(0xB0, 0x20, 0x20));
    SetSummary(message);
    m_summary->SetToolTip(message);
    m_list->Refresh();
}

AutocodeReport SearchPanel::CodeHits(CodeId code) {
    if (!m_index || m_hits.empty()) return {};
    const AutocodeScope scopes[] = {AutocodeScope::Hit, AutocodeScope::Sentence, AutocodeScope::Turn};
    AutocodeRequest request;
    request.query = ToUtf8(m_text);
    request.code = code;
    request.scope = scopes[std::max(0, m_scope->GetSelection())];
    request.sort = m_sort->GetSelection() == 1 ? SearchSort::DocumentOrder : SearchSort::Relevance;
    // Exactly the listed hits, also when the query has more than the list shows.
    for (std::size_t i = 0; i < m_hits.size(); ++i) request.only.push_back(i);
    return m_index->autocode(request);
}

std::vector<TextRange> SearchPanel::MatchesIn(DocumentId document) const {
    std::vector<TextRange> out;
    for (const SearchHit& h : m_hits)
        if (h.document == document) out.insert(out.end(), h.words.begin(), h.words.end());
    return out;
}

void SearchPanel::SelectHit(std::size_t index) {
    if (index >= m_hits.size()) return;
    const long row = static_cast<long>(index);
    m_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    m_list->EnsureVisible(row);
}

}  // namespace kodex::gui
