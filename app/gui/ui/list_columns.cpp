// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/list_columns.h"

#include <algorithm>

#include "app/gui/ui/convert.h"
#include "core/session.h"

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

wxString KeepEnd(const wxString& text, int width, const std::function<int(const wxString&)>& measure) {
    if (measure(text) <= width) return text;
    const wxString ellipsis = wxString::FromUTF8("\xE2\x80\xA6");
    // The longest end that fits, by bisection over its length: widths grow with the length.
    std::size_t fits = 0;
    std::size_t too_long = text.length();
    while (too_long - fits > 1) {
        const std::size_t length = (fits + too_long) / 2;
        if (measure(ellipsis + text.Right(length)) <= width)
            fits = length;
        else
            too_long = length;
    }
    wxString end = text.Right(fits);
    // Start at a word where one is near, not inside one.
    const std::size_t space = end.find(' ');
    if (space != wxString::npos && space < 12 && space + 1 < end.length()) end = end.Mid(space + 1);
    return ellipsis + end;
}

namespace {

// The longest start of `text` after which `rest` still fits: bisection, widths grow with the length.
std::size_t FittingStart(const wxString& text, const wxString& rest, int width,
                         const std::function<int(const wxString&)>& measure) {
    std::size_t fits = 0;
    std::size_t too_long = text.length() + 1;
    while (too_long - fits > 1) {
        const std::size_t length = (fits + too_long) / 2;
        if (measure(text.Left(length) + rest) <= width)
            fits = length;
        else
            too_long = length;
    }
    return fits;
}

}  // namespace

wxString ShortenPath(const std::vector<wxString>& names, int width, const std::function<int(const wxString&)>& measure) {
    if (names.empty()) return wxString();
    const wxString separator = wxString::FromUTF8(" \xE2\x80\xBA "), ellipsis = wxString::FromUTF8("\xE2\x80\xA6");
    const wxString parents = JoinPath({names.begin(), names.end() - 1});
    const wxString& leaf = names.back();
    const wxString whole = parents.empty() ? leaf : parents + separator + leaf;
    if (measure(whole) <= width) return whole;
    if (!parents.empty() && measure(ellipsis + separator + leaf) <= width) {
        const wxString tail = ellipsis + separator + leaf;
        return parents.Left(FittingStart(parents, tail, width, measure)) + tail;
    }
    // The leaf alone is too long: its start and its end (up to a third of the width) stay, the middle goes.
    std::size_t keep_end = 0;
    while (keep_end + 1 < leaf.length() && measure(ellipsis + leaf.Right(keep_end + 1)) <= width / 3) ++keep_end;
    const wxString end = ellipsis + leaf.Right(keep_end);
    return leaf.Left(FittingStart(leaf.Left(leaf.length() - keep_end), end, width, measure)) + end;
}

wxString JoinPath(const std::vector<wxString>& names) {
    wxString out;
    for (const wxString& name : names) out << (out.empty() ? wxString() : wxString::FromUTF8(" \xE2\x80\xBA ")) << name;
    return out;
}

std::vector<wxString> PathNames(const std::string& path) {
    std::vector<wxString> names;
    for (const std::string& name : split_code_path(path)) names.push_back(wxString::FromUTF8(name));
    return names;
}

}  // namespace kodex::gui
