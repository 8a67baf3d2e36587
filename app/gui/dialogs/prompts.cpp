// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/dialogs/prompts.h"

#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include <algorithm>

#include "app/gui/ui/convert.h"

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

std::optional<std::vector<std::string>> AskCoders(wxWindow* parent, Session& session,
                                                  const std::vector<std::string>& chosen) {
    const wxString title = _("Intercoder agreement");
    wxArrayString names;
    wxArrayInt ticked;
    for (const Coder& c : session.coders()) {
        if (std::find(chosen.begin(), chosen.end(), c.name) != chosen.end()) ticked.Add(static_cast<int>(names.size()));
        names.Add(ToWx(c.name));
    }
    if (names.size() < 2) {
        wxMessageBox(_("Agreement needs the codings of at least two coders, and this project has codings by one "
                       "coder only."),
                     title, wxOK | wxICON_INFORMATION, parent);
        return std::nullopt;
    }
    if (ticked.empty()) {
        ticked.Add(0);
        ticked.Add(1);
    }
    if (wxGetSelectedChoices(ticked, _("Compare the codings of these coders (two or more):"), title, names, parent) < 0)
        return std::nullopt;
    if (ticked.size() < 2) {
        wxMessageBox(_("Choose at least two coders."), title, wxOK | wxICON_INFORMATION, parent);
        return std::nullopt;
    }
    std::vector<std::string> coders;
    for (int i : ticked) coders.push_back(ToUtf8(names[i]));
    return coders;
}

}  // namespace kodex::gui
