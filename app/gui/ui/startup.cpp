// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/startup.h"

#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

namespace kodex::gui {

namespace {

bool HasSampleSources(const wxString& dir) {
    return wxFileName::DirExists(dir + "/codebooks") && wxFileName::DirExists(dir + "/transcripts");
}

}  // namespace

wxString FindSampleSources() {
    wxFileName dir(wxStandardPaths::Get().GetExecutablePath());
    dir.SetFullName(wxString());
    // Installed: <prefix>/bin/kodex beside <prefix>/share/kodex/sample (packaging/CMakeLists.txt). Looked at
    // first, so an installation inside a source tree still uses its own copy.
    if (dir.GetDirCount() > 0) {
        wxFileName installed(dir);
        installed.RemoveLastDir();
        installed.AppendDir("share");
        installed.AppendDir("kodex");
        installed.AppendDir("sample");
        if (HasSampleSources(installed.GetPath())) return installed.GetPath();
    }
    while (dir.GetDirCount() > 0) {
        if (HasSampleSources(dir.GetPath())) return dir.GetPath();
        dir.RemoveLastDir();
    }
    const wxString installed = wxStandardPaths::Get().GetDataDir() + "/sample";
    return HasSampleSources(installed) ? installed : wxString();
}

wxString UserDataDir() {
    // wxStandardPaths of wx 3.2 puts user data in ~/.kodex even with the XDG layout.
    wxString base;
    if (!wxGetEnv("XDG_DATA_HOME", &base) || base.empty()) base = wxFileName::GetHomeDir() + "/.local/share";
    return base + "/kodex";
}

wxString SampleProjectPath() {
    // Not translated: the file must be found again after a change of language.
    return UserDataDir() + "/Kodex sample study.kodex";
}

wxString DefaultCoder() {
    wxString coder;
    if (wxGetEnv("KODEX_CODER", &coder) && !coder.empty()) return coder;
    coder = wxGetUserId();
    return coder.empty() ? wxString("coder") : coder;
}

}  // namespace kodex::gui
