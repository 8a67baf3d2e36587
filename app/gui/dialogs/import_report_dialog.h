// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an import did: the documents it added, the files it skipped as duplicates and the files it could
// not read, each with the reason.
#include <wx/dialog.h>

#include "core/session.h"

namespace kodex::gui {

class ImportReportDialog : public wxDialog {
public:
    ImportReportDialog(wxWindow* parent, const ImportReport& report);
};

}  // namespace kodex::gui
