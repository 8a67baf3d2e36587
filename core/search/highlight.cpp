// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/highlight.h"

#include <algorithm>

#include "core/search/tokenizer.h"

namespace kodex {
namespace {

using Kind = QueryNode::Kind;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Code point positions of increasing byte offsets in one text (restarts when asked for an earlier one).
class CodePoints {
public:
    explicit CodePoints(std::string_view s) : s_(s) {}
    std::int64_t at(std::size_t byte) {
        if (byte < byte_) byte_ = 0, cp_ = 0;
        for (; byte_ < byte && byte_ < s_.size(); ++byte_)
            if (!is_continuation(s_[byte_])) ++cp_;
        return cp_;
    }
    std::size_t byte_of(std::int64_t cp) {
        std::size_t b = 0;
        for (std::int64_t n = 0; b < s_.size(); ++b) {
            if (!is_continuation(s_[b]) && n++ == cp) break;
        }
        return b;
    }

private:
    std::string_view s_;
    std::size_t byte_ = 0;
    std::int64_t cp_ = 0;
};

struct LeafMatch {
    std::vector<char> tokens;                 // token i takes part in a match of this leaf
    std::vector<std::vector<int>> instances;  // token indexes of each match, increasing
};

struct Candidate {
    std::vector<int> tokens;  // increasing
    TurnHit hit;
};

class Highlighter {
public:
    Highlighter(const ParsedQuery& q, std::string_view text, const TurnFacts& facts, const StemFunction& stem)
        : q_(q), text_(text), folded_(fold_gender(text)), facts_(facts), stem_(stem), tokens_(tokenize(folded_)),
          stems_(tokens_.size(), nullptr), part_stems_(tokens_.size(), nullptr), leaves_(static_cast<std::size_t>(q.text_leaves)),
          cps_(text) {}

    std::vector<TurnHit> run() {
        for (auto& l : leaves_) l.tokens.assign(tokens_.size(), 0);
        match(q_.root);
        std::vector<std::vector<int>> groups;
        collect(q_.root, false, groups);
        std::vector<TurnHit> out;
        for (auto& c : merge(std::move(groups)))
            if (supports(q_.root, c)) out.push_back(std::move(c.hit));
        if (out.empty()) out = passages();
        return out;
    }

private:
    const std::string& token_stem(int i) {
        auto& s = stems_[static_cast<std::size_t>(i)];
        if (!s) s = &stem_(tokens_[static_cast<std::size_t>(i)].term);
        return *s;
    }

    // The same word as the (stemmed) query word: the token itself, or its Binnen-I stem part.
    bool same_word(int i, const std::string& query_stem) {
        if (token_stem(i) == query_stem) return true;
        const auto& tok = tokens_[static_cast<std::size_t>(i)];
        if (tok.stem_part.empty()) return false;
        auto& s = part_stems_[static_cast<std::size_t>(i)];
        if (!s) s = &stem_(tok.stem_part);
        return *s == query_stem;
    }

    std::vector<int> candidates(const std::string& word) {
        const std::string query_stem = stem_(word);
        std::vector<int> out;
        for (int i = 0; i < static_cast<int>(tokens_.size()); ++i)
            if (same_word(i, query_stem)) out.push_back(i);
        return out;
    }

    void add(LeafMatch& m, std::vector<int> instance) {
        for (int t : instance) m.tokens[static_cast<std::size_t>(t)] = 1;
        m.instances.push_back(std::move(instance));
    }

    void match(const QueryNode& n) {
        for (const auto& c : n.children) match(c);
        if (!n.is_text()) return;
        LeafMatch& m = leaves_[static_cast<std::size_t>(n.leaf)];
        if (n.kind == Kind::Word) {
            for (int i : candidates(n.words[0])) add(m, {i});
        } else if (n.kind == Kind::Prefix) {
            const std::string& p = n.words[0];
            for (int i = 0; i < static_cast<int>(tokens_.size()); ++i) {
                const auto& t = tokens_[static_cast<std::size_t>(i)];
                if (t.term.compare(0, p.size(), p) == 0 || (!t.stem_part.empty() && t.stem_part.compare(0, p.size(), p) == 0))
                    add(m, {i});
            }
        } else {
            std::vector<std::vector<int>> cand;
            for (const auto& w : n.words) cand.push_back(candidates(w));
            if (std::any_of(cand.begin(), cand.end(), [](const auto& c) { return c.empty(); })) return;
            if (n.kind == Kind::Phrase) phrase(m, cand, n.window);
            else near(m, cand, n.window);
        }
    }

    // Words in order, all within `window` positions; the earliest continuation gives the tightest match.
    void phrase(LeafMatch& m, const std::vector<std::vector<int>>& cand, int window) {
        for (int first : cand[0]) {
            std::vector<int> inst{first};
            for (std::size_t j = 1; j < cand.size(); ++j) {
                const auto it = std::upper_bound(cand[j].begin(), cand[j].end(), inst.back());
                if (it == cand[j].end()) break;
                inst.push_back(*it);
            }
            if (inst.size() == cand.size() && inst.back() - first < window) add(m, std::move(inst));
        }
    }

