// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tables of document variables, as survey tools export them: CSV (comma, semicolon or tab; UTF-8 or
// Windows-1252; quoted fields; decimal comma) and XLSX (the first worksheet).
#include <string>
#include <vector>

#include "core/model/variable.h"

namespace kodex {

struct VariableTable {
    std::string file;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  ///< each as long as the header
    std::string encoding;
    char delimiter = ',';  ///< CSV only
};

/// Parses CSV bytes. The delimiter is the one of ',' ';' '\t' that occurs most in the header line (outside
/// quotes). Throws ParseError(file, byte offset, reason) for an unterminated quote, rows longer than the
/// header, an empty or duplicate header name, or bad bytes.
VariableTable read_csv_table(const std::string& bytes, const std::string& file_name);
/// Reads the first worksheet of an Excel workbook (.xlsx) from memory, each cell as Excel shows it: strings,
/// numbers (integers without ".0"), booleans as "true"/"false", dated cells as YYYY-MM-DD (with " HH:MM:SS"
/// when they carry a time), formulas by their cached value. The first non-blank row is the header. Throws
/// ParseError(file, -1, reason) for a broken or hostile archive, malformed XML, an empty sheet, and the
/// header problems read_csv_table refuses.
VariableTable read_xlsx_table(const std::string& bytes, const std::string& file_name);
/// Reads a .csv, .tsv, .txt or .xlsx file (at most 64 MiB), by extension.
VariableTable read_variable_table(const std::string& path);

/// The narrowest type all non-empty values fit: integer, decimal, date, boolean, else text.
VariableType infer_type(const std::vector<std::string>& values);

}  // namespace kodex
