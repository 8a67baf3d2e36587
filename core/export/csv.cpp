// SPDX-License-Identifier: GPL-3.0-or-later
// CSV after RFC 4180: fields holding the separator, a quote, CR or LF are quoted, quotes doubled; records
// end in CRLF (what RFC 4180 asks for and what Excel writes itself). Line breaks inside quoted fields are
// kept as they are. The header line carries the column labels (the names where a label is empty).
#include <algorithm>

#include "core/export/exporters.h"
#include "core/export/output_text.h"
#include "core/export/report_writers.h"

namespace kodex {

std::string neutralise_formula(const std::string& text) {
    // Excel and LibreOffice evaluate a cell starting with one of these as a formula, even in a CSV file
    // ("=HYPERLINK(...)", "+cmd|...", "@SUM(...)"). A leading apostrophe makes the cell plain text; in a
    // CSV file the apostrophe stays visible, which is the price of never running a transcript as code.
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                          text[0] == '\t' || text[0] == '\r'))
        return "'" + text;
    return text;
}

void append_csv_field(std::string& out, const std::string& field, char separator) {
    if (field.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string column_heading(const Column& c) { return c.label.empty() ? c.name : c.label; }

std::string to_csv(const Table& t, const CsvOptions& o) {
    const char separator = o.german_excel ? ';' : ',';
    const char point = o.german_excel ? ',' : '.';
    std::string out = o.german_excel ? "\xEF\xBB\xBF" : "";
    const auto record = [&](std::size_t count, const auto& field_text) {
        for (std::size_t c = 0; c < count; ++c) {
            if (c > 0) out += separator;
            append_csv_field(out, field_text(c), separator);
        }
        out += "\r\n";
    };
    record(t.columns.size(), [&](std::size_t c) {
        return neutralise_formula(o.machine_names ? t.columns[c].name : column_heading(t.columns[c]));
    });
    for (const auto& row : t.rows) {
        // Short rows are padded so that every record has a field per column.
        record(std::max(row.size(), t.columns.size()), [&](std::size_t c) -> std::string {
            static const Cell none;
            const Cell& cell = c < row.size() ? row[c] : none;
            switch (cell.kind) {
                case Cell::Kind::Text: return neutralise_formula(cell.text);
                case Cell::Kind::Integer: return std::to_string(cell.integer);
                case Cell::Kind::Decimal:
                    return format_decimal(cell.decimal, c < t.columns.size() ? t.columns[c].decimals : 2, point);
                case Cell::Kind::Empty: break;
            }
            return {};
        });
    }
    return out;
}

void write_csv(const Table& t, const std::string& path, const CsvOptions& o) { write_text_file(path, to_csv(t, o)); }

}  // namespace kodex
