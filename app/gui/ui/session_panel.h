// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Base of the panels that show project data: holds the session (or none, when no project is open) and a
// subscription to its change messages, and reloads when a change touches what the panel shows.
#include <wx/panel.h>

#include "core/observer.h"

namespace kodex {
class Session;
}

namespace kodex::gui {

class SessionPanel : public wxPanel {
public:
    SessionPanel(wxWindow* parent, const wxString& name, unsigned interests);
    ~SessionPanel() override;

    /// Shows the data of `session` (nullptr: no project), and follows its changes from now on.
    void SetSession(Session* session);
    /// Reads everything the panel shows from the session again.
    virtual void Reload() = 0;

protected:
    Session* GetSession() const { return m_session; }
    bool HasSession() const { return m_session != nullptr; }
    /// Called for every change that touches one of the panel's interests; reloads by default.
    virtual void OnSessionChange(const Change& change);
    /// Reloads once the current action's event has been handled; several changes in a row reload once.
    void ReloadSoon();

private:
    void Unsubscribe();

    Session* m_session = nullptr;
    int m_token = 0;
    unsigned m_interests;
    bool m_reload_pending = false;
};

}  // namespace kodex::gui
