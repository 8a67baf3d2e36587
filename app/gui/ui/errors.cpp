// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/errors.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "app/gui/ui/convert.h"
#include "core/errors.h"

namespace kodex::gui {

namespace {

// A headline that says what kind of problem it is; the details come from core.
wxString Headline(const std::exception& error) {
    if (const auto* store = dynamic_cast<const StoreError*>(&error)) {
        switch (store->kind()) {
        case StoreError::Kind::NotAProject: return _("This file is not a Kodex project.");
        case StoreError::Kind::Corrupt: return _("The project file is damaged.");
        case StoreError::Kind::Locked: return _("The project is in use by another program.");
        case StoreError::Kind::TooNew: return _("The project was saved by a newer Kodex.");
        case StoreError::Kind::Other: return _("The project could not be read or written.");
        }
    }
    if (const auto* io = dynamic_cast<const IoError*>(&error))
        return wxString::Format(_("Kodex could not read or write \"%s\"."), ToWx(io->path()));
    if (const auto* parse = dynamic_cast<const ParseError*>(&error))
        return wxString::Format(_("The file \"%s\" could not be read."), ToWx(parse->file()));
    if (dynamic_cast<const UnsupportedFormat*>(&error)) return _("Kodex cannot read files of this kind.");
    if (dynamic_cast<const InvalidArgument*>(&error)) return _("This cannot be done.");
    if (dynamic_cast<const Cancelled*>(&error)) return _("The work was cancelled.");
    return _("Something went wrong.");
}

}  // namespace

void ShowError(wxWindow* parent, const std::exception& error) {
    wxMessageDialog dialog(parent, Headline(error), _("Kodex"), wxOK | wxICON_ERROR);
    dialog.SetExtendedMessage(ToWx(error.what()));
    dialog.ShowModal();
}

}  // namespace kodex::gui
