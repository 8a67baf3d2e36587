// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Language, coder name and coding behaviour. A new language applies at the next start.
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

#include "app/gui/ui/settings.h"

namespace kodex::gui {

class PreferencesDialog : public wxDialog {
public:
    PreferencesDialog(wxWindow* parent, const Preferences& preferences, const wxString& default_coder);
    Preferences GetPreferences() const;

private:
    wxChoice* m_language;
    wxTextCtrl* m_coder;
    wxCheckBox* m_snap;
};

}  // namespace kodex::gui
