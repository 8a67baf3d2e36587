// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `kodex --bench PROJECT [DOCUMENT]`: opens a document in the editor window and prints how long the first
// paint, applying a code (with the repaint) and scrolling through the whole text take. The numbers go to
// stdout; nothing is asserted (see tests/bench/ for the project generator).
#include <wx/string.h>

namespace kodex::gui {

/// Runs the benchmark in a new editor window; returns the process exit code.
int RunBench(const wxString& project, const wxString& document);

}  // namespace kodex::gui
