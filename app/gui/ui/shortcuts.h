// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// wxStyledTextCtrl on GTK keeps key presses with Ctrl or Alt, and function keys, from reaching the menu bar,
// so Ctrl+D, Ctrl+Z, F6 and the other menu shortcuts would do nothing while the transcript has the focus. The
// transcript hands such keys to the menu bar with this.
#include <wx/event.h>

class wxMenuBar;

namespace kodex::gui {

/// Runs the menu command whose shortcut is `key` (when it is enabled); false when no menu item has that shortcut.
bool RunMenuShortcut(wxMenuBar* menus, const wxKeyEvent& key);

}  // namespace kodex::gui
