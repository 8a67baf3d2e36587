// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/dialogs/prompts.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

namespace kodex::gui {

std::optional<DeleteCodings> AskDeleteCodings(wxWindow* parent, const wxString& code_name, std::int64_t codings,
                                              bool has_parent) {
    const wxString question =
        wxString::Format(wxPLURAL("\"%s\" has %lld coding.", "\"%s\" has %lld codings.", codings), code_name,
                         static_cast<long long>(codings));
    if (!has_parent) {
        wxMessageDialog dialog(parent, question, _("Delete code"), wxOK | wxCANCEL | wxICON_QUESTION);
        dialog.SetExtendedMessage(_("They are deleted with the code. You can undo this."));
        dialog.SetOKCancelLabels(_("Delete code and codings"), _("Cancel"));
        if (dialog.ShowModal() != wxID_OK) return std::nullopt;
        return DeleteCodings::Delete;
    }
    wxMessageDialog dialog(parent, question, _("Delete code"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
    dialog.SetExtendedMessage(_("What should happen to them? You can undo this."));
    dialog.SetYesNoCancelLabels(_("Delete the codings"), _("Move them to the parent code"), _("Cancel"));
    switch (dialog.ShowModal()) {
    case wxID_YES: return DeleteCodings::Delete;
    case wxID_NO: return DeleteCodings::MoveToParent;
    default: return std::nullopt;
    }
}

bool AskOpenReadOnly(wxWindow* parent, const wxString& path, const wxString& holder) {
    wxMessageDialog dialog(parent, wxString::Format(_("\"%s\" is open in another Kodex."), path), _("Project in use"),
                           wxOK | wxCANCEL | wxICON_INFORMATION);
    dialog.SetExtendedMessage(wxString::Format(_("It is used by %s.\n\nYou can open it read-only: you see everything, "
                                                 "and nothing is changed."),
                                               holder));
    dialog.SetOKCancelLabels(_("Open read-only"), _("Cancel"));
    return dialog.ShowModal() == wxID_OK;
}

bool ConfirmDeleteCode(wxWindow* parent, const wxString& code_name, std::size_t subcodes) {
    wxMessageDialog dialog(parent,
                           wxString::Format(wxPLURAL("Delete \"%s\" and its %zu subcode?",
                                                     "Delete \"%s\" and its %zu subcodes?", subcodes),
                                            code_name, subcodes),
                           _("Delete code"), wxOK | wxCANCEL | wxICON_QUESTION);
    dialog.SetExtendedMessage(_("You can undo this."));
    dialog.SetOKCancelLabels(_("Delete"), _("Cancel"));
    return dialog.ShowModal() == wxID_OK;
}

}  // namespace kodex::gui
