// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/dialogs/import_report_dialog.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <filesystem>

#include "app/gui/ui/convert.h"

namespace kodex::gui {

namespace {

wxString FileName(const std::string& path) { return ToWx(std::filesystem::path(path).filename().string()); }

wxString Summary(const ImportReport& report) {
    wxString text = wxString::Format(wxPLURAL("%zu document imported.", "%zu documents imported.", report.imported.size()),
                                     report.imported.size());
    if (!report.duplicates.empty())
        text << " " << wxString::Format(wxPLURAL("%zu file was already in the project.", "%zu files were already in the project.",
                                                 report.duplicates.size()),
                                        report.duplicates.size());
    if (!report.failed.empty())
        text << "\n"
             << wxString::Format(wxPLURAL("%zu file could not be read, so nothing was imported.",
                                          "%zu files could not be read, so nothing was imported.", report.failed.size()),
                                 report.failed.size());
    return text;
}

}  // namespace

ImportReportDialog::ImportReportDialog(wxWindow* parent, const ImportReport& report)
    : wxDialog(parent, wxID_ANY, _("Import"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER,
               "import_report") {
    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(720, 260)), wxLC_REPORT,
                                wxDefaultValidator, "import_report_list");
    list->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(220));
    list->AppendColumn(_("Result"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list->AppendColumn(_("Details"), wxLIST_FORMAT_LEFT, FromDIP(370));
    auto add = [list](const std::string& path, const wxString& result, const wxString& details) {
        const long row = list->InsertItem(list->GetItemCount(), FileName(path));
        list->SetItem(row, 1, result);
        list->SetItem(row, 2, details);
    };
    for (const auto& f : report.failed) add(f.path, _("not readable"), ToWx(f.reason));
    for (const auto& d : report.duplicates) add(d.path, _("duplicate"), ToWx(d.reason));
    for (const auto& i : report.imported) {
        const long long turns = i.turns, characters = i.length;
        wxString details = wxString::Format(wxPLURAL("%lld turn", "%lld turns", turns), turns) + ", " +
                           wxString::Format(wxPLURAL("%lld character", "%lld characters", characters), characters) + ", " +
                           ToWx(i.format) + ", " + ToWx(i.encoding);
        for (const std::string& note : i.notes) details << "; " << ToWx(note);
        add(i.path, _("imported"), details);
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, Summary(report)), 0, wxALL, FromDIP(10));
    sizer->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    if (!report.backup.empty())
        sizer->Add(new wxStaticText(this, wxID_ANY, wxString::Format(_("A backup was made first: %s"), ToWx(report.backup))),
                   0, wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(wxOK), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    CentreOnParent();
}

}  // namespace kodex::gui
