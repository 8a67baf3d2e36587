// SPDX-License-Identifier: GPL-3.0-or-later
// The only file of Kodex that talks to Xapian. Layout of the index (docs/search.md has the reasons):
//   one Xapian document per speaker turn (its text after the speaker label);
//   terms: every word case-folded at its position, "Z" + its stem at the same position, and for a
//     Binnen-I form also the word without "In"/"Innen" (both forms); no stop words left out;
//   boolean terms: XD<document id>, XS<hex of the folded speaker>, XC<code id> for every code (and its
//     ancestors) with a coding overlapping the turn, XR<coder id>, XV<variable id>_<hex of the folded value>;
//   values: 0 = the document (position and id, big-endian: sorts in document order, one value per document
//     for counting), 1 = turn start (sort keys for MultiValueKeyMaker), 2 = the turn record: its place,
//     speaker, timestamp, overlapping codings and text, so hits need no read of the project. (A value, not
//     the document data: glass compresses document data with zlib, which took 40 % of the build time.)
//   metadata: format, language, project generation and fingerprint, and one signature per document.
#include "core/search/search_index.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/errors.h"
#include "core/model/variable.h"
#include "core/search/highlight.h"
#include "core/search/query.h"
#include "core/search/tokenizer.h"
#include "core/session.h"
#include "core/store/sqlite_util.h"
#include "core/text/boundaries.h"
#include "core/text/unicode.h"

namespace fs = std::filesystem;

