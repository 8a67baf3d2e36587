// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/settings.h"

#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>

#include "core/text/unicode.h"

namespace kodex::gui {

namespace {
// Bumped when the panes change, so an old saved layout does not hide a new pane.
const char* const kLayoutKey = "/Window/Layout2";
}  // namespace

void UseSettingsFile() {
    // wxFileConfig of wx 3.2 ignores the XDG layout; wxStandardPaths (set to XDG by the app) knows the folder.
    const wxString dir = wxStandardPaths::Get().GetUserConfigDir() + "/kodex";
    const wxString file = dir + "/kodex.conf";
    wxFileName::Mkdir(dir, wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    wxConfigBase::Set(new wxFileConfig("kodex", wxString(), file, wxString(), wxCONFIG_USE_LOCAL_FILE));
}

Preferences Preferences::Load() {
    wxConfigBase* config = wxConfigBase::Get();
    Preferences p;
    p.language = config->Read("/Preferences/Language", wxString());
    p.coder = config->Read("/Preferences/Coder", wxString());
    p.snap_to_words = config->ReadBool("/Preferences/SnapToWords", true);
    return p;
}

void Preferences::Save() const {
    wxConfigBase* config = wxConfigBase::Get();
    config->Write("/Preferences/Language", language);
    config->Write("/Preferences/Coder", coder);
    config->Write("/Preferences/SnapToWords", snap_to_words);
    config->Flush();
}

wxString LoadLastProject() { return wxConfigBase::Get()->Read("/Projects/Last", wxString()); }

void SaveLastProject(const wxString& path) {
    wxConfigBase::Get()->Write("/Projects/Last", path);
    wxConfigBase::Get()->Flush();
}

namespace {
wxString RecentCodesKey(const wxString& project) {
    // A key per project file; the path itself may hold characters wxConfig reads as structure.
    return "/RecentCodes/" + wxString::FromUTF8(sha256_hex(project.utf8_string()).substr(0, 20));
}
}  // namespace

wxArrayString LoadRecentCodes(const wxString& project) {
    return wxSplit(wxConfigBase::Get()->Read(RecentCodesKey(project), wxString()), ' ', '\0');
}

void SaveRecentCodes(const wxString& project, const wxArrayString& guids) {
    wxConfigBase::Get()->Write(RecentCodesKey(project), wxJoin(guids, ' ', '\0'));
    wxConfigBase::Get()->Flush();
}

wxString LoadLayout() { return wxConfigBase::Get()->Read(kLayoutKey, wxString()); }

wxString LayoutWithoutCaptions(const wxString& perspective) {
    // A perspective is "layout2|name=...;caption=...;state=...|name=...|dock_size(...)=...|"; captions are
    // escaped by wxAuiManager, so the value ends at the next unescaped ';'.
    wxString out;
    out.reserve(perspective.size());
    const wxString key = "caption=";
    std::size_t i = 0;
    while (i < perspective.size()) {
        const bool at_field = i == 0 || perspective[i - 1] == ';' || perspective[i - 1] == '|';
        if (at_field && perspective.compare(i, key.size(), key) == 0) {
            out += key;
            i += key.size();
            while (i < perspective.size() && perspective[i] != ';' && perspective[i] != '|') i += perspective[i] == '\\' ? 2 : 1;
            continue;
        }
        out += perspective[i++];
    }
    return out;
}

void SaveLayout(const wxString& perspective) {
    wxConfigBase::Get()->Write(kLayoutKey, LayoutWithoutCaptions(perspective));
    wxConfigBase::Get()->Flush();
}

}  // namespace kodex::gui
