// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/agreement_panel.h"

#include <wx/sizer.h>

#include <algorithm>
#include <map>

#include "app/gui/dialogs/prompts.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"
#include "app/gui/ui/list_columns.h"
#include "core/session.h"
#include "core/text/unicode.h"

namespace kodex::gui {

namespace {

enum CodeColumn { kCode = 0, kPercent, kKappa, kAlpha, kSegments };
enum PlaceColumn { kPlaceText = 0, kPlaceCode, kPlaceDocument, kCodedBy, kNotBy };

wxString Number(const std::optional<double>& v) { return v ? wxString::Format("%.2f", *v) : wxString::FromUTF8("\xE2\x80\x93"); }

wxString Joined(const std::vector<std::string>& names) {
    wxString out;
    for (std::size_t i = 0; i < names.size(); ++i) out << (i ? ", " : "") << ToWx(names[i]);
    return out;
}

}  // namespace

// A virtual list: two coders who have not talked yet can disagree in thousands of places.
class PlaceList : public wxListCtrl {
public:
    explicit PlaceList(AgreementPanel* panel)
        : wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxBORDER_NONE, wxDefaultValidator, "agreement_places"),
          m_panel(panel) {}

    wxString OnGetItemText(long item, long column) const override {
        const auto k = static_cast<std::size_t>(item);
        if (k >= m_panel->m_place_texts.size()) return {};  // asked while the pane reloads
        const Disagreement& d = m_panel->m_result.disagreements[k];
        switch (column) {
        case kPlaceText: return m_panel->m_place_texts[k];
        case kPlaceCode: return ToWx(split_code_path(d.code_path).back());
        case kPlaceDocument: return ToWx(d.document_name);
        case kCodedBy: return Joined(d.coded_by);
        case kNotBy: return m_panel->m_not_by[k];
        default: return {};
        }
    }
    int OnGetItemImage(long) const override { return -1; }

private:
    AgreementPanel* m_panel;
};

wxListCtrl* AgreementPanel::GetPlaces() const { return m_places; }

AgreementPanel::AgreementPanel(wxWindow* parent)
    : SessionPanel(parent, "agreement_panel", Change::Documents | Change::Codes | Change::Codings) {
    m_summary = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END,
                                 "agreement_summary");
    m_summary->SetMinSize(FromDIP(wxSize(60, -1)));
    m_choose = new wxButton(this, wxID_ANY, _("Coders…"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "agreement_coders");
    m_choose->SetToolTip(_("Choose the coders to compare"));
    m_codes = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                             wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_NONE, wxDefaultValidator, "agreement");
    m_codes->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(220));
    // The number columns are as wide as their numbers or their headings, whichever is wider in the language.
    const auto numbers = [this](const wxString& heading, int width) {
        m_codes->AppendColumn(heading, wxLIST_FORMAT_RIGHT, std::max(FromDIP(width), GetTextExtent(heading).x + FromDIP(20)));
    };
    numbers(_("Agreement"), 70);
    numbers(_("Kappa"), 56);
    numbers(_("Alpha"), 56);
    numbers(_("Segments"), 80);
    // xgettext:no-c-format
    m_codes_tip = _("Character level: percent agreement and Cohen's kappa of the first two coders, "
                    "Krippendorff's alpha of all; segments: codings matched at 90 % overlap");
    m_codes->SetToolTip(m_codes_tip);
    StretchColumn(m_codes, kCode, FromDIP(140));
    m_places = new PlaceList(this);
    m_places->AppendColumn(_("Where they disagree"), wxLIST_FORMAT_LEFT, FromDIP(260));
    m_places->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_places->AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_places->AppendColumn(_("Coded by"), wxLIST_FORMAT_LEFT, FromDIP(80));
    m_places->AppendColumn(_("Not by"), wxLIST_FORMAT_LEFT, FromDIP(80));
    StretchColumn(m_places, kPlaceText, FromDIP(160));

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(m_summary, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(m_choose, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
    auto* lists = new wxBoxSizer(wxHORIZONTAL);
    lists->Add(m_codes, 2, wxEXPAND);
    lists->Add(m_places, 3, wxEXPAND | wxLEFT, FromDIP(6));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // Said when a high percent agreement stands next to a low kappa, which puzzles readers.
    m_note = new wxStaticText(this, wxID_ANY, _("Why is kappa low when almost all characters agree? Most of the text "
                                                "is left uncoded by both coders, and that agreement comes easily; kappa "
                                                "discounts agreement by chance, so it weighs the coded passages. Judge "
                                                "each code by its own row."),
                              wxDefaultPosition, wxDefaultSize, 0, "agreement_note");
    m_note->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(m_note, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    m_note->Hide();
    sizer->Add(lists, 1, wxEXPAND);
    SetSizer(sizer);

    m_choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChooseCoders(); });
    m_places->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { SelectPlace(e.GetIndex()); });
    m_codes->Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
        int flags = 0;
        const long row = m_codes->HitTest(e.GetPosition(), flags);
        wxString tip = m_codes_tip;
        if (row >= 0 && static_cast<std::size_t>(row) < m_result.rows.size() && m_result.rows[row].code.valid())
            tip = JoinPath(PathNames(m_result.rows[row].path));
        if (m_codes->GetToolTipText() != tip) m_codes->SetToolTip(tip);
        e.Skip();
    });
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        if (e.IsShown() && m_stale) ReloadSoon();
        e.Skip();
    });
}

void AgreementPanel::SetCoders(std::vector<std::string> coders) {
    m_coders = std::move(coders);
    Reload();
}

