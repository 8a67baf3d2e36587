// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One analysis written to one file, in the format its extension names: what `kodex-cli export` and the
// editor's File > Export analysis both call, so that a table looks the same whichever wrote it.
#include <string>
#include <vector>

#include "core/analysis/analysis.h"

namespace kodex {

class Session;

enum class AnalysisKind {
    Frequencies,   ///< code frequencies (.csv .xlsx .sps, .svg bar chart)
    Matrix,        ///< code-by-document matrix with document variables (.csv .xlsx .sps)
    Crosstab,      ///< codes by the groups of a document variable (.csv .xlsx .sps, .svg heat map)
    Cooccurrence,  ///< code co-occurrence (.csv .xlsx, .svg heat map)
    Segments,      ///< one row per coding (.csv .xlsx)
    Quotes,        ///< quotes grouped by code for the report (.html .md .docx)
    Agreement,     ///< intercoder agreement (.csv .xlsx)
};

struct AnalysisExport {
    AnalysisKind kind = AnalysisKind::Frequencies;
    AnalysisScope scope;
    bool include_subcodes = true;   ///< Matrix, Crosstab, Segments, Quotes (Cooccurrence: each code alone)
    bool german_excel = false;      ///< CSV: ';', decimal comma, BOM
    bool presence = false;          ///< Matrix: 0/1 instead of counts
    std::string join_variable;      ///< Matrix: this variable first (e.g. the survey respondent id)
    bool with_variables = true;     ///< Matrix: the document variables as columns
    std::string variable;           ///< Crosstab: the variable whose values form the groups
    bool same_turn = false;         ///< Cooccurrence: shared speaker turns instead of overlapping codings
    std::vector<std::string> coders;  ///< Agreement: two or more
    double segment_threshold = 0.9;   ///< Agreement: segment level
    std::string title;              ///< Quotes: the report's title
    std::string language = "en";    ///< Quotes: the language of the report's fixed words ("en", "de")
};

/// The file extensions an analysis can be written as, the first being the usual one (".csv", ...).
std::vector<std::string> analysis_formats(AnalysisKind kind);

/// The format a path names, as write_analysis reads it: its extension in lower case (".htm" is ".html").
std::string analysis_format_of(const std::string& path);

/// Writes the analysis to `path` atomically, in the format of its extension (case does not matter).
/// Throws InvalidArgument naming the formats when the extension is not one of them, before anything is
/// computed or written.
void write_analysis(Session& session, const AnalysisExport& request, const std::string& path);

}  // namespace kodex
