// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/memo_panel.h"

#include <wx/log.h>
#include <wx/sizer.h>

#include <algorithm>

#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"
#include "core/session.h"

namespace kodex::gui {

namespace {
constexpr int kPauseMs = 1500;
}

MemoPanel::MemoPanel(wxWindow* parent)
    : SessionPanel(parent, "memo_panel", Change::Memos | Change::Codes | Change::Codings | Change::Documents),
      m_pause(this) {
    m_kind = new wxStaticText(this, wxID_ANY, _("Memo"), wxDefaultPosition, wxDefaultSize, 0, "memo_kind");
    m_kind->SetFont(m_kind->GetFont().Bold());
    m_name = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxST_ELLIPSIZE_MIDDLE | wxST_NO_AUTORESIZE, "memo_target");
    m_name->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
    m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_RICH2 | wxBORDER_NONE, wxDefaultValidator, "memo");
    m_text->SetHint(_("Write a memo…"));
    m_gone = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "memo_gone");
    m_gone->SetForegroundColour(wxColour(0xA0, 0x30, 0x10));
    m_rescue = new wxButton(this, wxID_ANY, _("Add to the project memo"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "memo_rescue");
    m_rescue->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RescueToProjectMemo(); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_kind, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    sizer->Add(m_name, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(m_gone, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    sizer->Add(m_rescue, 0, wxLEFT | wxBOTTOM, FromDIP(6));
    sizer->Add(m_text, 1, wxEXPAND | wxLEFT, FromDIP(4));
    SetSizer(sizer);
    m_gone->Hide();
    m_rescue->Hide();

    m_text->Bind(wxEVT_TEXT, &MemoPanel::OnText, this);
    m_text->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        Flush();
        e.Skip();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Flush(); });
}

void MemoPanel::SetTarget(MemoTarget target, std::int64_t id, const wxString& kind, const wxString& name) {
    Flush();
    if (m_dirty) RescueToProjectMemo();  // typed for a target that is gone: it must not vanish with the switch
    m_target = target;
    m_id = id;
    m_kind->SetLabel(kind);
    m_name->SetLabel(name);
    m_name->SetToolTip(name);
    Reload();
}

bool MemoPanel::FollowTarget(bool names) {
    const bool exists = HasSession() && GetSession()->memo_target_exists(m_target, m_id);
    m_exists = exists;
    if (exists && names && m_target != MemoTarget::Project) {
        wxString name;
        Guarded(this, [&] {
            if (m_target == MemoTarget::Code) name = ToWx(GetSession()->code(CodeId(m_id)).name);
            else if (m_target == MemoTarget::Coding) name = ToWx(GetSession()->coding(CodingId(m_id)).code_path);
            else
                for (const DocumentSummary& d : GetSession()->documents())
                    if (d.id == DocumentId(m_id)) name = ToWx(d.name);
        });
        if (name != m_name->GetLabel()) {
            m_name->SetLabel(name);
            m_name->SetToolTip(name);
        }
    }
    wxString gone;
    if (HasSession() && !exists) {
        switch (m_target) {
        case MemoTarget::Code: gone = _("This code no longer exists."); break;
        case MemoTarget::Coding: gone = _("This coding no longer exists."); break;
        case MemoTarget::Document: gone = _("This document no longer exists."); break;
        case MemoTarget::Project: break;
        }
        if (m_dirty) gone += "\n" + _("Your text is kept here. Undo or Redo can bring the target back, or add the text "
                                      "to the project memo.");
    }
    m_gone->SetLabel(gone);
    m_gone->Wrap(std::max(FromDIP(120), GetClientSize().x - FromDIP(12)));
    m_gone->Show(!gone.empty());
    m_rescue->Show(!gone.empty() && m_dirty);
    Layout();
    return exists;
}

void MemoPanel::Reload() {
    m_loading = true;
    const bool exists = FollowTarget();
    if (!m_dirty) {  // text typed for a target that is gone stays in the editor
        std::optional<Memo> memo;
        if (HasSession() && exists) memo = GetSession()->memo(m_target, m_id);
        m_text->ChangeValue(memo ? ToWx(memo->text) : wxString());
    }
    m_text->SetEditable(HasSession() && !GetSession()->store().read_only() && (exists || m_dirty));
    m_text->Enable(HasSession() && (exists || m_dirty));
    if (!HasSession()) {
        m_kind->SetLabel(_("Memo"));
        m_name->SetLabel(wxString());
    }
    m_loading = false;
}

void MemoPanel::OnSessionChange(const Change& change) {
    // Someone else's change (undo, merge, rename) shows; while the user is typing here only the target's name
    // and existence follow, so the caret stays. The panel's own save does not reload. Coding is frequent: the
    // memo is read again only when memos changed or the target came or went, the name only when it can have.
    if (m_saving) return;
    const bool names = m_target == MemoTarget::Document
                           ? change.touches(Change::Documents)
                           : change.touches(Change::Codes) || (m_target == MemoTarget::Coding && change.touches(Change::Codings));
    const bool existed = m_exists;
    const bool exists = FollowTarget(names);
    if (!m_dirty && (change.touches(Change::Memos) || exists != existed)) Reload();
}

void MemoPanel::OnText(wxCommandEvent&) {
    if (m_loading) return;
    m_dirty = true;
    m_pause.StartOnce(kPauseMs);
}

void MemoPanel::Flush() {
    m_pause.Stop();
    if (!m_dirty || !HasSession()) return;
    if (!GetSession()->memo_target_exists(m_target, m_id)) {  // kept, and the pane says where it can go
        FollowTarget();
        return;
    }
    m_dirty = false;
    const std::string text = ToUtf8(m_text->GetValue());
    m_saving = true;
    Guarded(this, [&] { GetSession()->set_memo(m_target, m_id, text); });
    m_saving = false;
}

void MemoPanel::RescueToProjectMemo() {
    if (!m_dirty || !HasSession()) return;
    const wxString typed = m_text->GetValue();
    std::optional<Memo> project = GetSession()->memo(MemoTarget::Project, 0);
    wxString joined = project ? ToWx(project->text) + "\n\n" : wxString();
    joined += wxString::Format(_("From the memo of \u201C%s\u201D, which no longer exists:"), m_name->GetLabel()) + "\n" + typed;
    bool saved = false;
    m_saving = true;
    Guarded(this, [&] {
        GetSession()->set_memo(MemoTarget::Project, 0, ToUtf8(joined));
        saved = true;
    });
    m_saving = false;
    if (!saved) return;
    m_dirty = false;
    wxLogStatus(_("The text of the memo that no longer exists was added to the project memo."));
    Reload();
}

void MemoPanel::Edit() { m_text->SetFocus(); }

}  // namespace kodex::gui