void AgreementPanel::ChooseCoders() {
    if (!HasSession()) return;
    if (auto coders = AskCoders(this, *GetSession(), m_coders)) SetCoders(std::move(*coders));
}

void AgreementPanel::Reload() {
    m_stale = false;
    m_result = AgreementResult();
    m_place_texts.clear();
    m_not_by.clear();
    if (HasSession()) {
        std::vector<std::string> known;
        for (const Coder& c : GetSession()->coders()) known.push_back(c.name);
        // Coders that are gone drop out; with none chosen yet, the first two are compared.
        m_coders.erase(std::remove_if(m_coders.begin(), m_coders.end(),
                                      [&](const std::string& c) { return std::find(known.begin(), known.end(), c) == known.end(); }),
                       m_coders.end());
        if (m_coders.size() < 2 && known.size() >= 2) m_coders = {known[0], known[1]};
        if (m_coders.size() >= 2) {
            Guarded(this, [&] {
                AgreementOptions o;
                o.coders = m_coders;
                m_result = intercoder_agreement(*GetSession(), o);
            });
            std::map<std::int64_t, std::string> texts;  // document -> text, read once each
            for (const Disagreement& d : m_result.disagreements) {
                auto it = texts.find(d.document.value);
                if (it == texts.end()) it = texts.emplace(d.document.value, GetSession()->document(d.document).text).first;
                m_place_texts.push_back(OneLine(substring_cp(it->second, d.range.start, d.range.end)));
                std::vector<std::string> not_by;
                for (const std::string& c : m_coders)
                    if (std::find(d.coded_by.begin(), d.coded_by.end(), c) == d.coded_by.end()) not_by.push_back(c);
                m_not_by.push_back(Joined(not_by));
            }
        }
    }
    Fill();
}

void AgreementPanel::Fill() {
    m_codes->DeleteAllItems();
    m_places->SetItemCount(0);
    m_choose->Enable(HasSession());
    if (!HasSession()) {
        m_summary->SetLabel(wxString());
        return;
    }
    if (m_coders.size() < 2) {
        m_summary->SetLabel(_("Agreement needs codings by two coders or more; this project has codings by one coder."));
        return;
    }
    // A long path keeps its code's name and loses the end of its parents; the whole path is the tooltip.
    const int width = m_codes->GetColumnWidth(kCode) - FromDIP(12);
    const auto measure = [this](const wxString& s) { return m_codes->GetTextExtent(s).x; };
    for (const AgreementRow& row : m_result.rows) {
        const long i = m_codes->InsertItem(m_codes->GetItemCount(),
                                           row.code.valid() ? ShortenPath(PathNames(row.path), width, measure) : _("All codes"));
        m_codes->SetItem(i, kPercent, wxString::Format("%.1f %%", row.percent_agreement));
        m_codes->SetItem(i, kKappa, Number(row.kappa));
        m_codes->SetItem(i, kAlpha, Number(row.alpha));
        m_codes->SetItem(i, kSegments, wxString::Format("%lld / %lld", static_cast<long long>(row.segments_agreeing),
                                                        static_cast<long long>(row.segments)));
        if (!row.code.valid()) m_codes->SetItemFont(i, m_codes->GetFont().Bold());
    }
    m_places->SetItemCount(static_cast<long>(m_result.disagreements.size()));
    m_places->Refresh();
    const AgreementRow* all = m_result.rows.empty() ? nullptr : &m_result.rows.back();
    // The codes' own figures first: the overall one is dominated by the text nobody coded.
    std::optional<double> low, high;
    for (const AgreementRow& row : m_result.rows)
        if (row.code.valid() && row.kappa) {
            low = low ? std::min(*low, *row.kappa) : *row.kappa;
            high = high ? std::max(*high, *row.kappa) : *row.kappa;
        }
    wxString summary = Joined(m_coders) + ": ";
    if (low && Number(low) == Number(high)) summary << wxString::Format(_("kappa per code %s"), Number(low)) << " \u00B7 ";
    else if (low) summary << wxString::Format(_("kappa per code %s to %s"), Number(low), Number(high)) << " \u00B7 ";
    summary << (all && all->characters > 0 ? wxString::Format(_("all codes: %.1f %% of the characters agree, kappa %s"),
                                                              all->percent_agreement, Number(all->kappa))
                                           : _("no codings to compare"));
    const bool puzzling = all && all->characters > 0 && all->percent_agreement >= 90.0 && all->kappa && *all->kappa < 0.6;
    if (m_note->IsShown() != puzzling) {
        m_note->Show(puzzling);
        m_note->Wrap(std::max(FromDIP(200), GetClientSize().x - FromDIP(8)));
        Layout();
    }
    summary << " · "
            << wxString::Format(wxPLURAL("%zu place to talk about", "%zu places to talk about", m_result.disagreements.size()),
                                m_result.disagreements.size());
    m_summary->SetLabel(summary);
    m_summary->SetToolTip(summary);
}

void AgreementPanel::SelectPlace(long row) {
    if (row < 0 || static_cast<std::size_t>(row) >= m_result.disagreements.size()) return;
    if (!(m_places->GetItemState(row, wxLIST_STATE_SELECTED) & wxLIST_STATE_SELECTED)) {
        m_places->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        return;  // the selection event comes back here
    }
    const Disagreement& d = m_result.disagreements[static_cast<std::size_t>(row)];
    if (on_show_place) on_show_place(d.document, d.range);
}

void AgreementPanel::OnSessionChange(const Change&) {
    // The comparison reads every coding of the chosen coders: only when the pane is on screen, else once it is.
    if (IsShownOnScreen())
        ReloadSoon();
    else
        m_stale = true;
}

}  // namespace kodex::gui
