// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The editor's own settings, kept with wxConfig (~/.config/kodex on Linux): the user's preferences, the last
// project and the pane layout. Project data never lives here.
#include <wx/arrstr.h>
#include <wx/string.h>

namespace kodex::gui {

struct Preferences {
    wxString language;           ///< "" follows the system; else "en" or "de"
    wxString coder;              ///< name new codings are attributed to; "" uses the default
    bool snap_to_words = true;   ///< widen selections to whole words before coding

    static Preferences Load();
    void Save() const;
};

/// Keeps the settings in $XDG_CONFIG_HOME/kodex/kodex.conf (~/.config/kodex), creating the folder when needed.
void UseSettingsFile();

wxString LoadLastProject();
void SaveLastProject(const wxString& path);
/// The codes a user applied last in a project (their GUIDs, most recent first), kept per project file.
wxArrayString LoadRecentCodes(const wxString& project);
void SaveRecentCodes(const wxString& project, const wxArrayString& guids);
wxString LoadLayout();
/// Keeps the pane layout (a wxAuiManager perspective) without the panes' captions, which are in the UI
/// language of the moment: the window sets them again after loading, in the language it runs in.
void SaveLayout(const wxString& perspective);
/// A perspective with every pane's caption left empty.
wxString LayoutWithoutCaptions(const wxString& perspective);

}  // namespace kodex::gui
