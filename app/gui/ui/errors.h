// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The GUI's boundary for core errors: every handler that calls core runs inside Guarded(), which turns a
// kodex::Error into a dialog naming the file and the reason, so the window keeps working.
#include <wx/window.h>

#include <exception>

namespace kodex::gui {

/// Shows an error from core (or any std::exception) in a message dialog over `parent`.
void ShowError(wxWindow* parent, const std::exception& error);

/// Runs `action`; on an exception shows it and returns false.
template <class F>
bool Guarded(wxWindow* parent, F&& action) {
    try {
        action();
        return true;
    } catch (const std::exception& e) {
        ShowError(parent, e);
    }
    return false;
}

}  // namespace kodex::gui
