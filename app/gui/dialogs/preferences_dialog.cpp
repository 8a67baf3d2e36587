// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/dialogs/preferences_dialog.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kodex::gui {

namespace {
// Language codes in the order of the choice's entries.
const char* const kLanguages[] = {"", "en", "de"};
}  // namespace

PreferencesDialog::PreferencesDialog(wxWindow* parent, const Preferences& preferences, const wxString& default_coder)
    : wxDialog(parent, wxID_ANY, _("Preferences"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
               "preferences") {
    m_language = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                              "preferences_language");
    m_language->Append(_("System language"));
    m_language->Append("English");
    m_language->Append("Deutsch");
    m_language->SetSelection(0);
    for (int i = 0; i < 3; ++i)
        if (preferences.language == kLanguages[i]) m_language->SetSelection(i);
    m_coder = new wxTextCtrl(this, wxID_ANY, preferences.coder, wxDefaultPosition, FromDIP(wxSize(260, -1)), 0,
                             wxDefaultValidator, "preferences_coder");
    m_coder->SetHint(default_coder);
    m_snap = new wxCheckBox(this, wxID_ANY, _("&Snap selections to whole words before coding"), wxDefaultPosition,
                            wxDefaultSize, 0, wxDefaultValidator, "preferences_snap");
    m_snap->SetValue(preferences.snap_to_words);

    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Language:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_language, 0, wxEXPAND);
    grid->AddSpacer(0);
    auto* note = new wxStaticText(this, wxID_ANY, _("A new language applies when Kodex starts again."));
    note->SetForegroundColour(wxColour(0x70, 0x70, 0x70));
    grid->Add(note);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Coder name:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_coder, 0, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 0, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(m_snap, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    CentreOnParent();
}

Preferences PreferencesDialog::GetPreferences() const {
    Preferences p;
    p.language = kLanguages[std::max(0, m_language->GetSelection())];
    p.coder = m_coder->GetValue().Strip(wxString::both);
    p.snap_to_words = m_snap->GetValue();
    return p;
}

}  // namespace kodex::gui
