// SPDX-License-Identifier: GPL-3.0-or-later
// kodex-cli search | autocode | search-language: full-text search over core/search.
#include <unistd.h>

#include <iostream>
#include <sstream>

#include "app/cli/common.h"
#include "core/errors.h"
#include "core/search/search_index.h"
#include "core/text/transcript_parse.h"

namespace kodex::cli {

namespace {

struct SearchArgs {
    std::string project, query, sort = "relevance", code, scope = "hit", language;
    std::size_t limit = 100, offset = 0;
    int context = 40;
    bool exact = false;
    std::vector<std::size_t> hits;
};

SearchSort sort_of(const std::string& s) { return s == "doc" ? SearchSort::DocumentOrder : SearchSort::Relevance; }

// A rebuild of a big project takes a while: show how far it is when a person is watching.
Progress index_progress() {
    if (!isatty(STDERR_FILENO)) return {};
    return Progress([](std::int64_t done, std::int64_t total, const std::string&) {
        if (total <= 0) return;
        std::cerr << "\rbuilding the search index: " << done << "/" << total << " documents" << std::flush;
        if (done == total) std::cerr << "\r\033[K" << std::flush;
    });
}

std::string one_line(std::string s, std::size_t max) {
    for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
    if (s.size() > max) {
        std::size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s = s.substr(0, cut) + "…";
    }
    return s;
}

json hit_json(const SearchHit& h) {
    json words = json::array();
    for (const auto& w : h.words) words.push_back({w.start, w.end});
    return json{{"document", h.document_name},
                {"document_id", h.document.value},
                {"start", h.range.start},
                {"end", h.range.end},
                {"speaker", h.speaker},
                {"timestamp", h.timestamp_ms ? json(format_timestamp(*h.timestamp_ms)) : json(nullptr)},
                {"timestamp_ms", h.timestamp_ms ? json(*h.timestamp_ms) : json(nullptr)},
                {"turn", h.turn},
                {"turn_start", h.turn_range.start},
                {"turn_end", h.turn_range.end},
                {"relevance", h.relevance},
                {"left", h.left},
                {"match", h.match},
                {"right", h.right},
                {"words", words}};
}

void print_result(const SearchResult& r, const SearchArgs& a, bool as_json) {
    if (as_json) {
        json hits = json::array(), docs = json::array();
        for (const auto& h : r.hits) hits.push_back(hit_json(h));
        for (const auto& d : r.documents) docs.push_back({{"document", d.name}, {"document_id", d.document.value}, {"turns", d.turns}});
        print_json({{"query", a.query}, {"understood", r.understood}, {"turns", r.matching_turns}, {"counts_exact", r.counts_exact},
                    {"more", r.more}, {"hits", hits}, {"documents", docs}, {"notes", r.notes}});
        return;
    }
    std::size_t n = a.offset;
    for (const auto& h : r.hits) {
        std::cout << ++n << ". " << h.document_name << " " << h.range.start << ":" << h.range.end;
        if (!h.speaker.empty()) std::cout << "  " << h.speaker;
        if (h.timestamp_ms) std::cout << " @" << format_timestamp(*h.timestamp_ms);
        std::cout << "\n    " << h.left << "[" << one_line(h.match, 200) << "]" << h.right << "\n";
    }
    if (r.more) std::cout << "... more hits (use --limit or --offset)\n";
    std::cout << (r.counts_exact ? "" : "about ") << r.matching_turns << (r.matching_turns == 1 ? " turn" : " turns") << " with hits";
    if (!r.documents.empty()) {
        std::cout << ":";
        for (const auto& d : r.documents) std::cout << "  " << d.name << " (" << d.turns << ")";
    }
    std::cout << "\n";
    for (const auto& note : r.notes) std::cout << "note: " << note << "\n";
}

// "the index is in use" is a lock like the project's own: exit code 4, not a data error.
template <class F>
void with_index(Context& context, F&& body) {
    try {
        body();
    } catch (const IndexError& e) {
        std::cerr << "kodex-cli: " << e.what() << "\n";
        context.exit_code = std::string(e.what()).find("in use") != std::string::npos ? kLocked : kData;
    }
}

}  // namespace

void add_search_commands(CLI::App& app, Context& context) {
    auto args = std::make_shared<SearchArgs>();
    Options& o = context.options;

    auto* search = app.add_subcommand("search", "Search the transcripts (words, \"phrases\", AND/OR/NOT, NEAR/n, Prefix*, filters)");
    search->add_option("project", args->project, "Project file (*.kodex)")->required();
    search->add_option("query", args->query, "e.g. '\"hybride Formate\" speaker:B' or 'Förderung code:\"Partner verbinden\"'")->required();
    search->add_flag("--json", o.json, "Print machine-readable JSON");
    search->add_option("--limit", args->limit, "Hits to show (0 = all; default 100)");
    search->add_option("--offset", args->offset, "Hits to skip");
    search->add_option("--sort", args->sort, "relevance (default) or doc")->check(CLI::IsMember({"relevance", "doc"}));
    search->add_option("--context", args->context, "Characters of context on each side (default 40)");
    search->add_flag("--exact", args->exact, "Match word forms exactly instead of by stem");
    search->callback([args, &context] {
        with_index(context, [&] {
            auto s = open_project(args->project, context.options, true);
            SearchQuery q;
            q.text = args->query;
            q.sort = sort_of(args->sort);
            q.limit = args->limit;
            q.offset = args->offset;
            q.context = args->context;
            q.exact_forms = args->exact;
            SearchIndex index(*s);
            index.ensure_fresh(index_progress());
            print_result(index.search(q), *args, context.options.json);
        });
    });

    auto* autocode = app.add_subcommand("autocode", "Apply a code to the hits of a search (one undoable action)");
    autocode->add_option("project", args->project, "Project file (*.kodex)")->required();
    autocode->add_option("query", args->query, "The search query")->required();
    autocode->add_option("--code", args->code, "Code path")->required();
    autocode->add_option("--scope", args->scope, "What to code: hit (default), sentence or turn")
        ->check(CLI::IsMember({"hit", "sentence", "turn"}));
    autocode->add_option("--hits", args->hits, "Only these hits (numbers as `search` lists them with the same --sort)")
        ->delimiter(',');
    autocode->add_option("--sort", args->sort, "relevance (default) or doc: the order --hits refers to")
        ->check(CLI::IsMember({"relevance", "doc"}));
    autocode->add_flag("--exact", args->exact, "Match word forms exactly instead of by stem");
    autocode->add_flag("--json", o.json, "Print machine-readable JSON");
    autocode->callback([args, &context] {
        with_index(context, [&] {
            auto s = open_project(args->project, context.options);
            AutocodeRequest r;
            r.query = args->query;
            r.code = s->find_code(args->code);
            r.scope = args->scope == "turn" ? AutocodeScope::Turn : args->scope == "sentence" ? AutocodeScope::Sentence : AutocodeScope::Hit;
            r.sort = sort_of(args->sort);
            r.exact_forms = args->exact;
            for (std::size_t h : args->hits) {
                if (h == 0) throw InvalidArgument("hits are numbered from 1");
                r.only.push_back(h - 1);
            }
            SearchIndex index(*s);
            index.ensure_fresh(index_progress());
            const AutocodeReport rep = index.autocode(r);
            if (context.options.json) {
                json added = json::array();
                for (const auto& id : rep.added) added.push_back(id.value);
                print_json({{"hits", rep.hits}, {"added", added}, {"duplicates", rep.duplicates}, {"label", rep.label}});
            } else {
                std::cout << "coded " << rep.added.size() << (rep.added.size() == 1 ? " passage" : " passages") << " from "
                          << rep.hits << (rep.hits == 1 ? " hit" : " hits") << " with " << s->code_path(r.code);
                if (rep.duplicates) std::cout << " (" << rep.duplicates << " already coded)";
                std::cout << "\n";
            }
        });
    });

    auto* language = app.add_subcommand("search-language", "Show or set the project's search language (german, english)");
    language->add_option("project", args->project, "Project file (*.kodex)")->required();
    language->add_option("language", args->language, "german or english");
    language->callback([args, &context] {
        const bool set = !args->language.empty();
        auto s = open_project(args->project, context.options, !set);
        if (set) set_search_language(*s, search_language_from_string(args->language));
        const char* now = to_string(search_language(*s));
        if (context.options.json) print_json({{"language", now}});
        else std::cout << "search language: " << now << "\n";
    });
}

}  // namespace kodex::cli
