// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Documents for writing the report: quotes grouped by code (HTML, Markdown, Word .docx) and charts (SVG).
// Deterministic like the table writers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/export/report_words.h"

namespace kodex {

struct QuoteMemo {
    std::string coder;
    std::string text;
};

struct QuoteEntry {
    std::string document;
    std::string speaker;
    std::string timestamp;  ///< "00:01:23.4" or empty
    std::int64_t start = 0, end = 0;  ///< code points
    int line = 0;           ///< 1-based line of the quote's start in the transcript
    std::vector<std::string> coders;  ///< everyone who coded this range with this code
    std::string text;
    std::vector<QuoteMemo> memos;     ///< their coding memos (those not empty)
    std::string page;       ///< "p. 4" for documents with pages (PDF): cited instead of the line
};

struct QuoteGroup {
    std::string code_path;
    std::string definition;
    std::vector<QuoteEntry> quotes;
};

struct QuoteReport {
    std::string title;
    std::vector<QuoteGroup> groups;
    ReportWords words;      ///< the fixed words the writers use (English unless chosen otherwise)
};

std::string quotes_html(const QuoteReport& r);      ///< a complete, printable HTML5 page (inline CSS)
std::string quotes_markdown(const QuoteReport& r);
/// A real Word document (WordprocessingML in a zip: headings per code, each quote an indented paragraph with
/// its source line) that Word and LibreOffice open without complaint.
void write_quotes_docx(const QuoteReport& r, const std::string& path);

struct Bar {
    std::string label;
    double value = 0;
};
/// Horizontal bar chart (one bar per label, value printed at the bar's end).
std::string bar_chart_svg(const std::string& title, const std::vector<Bar>& bars, const std::string& value_label);
/// Heat map: rows x columns of values, colour from white to a deep blue by value, numbers printed in the cells.
std::string heatmap_svg(const std::string& title, const std::vector<std::string>& row_labels,
                        const std::vector<std::string>& column_labels, const std::vector<std::vector<double>>& values);

/// Writes text to a file atomically (temporary file + rename); throws IoError naming the path.
void write_text_file(const std::string& path, const std::string& text);

}  // namespace kodex
