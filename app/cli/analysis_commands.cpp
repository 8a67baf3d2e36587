// SPDX-License-Identifier: GPL-3.0-or-later
// kodex-cli export | agreement | query: the analyses of core/analysis written as files or printed.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "app/cli/common.h"
#include "core/analysis/analysis.h"
#include "core/errors.h"
#include "core/export/analysis_export.h"
#include "core/export/report_words.h"
#include "core/history/action_label.h"
#include "core/text/transcript_parse.h"

namespace kodex::cli {

namespace {

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
        std::string language = "en";
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

    // Every export is one AnalysisExport written by write_analysis, as the editor's exports are.
    const auto export_cmd = [&](const char* name, const char* help, AnalysisKind kind, bool table) {
        auto* c = exp->add_subcommand(name, help);
        std::string formats;
        for (const auto& f : analysis_formats(kind)) formats += (formats.empty() ? "" : " ") + f;
        common(c, formats.c_str());
        if (table) want_table_opts(c);
        return c;
    };
    const auto request = [args](Session& s, AnalysisKind kind) {
        AnalysisExport r;
        r.kind = kind;
        r.scope = args->scope.resolve(s);
        r.german_excel = args->german_excel;
        r.include_subcodes = !args->no_subcodes;
        return r;
    };

    auto* freq = export_cmd("frequencies", "Code frequencies (codings, documents, characters); .svg: bar chart",
                            AnalysisKind::Frequencies, true);
    freq->callback([args, &o, request] {
        auto s = open_project(args->project, o, true);
        write_analysis(*s, request(*s, AnalysisKind::Frequencies), args->out);
    });

    const auto matrix_cmd = [&](const char* name, const char* help, bool spss) {
        auto* m = export_cmd(name, help, AnalysisKind::Matrix, true);
        m->add_flag("--presence", args->presence, "0/1 instead of counts");
        m->add_flag("--no-subcodes", args->no_subcodes, "Count each code's own codings only");
        m->add_option("--join", args->join, "Variable to put first, e.g. the survey respondent id");
        m->add_flag("--no-variables", args->no_variables, "Leave the other document variables out");
        m->callback([args, &o, request, spss] {
            if (spss && analysis_format_of(args->out) != ".sps")
                throw InvalidArgument(args->out + ": spss writes a .sps file (and its .csv data beside it)");
            auto s = open_project(args->project, o, true);
            AnalysisExport r = request(*s, AnalysisKind::Matrix);
            r.presence = args->presence;
            r.join_variable = args->join;
            r.with_variables = !args->no_variables;
            write_analysis(*s, r, args->out);
        });
    };
    matrix_cmd("matrix", "Code-by-document matrix with document variables", false);
    matrix_cmd("spss", "The code-by-document matrix as SPSS syntax and data", true);

    auto* xt = export_cmd("crosstab", "Codes by the groups of a document variable; .svg: heat map of % documents",
                          AnalysisKind::Crosstab, true);
    xt->add_option("--variable", args->variable, "Document variable that forms the groups")->required();
    xt->add_flag("--no-subcodes", args->no_subcodes, "Count each code's own codings only");
    xt->callback([args, &o, request] {
        auto s = open_project(args->project, o, true);
        AnalysisExport r = request(*s, AnalysisKind::Crosstab);
        r.variable = args->variable;
        write_analysis(*s, r, args->out);
    });

    auto* co = export_cmd("cooccurrence", "Code co-occurrence matrix; .svg: heat map", AnalysisKind::Cooccurrence, true);
    co->add_flag("--same-turn", args->same_turn, "Count shared speaker turns instead of overlapping codings");
    co->callback([args, &o, request] {
        auto s = open_project(args->project, o, true);
        AnalysisExport r = request(*s, AnalysisKind::Cooccurrence);
        r.same_turn = args->same_turn;
        write_analysis(*s, r, args->out);
    });

    auto* seg = export_cmd("segments", "One row per coding with text, speaker, timestamp, memo and variables",
                           AnalysisKind::Segments, true);
    seg->add_flag("--no-subcodes", args->no_subcodes, "With --code: leave subcodes out");
    seg->callback([args, &o, request] {
        auto s = open_project(args->project, o, true);
        write_analysis(*s, request(*s, AnalysisKind::Segments), args->out);
    });

    auto* quotes = export_cmd("quotes", "Quotes grouped by code, for writing the report", AnalysisKind::Quotes, false);
    quotes->add_flag("--no-subcodes", args->no_subcodes, "With --code: leave subcodes out");
    quotes->add_option("--language", args->language, "Language of the report's headings and labels: en (default) or de")
        ->check(CLI::IsMember({"en", "de"}));
    quotes->callback([args, &o, request] {
        auto s = open_project(args->project, o, true);
        AnalysisExport r = request(*s, AnalysisKind::Quotes);
        r.language = args->language;
        r.title = fill_label(report_words(args->language).project_title,
                             {std::filesystem::path(args->project).stem().string()});
        write_analysis(*s, r, args->out);
    });

    auto* agr = export_cmd("agreement", "Intercoder agreement table", AnalysisKind::Agreement, true);
    agr->add_option("--coders", args->coders, "Coders to compare, comma separated (two or more)")->required();
    agr->add_option("--threshold", args->threshold, "Segment level: overlap/union needed (default 0.9)");
    agr->callback([args, &o, request] {
        auto s = open_project(args->project, o, true);
        AnalysisExport r = request(*s, AnalysisKind::Agreement);
        const AgreementOptions ao = agreement_options(*s, args->coders, args->scope, args->threshold);
        r.coders = ao.coders;
        r.segment_threshold = ao.segment_threshold;
        write_analysis(*s, r, args->out);
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
