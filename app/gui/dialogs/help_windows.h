// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Help > Getting started (a short page on the first steps) and Help > Keyboard shortcuts (read from the menu
// bar itself, so the list always matches the menus). Both are modeless: they stay open beside the editor.
#include <wx/dialog.h>

#include <vector>

class wxMenuBar;

namespace kodex::gui {

/// One menu command with a shortcut: the menu's title, the command's label and the keys, as the user reads them.
struct MenuShortcut {
    wxString menu, command, keys;
};

/// Every menu command of `menus` (submenus included) that has a shortcut, in menu order.
std::vector<MenuShortcut> MenuShortcuts(wxMenuBar* menus);
/// The getting-started page as HTML, in the running language.
wxString GettingStartedHtml();

/// Shows the Getting started window (named "getting_started"), or raises it when it is open.
void ShowGettingStarted(wxWindow* parent);
/// Shows the Keyboard shortcuts window (named "keyboard_shortcuts") for the frame's menu bar, or raises it.
void ShowKeyboardShortcuts(wxWindow* parent, wxMenuBar* menus);

}  // namespace kodex::gui