namespace kodex {
namespace {

// Raise when the layout above or the tokenizer changes: older indexes are then rebuilt.
constexpr int kIndexFormat = 1;
constexpr const char* kFormatKey = "kodex:format";
constexpr const char* kLanguageKey = "kodex:language";
constexpr const char* kGenerationKey = "kodex:generation";
constexpr const char* kFingerprintKey = "kodex:fingerprint";
constexpr const char* kDocumentKey = "kodex:doc:";  // + document id -> signature

constexpr Xapian::valueno kDocumentSlot = 0, kStartSlot = 1, kRecordSlot = 2;
constexpr Xapian::termcount kMaxWildcardTerms = 1000;
// A code: or coder: filter is checked per hit; up to this many candidate turns are all checked so the
// counts are exact, beyond it the counts are those of the turns that overlap such a coding.
constexpr Xapian::doccount kExactCountTurns = 500;
// Updates writing fewer turns than this run in one Xapian transaction (readers never see half of them);
// bigger ones commit as they go, which keeps memory flat, and stay correct after a crash through the
// per-document signatures (cleared before a document is rewritten, set after).
constexpr std::size_t kTransactionTurns = 20000;
constexpr auto kLockWait = std::chrono::seconds(3);

const char* const kInUse = "the search index is in use by another program; try again";

// Eight bytes per number, most significant first: compares like the numbers.
std::string document_key(std::int64_t position, std::int64_t id) {
    std::string out(16, '\0');
    for (int i = 0; i < 8; ++i) {
        out[static_cast<std::size_t>(7 - i)] = static_cast<char>((static_cast<std::uint64_t>(position) >> (8 * i)) & 0xFF);
        out[static_cast<std::size_t>(15 - i)] = static_cast<char>((static_cast<std::uint64_t>(id) >> (8 * i)) & 0xFF);
    }
    return out;
}

std::int64_t document_of_key(const std::string& key) {
    std::uint64_t id = 0;
    for (std::size_t i = 8; i < 16 && i < key.size(); ++i) id = (id << 8) | static_cast<unsigned char>(key[i]);
    return static_cast<std::int64_t>(id);
}

std::string format_string() { return std::to_string(kIndexFormat) + " xapian-" + Xapian::version_string(); }

std::string hex(std::string_view s) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() * 2);
    for (unsigned char c : s) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

std::string speaker_term(const std::string& speaker) { return "XS" + hex(fold_case(speaker)); }
std::string variable_term(std::int64_t variable, const std::string& value) {
    return "XV" + std::to_string(variable) + "_" + hex(fold_case(value));
}

// ------------------------------------------------------------------------------------ project snapshot

struct CodingRow {
    std::int64_t code = 0, coder = 0;
    TextRange range;
};

struct DocumentRow {
    DocumentId id;
    std::string name;
    std::int64_t position = 0;
    std::string signature;
    std::int64_t turns = 0;
};

// What the index holds about each document, read with a few queries over the whole project.
struct Snapshot {
    std::vector<DocumentRow> documents;  // document order
    std::map<std::int64_t, std::vector<CodingRow>> codings;
    std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::string>>> variables;  // (variable, value)
    std::map<std::int64_t, std::int64_t> parent;  // code -> parent code
};

std::vector<std::int64_t> with_ancestors(const Snapshot& s, std::int64_t code) {
    std::vector<std::int64_t> out;
    for (std::int64_t c = code; c > 0 && out.size() < 64;) {
        out.push_back(c);
        const auto it = s.parent.find(c);
        c = it == s.parent.end() ? 0 : it->second;
    }
    return out;
}

Snapshot read_snapshot(Session& session) {
    Db& db = session.store().db();
    Snapshot s;
    std::map<std::int64_t, std::string> basis;  // document -> what its signature covers
    std::map<std::int64_t, std::int64_t> turn_counts;
    {
        Stmt q(db, "SELECT id, parent_id FROM codes");
        while (q.step()) s.parent[q.col_int(0)] = q.col_null(1) ? 0 : q.col_int(1);
    }
    {
        Stmt q(db, "SELECT id, name, position, content_hash FROM documents ORDER BY position, name");
        while (q.step()) {
            DocumentRow d;
            d.id = DocumentId(q.col_int(0));
            d.name = q.col_text(1);
            d.position = q.col_int(2);
            basis[d.id.value] = q.col_text(3) + "|" + std::to_string(d.position) + "|";
            s.documents.push_back(std::move(d));
        }
    }
    {
        Stmt q(db, "SELECT document_id, seq, speaker, start, body_start, end, timestamp_ms FROM turns ORDER BY document_id, seq");
        std::int64_t last = -1;
        std::string* b = nullptr;
        while (q.step()) {
            const std::int64_t doc = q.col_int(0);
            if (doc != last) {
                last = doc;
                b = &basis[doc];
                *b += "T";
            }
            ++turn_counts[doc];
            *b += q.col_text(2) + "," + std::to_string(q.col_int(3)) + "," + std::to_string(q.col_int(4)) + "," +
                  std::to_string(q.col_int(5)) + "," + (q.col_null(6) ? "-" : std::to_string(q.col_int(6))) + ";";
        }
    }
    {
        Stmt q(db, "SELECT document_id, code_id, coder_id, start, end FROM codings ORDER BY document_id, start, end, code_id, coder_id");
        while (q.step()) {
            CodingRow c{q.col_int(1), q.col_int(2), {q.col_int(3), q.col_int(4)}};
            std::string& b = basis[q.col_int(0)];
            b += "C";
            for (std::int64_t a : with_ancestors(s, c.code)) b += std::to_string(a) + "<";
            b += "," + std::to_string(c.coder) + "," + std::to_string(c.range.start) + "," + std::to_string(c.range.end) + ";";
            s.codings[q.col_int(0)].push_back(c);
        }
    }
    {
        Stmt q(db, "SELECT document_id, variable_id, value FROM document_variables ORDER BY document_id, variable_id");
        while (q.step()) {
            basis[q.col_int(0)] += "V" + std::to_string(q.col_int(1)) + "=" + q.col_text(2) + ";";
            s.variables[q.col_int(0)].emplace_back(q.col_int(1), q.col_text(2));
        }
    }
    for (auto& d : s.documents) {
        d.signature = sha256_hex(basis[d.id.value]);
        d.turns = turn_counts[d.id.value];
    }
    return s;
}

// Cheap summary of the project, so a project file swapped for another one with the same generation
// (a restored backup, a copy) is not mistaken for the indexed one.
std::string fingerprint(Session& session) {
    Stmt q(session.store().db(),
           "SELECT (SELECT COUNT(*) FROM documents), (SELECT TOTAL(id) FROM documents), (SELECT TOTAL(length) FROM documents), "
           "(SELECT COUNT(*) FROM codings), (SELECT TOTAL(start) + TOTAL(end) + TOTAL(code_id) FROM codings), "
           "(SELECT COUNT(*) FROM document_variables), (SELECT TOTAL(parent_id) FROM codes)");
    q.step();
    std::string out;
    for (int i = 0; i < 7; ++i) out += std::to_string(q.col_double(i)) + "/";
    return out;
}

// ------------------------------------------------------------------------------------ turn data

// A turn as the index stores it in the document data.
struct TurnData {
    std::int64_t document = 0;
    int turn = 0;
    std::int64_t start = 0, body_start = 0, end = 0;
    std::optional<std::int64_t> timestamp_ms;
    std::string speaker;
    std::vector<TurnFacts::Coding> codings;
    std::string text;
};

std::string encode(const TurnData& t) {
    std::string out = std::to_string(t.document) + '\x1f' + std::to_string(t.turn) + '\x1f' + std::to_string(t.start) + '\x1f' +
                      std::to_string(t.body_start) + '\x1f' + std::to_string(t.end) + '\x1f' +
                      (t.timestamp_ms ? std::to_string(*t.timestamp_ms) : std::string()) + '\x1f' + t.speaker + '\x1f';
    for (const auto& c : t.codings)
        out += std::to_string(c.code) + "," + std::to_string(c.coder) + "," + std::to_string(c.range.start) + "," +
               std::to_string(c.range.end) + ";";
    out += '\x1e';
    out += t.text;
    return out;
}

TurnData decode(const std::string& data) {
    TurnData t;
    const std::size_t body = data.find('\x1e');
    if (body == std::string::npos) throw IndexError("the search index holds a damaged entry");
    std::vector<std::string> f;
    std::size_t from = 0;
    for (std::size_t i = 0; i < body; ++i)
        if (data[i] == '\x1f') f.push_back(data.substr(from, i - from)), from = i + 1;
    f.push_back(data.substr(from, body - from));
    if (f.size() != 8) throw IndexError("the search index holds a damaged entry");
    t.document = std::stoll(f[0]);
    t.turn = std::stoi(f[1]);
    t.start = std::stoll(f[2]);
    t.body_start = std::stoll(f[3]);
    t.end = std::stoll(f[4]);
    if (!f[5].empty()) t.timestamp_ms = std::stoll(f[5]);
    t.speaker = f[6];
    for (std::size_t p = 0; p < f[7].size();) {
        const std::size_t semi = f[7].find(';', p);
        long long code = 0, coder = 0, start = 0, end = 0;
        if (std::sscanf(f[7].c_str() + p, "%lld,%lld,%lld,%lld", &code, &coder, &start, &end) == 4)
            t.codings.push_back({code, coder, {start, end}});
        p = semi == std::string::npos ? f[7].size() : semi + 1;
    }
    t.text = data.substr(body + 1);
    return t;
}

// ------------------------------------------------------------------------------------ writing

class Stemmer {
public:
    explicit Stemmer(SearchLanguage language) : stem_(to_string(language)) {}
    const std::string& operator()(const std::string& word) {
        if (cache_.size() > 500000) cache_.clear();
        auto [it, added] = cache_.try_emplace(word);
        if (added) it->second = stem_(word);
        return it->second;
    }

private:
    Xapian::Stem stem_;
    std::unordered_map<std::string, std::string> cache_;
};

class Writer {
public:
    Writer(Xapian::WritableDatabase& db, SearchLanguage language) : db_(db), stem_(language) {}

