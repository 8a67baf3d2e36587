// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Translations: the "kodex" message catalog (po/*.po, compiled to <prefix>/locale/<lang>/LC_MESSAGES/kodex.mo)
// found next to the build or in the installation's share/locale.
#include <wx/string.h>

namespace kodex::gui {

/// Sets up the UI language: `language` is "" (the system's), "en" or "de".
void SetUpTranslations(const wxString& language);

}  // namespace kodex::gui
