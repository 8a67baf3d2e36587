// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/dialogs/code_picker_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/tokenzr.h>

#include <algorithm>

#include "app/gui/ui/colours.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/list_columns.h"

namespace kodex::gui {

namespace {

wxString Readable(const std::string& path) { return JoinPath(PathNames(path)); }

}  // namespace

bool MatchesFilter(const wxString& text, const wxString& filter) {
    const wxArrayString words = wxStringTokenize(filter.Lower(), " \t", wxTOKEN_STRTOK);
    const wxString lower = text.Lower();
    return std::all_of(words.begin(), words.end(), [&](const wxString& w) { return lower.Contains(w); });
}

CodePickerDialog::CodePickerDialog(wxWindow* parent, const wxString& title, std::vector<CodeSummary> codes,
                                   const std::vector<CodeId>& recent, const std::set<CodeId>& excluded,
                                   bool allow_folders)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER,
               "code_picker") {
    auto offered = [&](const CodeSummary& c) { return !excluded.count(c.code.id) && (allow_folders || c.code.codable); };
    for (CodeId id : recent)
        for (const CodeSummary& c : codes)
            if (c.code.id == id && offered(c)) m_codes.push_back(c);
    for (const CodeSummary& c : codes)
        if (offered(c) && std::find(recent.begin(), recent.end(), c.code.id) == recent.end()) m_codes.push_back(c);

    m_filter = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                                wxDefaultValidator, "code_picker_filter");
    m_filter->SetDescriptiveText(_("Type to filter codes"));
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(460, 360)),
                            wxLC_REPORT | wxLC_NO_HEADER | wxLC_SINGLE_SEL, wxDefaultValidator, "code_picker_list");
    m_list->AppendColumn(wxString(), wxLIST_FORMAT_LEFT, FromDIP(440));
    auto* images = new wxImageList(FromDIP(14), FromDIP(14), false);
    for (const CodeSummary& c : m_codes) images->Add(Swatch(ToColour(c.code.color), FromDIP(14)));
    m_list->AssignImageList(images, wxIMAGE_LIST_SMALL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_filter, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    CentreOnParent();

    m_filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Fill(); });
    m_filter->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Accept(); });
    m_filter->Bind(wxEVT_KEY_DOWN, &CodePickerDialog::OnFilterKey, this);
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { Accept(); });
    m_list->Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
        int flags = 0;
        const long row = m_list->HitTest(e.GetPosition(), flags);
        const wxString tip = row >= 0 && static_cast<std::size_t>(row) < m_shown.size() && m_shown[row] != kTopLevel
                                 ? Readable(m_codes[m_shown[row]].path)
                                 : wxString();
        if (m_list->GetToolTipText() != tip) m_list->SetToolTip(tip);
        e.Skip();
    });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Accept(); }, wxID_OK);
    Fill();
    m_filter->SetFocus();
}

void CodePickerDialog::Fill() {
    m_list->Freeze();
    m_list->DeleteAllItems();
    m_shown.clear();
    if (!m_top_level.empty() && MatchesFilter(m_top_level, m_filter->GetValue())) {
        m_list->InsertItem(0, m_top_level, -1);
        m_shown.push_back(kTopLevel);
    }
    // A long path keeps its code's name and loses the end of its parents; the whole path is the tooltip.
    const int width = m_list->GetColumnWidth(0) - FromDIP(36);
    const auto measure = [this](const wxString& s) { return m_list->GetTextExtent(s).x; };
    for (std::size_t i = 0; i < m_codes.size(); ++i) {
        const wxString shown = Readable(m_codes[i].path);
        if (!MatchesFilter(shown, m_filter->GetValue())) continue;
        m_list->InsertItem(m_list->GetItemCount(), ShortenPath(PathNames(m_codes[i].path), width, measure), static_cast<int>(i));
        m_shown.push_back(i);
    }
    // Without a filter typed, nothing is highlighted when asked: the first row would be a guess (the newest code).
    const bool highlight = m_preselect || !m_filter->GetValue().empty();
    if (!m_shown.empty() && highlight) m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                               wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    m_list->Thaw();
}

void CodePickerDialog::Move(int step) {
    if (m_shown.empty()) return;
    const long current = SelectedRow();
    const long next = std::clamp<long>(current + step, 0, static_cast<long>(m_shown.size()) - 1);
    m_list->SetItemState(next, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    m_list->EnsureVisible(next);
}

void CodePickerDialog::OnFilterKey(wxKeyEvent& event) {
    switch (event.GetKeyCode()) {
    case WXK_DOWN: Move(1); break;
    case WXK_UP: Move(-1); break;
    case WXK_PAGEDOWN: Move(10); break;
    case WXK_PAGEUP: Move(-10); break;
    default: event.Skip();
    }
}

long CodePickerDialog::SelectedRow() const { return m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

CodeId CodePickerDialog::GetCode() const {
    const long row = SelectedRow();
    if (row < 0) return CodeId();
    const std::size_t index = m_shown[static_cast<std::size_t>(row)];
    return index == kTopLevel ? CodeId() : m_codes[index].code.id;
}

bool CodePickerDialog::IsTopLevelChosen() const {
    const long row = SelectedRow();
    return row >= 0 && m_shown[static_cast<std::size_t>(row)] == kTopLevel;
}

void CodePickerDialog::OfferTopLevel(const wxString& label) {
    m_top_level = label;
    Fill();
}

void CodePickerDialog::PreselectNothing() {
    m_preselect = false;
    Fill();
}

void CodePickerDialog::SetNote(const wxString& text) {
    auto* note = new wxStaticText(this, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0, "code_picker_note");
    note->Wrap(FromDIP(460));
    GetSizer()->Insert(0, note, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    GetSizer()->Fit(this);
    CentreOnParent();
}

void CodePickerDialog::Accept() {
    if (GetCode().valid() || IsTopLevelChosen()) EndModal(wxID_OK);
}

}  // namespace kodex::gui