    // Replaces everything the index holds about one document (`fresh`: the index has nothing of it yet).
    void write(Session& session, const Snapshot& snap, const DocumentRow& row, bool fresh) {
        const std::string id_term = "XD" + std::to_string(row.id.value);
        if (!fresh) {
            db_.set_metadata(kDocumentKey + std::to_string(row.id.value), "");
            db_.delete_document(id_term);
        }
        const Document doc = session.document(row.id);
        const PositionIndex pos(doc.text);
        const auto codings = snap.codings.find(row.id.value);
        const auto variables = snap.variables.find(row.id.value);
        std::vector<std::string> variable_terms;
        if (variables != snap.variables.end())
            for (const auto& [var, value] : variables->second) variable_terms.push_back(variable_term(var, value));

        for (std::size_t i = 0; i < doc.turns.size(); ++i) {
            const Turn& turn = doc.turns[i];
            if (turn.end <= turn.body_start) continue;
            TurnData t;
            t.document = row.id.value;
            t.turn = static_cast<int>(i);
            t.start = turn.start;
            t.body_start = turn.body_start;
            t.end = turn.end;
            t.timestamp_ms = turn.timestamp_ms;
            t.speaker = turn.speaker;
            const std::size_t b = pos.to_byte(turn.body_start);
            t.text = doc.text.substr(b, pos.to_byte(turn.end) - b);

            Xapian::Document x;
            add_words(x, t.text);
            x.add_boolean_term(id_term);
            if (!turn.speaker.empty()) x.add_boolean_term(speaker_term(turn.speaker));
            for (const auto& v : variable_terms) x.add_boolean_term(v);
            if (codings != snap.codings.end()) {
                const TextRange body{turn.body_start, turn.end};
                for (const auto& c : codings->second) {
                    if (!c.range.overlaps(body)) continue;
                    t.codings.push_back({c.code, c.coder, c.range});
                    for (std::int64_t a : with_ancestors(snap, c.code)) x.add_boolean_term("XC" + std::to_string(a));
                    x.add_boolean_term("XR" + std::to_string(c.coder));
                }
            }
            x.add_value(kDocumentSlot, document_key(row.position, row.id.value));
            x.add_value(kStartSlot, Xapian::sortable_serialise(static_cast<double>(turn.start)));
            x.add_value(kRecordSlot, encode(t));
            db_.add_document(x);
            ++turns_;
        }
        db_.set_metadata(kDocumentKey + std::to_string(row.id.value), row.signature);
    }

    std::size_t turns() const { return turns_; }

private:
    void add_words(Xapian::Document& x, const std::string& text) {
        Xapian::termpos position = 0;
        for (const WordToken& w : tokenize(fold_gender(text))) {
            ++position;
            add_word(x, w.term, position);
            if (!w.stem_part.empty()) add_word(x, w.stem_part, position);
        }
    }

    void add_word(Xapian::Document& x, const std::string& word, Xapian::termpos position) {
        x.add_posting(word, position);
        if (stem_terms_.size() > 500000) stem_terms_.clear();
        auto [it, added] = stem_terms_.try_emplace(word);
        if (added) {
            const std::string& s = stem_(word);
            if (!s.empty()) it->second = "Z" + s;
        }
        if (!it->second.empty()) x.add_posting(it->second, position);
    }

    Xapian::WritableDatabase& db_;
    Stemmer stem_;
    std::unordered_map<std::string, std::string> stem_terms_;  // word -> "Z" + stem
    std::size_t turns_ = 0;
};

// ------------------------------------------------------------------------------------ filters

// Resolves name:value filters against the project.
class ProjectFilters : public FilterResolver {
public:
    ProjectFilters(Session& s, const std::vector<DocumentRow>& documents) : s_(s), documents_(documents) {
        for (const auto& v : s.variables()) variables_[fold_case(v.name)] = v;
    }

    bool is_filter(const std::string& name) const override {
        const std::string n = fold_case(name);
        return n == "doc" || n == "code" || n == "speaker" || n == "coder" || variables_.count(n);
    }

