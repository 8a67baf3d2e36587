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
#include <iterator>
#include <string>
#include <vector>

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

std::string ReportLanguage() {
    wxTranslations* translations = wxTranslations::Get();
    if (translations == nullptr) return "en";
    const wxString best = translations->GetBestTranslation("kodex", wxLANGUAGE_ENGLISH_US);
    return best.StartsWith("de") ? "de" : "en";
}

wxString TranslateAction(const ActionLabel& label) {
    const wxString translated = wxGetTranslation(wxString::FromUTF8(label.text));
    return wxString::FromUTF8(fill_label(translated.utf8_string(), label.args));
}

// The templates core names its actions with (core/history/action_label.h), for po/update.sh to extract;
// tests/gui/i18n_test.cpp checks that this list and core's agree.
[[maybe_unused]] const char* const kActionTemplates[] = {
    wxTRANSLATE("Import transcript '{1}'"),
    wxTRANSLATE("Import {1} transcripts"),
    wxTRANSLATE("Rename document '{1}' to '{2}'"),
    wxTRANSLATE("Delete document '{1}'"),
    wxTRANSLATE("Add code '{1}'"),
    wxTRANSLATE("Rename code '{1}' to '{2}'"),
    wxTRANSLATE("Change colour of code '{1}'"),
    wxTRANSLATE("Describe code '{1}'"),
    wxTRANSLATE("Move code '{1}'"),
    wxTRANSLATE("Merge code '{1}' into '{2}'"),
    wxTRANSLATE("Delete code '{1}'"),
    wxTRANSLATE("Import codebook '{1}'"),
    wxTRANSLATE("Apply code '{1}'"),
    wxTRANSLATE("Remove coding '{1}'"),
    wxTRANSLATE("Change range of coding '{1}'"),
    wxTRANSLATE("Change code of coding '{1}' to '{2}'"),
    wxTRANSLATE("Code in vivo '{1}'"),
    wxTRANSLATE("Assign quick key"),
    wxTRANSLATE("Edit memo of project"),
    wxTRANSLATE("Edit memo of document '{1}'"),
    wxTRANSLATE("Edit memo of code '{1}'"),
    wxTRANSLATE("Edit memo of coding '{1}'"),
    wxTRANSLATE("Define variable '{1}'"),
    wxTRANSLATE("Set variable '{1}' of '{2}'"),
    wxTRANSLATE("Import variables from '{1}'"),
    wxTRANSLATE("Auto-code '{1}' as '{2}'"),
    wxTRANSLATE("Code the sample study"),
    wxTRANSLATE("Edit the text of '{1}'"),
};

std::vector<std::string> ActionTemplatesForTranslation() {
    return {std::begin(kActionTemplates), std::end(kActionTemplates)};
}

}  // namespace kodex::gui
