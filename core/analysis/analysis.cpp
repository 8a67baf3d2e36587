// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/analysis.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/errors.h"
#include "core/model/pages.h"
#include "core/text/transcript_parse.h"
#include "core/text/unicode.h"

namespace kodex {

namespace {

using Range = std::pair<std::int64_t, std::int64_t>;

// A coding reduced to what the numbers need.
struct Row {
    std::int64_t doc, code, coder, start, end, id;
};

// The codebook as a tree: order, paths, parents, subtrees.
struct Tree {
    std::vector<CodeSummary> codes;  // tree order
    std::unordered_map<std::int64_t, std::size_t> index;
    explicit Tree(Session& s) : codes(s.codes()) {
        for (std::size_t i = 0; i < codes.size(); ++i) index[codes[i].code.id.value] = i;
    }
    const CodeSummary& at(std::int64_t id) const { return codes.at(index.at(id)); }
    /// The code and its ancestors, the code first.
    std::vector<std::int64_t> lineage(std::int64_t id) const {
        std::vector<std::int64_t> out;
        for (std::int64_t cur = id; cur > 0 && out.size() < 1000; cur = at(cur).code.parent.value) out.push_back(cur);
        return out;
    }
    bool in_subtree(std::int64_t id, std::int64_t root) const {
        for (std::int64_t x : lineage(id))
            if (x == root) return true;
        return false;
    }
    /// Codes to report: the scope's codes (in tree order), or all.
    std::vector<std::int64_t> selected(const std::vector<CodeId>& wanted) const {
        std::vector<std::int64_t> out;
        for (const auto& c : codes) {
            if (wanted.empty() || std::find(wanted.begin(), wanted.end(), c.code.id) != wanted.end())
                out.push_back(c.code.id.value);
        }
        if (!wanted.empty() && out.size() != wanted.size()) throw InvalidArgument("an unknown code was asked for");
        return out;
    }
};

std::string id_list(const std::vector<DocumentId>& ids) {
    std::string out;
    for (DocumentId d : ids) out += (out.empty() ? "" : ",") + std::to_string(d.value);
    return out;
}

std::vector<Row> load_rows(Session& s, const AnalysisScope& scope) {
    std::string sql = "SELECT c.document_id, c.code_id, c.coder_id, c.start, c.end, c.id FROM codings c";
    if (scope.coder) sql += " JOIN coders k ON k.id = c.coder_id AND k.name = ?";
    if (!scope.documents.empty()) sql += " WHERE c.document_id IN (" + id_list(scope.documents) + ")";
    sql += " ORDER BY c.document_id, c.start, c.end, c.id";
    Stmt q(s.store().db(), sql);
    if (scope.coder) q.bind(1, *scope.coder);
    std::vector<Row> rows;
    while (q.step()) rows.push_back({q.col_int(0), q.col_int(1), q.col_int(2), q.col_int(3), q.col_int(4), q.col_int(5)});
    return rows;
}

std::vector<DocumentSummary> scoped_documents(Session& s, const AnalysisScope& scope) {
    auto docs = s.documents();
    if (!scope.documents.empty())
        docs.erase(std::remove_if(docs.begin(), docs.end(),
                                  [&](const DocumentSummary& d) {
                                      return std::find(scope.documents.begin(), scope.documents.end(), d.id) == scope.documents.end();
                                  }),
                   docs.end());
    return docs;
}

// Sorts and merges ranges; returns the covered length.
std::int64_t merge(std::vector<Range>& r) {
    std::sort(r.begin(), r.end());
    std::vector<Range> out;
    std::int64_t total = 0;
    for (const auto& x : r) {
        if (!out.empty() && x.first <= out.back().second) {
            out.back().second = std::max(out.back().second, x.second);
        } else {
            out.push_back(x);
        }
    }
    for (const auto& x : out) total += x.second - x.first;
    r = std::move(out);
    return total;
}

std::int64_t intersection(const std::vector<Range>& a, const std::vector<Range>& b) {
    std::int64_t total = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const std::int64_t lo = std::max(a[i].first, b[j].first), hi = std::min(a[i].second, b[j].second);
        if (lo < hi) total += hi - lo;
        (a[i].second < b[j].second) ? ++i : ++j;
    }
    return total;
}

double percent(std::int64_t part, std::int64_t whole) { return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

}  // namespace

// ---------------------------------------------------------------- frequencies

std::vector<FrequencyRow> code_frequencies(Session& s, const AnalysisScope& scope) {
    const Tree tree(s);
    const auto rows = load_rows(s, scope);
    const auto n_docs = static_cast<std::int64_t>(scoped_documents(s, scope).size());
    struct Acc {
        std::int64_t codings = 0, documents = 0, characters = 0, codings_total = 0, documents_total = 0, characters_total = 0;
    };
    std::unordered_map<std::int64_t, Acc> acc;
    // Rows come ordered by document: collect one document's ranges per code, then fold them in.
    std::unordered_map<std::int64_t, std::vector<Range>> own, total;
    const auto flush = [&] {
        for (auto& [code, r] : own) {
            Acc& a = acc[code];
            a.codings += static_cast<std::int64_t>(r.size());
            a.documents += 1;
            a.characters += merge(r);
        }
        for (auto& [code, r] : total) {
            Acc& a = acc[code];
            a.codings_total += static_cast<std::int64_t>(r.size());
            a.documents_total += 1;
            a.characters_total += merge(r);
        }
        own.clear();
        total.clear();
    };
    std::int64_t doc = -1;
    for (const Row& r : rows) {
        if (r.doc != doc) {
            flush();
            doc = r.doc;
        }
        own[r.code].emplace_back(r.start, r.end);
        for (std::int64_t x : tree.lineage(r.code)) total[x].emplace_back(r.start, r.end);
    }
    flush();
    std::vector<FrequencyRow> out;
    for (std::int64_t id : tree.selected(scope.codes)) {
        const CodeSummary& c = tree.at(id);
        const Acc& a = acc[id];
        out.push_back({c.code.id, c.path, c.depth, a.codings, a.documents, a.characters, a.codings_total, a.documents_total,
                       a.characters_total, n_docs ? static_cast<double>(a.documents_total) / static_cast<double>(n_docs) : 0.0});
    }
    return out;
}

Table frequency_table(Session& s, const AnalysisScope& scope) {
    Table t;
    t.title = "Code frequencies";
    t.columns = {{"code", "Code", 0},
                 {"level", "Level", 0},
                 {"codings", "Codings", 0},
                 {"documents", "Documents", 0},
                 {"characters", "Characters coded", 0},
                 {"codings_total", "Codings incl. subcodes", 0},
                 {"documents_total", "Documents incl. subcodes", 0},
                 {"documents_pct", "% of documents incl. subcodes", 1},
                 {"characters_total", "Characters incl. subcodes", 0}};
    for (const auto& f : code_frequencies(s, scope))
        t.rows.push_back({Cell::of(f.path), Cell::of(f.depth + 1), Cell::of(f.codings), Cell::of(f.documents),
                          Cell::of(f.characters), Cell::of(f.codings_total), Cell::of(f.documents_total),
                          Cell::of(100.0 * f.document_share), Cell::of(f.characters_total)});
    return t;
}

// ---------------------------------------------------------------- matrix

Table code_document_matrix(Session& s, const MatrixOptions& o) {
    const Tree tree(s);
    const auto codes = tree.selected(o.scope.codes);
    const auto docs = scoped_documents(s, o.scope);
    // (document, code) -> codings, subcodes folded into ancestors when asked.
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> counts;
    {
        std::string sql = "SELECT c.document_id, c.code_id, COUNT(*) FROM codings c";
        if (o.scope.coder) sql += " JOIN coders k ON k.id = c.coder_id AND k.name = ?";
        if (!o.scope.documents.empty()) sql += " WHERE c.document_id IN (" + id_list(o.scope.documents) + ")";
        sql += " GROUP BY c.document_id, c.code_id";
        Stmt q(s.store().db(), sql);
        if (o.scope.coder) q.bind(1, *o.scope.coder);
        while (q.step()) {
            if (o.include_subcodes) {
                for (std::int64_t x : tree.lineage(q.col_int(1))) counts[{q.col_int(0), x}] += q.col_int(2);
            } else {
                counts[{q.col_int(0), q.col_int(1)}] += q.col_int(2);
            }
        }
    }
    std::vector<std::string> var_names;
    if (o.with_variables)
        for (const auto& v : s.variables())
            if (v.name != o.join_variable) var_names.push_back(v.name);

    Table t;
    t.title = o.presence ? "Code presence by document" : "Codings by document";
    t.columns.push_back({"document", "Document", 0});
    if (!o.join_variable.empty()) t.columns.push_back({o.join_variable, o.join_variable, 0});
    for (const auto& v : var_names) t.columns.push_back({v, v, 2});
    for (std::int64_t id : codes) t.columns.push_back({tree.at(id).code.name, tree.at(id).path, 0});
    const auto vars = s.variables();
    const auto type_of = [&](const std::string& name) {
        for (const auto& v : vars)
            if (v.name == name) return v.type;
        return VariableType::Text;
    };
    const auto value_cell = [&](const std::map<std::string, std::string>& values, const std::string& name) {
        const auto it = values.find(name);
        if (it == values.end()) return Cell::empty();
        switch (type_of(name)) {
        case VariableType::Integer: return Cell::of(static_cast<std::int64_t>(std::stoll(it->second)));
        case VariableType::Decimal: return Cell::of(std::stod(it->second));
        default: return Cell::of(it->second);
        }
    };
    if (!o.join_variable.empty() && std::none_of(vars.begin(), vars.end(), [&](const Variable& v) { return v.name == o.join_variable; }))
        throw InvalidArgument("no document variable '" + o.join_variable + "'");
    for (const auto& d : docs) {
        const auto values = s.variable_values(d.id);
        std::vector<Cell> row{Cell::of(d.name)};
        if (!o.join_variable.empty()) row.push_back(value_cell(values, o.join_variable));
        for (const auto& v : var_names) row.push_back(value_cell(values, v));
        for (std::int64_t id : codes) {
            const auto it = counts.find({d.id.value, id});
            const std::int64_t n = it == counts.end() ? 0 : it->second;
            row.push_back(Cell::of(o.presence ? std::int64_t(n > 0) : n));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

// ---------------------------------------------------------------- crosstab

Table crosstab(Session& s, const CrosstabOptions& o) {
    const auto vars = s.variables();
    if (std::none_of(vars.begin(), vars.end(), [&](const Variable& v) { return v.name == o.variable; }))
        throw InvalidArgument("no document variable '" + o.variable + "'");
    const Tree tree(s);
    const auto codes = tree.selected(o.scope.codes);
    const auto docs = scoped_documents(s, o.scope);
    std::map<std::int64_t, std::string> group_of;
    std::vector<std::string> groups;
    std::map<std::string, std::int64_t> group_size;
    for (const auto& d : docs) {
        const auto values = s.variable_values(d.id);
        const auto it = values.find(o.variable);
        const std::string g = it == values.end() ? "(no value)" : it->second;
        group_of[d.id.value] = g;
        if (group_size[g]++ == 0) groups.push_back(g);
    }
    std::sort(groups.begin(), groups.end(), [](const std::string& a, const std::string& b) {
        return (a == "(no value)") != (b == "(no value)") ? b == "(no value)" : collate_less(a, b);
    });
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> codings;
    std::map<std::pair<std::int64_t, std::string>, std::set<std::int64_t>> with_code;
    for (const Row& r : load_rows(s, o.scope)) {
        const auto g = group_of.find(r.doc);
        if (g == group_of.end()) continue;
        const auto targets = o.include_subcodes ? tree.lineage(r.code) : std::vector<std::int64_t>{r.code};
        for (std::int64_t x : targets) {
            ++codings[{x, g->second}];
            with_code[{x, g->second}].insert(r.doc);
        }
    }
    Table t;
    t.title = "Codes by " + o.variable;
    t.columns.push_back({"code", "Code", 0});
    for (const auto& g : groups) {
        t.columns.push_back({g + " codings", o.variable + " = " + g + ": codings", 0});
        t.columns.push_back({g + " documents", o.variable + " = " + g + ": documents with the code", 0});
        t.columns.push_back({g + " %", o.variable + " = " + g + ": % of documents", 1});
    }
    for (std::int64_t id : codes) {
        std::vector<Cell> row{Cell::of(tree.at(id).path)};
        for (const auto& g : groups) {
            const auto n = codings.count({id, g}) ? codings[{id, g}] : 0;
            const auto docs_with = with_code.count({id, g}) ? static_cast<std::int64_t>(with_code[{id, g}].size()) : 0;
            row.push_back(Cell::of(n));
            row.push_back(Cell::of(docs_with));
            row.push_back(Cell::of(percent(docs_with, group_size[g])));
        }
        t.rows.push_back(std::move(row));
    }
    std::vector<Cell> last{Cell::of(std::string("N documents"))};
    for (const auto& g : groups) {
        last.push_back(Cell::empty());
        last.push_back(Cell::of(group_size[g]));
        last.push_back(Cell::empty());
    }
    t.rows.push_back(std::move(last));
    return t;
}

// ---------------------------------------------------------------- co-occurrence

Table cooccurrence(Session& s, const AnalysisScope& scope, CooccurrenceMode mode, bool include_subcodes) {
    const Tree tree(s);
    const auto codes = tree.selected(scope.codes);
    std::unordered_map<std::int64_t, std::size_t> col;
    for (std::size_t i = 0; i < codes.size(); ++i) col[codes[i]] = i;
    std::vector<std::vector<std::int64_t>> m(codes.size(), std::vector<std::int64_t>(codes.size(), 0));
    // The reported codes a coding stands for.
    const auto targets = [&](std::int64_t code) {
        std::vector<std::size_t> out;
        for (std::int64_t x : include_subcodes ? tree.lineage(code) : std::vector<std::int64_t>{code})
            if (auto it = col.find(x); it != col.end()) out.push_back(it->second);
        return out;
    };
    const auto rows = load_rows(s, scope);
    if (mode == CooccurrenceMode::Overlap) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto ti = targets(rows[i].code);
            for (std::size_t a : ti) ++m[a][a];
            for (std::size_t j = i + 1; j < rows.size() && rows[j].doc == rows[i].doc && rows[j].start < rows[i].end; ++j) {
                for (std::size_t a : ti)
                    for (std::size_t b : targets(rows[j].code)) {
                        if (a == b) continue;
                        ++m[a][b];
                        ++m[b][a];
                    }
            }
        }
    } else {
        std::map<std::int64_t, std::vector<Turn>> turns;
        std::map<std::pair<std::int64_t, std::size_t>, std::set<std::size_t>> in_turn;  // (doc, turn) -> codes
        for (const Row& r : rows) {
            auto it = turns.find(r.doc);
            if (it == turns.end()) it = turns.emplace(r.doc, s.document(DocumentId(r.doc)).turns).first;
            for (std::size_t t = 0; t < it->second.size(); ++t) {
                const Turn& tr = it->second[t];
                if (r.start < tr.end && tr.start < r.end)
                    for (std::size_t a : targets(r.code)) in_turn[{r.doc, t}].insert(a);
            }
        }
        for (const auto& [key, set] : in_turn)
            for (std::size_t a : set)
                for (std::size_t b : set) ++m[a][b];
    }
    Table t;
    t.title = mode == CooccurrenceMode::Overlap ? "Code co-occurrence (overlapping codings)" : "Code co-occurrence (same turn)";
    t.columns.push_back({"code", "Code", 0});
    for (std::int64_t id : codes) t.columns.push_back({tree.at(id).code.name, tree.at(id).path, 0});
    for (std::size_t i = 0; i < codes.size(); ++i) {
        std::vector<Cell> row{Cell::of(tree.at(codes[i]).path)};
        for (std::size_t j = 0; j < codes.size(); ++j) row.push_back(Cell::of(m[i][j]));
        t.rows.push_back(std::move(row));
    }
    return t;
}

// ---------------------------------------------------------------- code queries

std::vector<Segment> run_code_query(Session& s, const CodeQuery& q) {
    const Tree tree(s);
    if (!q.a.valid() || !tree.index.count(q.a.value)) throw InvalidArgument("the code query needs a first code");
    if (!q.b.valid() || !tree.index.count(q.b.value)) throw InvalidArgument("the code query needs a second code");
    if (q.op == CodeQueryOp::Near && q.near_turns < 0 && q.near_chars < 0)
        throw InvalidArgument("near needs a distance in turns or characters");
    const auto is = [&](std::int64_t code, CodeId root) {
        return q.include_subcodes ? tree.in_subtree(code, root.value) : code == root.value;
    };
    std::map<std::int64_t, std::pair<std::vector<Range>, std::vector<Range>>> by_doc;
    for (const Row& r : load_rows(s, q.scope)) {
        if (is(r.code, q.a)) by_doc[r.doc].first.emplace_back(r.start, r.end);
        if (is(r.code, q.b)) by_doc[r.doc].second.emplace_back(r.start, r.end);
    }
    std::vector<Segment> out;
    for (auto& [doc_id, ab] : by_doc) {
        auto& [a, b] = ab;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        std::vector<Range> hits;
        const Document d = s.document(DocumentId(doc_id));
        const auto turn_of = [&](std::int64_t pos) -> std::int64_t {
            for (std::size_t i = 0; i < d.turns.size(); ++i)
                if (d.turns[i].start <= pos && pos < d.turns[i].end) return static_cast<std::int64_t>(i);
            return -1;
        };
        switch (q.op) {
        case CodeQueryOp::And:
            if (q.same_turn) {
                for (const Turn& t : d.turns) {
                    const auto touches = [&](const std::vector<Range>& v) {
                        return std::any_of(v.begin(), v.end(), [&](const Range& r) { return r.first < t.end && t.start < r.second; });
                    };
                    if (touches(a) && touches(b)) hits.emplace_back(t.body_start, t.end);
                }
            } else {
                for (const auto& x : a)
                    for (const auto& y : b) {
                        const std::int64_t lo = std::max(x.first, y.first), hi = std::min(x.second, y.second);
                        if (lo < hi) hits.emplace_back(lo, hi);
                    }
                merge(hits);
            }
            break;
        case CodeQueryOp::Or:
            hits = a;
            hits.insert(hits.end(), b.begin(), b.end());
            merge(hits);
            break;
        case CodeQueryOp::Not:
            for (const auto& x : a)
                if (std::none_of(b.begin(), b.end(), [&](const Range& y) { return x.first < y.second && y.first < x.second; }))
                    hits.push_back(x);
            break;
        case CodeQueryOp::Within:
            for (const auto& x : a)
                if (std::any_of(b.begin(), b.end(), [&](const Range& y) { return y.first <= x.first && x.second <= y.second; }))
                    hits.push_back(x);
            break;
        case CodeQueryOp::Near:
            for (const auto& x : a) {
                const bool near = std::any_of(b.begin(), b.end(), [&](const Range& y) {
                    if (x == y) return false;
                    if (q.near_chars >= 0) {
                        const std::int64_t gap = std::max<std::int64_t>(0, std::max(y.first - x.second, x.first - y.second));
                        if (gap <= q.near_chars) return true;
                    }
                    if (q.near_turns >= 0) {
                        const std::int64_t tx = turn_of(x.first), ty = turn_of(y.first);
                        if (tx >= 0 && ty >= 0 && std::llabs(tx - ty) <= q.near_turns) return true;
                    }
                    return false;
                });
                if (near) hits.push_back(x);
            }
            break;
        }
        hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
        for (const auto& h : hits) {
            Segment seg{d.id, d.name, {h.first, h.second}, substring_cp(d.text, h.first, h.second), {}, {}};
            if (const auto t = turn_of(h.first); t >= 0) {
                seg.speaker = d.turns[static_cast<std::size_t>(t)].speaker;
                seg.timestamp_ms = d.turns[static_cast<std::size_t>(t)].timestamp_ms;
            }
            out.push_back(std::move(seg));
        }
    }
    return out;
}

// ---------------------------------------------------------------- segments and quotes

Table segments_table(Session& s, const AnalysisScope& scope, bool include_subcodes) {
    const Tree tree(s);
    CodingFilter f{scope.documents, scope.codes, include_subcodes, scope.coder};
    const auto list = s.codings(f);
    int levels = 1;
    for (const auto& c : tree.codes) levels = std::max(levels, c.depth + 1);
    const auto vars = s.variables();
    Table t;
    t.title = "Coded segments";
    t.columns = {{"coding_id", "Coding id", 0}, {"coding_guid", "Coding GUID", 0}, {"document", "Document", 0},
                 {"code", "Code", 0}};
    for (int l = 1; l <= levels; ++l) t.columns.push_back({"level" + std::to_string(l), "Code level " + std::to_string(l), 0});
    // A page column only when some coding is in a document with pages (PDF): other tables stay as they were.
    const bool paged = std::any_of(list.begin(), list.end(), [](const CodingView& c) { return !c.page.empty(); });
    for (const char* c : {"start", "end", "speaker", "timestamp"}) t.columns.push_back({c, c, 0});
    if (paged) t.columns.push_back({"page", "page", 0});
    for (const char* c : {"text", "coder", "memo"}) t.columns.push_back({c, c, 0});
    for (const auto& v : vars) t.columns.push_back({v.name, v.name, 2});
    std::map<std::int64_t, std::map<std::string, std::string>> values;
    for (const auto& c : list) {
        if (!values.count(c.coding.document.value)) values[c.coding.document.value] = s.variable_values(c.coding.document);
        std::vector<Cell> row{Cell::of(c.coding.id.value), Cell::of(c.coding.guid), Cell::of(c.document_name), Cell::of(c.code_path)};
        std::vector<std::string> names;
        for (std::int64_t x : tree.lineage(c.coding.code.value)) names.insert(names.begin(), tree.at(x).code.name);
        for (int l = 0; l < levels; ++l)
            row.push_back(l < static_cast<int>(names.size()) ? Cell::of(names[static_cast<std::size_t>(l)]) : Cell::empty());
        row.push_back(Cell::of(c.coding.range.start));
        row.push_back(Cell::of(c.coding.range.end));
        row.push_back(Cell::of(c.speaker));
        row.push_back(c.timestamp_ms ? Cell::of(format_timestamp(*c.timestamp_ms)) : Cell::empty());
        if (paged) row.push_back(c.page.empty() ? Cell::empty() : Cell::of(c.page));
        row.push_back(Cell::of(c.text));
        row.push_back(Cell::of(c.coder_name));
        row.push_back(c.memo.empty() ? Cell::empty() : Cell::of(c.memo));
        const auto& vals = values[c.coding.document.value];
        for (const auto& v : vars) {
            const auto it = vals.find(v.name);
            row.push_back(it == vals.end() ? Cell::empty() : Cell::of(it->second));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

QuoteReport quote_report(Session& s, const AnalysisScope& scope, bool include_subcodes, const std::string& title,
                         const ReportWords& words) {
    const Tree tree(s);
    QuoteReport r;
    r.title = title.empty() ? words.title : title;
    r.words = words;
    std::set<std::int64_t> wanted;
    for (std::int64_t id : tree.selected(scope.codes)) {
        if (include_subcodes)
            for (const auto& c : tree.codes)
                if (tree.in_subtree(c.code.id.value, id)) wanted.insert(c.code.id.value);
        wanted.insert(id);
    }
    const auto list = s.codings(CodingFilter{scope.documents, {}, false, scope.coder});
    struct Starts {
        std::vector<std::int64_t> lines;  // code point of each line start
        std::vector<std::int64_t> pages;
    };
    std::map<std::int64_t, Starts> starts_of;  // by document
    for (const auto& c : tree.codes) {
        if (!wanted.count(c.code.id.value)) continue;
        QuoteGroup g{c.path, c.code.description.definition, {}};
        // Coders who coded the same range with this code share one quote; each coding's memo stays.
        std::map<std::tuple<std::int64_t, std::int64_t, std::int64_t>, std::size_t> quote_of;
        std::vector<std::vector<std::pair<std::string, std::string>>> coded;  // per quote: (coder, memo)
        for (const auto& v : list) {
            if (v.coding.code != c.code.id) continue;
            const auto key = std::make_tuple(v.coding.document.value, v.coding.range.start, v.coding.range.end);
            if (const auto known = quote_of.find(key); known != quote_of.end()) {
                coded[known->second].emplace_back(v.coder_name, v.memo);
                continue;
            }
            auto it = starts_of.find(v.coding.document.value);
            if (it == starts_of.end()) {
                const Document d = s.document(v.coding.document);
                Starts st{{0}, d.page_starts};
                std::int64_t cp = 0;
                for (unsigned char ch : d.text) {
                    if ((ch & 0xC0) != 0x80) ++cp;
                    if (ch == '\n') st.lines.push_back(cp);
                }
                it = starts_of.emplace(v.coding.document.value, std::move(st)).first;
            }
            const auto& lines = it->second.lines;
            QuoteEntry q;
            q.document = v.document_name;
            q.speaker = v.speaker;
            q.timestamp = v.timestamp_ms ? format_timestamp(*v.timestamp_ms) : std::string();
            q.start = v.coding.range.start;
            q.end = v.coding.range.end;
            q.line = static_cast<int>(std::upper_bound(lines.begin(), lines.end(), q.start) - lines.begin());
            q.text = v.text;
            q.page = page_citation(it->second.pages, v.coding.range, words.page, words.pages);
            quote_of.emplace(key, g.quotes.size());
            g.quotes.push_back(std::move(q));
            coded.push_back({{v.coder_name, v.memo}});
        }
        // Coders by name, so that the report does not depend on who coded first.
        for (std::size_t i = 0; i < g.quotes.size(); ++i) {
            std::stable_sort(coded[i].begin(), coded[i].end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (const auto& [coder, memo] : coded[i]) {
                auto& coders = g.quotes[i].coders;
                if (std::find(coders.begin(), coders.end(), coder) == coders.end()) coders.push_back(coder);
                if (!memo.empty()) g.quotes[i].memos.push_back({coder, memo});
            }
        }
        if (!g.quotes.empty()) r.groups.push_back(std::move(g));
    }
    return r;
}

// ---------------------------------------------------------------- agreement

std::optional<double> cohens_kappa(std::int64_t n, std::int64_t both, std::int64_t only_first, std::int64_t only_second) {
    if (n <= 0) return std::nullopt;
    const double N = static_cast<double>(n);
    const double neither = N - static_cast<double>(both + only_first + only_second);
    const double po = (static_cast<double>(both) + neither) / N;
    const double p1 = static_cast<double>(both + only_first) / N, p2 = static_cast<double>(both + only_second) / N;
    const double pe = p1 * p2 + (1 - p1) * (1 - p2);
    if (std::fabs(1 - pe) < 1e-12) return std::nullopt;
    return (po - pe) / (1 - pe);
}

namespace {

// Krippendorff's alpha for binary nominal data where every unit is rated by all m coders;
// units_with[k] = number of units that exactly k coders marked.
std::optional<double> krippendorff_binary(const std::vector<std::int64_t>& units_with) {
    const std::size_t m = units_with.size() - 1;
    if (m < 2) return std::nullopt;
    double o01 = 0, o11 = 0, o00 = 0;
    for (std::size_t k = 0; k <= m; ++k) {
        const double u = static_cast<double>(units_with[k]), kk = static_cast<double>(k), mm = static_cast<double>(m);
        o01 += u * kk * (mm - kk) / (mm - 1);
        o11 += u * kk * (kk - 1) / (mm - 1);
        o00 += u * (mm - kk) * (mm - kk - 1) / (mm - 1);
    }
    const double n1 = o11 + o01, n0 = o00 + o01, n = n0 + n1;
    if (n0 <= 0 || n1 <= 0 || n <= 1) return std::nullopt;
    return 1.0 - (n - 1) * (2 * o01) / (2 * n0 * n1);
}

struct Counts {
    std::int64_t n = 0, both = 0, only_first = 0, only_second = 0, seg_total = 0, seg_matched = 0, seg_unmatched = 0;
    std::vector<std::int64_t> units_with;
};

}  // namespace

AgreementResult intercoder_agreement(Session& s, const AgreementOptions& o) {
    if (o.coders.size() < 2) throw InvalidArgument("agreement needs at least two coders");
    const auto known = s.coders();
    std::map<std::int64_t, std::size_t> coder_index;
    for (std::size_t i = 0; i < o.coders.size(); ++i) {
        const auto it = std::find_if(known.begin(), known.end(), [&](const Coder& c) { return c.name == o.coders[i]; });
        if (it == known.end()) throw InvalidArgument("no coder named '" + o.coders[i] + "'");
        if (!coder_index.emplace(it->id.value, i).second) throw InvalidArgument("coder '" + o.coders[i] + "' is named twice");
    }
    const std::size_t m = o.coders.size();
    const Tree tree(s);
    AnalysisScope scope{o.documents, {}, std::nullopt};
    const auto docs = scoped_documents(s, scope);
    // code -> document -> per coder: its codings (for segments) and merged ranges (for characters).
    std::map<std::int64_t, std::map<std::int64_t, std::vector<std::vector<Range>>>> data;
    for (const Row& r : load_rows(s, scope)) {
        const auto ci = coder_index.find(r.coder);
        if (ci == coder_index.end()) continue;
        auto& per = data[r.code][r.doc];
        if (per.empty()) per.resize(m);
        per[ci->second].emplace_back(r.start, r.end);
    }
    std::vector<std::int64_t> codes;
    if (o.codes.empty()) {
        for (const auto& c : tree.codes)
            if (data.count(c.code.id.value)) codes.push_back(c.code.id.value);
    } else {
        codes = tree.selected(o.codes);
    }
    std::int64_t total_chars = 0;
    for (const auto& d : docs) total_chars += d.length;

    AgreementResult result;
    Counts overall;
    overall.units_with.assign(m + 1, 0);
    for (std::int64_t code : codes) {
        Counts c;
        c.units_with.assign(m + 1, 0);
        c.n = total_chars;
        std::int64_t marked_units = 0;
        for (const auto& d : docs) {
            auto it = data[code].find(d.id.value);
            if (it == data[code].end()) continue;
            auto per = it->second;  // copy: merged below
            // Segment level (first two coders): greedy best matches by overlap / union.
            {
                const auto& a = per[0];
                const auto& b = per[1];
                std::vector<bool> used(b.size(), false);
                std::int64_t matched = 0;
                for (const auto& x : a) {
                    double best = 0;
                    std::size_t best_j = b.size();
                    for (std::size_t j = 0; j < b.size(); ++j) {
                        if (used[j]) continue;
                        const double inter = static_cast<double>(std::max<std::int64_t>(0, std::min(x.second, b[j].second) - std::max(x.first, b[j].first)));
                        const double uni = static_cast<double>(std::max(x.second, b[j].second) - std::min(x.first, b[j].first));
                        if (uni > 0 && inter / uni > best) {
                            best = inter / uni;
                            best_j = j;
                        }
                    }
                    if (best_j < b.size() && best >= o.segment_threshold) {
                        used[best_j] = true;
                        ++matched;
                    }
                }
                c.seg_total += static_cast<std::int64_t>(a.size() + b.size());
                c.seg_matched += matched;
                c.seg_unmatched += static_cast<std::int64_t>(a.size() + b.size()) - 2 * matched;
            }
            std::vector<std::int64_t> covered(m);
            for (std::size_t i = 0; i < m; ++i) covered[i] = merge(per[i]);
            const std::int64_t both = intersection(per[0], per[1]);
            c.both += both;
            c.only_first += covered[0] - both;
            c.only_second += covered[1] - both;
            // Sweep: how many coders mark each stretch; also the disagreements.
            std::vector<std::pair<std::int64_t, int>> events;
            for (std::size_t i = 0; i < m; ++i)
                for (const auto& r : per[i]) {
                    events.emplace_back(r.first, static_cast<int>(i) + 1);
                    events.emplace_back(r.second, -static_cast<int>(i) - 1);
                }
            std::sort(events.begin(), events.end());
            std::vector<bool> on(m, false);
            std::int64_t prev = 0;
            std::size_t active = 0;
            for (std::size_t e = 0; e < events.size();) {
                const std::int64_t pos = events[e].first;
                if (active > 0 && pos > prev) {
                    c.units_with[active] += pos - prev;
                    marked_units += pos - prev;
                    if (active < m) {
                        std::vector<std::string> who;
                        for (std::size_t i = 0; i < m; ++i)
                            if (on[i]) who.push_back(o.coders[i]);
                        auto& dis = result.disagreements;
                        if (!dis.empty() && dis.back().document == d.id && dis.back().range.end == prev &&
                            dis.back().coded_by == who && dis.back().code_path == tree.at(code).path)
                            dis.back().range.end = pos;
                        else
                            dis.push_back({d.id, d.name, tree.at(code).path, {prev, pos}, who});
                    }
                }
                for (; e < events.size() && events[e].first == pos; ++e) {
                    const auto i = static_cast<std::size_t>(std::abs(events[e].second) - 1);
                    on[i] = events[e].second > 0;
                }
                active = static_cast<std::size_t>(std::count(on.begin(), on.end(), true));
                prev = pos;
            }
        }
        c.units_with[0] = total_chars - marked_units;
        AgreementRow row;
        row.code = CodeId(code);
        row.path = tree.at(code).path;
        row.characters = c.n;
        row.percent_agreement = c.n ? 100.0 * static_cast<double>(c.n - c.only_first - c.only_second) / static_cast<double>(c.n) : 0;
        row.kappa = cohens_kappa(c.n, c.both, c.only_first, c.only_second);
        row.alpha = krippendorff_binary(c.units_with);
        row.segments = c.seg_total;
        row.segments_agreeing = c.seg_matched;
        row.segment_agreement = (c.seg_matched + c.seg_unmatched) ? 100.0 * static_cast<double>(c.seg_matched) /
                                                                        static_cast<double>(c.seg_matched + c.seg_unmatched)
                                                                  : 0;
        result.rows.push_back(row);
        overall.n += c.n;
        overall.both += c.both;
        overall.only_first += c.only_first;
        overall.only_second += c.only_second;
        overall.seg_total += c.seg_total;
        overall.seg_matched += c.seg_matched;
        overall.seg_unmatched += c.seg_unmatched;
        for (std::size_t k = 0; k <= m; ++k) overall.units_with[k] += c.units_with[k];
    }
    AgreementRow all;
    all.path = "(all codes)";
    all.characters = overall.n;
    all.percent_agreement = overall.n ? 100.0 * static_cast<double>(overall.n - overall.only_first - overall.only_second) /
                                            static_cast<double>(overall.n)
                                      : 0;
    all.kappa = cohens_kappa(overall.n, overall.both, overall.only_first, overall.only_second);
    all.alpha = krippendorff_binary(overall.units_with);
    all.segments = overall.seg_total;
    all.segments_agreeing = overall.seg_matched;
    all.segment_agreement = (overall.seg_matched + overall.seg_unmatched)
                                ? 100.0 * static_cast<double>(overall.seg_matched) / static_cast<double>(overall.seg_matched + overall.seg_unmatched)
                                : 0;
    result.rows.push_back(all);
    return result;
}

Table agreement_table(const AgreementResult& r) {
    Table t;
    t.title = "Intercoder agreement";
    t.columns = {{"code", "Code", 0},          {"characters", "Characters compared", 0},
                 {"percent", "% agreement (characters)", 1}, {"kappa", "Cohen's kappa", 3},
                 {"alpha", "Krippendorff's alpha", 3},      {"segments", "Segments", 0},
                 {"segments_agreeing", "Agreeing segment pairs", 0}, {"segment_percent", "% segment agreement", 1}};
    for (const auto& row : r.rows)
        t.rows.push_back({Cell::of(row.path), Cell::of(row.characters), Cell::of(row.percent_agreement),
                          row.kappa ? Cell::of(*row.kappa) : Cell::empty(), row.alpha ? Cell::of(*row.alpha) : Cell::empty(),
                          Cell::of(row.segments), Cell::of(row.segments_agreeing), Cell::of(row.segment_agreement)});
    return t;
}

}  // namespace kodex