    // Words in any order within `window` positions, each on a word of its own.
    void near(LeafMatch& m, const std::vector<std::vector<int>>& cand, int window) {
        std::vector<int> starts;
        for (const auto& c : cand) starts.insert(starts.end(), c.begin(), c.end());
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        for (int s : starts) {
            std::vector<int> inst;
            for (const auto& c : cand) {
                auto it = std::lower_bound(c.begin(), c.end(), s);
                while (it != c.end() && *it < s + window && std::find(inst.begin(), inst.end(), *it) != inst.end()) ++it;
                if (it == c.end() || *it >= s + window) break;
                inst.push_back(*it);
            }
            if (inst.size() != cand.size()) continue;
            std::sort(inst.begin(), inst.end());
            add(m, std::move(inst));
        }
    }

    // The matches that make hits: those of text leaves that are not negated.
    void collect(const QueryNode& n, bool negated, std::vector<std::vector<int>>& out) {
        if (n.is_text() && !negated)
            for (const auto& inst : leaves_[static_cast<std::size_t>(n.leaf)].instances) out.push_back(inst);
        for (std::size_t i = 0; i < n.children.size(); ++i)
            collect(n.children[i], negated || (n.kind == Kind::AndNot && i == 1), out);
    }

    // "Mitarbeiter" followed by ":innen" (a folded gender marker, then the ending).
    bool gender_ending_follows(std::size_t i) const {
        if (i + 1 >= tokens_.size()) return false;
        const auto& next = tokens_[i + 1];
        if (next.term != "in" && next.term != "innen") return false;
        const std::size_t gap = next.begin - tokens_[i].end;
        if (gap == 0 || gap > 2) return false;
        return std::all_of(folded_.begin() + tokens_[i].end, folded_.begin() + next.begin, [](char c) { return c == ':'; });
    }

    std::vector<Candidate> merge(std::vector<std::vector<int>> groups) {
        std::sort(groups.begin(), groups.end());
        std::vector<std::vector<int>> merged;
        for (auto& g : groups) {
            if (!merged.empty() && g.front() <= merged.back().back()) {
                auto& m = merged.back();
                m.insert(m.end(), g.begin(), g.end());
                std::sort(m.begin(), m.end());
                m.erase(std::unique(m.begin(), m.end()), m.end());
            } else {
                merged.push_back(std::move(g));
            }
        }
        std::vector<Candidate> out;
        for (auto& g : merged) {
            Candidate c;
            std::vector<std::pair<std::size_t, std::size_t>> spans;
            for (int t : g) {
                const auto i = static_cast<std::size_t>(t);
                std::size_t end = tokens_[i].end;
                if (gender_ending_follows(i)) end = tokens_[i + 1].end;
                if (!spans.empty() && tokens_[i].begin < spans.back().second) spans.back().second = std::max(spans.back().second, end);
                else spans.emplace_back(tokens_[i].begin, end);
            }
            for (const auto& [b, e] : spans) c.hit.words.push_back({facts_.text_start + cps_.at(b), facts_.text_start + cps_.at(e)});
            c.hit.begin_byte = spans.front().first;
            c.hit.end_byte = spans.back().second;
            c.hit.range = {c.hit.words.front().start, c.hit.words.back().end};
            c.tokens = std::move(g);
            out.push_back(std::move(c));
        }
        return out;
    }

    bool inside_coding(const TextRange& r, const FilterTarget& f) const {
        auto has = [](const std::vector<std::int64_t>& v, std::int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); };
        return std::any_of(facts_.codings.begin(), facts_.codings.end(), [&](const TurnFacts::Coding& c) {
            if (c.range.start > r.start || r.end > c.range.end) return false;
            if (f.kind == FilterKind::Coder) return has(f.coders, c.coder);
            return has(f.codes, c.code) && (f.coders.empty() || has(f.coders, c.coder));
        });
    }

    // Whether `n` holds for a hit: a text leaf when it matched anywhere in the turn, code: and coder:
    // filters when the hit lies inside such a coding, other filters when the turn has them.
    bool holds(const QueryNode& n, const Candidate& c) const {
        switch (n.kind) {
        case Kind::Word:
        case Kind::Prefix:
        case Kind::Phrase:
        case Kind::Near:  // a passage without words (see passages()) has none of them
            return !c.tokens.empty() && !leaves_[static_cast<std::size_t>(n.leaf)].instances.empty();
        case Kind::Filter:
            if (n.filter.kind == FilterKind::Code || n.filter.kind == FilterKind::Coder) return inside_coding(c.hit.range, n.filter);
            return !facts_.has_filter || facts_.has_filter(n.filter);
        case Kind::And:
            return std::all_of(n.children.begin(), n.children.end(), [&](const QueryNode& x) { return holds(x, c); });
        case Kind::Or:
            return std::any_of(n.children.begin(), n.children.end(), [&](const QueryNode& x) { return holds(x, c); });
        case Kind::Xor:
            return std::count_if(n.children.begin(), n.children.end(), [&](const QueryNode& x) { return holds(x, c); }) % 2 == 1;
        case Kind::AndNot:
            return holds(n.children[0], c) && !holds(n.children[1], c);
        case Kind::All:
            return true;
        }
        return false;
    }

