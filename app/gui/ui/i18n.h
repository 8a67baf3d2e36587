// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Translations: the "kodex" message catalog (po/*.po, compiled to <prefix>/locale/<lang>/LC_MESSAGES/kodex.mo)
// found next to the build or in the installation's share/locale.
#include <wx/string.h>

#include <string>
#include <vector>

#include "core/history/action_label.h"

namespace kodex::gui {

/// Sets up the UI language: `language` is "" (the system's), "en" or "de".
void SetUpTranslations(const wxString& language);

/// The UI language as the words of reports know it ("de" when the German catalog is in use, else "en"):
/// the Preferences choice, or for "" the one wxTranslations picked from the system.
std::string ReportLanguage();

/// An action's label in the UI language: the template is translated, the names in it stay as they are.
wxString TranslateAction(const ActionLabel& label);
/// The action templates the editor marks for translation (they must be core's: see action_label.h).
std::vector<std::string> ActionTemplatesForTranslation();

}  // namespace kodex::gui
