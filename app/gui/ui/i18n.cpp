// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/i18n.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <langinfo.h>

#include <clocale>
#include <cstring>

namespace kodex::gui {

namespace {

// The executable sits in <build>/app (catalogs in <build>/locale), in <build>/tests/gui for the tests, or
// in <prefix>/bin (catalogs in <prefix>/share/locale).
void AddLookupPaths() {
    wxFileName dir(wxStandardPaths::Get().GetExecutablePath());
    dir.SetFullName(wxString());
    for (int up = 0; up < 4 && dir.GetDirCount() > 0; ++up) {
        dir.RemoveLastDir();
        for (const wxString& sub : {wxString("locale"), wxString("share/locale")}) {
            const wxString prefix = dir.GetPath() + "/" + sub;
            if (wxFileName::FileExists(prefix + "/de/LC_MESSAGES/kodex.mo"))
                wxFileTranslationsLoader::AddCatalogLookupPathPrefix(prefix);
        }
    }
}

// The editor's narrow string literals are UTF-8 and wx decodes them with the C library's locale. A bare "C"
// locale (no LANG, as under xvfb-run) would turn every umlaut and ellipsis into nothing; C.UTF-8 is always
// there on glibc.
void EnsureUtf8Locale() {
    if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
}

}  // namespace

void SetUpTranslations(const wxString& language) {
    wxUILocale::UseDefault();
    EnsureUtf8Locale();
    AddLookupPaths();
    auto* translations = new wxTranslations;
    if (!language.empty()) translations->SetLanguage(language);
    wxTranslations::Set(translations);
    translations->AddStdCatalog();
    translations->AddCatalog("kodex", wxLANGUAGE_ENGLISH_US);
}

}  // namespace kodex::gui
