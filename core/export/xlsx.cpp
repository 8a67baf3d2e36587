// SPDX-License-Identifier: GPL-3.0-or-later
// Excel workbooks through libxlsxwriter. Text goes in as shared strings only (worksheet_write_string), never
// as formulas, so "=SUM(A1)" in a transcript stays text. Numbers are numbers with a number format per
// column's decimals. The creation time in docProps/core.xml is fixed so that equal tables give equal bytes.
#include <xlsxwriter.h>

#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "core/errors.h"
#include "core/export/exporters.h"
#include "core/export/output_text.h"

namespace kodex {
namespace {

constexpr double kMaxColumnWidth = 80;
constexpr double kMinColumnWidth = 6;
constexpr std::size_t kMaxCellUnits = 32767;  // Excel's limit for one cell, in UTF-16 code units
constexpr std::size_t kMaxSheetNameUnits = 31;
// 2000-01-01T00:00:00Z: any fixed moment would do; this one reads as "no real date" in Excel's properties.
constexpr time_t kFixedCreated = 946684800;

bool is_lead_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Excel counts characters in UTF-16 code units: code points above U+FFFF take two.
std::size_t utf16_units(std::string_view s) {
    std::size_t units = 0;
    for (char c : s)
        if (is_lead_byte(c)) units += static_cast<unsigned char>(c) >= 0xF0 ? 2 : 1;
    return units;
}

std::string cut_to_units(std::string_view s, std::size_t max_units) {
    std::size_t units = 0, end = 0;
    while (end < s.size()) {
        const std::size_t n = static_cast<unsigned char>(s[end]) >= 0xF0 ? 2 : 1;
        if (units + n > max_units) break;
        units += n;
        do ++end;
        while (end < s.size() && !is_lead_byte(s[end]));
    }
    return std::string(s.substr(0, end));
}

std::string cell_text(const std::string& raw) {
    std::string text = repair_utf8(raw);
    if (utf16_units(text) > kMaxCellUnits) text = cut_to_units(text, kMaxCellUnits - 1) + "…";
    return text;
}

std::string fold_case(const std::string& s) {
    std::string folded;
    icu::UnicodeString::fromUTF8(s).foldCase().toUTF8String(folded);
    return folded;
}

// Excel's rules for sheet names: none of []:*?/\, no apostrophe at either end, at most 31 characters, unique
// regardless of case, and not "History" (reserved by Excel's change tracking).
class SheetNames {
public:
    std::string make(const std::string& title, std::size_t index) {
        std::string name;
        for (char c : repair_utf8(title)) {
            if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) continue;
            const char kept = static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
            if (kept != ' ' || (!name.empty() && name.back() != ' ')) name += kept;
        }
        const auto trim = [&] {
            const auto b = name.find_first_not_of(" '");
            name = b == std::string::npos ? std::string() : name.substr(b, name.find_last_not_of(" '") - b + 1);
        };
        trim();
        if (name.empty()) name = "Table " + std::to_string(index + 1);
        name = cut_to_units(name, kMaxSheetNameUnits);
        trim();
        std::string candidate = name;
        for (int k = 2; !taken_.insert(fold_case(candidate)).second; ++k) {
            const std::string suffix = " (" + std::to_string(k) + ")";
            candidate = cut_to_units(name, kMaxSheetNameUnits - suffix.size()) + suffix;
        }
        return candidate;
    }

private:
    std::set<std::string> taken_{fold_case("History")};
};

// The width Excel needs for a text: its longest line, in characters.
std::size_t longest_line(std::string_view s) {
    std::size_t longest = 0;
    for (std::size_t start = 0; start <= s.size();) {
        const std::size_t end = std::min(s.find('\n', start), s.size());
        longest = std::max(longest, utf8_length(s.substr(start, end - start)));
        start = end + 1;
    }
    return longest;
}

struct WorkbookDeleter {
    void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};

class Writer {
public:
    explicit Writer(lxw_workbook* wb) : wb_(wb) {
        header_ = workbook_add_format(wb);
        format_set_bold(header_);
        format_set_bottom(header_, LXW_BORDER_THIN);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        text_ = workbook_add_format(wb);
        format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
        wrapped_ = workbook_add_format(wb);
        format_set_align(wrapped_, LXW_ALIGN_VERTICAL_TOP);
        format_set_text_wrap(wrapped_);
    }

