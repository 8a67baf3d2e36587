// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export analysis: the analyses kodex-cli exports, for the ticked codes and documents, written by the
// same core call (write_analysis) in the format the user picks.
#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include <algorithm>

#include "app/gui/dialogs/prompts.h"
#include "app/gui/main_frame.h"
#include "app/gui/panels/codebook_panel.h"
#include "app/gui/panels/documents_panel.h"
#include "app/gui/panels/memo_panel.h"
#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"
#include "app/gui/ui/i18n.h"

namespace kodex::gui {

namespace {

struct AnalysisEntry {
    AnalysisKind kind;
    const char* menu;  ///< the menu item (translated when shown)
    const char* file;  ///< the suggested file name after the project's name
    const char* help;  ///< the status bar text
};

const AnalysisEntry kAnalyses[] = {
    {AnalysisKind::Frequencies, wxTRANSLATE("Code &frequencies…"), wxTRANSLATE("code frequencies"),
     wxTRANSLATE("Codings, documents and characters per code; as a table, for SPSS or as a bar chart")},
    {AnalysisKind::Matrix, wxTRANSLATE("Code-by-document &matrix…"), wxTRANSLATE("code matrix"),
     wxTRANSLATE("One row per document with its variables and one column per code, to join the survey data")},
    {AnalysisKind::Crosstab, wxTRANSLATE("Codes by a document &variable…"), wxTRANSLATE("crosstab"),
     wxTRANSLATE("Codes by the groups of a document variable, with the share of each group's documents")},
    {AnalysisKind::Cooccurrence, wxTRANSLATE("Code &co-occurrence…"), wxTRANSLATE("co-occurrence"),
     wxTRANSLATE("How often codes overlap; as a table or a heat map")},
    {AnalysisKind::Segments, wxTRANSLATE("Coded &segments…"), wxTRANSLATE("segments"),
     wxTRANSLATE("One row per coding with its text, speaker, time, memo and the document's variables")},
    {AnalysisKind::Quotes, wxTRANSLATE("&Quotes for the report…"), wxTRANSLATE("quotes"),
     wxTRANSLATE("Quotes grouped by code with their sources, as a Word document, web page or Markdown")},
    {AnalysisKind::Agreement, wxTRANSLATE("Intercoder &agreement…"), wxTRANSLATE("agreement"),
     wxTRANSLATE("Agreement of two or more coders per code: percent, Cohen's kappa, Krippendorff's alpha")},
};
static_assert(sizeof kAnalyses / sizeof kAnalyses[0] == ID_EXPORT_ANALYSIS_LAST - ID_EXPORT_ANALYSIS_FIRST + 1);

/// One line of the file dialog's type list.
struct FileType {
    wxString description;
    std::string extension;
    bool german_excel = false;
};

std::vector<FileType> FileTypes(AnalysisKind kind) {
    std::vector<FileType> types;
    for (const std::string& e : analysis_formats(kind)) {
        if (e == ".xlsx") types.push_back({_("Excel workbook (*.xlsx)"), e});
        if (e == ".csv") {
            types.push_back({_("CSV, comma separated (*.csv)"), e});
            types.push_back({_("CSV for German Excel, semicolon separated (*.csv)"), e, true});
        }
        if (e == ".sps") types.push_back({_("SPSS syntax with a CSV data file (*.sps)"), e});
        if (e == ".svg") types.push_back({_("Chart as SVG image (*.svg)"), e});
        if (e == ".docx") types.push_back({_("Word document (*.docx)"), e});
        if (e == ".html") types.push_back({_("Web page (*.html)"), e});
        if (e == ".md") types.push_back({_("Markdown (*.md)"), e});
    }
    return types;
}

}  // namespace

wxMenu* MainFrame::CreateExportAnalysisMenu() {
    auto* menu = new wxMenu;
    for (std::size_t i = 0; i < std::size(kAnalyses); ++i)
        menu->Append(ID_EXPORT_ANALYSIS_FIRST + static_cast<int>(i), wxGetTranslation(kAnalyses[i].menu),
                     wxGetTranslation(kAnalyses[i].help));
    return menu;
}

bool MainFrame::ExportAnalysis(AnalysisExport request, const wxString& path) {
    if (!m_session) return false;
    m_memo->Flush();  // memos typed a moment ago belong in the segments and quotes
    request.scope.codes = m_codebook->GetCheckedCodes();
    request.scope.documents = m_documents->GetCheckedDocuments();
    return Guarded(this, [&] {
        wxBusyCursor busy;
        write_analysis(*m_session, request, ToUtf8(path));
        SetStatusText(wxString::Format(_("Wrote %s"), path));
    });
}

wxString MainFrame::ExportPath(AnalysisKind kind, const wxString& typed_path, int chosen_type) {
    // A name typed without one of the analysis's extensions gets the chosen type's; the suggested name's
    // extension follows the type chosen in the list (GTK leaves the name as it was); an extension of the
    // analysis typed on purpose stays.
    const std::vector<FileType> types = FileTypes(kind);
    const FileType& type = types.at(static_cast<std::size_t>(chosen_type));
    const std::string typed = analysis_format_of(ToUtf8(typed_path));
    const auto formats = analysis_formats(kind);
    if (std::find(formats.begin(), formats.end(), typed) == formats.end()) return typed_path + ToWx(type.extension);
    if (typed != type.extension && typed == types.front().extension)
        return typed_path.Left(typed_path.length() - wxFileName(typed_path).GetExt().length() - 1) + ToWx(type.extension);
    return typed_path;
}

void MainFrame::OnExportAnalysis(wxCommandEvent& event) {
    const AnalysisEntry& entry = kAnalyses[event.GetId() - ID_EXPORT_ANALYSIS_FIRST];
    AnalysisExport request;
    request.kind = entry.kind;
    const wxFileName project(ToWx(m_session->path()));
    if (entry.kind == AnalysisKind::Crosstab) {
        wxArrayString names;
        for (const Variable& v : m_session->variables()) names.Add(ToWx(v.name));
        if (names.empty()) {
            wxMessageBox(_("The project has no document variables yet. Add them with kodex-cli: var set for one "
                           "document, var import for the survey table."),
                         _("Codes by a document variable"), wxOK | wxICON_INFORMATION, this);
            return;
        }
        const int chosen = wxGetSingleChoiceIndex(_("Which variable's values form the groups?"),
                                                  _("Codes by a document variable"), names, 0, this);
        if (chosen < 0) return;
        request.variable = ToUtf8(names[chosen]);
    }
    if (entry.kind == AnalysisKind::Agreement) {
        auto coders = AskCoders(this, *m_session, {});
        if (!coders) return;
        request.coders = std::move(*coders);
    }
    if (entry.kind == AnalysisKind::Quotes) {
        request.title = ToUtf8(wxString::Format(_("%s: quotes"), project.GetName()));
        request.language = ReportLanguage();  // the report's headings in the language of the menus
    }

    const std::vector<FileType> types = FileTypes(entry.kind);
    wxString wildcard;
    for (const FileType& t : types) wildcard << (wildcard.empty() ? "" : "|") << t.description << "|*" << t.extension;
    const wxString name = project.GetName() + " - " + wxGetTranslation(entry.file) + ToWx(types.front().extension);
    const wxString title = wxStripMenuCodes(wxGetTranslation(entry.menu)).BeforeFirst(wxUniChar(0x2026));
    // The dialog says what goes in: the ticked codes and documents, or all of them.
    const std::size_t codes = m_codebook->GetCheckedCodes().size(), documents = m_documents->GetCheckedDocuments().size();
    const wxString code_scope = codes ? wxString::Format(wxPLURAL("%zu ticked code", "%zu ticked codes", codes), codes)
                                      : _("all codes");
    const wxString document_scope =
        documents ? wxString::Format(wxPLURAL("%zu ticked document", "%zu ticked documents", documents), documents)
                  : _("all documents");
    // No overwrite question from the dialog: it would ask about the name as typed, before the extension follows
    // the chosen type; the question comes below, about the file that will be written.
    wxFileDialog dialog(this, wxString::Format(_("Export: %s (%s, %s)"), title, code_scope, document_scope),
                        project.GetPath(), name, wildcard, wxFD_SAVE);
    if (dialog.ShowModal() != wxID_OK) return;
    const int chosen = std::clamp(dialog.GetFilterIndex(), 0, static_cast<int>(types.size()) - 1);
    const wxString path = ExportPath(entry.kind, dialog.GetPath(), chosen);
    request.german_excel = types[static_cast<std::size_t>(chosen)].german_excel;
    if (wxFileName::FileExists(path) &&
        wxMessageBox(wxString::Format(_("%s already exists. Replace it?"), wxFileName(path).GetFullName()),
                     wxString::Format(_("Export: %s"), title), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) != wxYES)
        return;
    ExportAnalysis(request, path);
}

}  // namespace kodex::gui