    std::string filter_names() const override {
        std::string out = "doc:, code:, speaker:, coder:";
        for (const auto& [folded, v] : variables_) out += ", " + v.name + ":";
        return out;
    }

    FilterTarget resolve(const std::string& name, const std::string& value) const override {
        const std::string n = fold_case(name);
        FilterTarget t;
        if (n == "doc") {
            const DocumentRow& d = find_document(value);
            t.kind = FilterKind::Document;
            t.term = "XD" + std::to_string(d.id.value);
            t.label = "doc:\"" + d.name + "\"";
        } else if (n == "code") {
            const CodeSummary& c = find_code(value);
            t.kind = FilterKind::Code;
            t.term = "XC" + std::to_string(c.code.id.value);
            t.codes = subtree(c.code.id.value);
            t.label = "code:\"" + c.path + "\"";
        } else if (n == "coder") {
            const std::string v = fold_case(value);
            std::string known;
            for (const auto& c : s_.coders()) {
                if (fold_case(c.name) == v) {
                    t.kind = FilterKind::Coder;
                    t.term = "XR" + std::to_string(c.id.value);
                    t.coders = {c.id.value};
                    t.label = "coder:\"" + c.name + "\"";
                    return t;
                }
                known += (known.empty() ? "" : ", ") + c.name;
            }
            throw InvalidArgument("no coder '" + value + "'" + (known.empty() ? " (nobody has coded yet)" : " (coders: " + known + ")"));
        } else if (n == "speaker") {
            t.kind = FilterKind::Speaker;
            t.term = speaker_term(value);
            t.label = "speaker:\"" + value + "\"";
        } else {
            const Variable& v = variables_.at(n);
            std::string canonical;
            try {
                canonical = canonical_value(v.type, value);
            } catch (const InvalidArgument&) {
                throw InvalidArgument("'" + value + "' is not a valid " + to_string(v.type) + " value for the variable '" + v.name + "'");
            }
            t.kind = FilterKind::Variable;
            t.term = variable_term(v.id.value, canonical);
            t.label = v.name + ":\"" + canonical + "\"";
        }
        return t;
    }

private:
    const DocumentRow& find_document(const std::string& value) const {
        const std::string v = fold_case(value);
        std::vector<const DocumentRow*> prefixed;
        for (const auto& d : documents_)
            if (d.name == value || "#" + std::to_string(d.id.value) == value) return d;
        for (const auto& d : documents_) {
            const std::string name = fold_case(d.name);
            if (name == v) return d;
            if (name.compare(0, v.size(), v) == 0) prefixed.push_back(&d);
        }
        if (prefixed.size() == 1) return *prefixed[0];
        if (prefixed.empty()) throw InvalidArgument("no document '" + value + "'");
        std::string names;
        for (std::size_t i = 0; i < prefixed.size() && i < 5; ++i) names += (i ? ", " : "") + prefixed[i]->name;
        throw InvalidArgument("'" + value + "' could be several documents (" + names + (prefixed.size() > 5 ? ", ..." : "") +
                              "); write more of the name");
    }

    const std::vector<CodeSummary>& codes() const {
        if (!codes_loaded_) codes_ = s_.codes(), codes_loaded_ = true;
        return codes_;
    }

    // A code by its path, its name, or the end of its path; case does not matter when the match is unique.
    const CodeSummary& find_code(const std::string& value) const {
        const auto& all = codes();
        const std::string v = fold_case(value);
        for (const auto& c : all)
            if (c.path == value) return c;
        std::vector<const CodeSummary*> found;
        for (const auto& c : all)
            if (fold_case(c.path) == v) found.push_back(&c);
        if (found.empty())
            for (const auto& c : all)
                if (fold_case(c.code.name) == v) found.push_back(&c);
        if (found.empty())
            for (const auto& c : all) {
                const std::string p = fold_case(c.path);
                if (p.size() > v.size() && p.compare(p.size() - v.size(), v.size(), v) == 0 && p[p.size() - v.size() - 1] == '/')
                    found.push_back(&c);
            }
        if (found.size() == 1) return *found[0];
        if (found.empty()) throw InvalidArgument("no code '" + value + "'");
        std::string paths;
        for (std::size_t i = 0; i < found.size() && i < 5; ++i) paths += (i ? ", " : "") + found[i]->path;
        throw InvalidArgument("'" + value + "' names several codes (" + paths + "); write the code's path");
    }

    std::vector<std::int64_t> subtree(std::int64_t root) const {
        std::vector<std::int64_t> out{root};
        for (std::size_t i = 0; i < out.size(); ++i)
            for (const auto& c : codes())
                if (c.code.parent.value == out[i]) out.push_back(c.code.id.value);
        return out;
    }

    Session& s_;
    const std::vector<DocumentRow>& documents_;
    std::map<std::string, Variable> variables_;
    mutable std::vector<CodeSummary> codes_;
    mutable bool codes_loaded_ = false;
};

// ------------------------------------------------------------------------------------ queries

bool is_boolean(const QueryNode& n) {
    if (n.kind == QueryNode::Kind::Filter) return true;
    if (n.kind != QueryNode::Kind::And && n.kind != QueryNode::Kind::Or) return false;
    return std::all_of(n.children.begin(), n.children.end(), is_boolean);
}

class QueryBuilder {
public:
    QueryBuilder(Xapian::Database& db, Stemmer& stem, bool exact) : db_(db), stem_(stem), exact_(exact) {}