    void sheet(const Table& t, const std::string& name) {
        std::size_t columns = t.columns.size();
        for (const auto& row : t.rows) columns = std::max(columns, row.size());
        if (columns > LXW_COL_MAX)
            throw InvalidArgument("table '" + t.title + "' has " + std::to_string(columns) +
                                  " columns; an Excel sheet holds at most " + std::to_string(LXW_COL_MAX));
        if (t.rows.size() + 1 > LXW_ROW_MAX)
            throw InvalidArgument("table '" + t.title + "' has " + std::to_string(t.rows.size()) +
                                  " rows; an Excel sheet holds at most " + std::to_string(LXW_ROW_MAX - 1));
        lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
        if (!ws) throw InvalidArgument("cannot add the sheet '" + name + "'");

        std::vector<std::size_t> widths(columns, 0);
        std::vector<bool> wrap(columns, false);
        for (std::size_t c = 0; c < columns; ++c) {
            const std::string heading = c < t.columns.size() ? cell_text(column_heading(t.columns[c])) : std::string();
            widths[c] = longest_line(heading) + 1;  // bold is wider
            check(worksheet_write_string(ws, 0, col(c), heading.c_str(), header_));
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const auto& row = t.rows[r];
            const lxw_row_t xr = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < row.size(); ++c) {
                const Cell& cell = row[c];
                const int decimals = c < t.columns.size() ? clamp_decimals(t.columns[c].decimals) : 2;
                if (cell.kind == Cell::Kind::Text) {
                    const std::string text = cell_text(cell.text);
                    const std::size_t width = longest_line(text);
                    widths[c] = std::max(widths[c], width);
                    if (width > kMaxColumnWidth || text.find('\n') != std::string::npos) wrap[c] = true;
                    cells_.push_back({xr, c, text});
                } else if (cell.kind == Cell::Kind::Integer) {
                    widths[c] = std::max(widths[c], std::to_string(cell.integer).size());
                    check(worksheet_write_number(ws, xr, col(c), static_cast<double>(cell.integer), number(0)));
                } else if (cell.kind == Cell::Kind::Decimal) {
                    const std::string shown = format_decimal(cell.decimal, decimals);
                    if (shown.empty()) continue;  // NaN and infinities: an empty cell
                    widths[c] = std::max(widths[c], shown.size());
                    check(worksheet_write_number(ws, xr, col(c), cell.decimal, number(decimals)));
                }
            }
        }
        // Text is written once its column is known to wrap, so every cell of a wrapping column wraps.
        for (const auto& pending : cells_)
            check(worksheet_write_string(ws, pending.row, col(pending.column), pending.text.c_str(),
                                         wrap[pending.column] ? wrapped_ : text_));
        cells_.clear();
        for (std::size_t c = 0; c < columns; ++c) {
            const double width = std::clamp(static_cast<double>(widths[c]) + 2, kMinColumnWidth, kMaxColumnWidth);
            check(worksheet_set_column(ws, col(c), col(c), width, nullptr));
        }
        worksheet_freeze_panes(ws, 1, 0);
        if (columns > 0) check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()), col(columns - 1)));
    }

private:
    struct PendingText {
        lxw_row_t row;
        std::size_t column;
        std::string text;
    };

    static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }

    static void check(lxw_error error) {
        if (error != LXW_NO_ERROR) throw Error(std::string("cannot write the workbook: ") + lxw_strerror(error));
    }

    lxw_format* number(int decimals) {
        auto it = numbers_.find(decimals);
        if (it != numbers_.end()) return it->second;
        lxw_format* f = workbook_add_format(wb_);
        format_set_num_format(f, decimals == 0 ? "0" : ("0." + std::string(static_cast<std::size_t>(decimals), '0')).c_str());
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        return numbers_[decimals] = f;
    }

    lxw_workbook* wb_;
    lxw_format* header_;
    lxw_format* text_;
    lxw_format* wrapped_;
    std::map<int, lxw_format*> numbers_;
    std::vector<PendingText> cells_;
};

}  // namespace

void write_xlsx(const std::vector<Table>& sheets, const std::string& path) {
    if (sheets.empty()) throw InvalidArgument("a workbook needs at least one table");
    // libxlsxwriter reports a missing folder only on stderr; say it here with the path.
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent)) throw IoError(path, "cannot write: the folder does not exist");
    const std::string tmp = path + ".tmp";
    std::unique_ptr<lxw_workbook, WorkbookDeleter> wb(workbook_new(tmp.c_str()));
    if (!wb) throw IoError(path, "cannot create the workbook");
    lxw_doc_properties properties{};
    properties.created = kFixedCreated;
    if (workbook_set_properties(wb.get(), &properties) != LXW_NO_ERROR) throw IoError(path, "cannot create the workbook");

    Writer writer(wb.get());
    SheetNames names;
    for (std::size_t i = 0; i < sheets.size(); ++i) writer.sheet(sheets[i], names.make(sheets[i].title, i));

    // workbook_close frees the workbook whatever it returns.
    const lxw_error error = workbook_close(wb.release());
    std::error_code ec;
    if (error != LXW_NO_ERROR) {
        std::filesystem::remove(tmp, ec);
        throw IoError(path, std::string("cannot write: ") + lxw_strerror(error));
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw IoError(path, "cannot write: " + ec.message());
    }
}

}  // namespace kodex
