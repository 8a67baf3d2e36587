// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to core/export: what the writers share. Number formatting without locales, UTF-8 cutting, XML
// escaping, CSV fields, a quote's source line, and the deterministic zip container of the .docx writer.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analysis/table.h"

namespace kodex {

/// Decimal places a writer honours: Column::decimals clamped into 0..15.
int clamp_decimals(int decimals);
/// Fixed-point text of `value` with `decimals` places and `point` as decimal separator, independent of the
/// C and C++ locales; "-0.00" comes out as "0.00". Empty for NaN and infinities.
std::string format_decimal(double value, int decimals, char point = '.');
/// A value for charts: at most two decimals, trailing zeros dropped ("12", "0.5", "-3.25").
std::string format_short(double value);

/// `s` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view s);
/// Number of code points in (valid) UTF-8.
std::size_t utf8_length(std::string_view s);
/// The longest prefix of `s` of at most `max_bytes` bytes that ends on a code point boundary.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);
/// `s` cut to at most `max_code_points`, ending in "…" when something was cut (after a whole word where
/// one ends in the last third).
std::string ellipsize(std::string_view s, std::size_t max_code_points);

/// XML character data or attribute value: repairs UTF-8, drops characters XML 1.0 forbids (C0 controls
/// other than tab, LF and CR; U+FFFE, U+FFFF) and escapes & < > " '. In attributes, tab, LF and CR are
/// written as character references so parsers keep them.
std::string xml_escape(std::string_view s);
std::string xml_attribute(std::string_view s);

/// Appends `field` to a CSV record, quoted (quotes doubled) when it holds `separator`, a quote, CR or LF.
void append_csv_field(std::string& out, const std::string& field, char separator);

/// What a header cell shows: the column's label, or its name when the label is empty.
std::string column_heading(const Column& c);

struct QuoteEntry;
struct ReportWords;
/// A quote's source as the reports print it: "Document · Speaker · 00:01:23.4 · line 42 · coded by anna, ben"
/// (empty parts left out; "p. 4" instead of the line for documents with pages), in English.
std::string quote_source(const QuoteEntry& q);
/// The same in the words given ("Zeile 42 · kodiert von anna").
std::string quote_source(const QuoteEntry& q, const ReportWords& words);
struct QuoteMemo;
/// A quote's memo label: "Memo:" for a quote of one coder, "Memo (anna):" when several coders share it.
std::string memo_label(const QuoteEntry& q, const QuoteMemo& m, const ReportWords& words);

/// A zip archive of `entries` (name, content) in the given order, deflated, every entry dated
/// 1980-01-01 00:00 so that equal entries give byte-identical archives.
std::string deterministic_zip(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace kodex