    Xapian::Query build(const QueryNode& n) {
        using K = QueryNode::Kind;
        using Q = Xapian::Query;
        switch (n.kind) {
        case K::Word: return Q(term(n.words[0]));
        case K::Prefix: {
            std::size_t count = 0;
            for (auto t = db_.allterms_begin(n.words[0]); t != db_.allterms_end(n.words[0]) && count <= kMaxWildcardTerms; ++t) ++count;
            if (count > kMaxWildcardTerms)
                notes.push_back(n.words[0] + "* matches more than " + std::to_string(kMaxWildcardTerms) +
                                " different words; the most frequent of them were searched");
            return Q(Q::OP_WILDCARD, n.words[0], kMaxWildcardTerms, Q::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        case K::Phrase:
        case K::Near: {
            std::vector<Q> terms;
            for (const auto& w : n.words) terms.emplace_back(term(w));
            return Q(n.kind == K::Phrase ? Q::OP_PHRASE : Q::OP_NEAR, terms.begin(), terms.end(), static_cast<Xapian::termcount>(n.window));
        }
        case K::Filter: return Q(n.filter.term);
        case K::All: return Q::MatchAll;
        case K::AndNot: return Q(Q::OP_AND_NOT, build(n.children[0]), build(n.children[1]));
        case K::Or:
        case K::Xor: {
            std::vector<Q> parts;
            for (const auto& c : n.children) parts.push_back(build(c));
            return Q(n.kind == K::Or ? Q::OP_OR : Q::OP_XOR, parts.begin(), parts.end());
        }
        case K::And: {
            // Filters restrict without weight: Xapian's FILTER skips their postings cheaply.
            std::vector<Q> weighted, filters;
            for (const auto& c : n.children) (is_boolean(c) ? filters : weighted).push_back(build(c));
            if (weighted.empty()) return Q(Q::OP_AND, filters.begin(), filters.end());
            Q q(Q::OP_AND, weighted.begin(), weighted.end());
            if (filters.empty()) return q;
            return Q(Q::OP_FILTER, q, Q(Q::OP_AND, filters.begin(), filters.end()));
        }
        }
        return Q::MatchNothing;
    }

    std::vector<std::string> notes;

private:
    std::string term(const std::string& word) { return exact_ ? word : "Z" + stem_(word); }

    Xapian::Database& db_;
    Stemmer& stem_;
    bool exact_;
};

const std::string& same_word(const std::string& w) { return w; }

std::int64_t directory_size(const std::string& path) {
    std::error_code ec;
    std::int64_t total = 0;
    for (const auto& e : fs::directory_iterator(path, ec))
        if (e.is_regular_file(ec)) total += static_cast<std::int64_t>(e.file_size(ec));
    return total;
}

}  // namespace

// ------------------------------------------------------------------------------------ settings

SearchLanguage search_language(Session& session) {
    const std::string name = session.store().meta("search.language", "german");
    try {
        return search_language_from_string(name);
    } catch (const InvalidArgument&) {
        return SearchLanguage::German;
    }
}

void set_search_language(Session& session, SearchLanguage language) {
    session.store().set_meta("search.language", to_string(language));
}

// ------------------------------------------------------------------------------------ the index

struct SearchIndex::Impl {
    Session& session;
    std::string path;
    std::unique_ptr<Xapian::Database> db;
    std::int64_t checked_generation = -1;
    SearchLanguage language = SearchLanguage::German;
    std::unique_ptr<Stemmer> stemmer;
    std::vector<DocumentRow> documents;  // names and order, for hits and doc: filters
    std::int64_t documents_generation = -1;

    explicit Impl(Session& s) : session(s), path(SearchIndex::index_path(s.path())) {}

    std::string meta(const std::string& key) { return db->get_metadata(key); }

    // Opens the index for reading; returns why it must be rebuilt, or an empty string.
    std::string open_reader(SearchLanguage want) {
        db.reset();
        if (!fs::exists(path)) return "missing";
        try {
            db = std::make_unique<Xapian::Database>(path);
            const std::string format = meta(kFormatKey);
            if (format.empty()) return "incomplete";
            if (format != format_string()) return "made by another version";
            if (meta(kLanguageKey) != to_string(want)) return "for another language";
        } catch (const Xapian::DatabaseLockError&) {
            throw IndexError(kInUse);
        } catch (const Xapian::DatabaseError& e) {
            db.reset();
            return "damaged (" + e.get_msg() + ")";
        }
        return {};
    }

    bool is_current(std::int64_t generation, const std::string& print) {
        return meta(kGenerationKey) == std::to_string(generation) && meta(kFingerprintKey) == print;
    }

    // A writer, waiting a little for another program that is writing.
    Xapian::WritableDatabase open_writer(int flags) {
        const auto until = std::chrono::steady_clock::now() + kLockWait;
        while (true) {
            try {
                return Xapian::WritableDatabase(path, flags | Xapian::DB_BACKEND_GLASS);
            } catch (const Xapian::DatabaseLockError&) {
                if (std::chrono::steady_clock::now() > until) throw IndexError(kInUse);
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            } catch (const Xapian::DatabaseCreateError& e) {
                throw IndexError("cannot write the search index " + path + ": " + e.get_msg());
            }
        }
    }

