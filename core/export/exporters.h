// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writers for analysis results. Every writer is deterministic: the same input gives byte-identical
// output (no timestamps, stable order), and writes files atomically (temporary file + rename).
// Spreadsheet safety: a text cell that starts with '=', '+', '-', '@', a tab or a carriage return is
// written with a leading apostrophe (CSV) or as an explicit string (XLSX) so that Excel and LibreOffice
// never evaluate it as a formula.
#include <string>
#include <vector>

#include "core/analysis/table.h"

namespace kodex {

struct CsvOptions {
    bool german_excel = false;  ///< ';' as separator, decimal comma, UTF-8 BOM (what German Excel opens directly)
    bool machine_names = false; ///< header line with the column names instead of the labels
};

/// The cell text as a CSV/plain export writes it, with formula neutralisation applied to text cells.
std::string neutralise_formula(const std::string& text);

std::string to_csv(const Table& t, const CsvOptions& o = {});
void write_csv(const Table& t, const std::string& path, const CsvOptions& o = {});
/// One sheet per table (sheet names made unique and at most 31 characters), numbers as numbers, bold header,
/// frozen first row, column widths fitted.
void write_xlsx(const std::vector<Table>& sheets, const std::string& path);
/// SPSS: writes `<stem>.csv` (data, comma separated, '.' decimals, UTF-8) and `path` (.sps syntax with
/// GET DATA /TYPE=TXT, VARIABLE LABELS with the full labels, VALUE LABELS where given, EXECUTE). Variable
/// names are made SPSS-safe: start with a letter, [A-Za-z0-9_.], at most 64 bytes, unique, not reserved.
struct SpssValueLabels {
    std::string column;                                      ///< column name
    std::vector<std::pair<std::int64_t, std::string>> labels;  ///< value -> label
};
void write_spss(const Table& t, const std::string& path, const std::vector<SpssValueLabels>& value_labels = {});
/// The SPSS-safe names for a table's columns (exposed for tests and for the .sps writer).
std::vector<std::string> spss_names(const Table& t);

}  // namespace kodex
