// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/memo_panel.h"

#include <wx/sizer.h>

#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"
#include "core/session.h"

namespace kodex::gui {

namespace {
constexpr int kPauseMs = 1500;
}

MemoPanel::MemoPanel(wxWindow* parent) : SessionPanel(parent, "memo_panel", Change::Memos), m_pause(this) {
    m_kind = new wxStaticText(this, wxID_ANY, _("Memo"), wxDefaultPosition, wxDefaultSize, 0, "memo_kind");
    m_kind->SetFont(m_kind->GetFont().Bold());
    m_name = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxST_ELLIPSIZE_MIDDLE | wxST_NO_AUTORESIZE, "memo_target");
    m_name->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
    m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_RICH2 | wxBORDER_NONE, wxDefaultValidator, "memo");
    m_text->SetHint(_("Write a memo…"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_kind, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    sizer->Add(m_name, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(m_text, 1, wxEXPAND | wxLEFT, FromDIP(4));
    SetSizer(sizer);

    m_text->Bind(wxEVT_TEXT, &MemoPanel::OnText, this);
    m_text->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        Flush();
        e.Skip();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Flush(); });
}

void MemoPanel::SetTarget(MemoTarget target, std::int64_t id, const wxString& kind, const wxString& name) {
    Flush();
    m_target = target;
    m_id = id;
    m_kind->SetLabel(kind);
    m_name->SetLabel(name);
    m_name->SetToolTip(name);
    Reload();
}

void MemoPanel::Reload() {
    m_loading = true;
    std::optional<Memo> memo;
    if (HasSession()) memo = GetSession()->memo(m_target, m_id);
    m_text->ChangeValue(memo ? ToWx(memo->text) : wxString());
    m_text->SetEditable(HasSession() && !GetSession()->store().read_only());
    m_text->Enable(HasSession());
    if (!HasSession()) {
        m_kind->SetLabel(_("Memo"));
        m_name->SetLabel(wxString());
    }
    m_dirty = false;
    m_loading = false;
}

void MemoPanel::OnSessionChange(const Change&) {
    // Someone else's change (undo, merge) shows unless the user is typing here; the panel's own save does
    // not reload, so the caret stays where the user is typing.
    if (!m_dirty && !m_saving) Reload();
}

void MemoPanel::OnText(wxCommandEvent&) {
    if (m_loading) return;
    m_dirty = true;
    m_pause.StartOnce(kPauseMs);
}

void MemoPanel::Flush() {
    m_pause.Stop();
    if (!m_dirty || !HasSession()) return;
    m_dirty = false;
    const std::string text = ToUtf8(m_text->GetValue());
    m_saving = true;
    Guarded(this, [&] { GetSession()->set_memo(m_target, m_id, text); });
    m_saving = false;
}

void MemoPanel::Edit() { m_text->SetFocus(); }

}  // namespace kodex::gui
