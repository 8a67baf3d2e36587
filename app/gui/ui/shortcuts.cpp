// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/shortcuts.h"

#include <wx/accel.h>
#include <wx/frame.h>
#include <wx/menu.h>

#include <memory>

namespace kodex::gui {

namespace {

bool Matches(const wxMenuItem* item, const wxKeyEvent& key) {
    const std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
    return accel && accel->GetKeyCode() == key.GetKeyCode() && accel->GetFlags() == key.GetModifiers();
}

const wxMenuItem* Find(const wxMenu* menu, const wxKeyEvent& key) {
    for (const wxMenuItem* item : menu->GetMenuItems()) {
        if (item->IsSubMenu()) {
            if (const wxMenuItem* found = Find(item->GetSubMenu(), key)) return found;
        } else if (Matches(item, key)) {
            return item;
        }
    }
    return nullptr;
}

}  // namespace

bool RunMenuShortcut(wxMenuBar* menus, const wxKeyEvent& key) {
    const bool function_key = key.GetKeyCode() >= WXK_F1 && key.GetKeyCode() <= WXK_F24;
    if (!menus || !(function_key || (key.GetModifiers() & (wxMOD_CONTROL | wxMOD_ALT)))) return false;
    menus->UpdateMenus();  // the item's enabled state must be current
    for (std::size_t i = 0; i < menus->GetMenuCount(); ++i) {
        const wxMenuItem* item = Find(menus->GetMenu(i), key);
        if (!item) continue;
        if (!item->IsEnabled()) return true;  // the shortcut is taken, but not now
        wxCommandEvent command(wxEVT_MENU, item->GetId());
        command.SetEventObject(menus->GetFrame());
        menus->GetFrame()->GetEventHandler()->ProcessEvent(command);
        return true;
    }
    return false;
}

}  // namespace kodex::gui
