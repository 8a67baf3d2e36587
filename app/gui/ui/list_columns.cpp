// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/list_columns.h"

#include <algorithm>

#include "app/gui/ui/convert.h"

namespace kodex::gui {

namespace {

void Fit(wxListCtrl* list, int column, int minimum) {
    int others = 0;
    for (int i = 0; i < list->GetColumnCount(); ++i)
        if (i != column) others += list->GetColumnWidth(i);
    const int width = std::max(minimum, list->GetClientSize().x - others - 2);
    if (list->GetColumnWidth(column) != width) list->SetColumnWidth(column, width);
}

}  // namespace

void StretchColumn(wxListCtrl* list, int column, int minimum) {
    Fit(list, column, minimum);
    list->Bind(wxEVT_SIZE, [list, column, minimum](wxSizeEvent& e) {
        e.Skip();
        list->CallAfter([list, column, minimum] { Fit(list, column, minimum); });
    });
}

wxString OneLine(const std::string& text) {
    wxString out;
    bool space = false;
    for (const wxUniChar c : ToWx(text)) {
        if (c == '\n' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out << ' ';
        space = false;
        out << c;
    }
    return out;
}

}  // namespace kodex::gui