    IndexStatus ensure_fresh(const Progress& progress, const CancelToken* cancel) {
        const std::int64_t generation = session.generation();
        if (db && generation == checked_generation && search_language(session) == language) return {};
        language = search_language(session);
        if (!stemmer || language != stemmer_language) stemmer = std::make_unique<Stemmer>(language), stemmer_language = language;
        const std::string why = open_reader(language);
        if (!why.empty()) return rebuild(why, progress, cancel);
        const std::string print = fingerprint(session);
        if (is_current(generation, print)) {
            checked_generation = generation;
            return {};
        }
        try {
            return update(generation, print, progress, cancel);
        } catch (const IndexError&) {
            // Another program may have brought the index up to date while we waited for it.
            if (open_reader(language).empty() && is_current(generation, print)) {
                checked_generation = generation;
                return {};
            }
            throw;
        }
    }

    IndexStatus update(std::int64_t generation, const std::string& print, const Progress& progress, const CancelToken* cancel) {
        const Snapshot snap = read_snapshot(session);
        std::map<std::int64_t, std::string> indexed;
        for (auto k = db->metadata_keys_begin(kDocumentKey); k != db->metadata_keys_end(kDocumentKey); ++k)
            indexed[std::stoll((*k).substr(std::string(kDocumentKey).size()))] = db->get_metadata(*k);
        db.reset();

        std::vector<const DocumentRow*> changed;
        std::size_t turns = 0;
        for (const auto& d : snap.documents) {
            const auto it = indexed.find(d.id.value);
            if (it == indexed.end() || it->second != d.signature) changed.push_back(&d);
            if (it != indexed.end()) indexed.erase(it);
        }
        for (const auto* d : changed) turns += static_cast<std::size_t>(d->turns);

        Xapian::WritableDatabase w = open_writer(Xapian::DB_CREATE_OR_OPEN);
        const bool atomic = turns < kTransactionTurns;
        if (atomic) w.begin_transaction();
        for (const auto& [gone, sig] : indexed) {  // documents deleted from the project
            w.set_metadata(kDocumentKey + std::to_string(gone), "");
            w.delete_document("XD" + std::to_string(gone));
        }
        Writer writer(w, language);
        for (std::size_t i = 0; i < changed.size(); ++i) {
            if (cancel) cancel->check();
            progress.report(static_cast<std::int64_t>(i), static_cast<std::int64_t>(changed.size()), changed[i]->name);
            writer.write(session, snap, *changed[i], false);
        }
        w.set_metadata(kGenerationKey, std::to_string(generation));
        w.set_metadata(kFingerprintKey, print);
        if (atomic) w.commit_transaction();
        else w.commit();
        w.close();
        progress.report(static_cast<std::int64_t>(changed.size()), static_cast<std::int64_t>(changed.size()), "");
        db = std::make_unique<Xapian::Database>(path);
        checked_generation = generation;
        IndexStatus st;
        st.action = IndexStatus::Action::Updated;
        st.documents_indexed = changed.size();
        return st;
    }

    IndexStatus rebuild(const std::string& why, const Progress& progress, const CancelToken* cancel) {
        db.reset();
        language = search_language(session);
        if (!stemmer || language != stemmer_language) stemmer = std::make_unique<Stemmer>(language), stemmer_language = language;
        const std::int64_t generation = session.generation();
        const std::string print = fingerprint(session);
        if (fs::exists(path)) {
            try {  // never pull the index away from under another program that is writing it
                Xapian::WritableDatabase probe(path, Xapian::DB_OPEN);
                probe.close();
            } catch (const Xapian::DatabaseLockError&) {
                throw IndexError(kInUse);
            } catch (const Xapian::Error&) {  // damaged: removed below
            }
            std::error_code ec;
            fs::remove_all(path, ec);
            if (ec) throw IndexError("cannot remove the old search index " + path + ": " + ec.message());
        }
        const Snapshot snap = read_snapshot(session);
        Xapian::WritableDatabase w = open_writer(Xapian::DB_CREATE_OR_OVERWRITE);
        Writer writer(w, language);
        const auto total = static_cast<std::int64_t>(snap.documents.size());
        for (std::size_t i = 0; i < snap.documents.size(); ++i) {
            if (cancel) cancel->check();
            progress.report(static_cast<std::int64_t>(i), total, snap.documents[i].name);
            writer.write(session, snap, snap.documents[i], true);
        }
        w.set_metadata(kLanguageKey, to_string(language));
        w.set_metadata(kGenerationKey, std::to_string(generation));
        w.set_metadata(kFingerprintKey, print);
        w.set_metadata(kFormatKey, format_string());  // last: an index without it is rebuilt
        w.commit();
        w.close();
        progress.report(total, total, "");
        db = std::make_unique<Xapian::Database>(path);
        checked_generation = generation;
        IndexStatus st;
        st.action = IndexStatus::Action::Rebuilt;
        st.documents_indexed = snap.documents.size();
        st.reason = why;
        return st;
    }

