// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/dialogs/help_windows.h"

#include <wx/button.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <memory>

namespace kodex::gui {

namespace {

wxString Escaped(const wxString& text) {
    wxString out;
    for (const wxUniChar c : text) {
        if (c == '&') out << "&amp;";
        else if (c == '<') out << "&lt;";
        else if (c == '>') out << "&gt;";
        else out << c;
    }
    return out;
}

void Collect(const wxMenu* menu, const wxString& title, const wxString& prefix, std::vector<MenuShortcut>& out) {
    for (const wxMenuItem* item : menu->GetMenuItems()) {
        if (item->IsSeparator()) continue;
        const wxString label = item->GetItemLabelText().Trim().Trim(false);
        if (item->IsSubMenu()) {
            std::vector<MenuShortcut> sub;
            Collect(item->GetSubMenu(), title, prefix + label + " \u203A ", sub);
            // A run of numbered keys (the quick codes, Ctrl+1 to Ctrl+9) reads better as one line.
            if (sub.size() > 3) sub = {{title, prefix + label, sub.front().keys + " \u2026 " + sub.back().keys}};
            out.insert(out.end(), sub.begin(), sub.end());
            continue;
        }
        const std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
        if (!accel || !accel->IsOk()) continue;
        // Undo and Redo carry the name of the next action; the list names the command.
        const wxString command = item->GetId() == wxID_UNDO ? _("Undo") : item->GetId() == wxID_REDO ? _("Redo") : label;
        out.push_back({title, prefix + command, accel->ToString()});
    }
}

// A modeless window is found again by its name, so a second click raises it instead of opening another.
bool RaiseExisting(wxWindow* parent, const wxString& name) {
    for (wxWindow* child : parent->GetChildren())
        if (child->IsTopLevel() && child->GetName() == name) {
            child->Show();
            child->Raise();
            return true;
        }
    return false;
}

wxDialog* NewHelpDialog(wxWindow* parent, const wxString& title, const wxString& name) {
    return new wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
                        wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, name);
}

void FinishHelpDialog(wxDialog* dialog, wxWindow* body, wxWindow* below = nullptr) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, dialog->FromDIP(10));
    if (below) sizer->Add(below, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, dialog->FromDIP(10));
    auto* close = new wxButton(dialog, wxID_CLOSE);
    sizer->Add(close, 0, wxALIGN_RIGHT | wxALL, dialog->FromDIP(10));
    dialog->SetSizerAndFit(sizer);
    dialog->SetEscapeId(wxID_CLOSE);
    close->Bind(wxEVT_BUTTON, [dialog](wxCommandEvent&) { dialog->Destroy(); });
    dialog->Bind(wxEVT_CLOSE_WINDOW, [dialog](wxCloseEvent&) { dialog->Destroy(); });
    dialog->CentreOnParent();
    dialog->Show();
    close->SetFocus();
}

}  // namespace

std::vector<MenuShortcut> MenuShortcuts(wxMenuBar* menus) {
    std::vector<MenuShortcut> out;
    if (!menus) return out;
    for (std::size_t i = 0; i < menus->GetMenuCount(); ++i)
        Collect(menus->GetMenu(i), wxStripMenuCodes(menus->GetMenuLabel(i)), wxString(), out);
    return out;
}

wxString GettingStartedHtml() {
    struct Section {
        wxString heading, text;
    };
    const Section sections[] = {
        {_("Try it on the sample study"),
         _("The sample study holds interviews with cluster managers about the Corona crisis, already coded. Help > "
           "Open the sample study opens it again at any time; File > New project starts a study of your own.")},
        {_("1. Import transcripts"),
         _("File > Import transcripts (Ctrl+I) reads text, Word, OpenDocument, PDF and subtitle (VTT, SRT) files. "
           "Speaker labels such as \u201CI:\u201D and \u201CB:\u201D and time stamps are recognised. Choose a "
           "document in the Documents pane to read it; its context menu renames or deletes it.")},
        {_("2. Build the codebook"),
         _("Codes > New code (Ctrl+Shift+N) and New subcode (Ctrl+Alt+N) add codes; F2 renames. Drag a code onto "
           "another, or use Codes > Move to (Ctrl+M), to arrange them. The context menu sets a colour, a "
           "description and a quick key.")},
        {_("3. Code"),
         _("Select words in the transcript, then press Ctrl+D for the code selected in the codebook, Ctrl+K to "
           "pick a code by typing, Ctrl+1 to Ctrl+9 for a quick code, or click a code while holding Ctrl. Ctrl+T "
           "codes the whole speaker turn.")},
        {_("4. Retrieve and search"),
         _("Select a code: its coded segments appear in Retrieved segments. Tick documents to limit them. Ctrl+F "
           "searches all transcripts and can code the hits.")},
        {_("5. Undo, backups, export"),
         _("Every action is saved when it is done, and Edit > Undo (Ctrl+Z) reverts it. Before merging codes or "
           "deleting a coded document Kodex takes a backup. File > Export analysis writes frequencies, tables and "
           "quotes for your report.")},
    };
    wxString html = "<html><body>";
    html << "<h3>" << Escaped(_("Getting started with Kodex")) << "</h3>";
    for (const Section& s : sections) html << "<p><b>" << Escaped(s.heading) << "</b><br>" << Escaped(s.text) << "</p>";
    html << "<p><i>" << Escaped(_("Help > Keyboard shortcuts lists every shortcut. Help > Getting started shows "
                                  "this page again."))
         << "</i></p></body></html>";
    return html;
}

void ShowGettingStarted(wxWindow* parent) {
    if (RaiseExisting(parent, "getting_started")) return;
    wxDialog* dialog = NewHelpDialog(parent, _("Getting started"), "getting_started");
    auto* html = new wxHtmlWindow(dialog, wxID_ANY, wxDefaultPosition, dialog->FromDIP(wxSize(600, 560)),
                                  wxHW_DEFAULT_STYLE, "getting_started_text");
    html->SetStandardFonts(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT).GetPointSize());
    html->SetPage(GettingStartedHtml());
    FinishHelpDialog(dialog, html);
}

void ShowKeyboardShortcuts(wxWindow* parent, wxMenuBar* menus) {
    if (RaiseExisting(parent, "keyboard_shortcuts")) return;
    wxDialog* dialog = NewHelpDialog(parent, _("Keyboard shortcuts"), "keyboard_shortcuts");
    auto* list = new wxListCtrl(dialog, wxID_ANY, wxDefaultPosition, dialog->FromDIP(wxSize(620, 520)),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES, wxDefaultValidator, "keyboard_shortcuts_list");
    list->AppendColumn(_("Keys"), wxLIST_FORMAT_LEFT, dialog->FromDIP(130));
    list->AppendColumn(_("Command"), wxLIST_FORMAT_LEFT, dialog->FromDIP(380));
    list->AppendColumn(_("Menu"), wxLIST_FORMAT_LEFT, dialog->FromDIP(90));
    for (const MenuShortcut& s : MenuShortcuts(menus)) {
        const long row = list->InsertItem(list->GetItemCount(), s.keys);
        list->SetItem(row, 1, s.command);
        list->SetItem(row, 2, s.menu);
    }
    auto* more = new wxStaticText(dialog, wxID_ANY,
                                  _("Also: Ctrl+click on a code codes the selection with it, Ctrl+Y redoes, Shift+F6 goes "
                                    "to the previous pane."));
    more->Wrap(dialog->FromDIP(600));
    FinishHelpDialog(dialog, list, more);
}

}  // namespace kodex::gui
