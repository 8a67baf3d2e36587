// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers and retrievals over the coded project: code frequencies, code-by-document matrices, crosstabs by
// a document variable, code co-occurrence, code queries (AND/OR/NOT/within/near), the tidy segments table
// and the quote report. All results come back as data (Table, QuoteReport, segment lists) for the
// exporters, the CLI and the editor. Read-only: nothing here changes the project.
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/table.h"
#include "core/export/report_writers.h"
#include "core/session.h"

namespace kodex {

/// Which codings count. Empty lists mean all documents / all codes.
struct AnalysisScope {
    std::vector<DocumentId> documents;
    std::vector<CodeId> codes;          ///< the codes to report (rows/columns); empty: every code
    std::optional<std::string> coder;   ///< only this coder's codings
};

struct FrequencyRow {
    CodeId code;
    std::string path;
    int depth = 0;
    std::int64_t codings = 0;     ///< codings of the code itself
    std::int64_t documents = 0;   ///< documents with a coding of the code itself
    std::int64_t characters = 0;  ///< code points covered by the code (overlaps of its codings counted once)
    std::int64_t codings_total = 0;    ///< with all subcodes
    std::int64_t documents_total = 0;  ///< documents with the code or any subcode, each counted once
    std::int64_t characters_total = 0; ///< code points covered by the code or any subcode, counted once
    double document_share = 0;         ///< documents_total / documents in scope
};

std::vector<FrequencyRow> code_frequencies(Session& s, const AnalysisScope& scope = {});
Table frequency_table(Session& s, const AnalysisScope& scope = {});

struct MatrixOptions {
    AnalysisScope scope;
    bool presence = false;          ///< 0/1 instead of counts
    bool include_subcodes = true;   ///< a code's cell counts its subcodes' codings too
    std::string join_variable;      ///< first column after the name: this variable (e.g. survey respondent id)
    bool with_variables = true;     ///< all document variables as extra columns
};
/// One row per document: name, [join variable], [variables...], then one column per code.
Table code_document_matrix(Session& s, const MatrixOptions& o);

struct CrosstabOptions {
    AnalysisScope scope;
    std::string variable;           ///< groups = the values of this document variable
    bool include_subcodes = true;
};
/// One row per code; per group: codings, documents with the code, % of the group's documents; a last row
/// "N documents" gives each group's size. Documents without a value form the group "(no value)".
Table crosstab(Session& s, const CrosstabOptions& o);

enum class CooccurrenceMode { Overlap, SameTurn };
/// Codes x codes. Overlap: number of pairs of overlapping codings; SameTurn: number of speaker turns that
/// contain codings of both. The diagonal holds the codings (overlap) or turns (same turn) of the code.
Table cooccurrence(Session& s, const AnalysisScope& scope, CooccurrenceMode mode, bool include_subcodes = false);

struct Segment {
    DocumentId document;
    std::string document_name;
    TextRange range;
    std::string text;
    std::string speaker;
    std::optional<std::int64_t> timestamp_ms;
};

enum class CodeQueryOp { And, Or, Not, Within, Near };
struct CodeQuery {
    CodeQueryOp op = CodeQueryOp::And;
    CodeId a, b;
    bool include_subcodes = true;
    bool same_turn = false;   ///< And: both in the same speaker turn (the turn is returned) instead of overlapping
    int near_turns = -1;      ///< Near: B within this many turns of A (>= 0), or
    int near_chars = -1;      ///< Near: B within this many characters of A (>= 0)
    AnalysisScope scope;      ///< documents and coder
};
/// And: the overlapping parts (or the shared turns); Or: both codes' ranges merged; Not: A codings overlapping
/// no B coding; Within: A codings lying inside a B coding; Near: A codings with a B coding nearby.
std::vector<Segment> run_code_query(Session& s, const CodeQuery& q);

/// One row per coding: ids, document, code path and its levels, start, end, speaker, timestamp, text, coder,
/// memo, and the document variables.
Table segments_table(Session& s, const AnalysisScope& scope = {}, bool include_subcodes = true);

/// Quotes of the chosen codes (with subcodes) grouped by code, in codebook order then document order; a range
/// that several coders coded with the same code is one quote naming them all. `words` are the report's fixed
/// words (page citations use them too); an empty title is words.title.
QuoteReport quote_report(Session& s, const AnalysisScope& scope = {}, bool include_subcodes = true,
                         const std::string& title = "Quotes", const ReportWords& words = {});

// --- intercoder agreement

struct AgreementOptions {
    std::vector<std::string> coders;  ///< two or more
    std::vector<CodeId> codes;        ///< empty: every code with codings by these coders
    std::vector<DocumentId> documents;
    double segment_threshold = 0.9;   ///< segment-level: overlap / union needed for two codings to agree
};

struct AgreementRow {
    CodeId code;          ///< invalid for the overall row
    std::string path;     ///< "(all codes)" for the overall row
    std::int64_t characters = 0;        ///< code points compared (whole texts)
    double percent_agreement = 0;       ///< character level, first two coders
    std::optional<double> kappa;        ///< Cohen's kappa, character level, first two coders (none when undefined)
    std::optional<double> alpha;        ///< Krippendorff's alpha (nominal), all coders, character level
    std::int64_t segments = 0;          ///< segment level: codings of the first two coders
    std::int64_t segments_agreeing = 0; ///< matched pairs (each counted once)
    double segment_agreement = 0;       ///< agreeing pairs / (pairs + unmatched codings)
};

struct Disagreement {
    DocumentId document;
    std::string document_name;
    std::string code_path;
    TextRange range;
    std::vector<std::string> coded_by;  ///< the coders who coded this range (the others did not)
};

struct AgreementResult {
    std::vector<AgreementRow> rows;  ///< per code, then the overall row
    std::vector<Disagreement> disagreements;
};

AgreementResult intercoder_agreement(Session& s, const AgreementOptions& o);
Table agreement_table(const AgreementResult& r);

/// Textbook Cohen's kappa for two binary raters over n units: a = both yes, b = only rater 1, c = only rater 2.
std::optional<double> cohens_kappa(std::int64_t n, std::int64_t both, std::int64_t only_first, std::int64_t only_second);

}  // namespace kodex