    const std::vector<DocumentRow>& document_rows() {
        if (documents_generation != checked_generation) {
            documents.clear();
            Stmt q(session.store().db(), "SELECT id, name, position FROM documents ORDER BY position, name");
            while (q.step()) {
                DocumentRow d;
                d.id = DocumentId(q.col_int(0));
                d.name = q.col_text(1);
                d.position = q.col_int(2);
                documents.push_back(std::move(d));
            }
            documents_generation = checked_generation;
        }
        return documents;
    }

    SearchResult run(const SearchQuery& q, const ParsedQuery& parsed) {
        QueryBuilder builder(*db, *stemmer, q.exact_forms);
        Xapian::Enquire enquire(*db);
        enquire.set_query(builder.build(parsed.root));
        if (!parsed.has_text) enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MultiValueKeyMaker order;
        order.add_value(kDocumentSlot);
        order.add_value(kStartSlot);
        // Relevance alone: a key as tie-breaker would be computed for every candidate (a third of the time
        // of a search). Filter-only queries have no relevance and list in document order.
        if (q.sort == SearchSort::DocumentOrder || !parsed.has_text) enquire.set_sort_by_key(&order, false);

        const auto& rows = document_rows();
        std::unordered_map<std::int64_t, const DocumentRow*> by_id;
        for (const auto& d : rows) by_id[d.id.value] = &d;
        StemFunction stem = q.exact_forms ? StemFunction(same_word) : StemFunction([this](const std::string& w) -> const std::string& { return (*stemmer)(w); });

        SearchResult result;
        result.understood = parsed.description;
        result.notes = builder.notes;
        const Xapian::doccount all = std::max<Xapian::doccount>(db->get_doccount(), 1);
        const std::size_t wanted = q.limit == 0 ? std::numeric_limits<std::size_t>::max() : q.offset + q.limit;
        Xapian::ValueCountMatchSpy per_document(kDocumentSlot);
        if (q.count_documents) enquire.add_matchspy(&per_document);
        Xapian::doccount batch = q.limit == 0 ? all : static_cast<Xapian::doccount>(std::min<std::size_t>(wanted, all) + 16);
        if (q.count_documents && parsed.has_span_filters) batch = std::min(all, std::max(batch, kExactCountTurns));

        std::map<std::int64_t, std::int64_t> turns_per_document;
        bool check_all = false;  // count the turns with hits ourselves: code:/coder: filters, few candidates
        std::size_t found = 0;   // hits seen so far, in result order
        for (Xapian::doccount first = 0;;) {
            // With counts, the first batch looks at every match once; later ones only fetch.
            const Xapian::MSet mset = enquire.get_mset(first, batch, first == 0 && q.count_documents ? all : 0);
            if (first == 0) {
                enquire.clear_matchspies();
                const auto total = mset.get_matches_estimated();
                check_all = q.count_documents && parsed.has_span_filters && mset.size() == total;
                result.counts_exact = q.count_documents && (check_all || !parsed.has_span_filters);
                if (!check_all) {
                    result.matching_turns = static_cast<std::int64_t>(total);
                    for (auto v = per_document.values_begin(); v != per_document.values_end(); ++v)
                        turns_per_document[document_of_key(*v)] = v.get_termfreq();
                }
            }
            for (auto m = mset.begin(); m != mset.end() && (check_all || !result.more); ++m) {
                const Xapian::Document xdoc = m.get_document();
                const TurnData t = decode(xdoc.get_value(kRecordSlot));
                TurnFacts facts;
                facts.text_start = t.body_start;
                facts.codings = t.codings;
                facts.has_filter = [&xdoc](const FilterTarget& f) {
                    Xapian::TermIterator it = xdoc.termlist_begin();
                    it.skip_to(f.term);
                    return it != xdoc.termlist_end() && *it == f.term;
                };
                const auto hits = find_hits(parsed, t.text, facts, stem);
                if (hits.empty()) continue;
                if (check_all) ++turns_per_document[t.document], ++result.matching_turns;
                for (const auto& h : hits) {
                    const std::size_t index = found++;
                    if (index < q.offset) continue;
                    if (index >= wanted) {
                        result.more = true;
                        continue;
                    }
                    result.hits.push_back(make_hit(t, h, m.get_weight(), q.context, by_id));
                }
            }
            first += static_cast<Xapian::doccount>(mset.size());
            if (mset.size() < batch || (result.more && !check_all)) break;
        }
        for (const auto& d : rows) {
            const auto it = turns_per_document.find(d.id.value);
            if (it != turns_per_document.end() && it->second > 0) result.documents.push_back({d.id, d.name, it->second});
        }
        return result;
    }

    static SearchHit make_hit(const TurnData& t, const TurnHit& h, double weight, int context,
                              const std::unordered_map<std::int64_t, const DocumentRow*>& names) {
        SearchHit hit;
        hit.document = DocumentId(t.document);
        if (const auto d = names.find(t.document); d != names.end()) hit.document_name = d->second->name;
        hit.turn = t.turn;
        hit.speaker = t.speaker;
        hit.timestamp_ms = t.timestamp_ms;
        hit.turn_range = {t.body_start, t.end};
        hit.range = h.range;
        hit.words = h.words;
        hit.relevance = weight;
        Kwic k = make_kwic(t.text, h.begin_byte, h.end_byte, context);
        hit.left = std::move(k.left);
        hit.match = std::move(k.match);
        hit.right = std::move(k.right);
        return hit;
    }

