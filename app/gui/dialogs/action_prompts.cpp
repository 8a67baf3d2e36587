// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/dialogs/action_prompts.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

namespace kodex::gui {

wxString MergeNote(const wxString& code_name, std::int64_t codings, std::size_t subcodes, bool has_memo) {
    wxString note = wxString::Format(_("Merging \u201C%s\u201D into the code you pick:"), code_name) + "\n";
    const auto n = static_cast<long long>(codings);
    note << "\u2022 " << (codings == 0 ? _("it has no codings of its own")
                                      : wxString::Format(wxPLURAL("its %lld coding moves to that code",
                                                                  "its %lld codings move to that code", n), n))
         << "\n";
    if (subcodes > 0)
        note << "\u2022 " << wxString::Format(wxPLURAL("its %zu subcode moves under that code, with its codings",
                                                       "its %zu subcodes move under that code, with their codings",
                                                       subcodes), subcodes)
             << "\n";
    if (has_memo) note << "\u2022 " << _("its memo is appended to that code's memo") << "\n";
    note << "\u2022 " << wxString::Format(_("\u201C%s\u201D is deleted"), code_name) << "\n";
    note << _("A backup of the project is taken first, and Edit > Undo reverts the merge.");
    return note;
}

bool ConfirmDeleteDocument(wxWindow* parent, const wxString& name, std::int64_t codings) {
    wxMessageDialog dialog(parent, wxString::Format(_("Delete the document \u201C%s\u201D?"), name), _("Delete document"),
                           wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    const auto n = static_cast<long long>(codings);
    wxString details;
    if (codings > 0)
        details = wxString::Format(wxPLURAL("Its %lld coding is deleted with it. A backup of the project is taken first.",
                                            "Its %lld codings are deleted with it. A backup of the project is taken first.",
                                            n), n);
    else
        details = _("It has no codings.");
    details << "\n" << _("Edit > Undo brings the document back.");
    dialog.SetExtendedMessage(details);
    dialog.SetYesNoLabels(_("Delete"), _("Keep"));
    return dialog.ShowModal() == wxID_YES;
}

bool AskRestartForLanguage(wxWindow* parent) {
    wxMessageDialog dialog(parent, _("The new language applies when Kodex starts again. Restart now?"),
                           _("Preferences"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
    dialog.SetExtendedMessage(_("The project stays as it is: every action is saved already."));
    dialog.SetYesNoLabels(_("Restart now"), _("Later"));
    return dialog.ShowModal() == wxID_YES;
}

}  // namespace kodex::gui
