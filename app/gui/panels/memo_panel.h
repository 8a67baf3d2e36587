// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The memo of the current document, code or coding. Typing is saved through the session when the text
// loses the focus, after a short pause, and before the memo's target changes. The pane follows its target:
// a rename shows, and when the target goes (an undo removes a code made in vivo, a deletion) the pane says
// so; text typed for it is kept in the pane and can be added to the project memo, which happens by itself
// when another memo is opened. Typed text is never dropped.
#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include "app/gui/ui/session_panel.h"
#include "core/model/memo.h"

namespace kodex::gui {

class MemoPanel : public SessionPanel {
public:
    explicit MemoPanel(wxWindow* parent);

    /// Shows the memo of a target (saving the one being edited first); `kind` says what kind of memo it is
    /// ("Code memo"), `name` names the target.
    void SetTarget(MemoTarget target, std::int64_t id, const wxString& kind, const wxString& name);
    /// True when the memo shown is the one of this target.
    bool Shows(MemoTarget target, std::int64_t id) const { return m_target == target && m_id == id; }
    /// Saves pending typing now.
    void Flush();
    /// Puts the caret into the memo text.
    void Edit();
    wxTextCtrl* GetEditor() const { return m_text; }

    void Reload() override;

private:
    void OnSessionChange(const Change& change) override;
    void OnText(wxCommandEvent& event);
    /// Whether the target still exists; shows its current name (read again when `names`), or says that it is gone.
    bool FollowTarget(bool names = true);
    /// Appends unsaved text of a target that is gone to the project memo (one undoable action).
    void RescueToProjectMemo();

    wxStaticText* m_kind;
    wxStaticText* m_name;
    wxTextCtrl* m_text;
    wxStaticText* m_gone;   ///< says that the target no longer exists
    wxButton* m_rescue;     ///< adds the text typed for a target that is gone to the project memo
    wxTimer m_pause;
    MemoTarget m_target = MemoTarget::Project;
    std::int64_t m_id = 0;
    bool m_dirty = false;
    bool m_exists = true;  ///< the target existed at the last look
    bool m_loading = false;
    bool m_saving = false;
};

}  // namespace kodex::gui
