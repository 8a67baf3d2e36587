// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/session_panel.h"

#include "core/session.h"

namespace kodex::gui {

SessionPanel::SessionPanel(wxWindow* parent, const wxString& name, unsigned interests)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, name), m_interests(interests) {}

SessionPanel::~SessionPanel() { Unsubscribe(); }

void SessionPanel::SetSession(Session* session) {
    Unsubscribe();
    m_session = session;
    if (m_session) {
        m_token = m_session->events().subscribe([this](const Change& change) {
            if (change.kinds & m_interests) OnSessionChange(change);
        });
    }
    Reload();
}

void SessionPanel::OnSessionChange(const Change&) { Reload(); }

void SessionPanel::ReloadSoon() {
    if (m_reload_pending) return;
    m_reload_pending = true;
    CallAfter([this] {
        m_reload_pending = false;
        Reload();
    });
}

void SessionPanel::Unsubscribe() {
    if (m_session) m_session->events().unsubscribe(m_token);
    m_session = nullptr;
}

}  // namespace kodex::gui
