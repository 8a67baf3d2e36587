// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/dialogs/code_description_dialog.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/ui/convert.h"

namespace kodex::gui {

CodeDescriptionDialog::CodeDescriptionDialog(wxWindow* parent, const wxString& code_name,
                                             const CodeDescription& description, bool read_only)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Description of \"%s\""), code_name), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "code_description") {
    auto* fields = new wxBoxSizer(wxVERTICAL);
    m_definition = AddField(fields, _("&Definition"), description.definition, "code_definition", read_only);
    m_anchor = AddField(fields, _("&Anchor example"), description.anchor_example, "code_anchor_example", read_only);
    m_rule = AddField(fields, _("Coding &rule"), description.coding_rule, "code_coding_rule", read_only);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(fields, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(read_only ? wxCLOSE : wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    SetEscapeId(read_only ? wxID_CLOSE : wxID_CANCEL);
    CentreOnParent();
    m_definition->SetFocus();
}

wxTextCtrl* CodeDescriptionDialog::AddField(wxSizer* sizer, const wxString& label, const std::string& value,
                                            const wxString& name, bool read_only) {
    sizer->Add(new wxStaticText(this, wxID_ANY, label), 0, wxBOTTOM, FromDIP(3));
    auto* text = new wxTextCtrl(this, wxID_ANY, ToWx(value), wxDefaultPosition, FromDIP(wxSize(520, 96)),
                                wxTE_MULTILINE | (read_only ? wxTE_READONLY : 0), wxDefaultValidator, name);
    sizer->Add(text, 1, wxEXPAND | wxBOTTOM, FromDIP(10));
    return text;
}

CodeDescription CodeDescriptionDialog::GetDescription() const {
    return {ToUtf8(m_definition->GetValue()), ToUtf8(m_anchor->GetValue()), ToUtf8(m_rule->GetValue())};
}

}  // namespace kodex::gui
