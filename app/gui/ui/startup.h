// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the editor finds things when it starts: the sample study's sources (codebooks/ and transcripts/,
// shipped in the source tree or the installation's data folder) and the project built from them.
#include <wx/string.h>

namespace kodex::gui {

/// The folder holding codebooks/ and transcripts/: the installation's share/kodex/sample beside the
/// executable's bin/, else searched upwards from the executable (the source tree). Empty when there is none.
wxString FindSampleSources();
/// The user's data folder for Kodex: $XDG_DATA_HOME/kodex (~/.local/share/kodex).
wxString UserDataDir();
/// Where the sample study project lives in the user's data folder.
wxString SampleProjectPath();
/// The coder name when the preferences leave it empty: $KODEX_CODER, else the login name.
wxString DefaultCoder();

}  // namespace kodex::gui