    // Whether a hit's words are what makes `n` hold: in "Förderung OR (Antrag speaker:I)" an "Antrag"
    // in someone else's turn is not a hit, and in "Förderung code:X" only a "Förderung" inside X is.
    bool supports(const QueryNode& n, const Candidate& c) const {
        if (n.is_text()) {
            const auto& in = leaves_[static_cast<std::size_t>(n.leaf)].tokens;
            return std::any_of(c.tokens.begin(), c.tokens.end(), [&](int t) { return in[static_cast<std::size_t>(t)] != 0; });
        }
        if (n.kind == Kind::Filter || n.kind == Kind::All || !holds(n, c)) return false;
        if (n.kind == Kind::AndNot) return supports(n.children[0], c);
        return std::any_of(n.children.begin(), n.children.end(), [&](const QueryNode& x) { return holds(x, c) && supports(x, c); });
    }

    // Without words to show: the coded passages of the turn that pass the filters, or the whole turn.
    std::vector<TurnHit> passages() {
        std::vector<Candidate> cands;
        const std::int64_t length = cps_.at(text_.size());
        const TextRange turn{facts_.text_start, facts_.text_start + length};
        auto add = [&](TextRange r) {
            Candidate c;
            c.hit.range = r;
            c.hit.words = {r};
            c.hit.begin_byte = cps_.byte_of(r.start - facts_.text_start);
            c.hit.end_byte = cps_.byte_of(r.end - facts_.text_start);
            cands.push_back(std::move(c));
        };
        add(turn);
        for (const auto& coding : facts_.codings) {
            const TextRange r{std::max(coding.range.start, turn.start), std::min(coding.range.end, turn.end)};
            if (!r.empty()) add(r);
        }
        std::vector<TurnHit> pass;
        for (auto& c : cands)
            if (holds(q_.root, c)) pass.push_back(std::move(c.hit));
        std::sort(pass.begin(), pass.end(), [](const TurnHit& a, const TurnHit& b) {
            return a.range.start != b.range.start ? a.range.start < b.range.start : a.range.end > b.range.end;
        });
        std::vector<TurnHit> out;
        for (auto& h : pass) {  // drop passages inside another one
            const bool nested = std::any_of(out.begin(), out.end(), [&](const TurnHit& o) {
                return o.range.start <= h.range.start && h.range.end <= o.range.end;
            });
            if (!nested) out.push_back(std::move(h));
        }
        return out;
    }

    const ParsedQuery& q_;
    std::string_view text_;
    std::string folded_;
    const TurnFacts& facts_;
    const StemFunction& stem_;
    std::vector<WordToken> tokens_;
    std::vector<const std::string*> stems_, part_stems_;
    std::vector<LeafMatch> leaves_;
    CodePoints cps_;
};

// Appends text with every run of white space as one space.
void append_collapsed(std::string& out, std::string_view s) {
    for (char c : s) {
        if (is_blank(c)) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
}

}  // namespace

std::vector<TurnHit> find_hits(const ParsedQuery& query, std::string_view text, const TurnFacts& facts,
                               const StemFunction& stem) {
    return Highlighter(query, text, facts, stem).run();
}

Kwic make_kwic(std::string_view text, std::size_t begin, std::size_t end, int context) {
    Kwic k;
    std::size_t from = begin;
    for (int n = 0; from > 0 && n < context; ++n) {
        --from;
        while (from > 0 && is_continuation(text[from])) --from;
    }
    if (from > 0 && !is_blank(text[from - 1])) {  // cut inside a word: start at the next word
        const auto blank = std::find_if(text.begin() + from, text.begin() + begin, is_blank);
        if (blank != text.begin() + begin) from = static_cast<std::size_t>(blank - text.begin()) + 1;
    }
    std::size_t to = end;
    for (int n = 0; to < text.size() && n < context; ++n) {
        ++to;
        while (to < text.size() && is_continuation(text[to])) ++to;
    }
    if (to < text.size() && !is_blank(text[to])) {  // cut inside a word: end after the previous one
        std::size_t b = to;
        while (b > end && !is_blank(text[b - 1])) --b;
        if (b > end) to = b - 1;
    }
    append_collapsed(k.left, text.substr(from, begin - from));
    while (!k.left.empty() && k.left.front() == ' ') k.left.erase(0, 1);
    k.match = std::string(text.substr(begin, end - begin));
    std::string right;
    append_collapsed(right, text.substr(end, to - end));
    if (end < text.size() && is_blank(text[end]) && (right.empty() || right.front() != ' ')) right.insert(0, " ");
    while (!right.empty() && right.back() == ' ') right.pop_back();
    k.right = std::move(right);
    return k;
}

}  // namespace kodex
