// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A result table, the common currency between the analyses (frequencies, matrices, crosstabs, segment
// lists) and the exporters (CSV, XLSX, SPSS syntax, SVG charts). Values are typed so exporters can write
// numbers as numbers and SPSS gets the right formats.
#include <cstdint>
#include <string>
#include <vector>

namespace kodex {

struct Cell {
    enum class Kind { Empty, Text, Integer, Decimal };
    Kind kind = Kind::Empty;
    std::string text;
    std::int64_t integer = 0;
    double decimal = 0;

    static Cell empty() { return {}; }
    static Cell of(std::string s) { Cell c; c.kind = Kind::Text; c.text = std::move(s); return c; }
    static Cell of(std::int64_t v) { Cell c; c.kind = Kind::Integer; c.integer = v; return c; }
    static Cell of(int v) { return of(static_cast<std::int64_t>(v)); }
    static Cell of(double v) { Cell c; c.kind = Kind::Decimal; c.decimal = v; return c; }
    friend bool operator==(const Cell& a, const Cell& b) {
        return a.kind == b.kind && a.text == b.text && a.integer == b.integer && a.decimal == b.decimal;
    }
};

struct Column {
    std::string name;   ///< short machine name ("codings", "c03_partner_verbinden"); exporters make it safe per format
    std::string label;  ///< full human label ("Transmitterrolle/Partner verbinden")
    /// Decimal places used when writing Decimal cells (CSV, XLSX number format, SPSS F width.decimals).
    int decimals = 2;
};

struct Table {
    std::string title;
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;  ///< each row has columns.size() cells
};

}  // namespace kodex
