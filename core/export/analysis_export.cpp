// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/analysis_export.h"

#include <algorithm>
#include <filesystem>

#include "core/errors.h"
#include "core/export/exporters.h"
#include "core/export/report_writers.h"
#include "core/session.h"

namespace kodex {

namespace {

std::string listed(const std::vector<std::string>& formats) {
    std::string out;
    for (std::size_t i = 0; i < formats.size(); ++i)
        out += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i];
    return out;
}

void write_table(const Table& t, const std::string& path, const std::string& extension, bool german_excel) {
    if (extension == ".csv") return write_csv(t, path, CsvOptions{german_excel});
    if (extension == ".xlsx") return write_xlsx({t}, path);
    write_spss(t, path);
}

std::vector<Bar> bars_of(const std::vector<FrequencyRow>& rows) {
    std::vector<Bar> bars;
    for (const auto& r : rows) {
        const std::size_t slash = r.path.rfind('/');
        bars.push_back({std::string(static_cast<std::size_t>(r.depth) * 2, ' ') +
                            r.path.substr(slash == std::string::npos ? 0 : slash + 1),
                        static_cast<double>(r.codings_total)});
    }
    return bars;
}

// A heat map of a table's numeric cells: the first `rows` rows, the chosen columns.
std::string heatmap_of(const Table& t, const std::vector<std::size_t>& cols, std::size_t rows) {
    std::vector<std::string> row_labels, col_labels;
    std::vector<std::vector<double>> values;
    for (std::size_t c : cols) col_labels.push_back(t.columns[c].label);
    for (std::size_t r = 0; r < rows && r < t.rows.size(); ++r) {
        row_labels.push_back(t.rows[r][0].text);
        std::vector<double> v;
        for (std::size_t c : cols) {
            const Cell& cell = t.rows[r][c];
            v.push_back(cell.kind == Cell::Kind::Integer ? static_cast<double>(cell.integer) : cell.decimal);
        }
        values.push_back(std::move(v));
    }
    return heatmap_svg(t.title, row_labels, col_labels, values);
}

}  // namespace

std::string analysis_format_of(const std::string& path) {
    std::string e = std::filesystem::path(path).extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e == ".htm" ? ".html" : e;
}

std::vector<std::string> analysis_formats(AnalysisKind kind) {
    switch (kind) {
    case AnalysisKind::Frequencies: return {".xlsx", ".csv", ".sps", ".svg"};
    case AnalysisKind::Matrix: return {".xlsx", ".csv", ".sps"};
    case AnalysisKind::Crosstab: return {".xlsx", ".csv", ".sps", ".svg"};
    case AnalysisKind::Cooccurrence: return {".xlsx", ".csv", ".svg"};
    case AnalysisKind::Segments: return {".xlsx", ".csv"};
    case AnalysisKind::Quotes: return {".docx", ".html", ".md"};
    case AnalysisKind::Agreement: return {".xlsx", ".csv"};
    }
    return {};
}

void write_analysis(Session& s, const AnalysisExport& r, const std::string& path) {
    const std::string e = analysis_format_of(path);
    const auto formats = analysis_formats(r.kind);
    if (std::find(formats.begin(), formats.end(), e) == formats.end())
        throw InvalidArgument(path + ": cannot write this analysis as '" + e + "' (use " + listed(formats) + ")");
    switch (r.kind) {
    case AnalysisKind::Frequencies:
        if (e == ".svg")
            return write_text_file(path, bar_chart_svg("Code frequencies", bars_of(code_frequencies(s, r.scope)),
                                                       "codings incl. subcodes"));
        return write_table(frequency_table(s, r.scope), path, e, r.german_excel);
    case AnalysisKind::Matrix:
        return write_table(code_document_matrix(s, MatrixOptions{r.scope, r.presence, r.include_subcodes,
                                                                 r.join_variable, r.with_variables}),
                           path, e, r.german_excel);
    case AnalysisKind::Crosstab: {
        const Table t = crosstab(s, CrosstabOptions{r.scope, r.variable, r.include_subcodes});
        if (e != ".svg") return write_table(t, path, e, r.german_excel);
        std::vector<std::size_t> cols;  // the "% of documents" column of each group
        for (std::size_t c = 3; c < t.columns.size(); c += 3) cols.push_back(c);
        return write_text_file(path, heatmap_of(t, cols, t.rows.empty() ? 0 : t.rows.size() - 1));
    }
    case AnalysisKind::Cooccurrence: {
        const Table t =
            cooccurrence(s, r.scope, r.same_turn ? CooccurrenceMode::SameTurn : CooccurrenceMode::Overlap);
        if (e != ".svg") return write_table(t, path, e, r.german_excel);
        std::vector<std::size_t> cols;
        for (std::size_t c = 1; c < t.columns.size(); ++c) cols.push_back(c);
        return write_text_file(path, heatmap_of(t, cols, t.rows.size()));
    }
    case AnalysisKind::Segments:
        return write_table(segments_table(s, r.scope, r.include_subcodes), path, e, r.german_excel);
    case AnalysisKind::Quotes: {
        const QuoteReport report = quote_report(s, r.scope, r.include_subcodes, r.title, report_words(r.language));
        if (e == ".html") return write_text_file(path, quotes_html(report));
        if (e == ".md") return write_text_file(path, quotes_markdown(report));
        return write_quotes_docx(report, path);
    }
    case AnalysisKind::Agreement: {
        AgreementOptions o;
        o.coders = r.coders;
        o.codes = r.scope.codes;
        o.documents = r.scope.documents;
        o.segment_threshold = r.segment_threshold;
        return write_table(agreement_table(intercoder_agreement(s, o)), path, e, r.german_excel);
    }
    }
}

}  // namespace kodex
