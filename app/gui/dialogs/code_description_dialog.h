// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits a code's description as codebooks of qualitative content analysis have it: definition, anchor
// example and coding rule.
#include <wx/dialog.h>
#include <wx/textctrl.h>

#include "core/model/code.h"

namespace kodex::gui {

class CodeDescriptionDialog : public wxDialog {
public:
    CodeDescriptionDialog(wxWindow* parent, const wxString& code_name, const CodeDescription& description,
                          bool read_only);
    CodeDescription GetDescription() const;

private:
    wxTextCtrl* AddField(wxSizer* sizer, const wxString& label, const std::string& value, const wxString& name,
                         bool read_only);

    wxTextCtrl* m_definition;
    wxTextCtrl* m_anchor;
    wxTextCtrl* m_rule;
};

}  // namespace kodex::gui
