// SPDX-License-Identifier: GPL-3.0-or-later
// kodex-cli export | agreement | query: the analyses of core/analysis written as files or printed.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "app/cli/common.h"
#include "core/analysis/analysis.h"
#include "core/errors.h"
#include "core/export/exporters.h"
#include "core/export/report_writers.h"
#include "core/text/transcript_parse.h"

namespace kodex::cli {

namespace {

std::string extension_of(const std::string& path) {
    std::string e = std::filesystem::path(path).extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

struct ScopeArgs {
    std::vector<std::string> codes, docs;
    std::string coder;
    AnalysisScope resolve(Session& s) const {
        AnalysisScope scope;
        for (const auto& c : codes) scope.codes.push_back(s.find_code(c));
        for (const auto& d : docs) scope.documents.push_back(s.find_document(d));
        if (!coder.empty()) scope.coder = coder;
        return scope;
    }
    void add_to(CLI::App* c) {
        c->add_option("--code", codes, "Only these codes (repeatable)");
        c->add_option("--doc", docs, "Only these documents (repeatable)");
        c->add_option("--by", coder, "Only this coder's codings");
    }
};

void write_table(const Table& t, const std::string& out, bool german_excel, const char* kinds) {
    const std::string e = extension_of(out);
    if (e == ".csv") return write_csv(t, out, CsvOptions{german_excel});
    if (e == ".xlsx") return write_xlsx({t}, out);
    if (e == ".sps") return write_spss(t, out);
    throw InvalidArgument("cannot write this table as '" + e + "' (use " + kinds + ")");
}

std::vector<Bar> bars_of(const std::vector<FrequencyRow>& rows) {
    std::vector<Bar> bars;
    for (const auto& r : rows) bars.push_back({std::string(static_cast<std::size_t>(r.depth) * 2, ' ') + r.path.substr(r.path.rfind('/') == std::string::npos ? 0 : r.path.rfind('/') + 1),
                                               static_cast<double>(r.codings_total)});
    return bars;
}

// A heat map of a table's numeric cells: rows as they are, the chosen columns.
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

AgreementOptions agreement_options(Session& s, const std::string& coders, const ScopeArgs& scope_args, double threshold) {
    AgreementOptions ao;
    std::stringstream ss(coders);
    for (std::string c; std::getline(ss, c, ',');) ao.coders.push_back(c);
    const auto scope = scope_args.resolve(s);
    ao.codes = scope.codes;
    ao.documents = scope.documents;
    ao.segment_threshold = threshold;
    return ao;
}

}  // namespace

void add_analysis_commands(CLI::App& app, Context& context) {
    struct Args {
        std::string project, out, variable, join, coders;
        ScopeArgs scope;
        bool german_excel = false, presence = false, no_subcodes = false, no_variables = false, same_turn = false;
        double threshold = 0.9;
        std::string op, a, b;
        int near_turns = -1, near_chars = -1;
    };
    auto args = std::make_shared<Args>();
    Options& o = context.options;

    auto* exp = app.add_subcommand("export", "Write analysis tables, quote reports and charts");
    exp->require_subcommand(1);
    const auto common = [&](CLI::App* c, const char* formats) {
        c->add_option("project", args->project)->required();
        c->add_option("-o,--output", args->out, std::string("Output file: ") + formats)->required();
        args->scope.add_to(c);
    };
    const auto want_table_opts = [&](CLI::App* c) {
        c->add_flag("--german-excel", args->german_excel, "CSV for German Excel: ';', decimal comma, BOM");
    };

    auto* freq = exp->add_subcommand("frequencies", "Code frequencies (codings, documents, characters)");
    common(freq, ".csv .xlsx .sps .svg (bar chart)");
    want_table_opts(freq);
    freq->callback([args, &o] {
        auto s = open_project(args->project, o, true);
        const auto scope = args->scope.resolve(*s);
        if (extension_of(args->out) == ".svg")
            return write_text_file(args->out, bar_chart_svg("Code frequencies", bars_of(code_frequencies(*s, scope)), "codings incl. subcodes"));
        write_table(frequency_table(*s, scope), args->out, args->german_excel, ".csv, .xlsx, .sps or .svg");
    });

    const auto matrix_cmd = [&](const char* name, const char* help, bool spss) {
        auto* m = exp->add_subcommand(name, help);
        common(m, spss ? ".sps (with a .csv data file beside it)" : ".csv .xlsx .sps");
        want_table_opts(m);
        m->add_flag("--presence", args->presence, "0/1 instead of counts");
        m->add_flag("--no-subcodes", args->no_subcodes, "Count each code's own codings only");
        m->add_option("--join", args->join, "Variable to put first, e.g. the survey respondent id");
        m->add_flag("--no-variables", args->no_variables, "Leave the other document variables out");
        m->callback([args, &o, spss] {
            auto s = open_project(args->project, o, true);
            MatrixOptions mo{args->scope.resolve(*s), args->presence, !args->no_subcodes, args->join, !args->no_variables};
            const Table t = code_document_matrix(*s, mo);
            if (spss && extension_of(args->out) != ".sps") throw InvalidArgument("spss writes a .sps file");
            write_table(t, args->out, args->german_excel, ".csv, .xlsx or .sps");
        });
    };
    matrix_cmd("matrix", "Code-by-document matrix with document variables", false);
    matrix_cmd("spss", "The code-by-document matrix as SPSS syntax and data", true);

    auto* xt = exp->add_subcommand("crosstab", "Codes by the groups of a document variable");
    common(xt, ".csv .xlsx .sps .svg (heat map of % documents)");
    want_table_opts(xt);
    xt->add_option("--variable", args->variable, "Document variable that forms the groups")->required();
    xt->add_flag("--no-subcodes", args->no_subcodes, "Count each code's own codings only");
    xt->callback([args, &o] {
        auto s = open_project(args->project, o, true);
        const Table t = crosstab(*s, CrosstabOptions{args->scope.resolve(*s), args->variable, !args->no_subcodes});
        if (extension_of(args->out) == ".svg") {
            std::vector<std::size_t> cols;
            for (std::size_t c = 3; c < t.columns.size(); c += 3) cols.push_back(c);
            return write_text_file(args->out, heatmap_of(t, cols, t.rows.size() - 1));
        }
        write_table(t, args->out, args->german_excel, ".csv, .xlsx, .sps or .svg");
    });

    auto* co = exp->add_subcommand("cooccurrence", "Code co-occurrence matrix");
    common(co, ".csv .xlsx .svg (heat map)");
    want_table_opts(co);
    co->add_flag("--same-turn", args->same_turn, "Count shared speaker turns instead of overlapping codings");
    co->callback([args, &o] {
        auto s = open_project(args->project, o, true);
        const Table t = cooccurrence(*s, args->scope.resolve(*s), args->same_turn ? CooccurrenceMode::SameTurn : CooccurrenceMode::Overlap);
        if (extension_of(args->out) == ".svg") {
            std::vector<std::size_t> cols;
            for (std::size_t c = 1; c < t.columns.size(); ++c) cols.push_back(c);
            return write_text_file(args->out, heatmap_of(t, cols, t.rows.size()));
        }
        write_table(t, args->out, args->german_excel, ".csv, .xlsx or .svg");
    });

    auto* seg = exp->add_subcommand("segments", "One row per coding with text, speaker, timestamp, memo and variables");
    common(seg, ".csv .xlsx");
    want_table_opts(seg);
    seg->add_flag("--no-subcodes", args->no_subcodes, "With --code: leave subcodes out");
    seg->callback([args, &o] {
        auto s = open_project(args->project, o, true);
        write_table(segments_table(*s, args->scope.resolve(*s), !args->no_subcodes), args->out, args->german_excel, ".csv or .xlsx");
    });

    auto* quotes = exp->add_subcommand("quotes", "Quotes grouped by code, for writing the report");
    common(quotes, ".html .md .docx");
    quotes->add_flag("--no-subcodes", args->no_subcodes, "With --code: leave subcodes out");
    quotes->callback([args, &o] {
        auto s = open_project(args->project, o, true);
        const std::string title = std::filesystem::path(args->project).stem().string() + ": quotes";
        const QuoteReport r = quote_report(*s, args->scope.resolve(*s), !args->no_subcodes, title);
        const std::string e = extension_of(args->out);
        if (e == ".html" || e == ".htm") return write_text_file(args->out, quotes_html(r));
        if (e == ".md") return write_text_file(args->out, quotes_markdown(r));
        if (e == ".docx") return write_quotes_docx(r, args->out);
        throw InvalidArgument("quotes are written as .html, .md or .docx");
    });

    auto* agr = exp->add_subcommand("agreement", "Intercoder agreement table");
    common(agr, ".csv .xlsx");
    want_table_opts(agr);
    agr->add_option("--coders", args->coders, "Coders to compare, comma separated (two or more)")->required();
    agr->add_option("--threshold", args->threshold, "Segment level: overlap/union needed (default 0.9)");
    agr->callback([args, &o] {
        auto s = open_project(args->project, o, true);
        const AgreementOptions ao = agreement_options(*s, args->coders, args->scope, args->threshold);
        write_table(agreement_table(intercoder_agreement(*s, ao)), args->out, args->german_excel, ".csv or .xlsx");
    });

    // agreement (printed)
    auto* ag = app.add_subcommand("agreement", "Intercoder agreement per code and overall");
    ag->add_option("project", args->project)->required();
    ag->add_option("--coders", args->coders, "Coders to compare, comma separated (two or more)")->required();
    ag->add_option("--code", args->scope.codes, "Only these codes (repeatable)");
    ag->add_option("--doc", args->scope.docs, "Only these documents (repeatable)");
    ag->add_option("--threshold", args->threshold, "Segment level: overlap/union needed (default 0.9)");
    ag->callback([args, &o] {
        auto s = open_project(args->project, o, true);
        const AgreementOptions ao = agreement_options(*s, args->coders, args->scope, args->threshold);
        const auto r = intercoder_agreement(*s, ao);
        const auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
        if (o.json) {
            json rows = json::array(), dis = json::array();
            for (const auto& row : r.rows)
                rows.push_back({{"code", row.path}, {"characters", row.characters}, {"percent_agreement", row.percent_agreement},
                                {"kappa", opt(row.kappa)}, {"alpha", opt(row.alpha)}, {"segments", row.segments},
                                {"segments_agreeing", row.segments_agreeing}, {"segment_agreement", row.segment_agreement}});
            for (const auto& d : r.disagreements)
                dis.push_back({{"document", d.document_name}, {"code", d.code_path}, {"start", d.range.start},
                               {"end", d.range.end}, {"coded_by", d.coded_by}});
            return print_json({{"coders", ao.coders}, {"rows", rows}, {"disagreements", dis}});
        }
        const auto fmt = [](const std::optional<double>& v) {
            if (!v) return std::string("   -  ");
            char b[16];
            std::snprintf(b, sizeof b, "%6.3f", *v);
            return std::string(b);
        };
        std::printf("%-60s %8s %6s %6s %9s\n", "code", "% chars", "kappa", "alpha", "segments");
        for (const auto& row : r.rows)
            std::printf("%-60.60s %8.1f %s %s %4lld/%-4lld\n", row.path.c_str(), row.percent_agreement, fmt(row.kappa).c_str(),
                        fmt(row.alpha).c_str(), static_cast<long long>(row.segments_agreeing), static_cast<long long>(row.segments));
        std::printf("%zu disagreeing ranges (see --json for where)\n", r.disagreements.size());
    });

    // query
    auto* q = app.add_subcommand("query", "Code query: segments where codes meet (and, or, not, within, near)");
    q->add_option("project", args->project)->required();
    q->add_option("a", args->a, "First code path")->required();
    q->add_option("op", args->op, "and | or | not | within | near")->required()->check(CLI::IsMember({"and", "or", "not", "within", "near"}));
    q->add_option("b", args->b, "Second code path")->required();
    q->add_flag("--same-turn", args->same_turn, "and: both in the same speaker turn");
    q->add_option("--turns", args->near_turns, "near: within this many turns");
    q->add_option("--chars", args->near_chars, "near: within this many characters");
    q->add_flag("--no-subcodes", args->no_subcodes, "Leave subcodes out");
    q->add_option("--doc", args->scope.docs, "Only these documents (repeatable)");
    q->add_option("--by", args->scope.coder, "Only this coder's codings");
    q->callback([args, &o] {
        auto s = open_project(args->project, o, true);
        CodeQuery cq;
        const std::map<std::string, CodeQueryOp> ops{{"and", CodeQueryOp::And}, {"or", CodeQueryOp::Or}, {"not", CodeQueryOp::Not},
                                                     {"within", CodeQueryOp::Within}, {"near", CodeQueryOp::Near}};
        cq.op = ops.at(args->op);
        cq.a = s->find_code(args->a);
        cq.b = s->find_code(args->b);
        cq.include_subcodes = !args->no_subcodes;
        cq.same_turn = args->same_turn;
        cq.near_turns = args->near_turns;
        cq.near_chars = args->near_chars;
        cq.scope = args->scope.resolve(*s);
        const auto segs = run_code_query(*s, cq);
        if (o.json) {
            json j = json::array();
            for (const auto& g : segs)
                j.push_back({{"document", g.document_name}, {"start", g.range.start}, {"end", g.range.end}, {"text", g.text},
                             {"speaker", g.speaker},
                             {"timestamp", g.timestamp_ms ? json(format_timestamp(*g.timestamp_ms)) : json(nullptr)}});
            return print_json(j);
        }
        for (const auto& g : segs)
            std::cout << g.document_name << " " << g.range.start << ":" << g.range.end << (g.speaker.empty() ? "" : "  " + g.speaker)
                      << "\n    \"" << g.text << "\"\n";
        std::cout << segs.size() << " segments\n";
    });
}

}  // namespace kodex::cli