    SearchResult search(const SearchQuery& q, const Progress& progress) {
        ensure_fresh(progress, nullptr);
        const ProjectFilters filters(session, document_rows());
        const ParsedQuery parsed = parse_query(normalize_text(q.text), filters, stopwords(language));
        for (int attempt = 0;; ++attempt) {
            try {
                return run(q, parsed);
            } catch (const Xapian::DatabaseModifiedError&) {  // another program committed meanwhile
                if (attempt >= 3) throw;
                db->reopen();
            } catch (const Xapian::DatabaseCorruptError& e) {
                if (attempt >= 1) throw;
                rebuild("damaged (" + e.get_msg() + ")", progress, nullptr);
            }
        }
    }

    AutocodeReport autocode(const AutocodeRequest& r) {
        const Code code = session.code(r.code);
        SearchQuery q;
        q.text = r.query;
        q.sort = r.sort;
        q.limit = 0;
        q.exact_forms = r.exact_forms;
        const SearchResult found = search(q, {});
        std::vector<const SearchHit*> chosen;
        if (r.only.empty()) {
            for (const auto& h : found.hits) chosen.push_back(&h);
        } else {
            for (std::size_t i : r.only) {
                if (i >= found.hits.size())
                    throw InvalidArgument("there is no hit " + std::to_string(i + 1) + "; the query has " + std::to_string(found.hits.size()) + " hits");
                chosen.push_back(&found.hits[i]);
            }
        }
        std::map<std::pair<std::int64_t, int>, std::string> turn_texts;
        std::map<std::int64_t, Document> docs;
        std::set<std::tuple<std::int64_t, std::int64_t, std::int64_t>> seen;
        std::vector<NewCoding> codings;
        for (const SearchHit* h : chosen) {
            TextRange range = h->range;
            if (r.scope == AutocodeScope::Turn) {
                range = h->turn_range;
            } else if (r.scope == AutocodeScope::Sentence) {
                auto key = std::make_pair(h->document.value, h->turn);
                auto t = turn_texts.find(key);
                if (t == turn_texts.end()) {
                    auto d = docs.find(h->document.value);
                    if (d == docs.end()) d = docs.emplace(h->document.value, session.document(h->document)).first;
                    t = turn_texts.emplace(key, substring_cp(d->second.text, h->turn_range.start, h->turn_range.end)).first;
                }
                const std::int64_t base = h->turn_range.start;
                const TextRange first = sentence_at(t->second, h->range.start - base);
                const TextRange last = sentence_at(t->second, h->range.end - 1 - base);
                range = {base + first.start, base + std::max(first.end, last.end)};
            }
            if (seen.emplace(h->document.value, range.start, range.end).second) codings.push_back({h->document, r.code, range, {}});
        }
        AutocodeReport report;
        report.hits = chosen.size();
        const ActionLabel label(labels::kAutoCode, {r.query, code.name});
        report.label = label.english();
        if (codings.empty()) return report;
        const BulkCodingReport applied = session.apply_codes(codings, label);
        report.added = applied.added;
        report.duplicates = applied.duplicates;
        return report;
    }

    IndexInfo info() {
        ensure_fresh({}, nullptr);
        IndexInfo i;
        i.path = path;
        i.language = language;
        i.turns = static_cast<std::int64_t>(db->get_doccount());
        for (auto k = db->metadata_keys_begin(kDocumentKey); k != db->metadata_keys_end(kDocumentKey); ++k) ++i.documents;
        i.bytes = directory_size(path);
        return i;
    }

    SearchLanguage stemmer_language = SearchLanguage::German;
};

namespace {

// No Xapian exception leaves this file.
template <class F>
auto guarded(F&& f) {
    try {
        return f();
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(kInUse);
    } catch (const Xapian::Error& e) {
        throw IndexError("search index: " + e.get_description());
    }
}

}  // namespace

SearchIndex::SearchIndex(Session& session) : impl_(std::make_unique<Impl>(session)) {}
SearchIndex::~SearchIndex() = default;

std::string SearchIndex::index_path(const std::string& project_path) { return project_path + "-index"; }

IndexStatus SearchIndex::ensure_fresh(const Progress& progress, const CancelToken* cancel) {
    return guarded([&] { return impl_->ensure_fresh(progress, cancel); });
}

IndexStatus SearchIndex::rebuild(const Progress& progress, const CancelToken* cancel) {
    return guarded([&] { return impl_->rebuild("asked for", progress, cancel); });
}

SearchResult SearchIndex::search(const SearchQuery& query, const Progress& progress) {
    return guarded([&] { return impl_->search(query, progress); });
}

AutocodeReport SearchIndex::autocode(const AutocodeRequest& request) {
    return guarded([&] { return impl_->autocode(request); });
}

IndexInfo SearchIndex::info() {
    return guarded([&] { return impl_->info(); });
}

SearchResult search(Session& session, const SearchQuery& query, const Progress& progress) {
    return SearchIndex(session).search(query, progress);
}

AutocodeReport autocode(Session& session, const AutocodeRequest& request) {
    return SearchIndex(session).autocode(request);
}

}  // namespace kodex
