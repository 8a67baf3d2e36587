// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/query.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <optional>

#include "core/errors.h"
#include "core/search/tokenizer.h"
#include "core/text/unicode.h"

namespace kodex {
namespace {

enum class Tok { Word, Phrase, Filter, LParen, RParen, And, Or, Not, Xor, Near, Adj, End };

struct Token {
    Tok type = Tok::End;
    std::string text;     // Word: as written; Phrase: between the quotes; Filter: the name; operators: as written
    std::string value;    // Filter: the value
    int n = -1;           // Near/Adj: the number after '/', -1 when none was given
    std::size_t pos = 0;  // byte offset in the query
    char sign = 0;        // '+' or '-' written right before it
};

constexpr int kDefaultWindow = 10;
constexpr std::size_t kMaxTokens = 1000;
constexpr int kMaxBrackets = 100;

[[noreturn]] void fail(std::string_view query, std::size_t byte, const std::string& what) {
    const std::int64_t at = count_code_points(query.substr(0, std::min(byte, query.size()))) + 1;
    throw InvalidArgument("syntax error at character " + std::to_string(at) + " of the query: " + what);
}

char32_t decode_at(std::string_view s, std::size_t i, std::size_t& next) {
    std::int32_t j = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(s.data(), j, static_cast<std::int32_t>(s.size()), c);
    next = static_cast<std::size_t>(j);
    return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

// The closing quotation mark that matches an opening one, or 0 when `c` does not open a phrase.
// "..." as well as German „...“ and English “...”.
bool opens_phrase(char32_t c) { return c == '"' || c == 0x201E || c == 0x201C; }
bool closes_phrase(char32_t open, char32_t c) {
    if (c == '"') return true;
    if (open == 0x201E) return c == 0x201C || c == 0x201D;
    if (open == 0x201C) return c == 0x201D;
    return false;
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

// "in"/"innen" (any case) making up all of `s`, optionally followed by non-word characters.
bool is_gender_ending(std::string_view s) {
    const std::string l = lower_ascii(std::string(s));
    for (const std::string_view e : {std::string_view("innen"), std::string_view("in")}) {
        if (l.compare(0, e.size(), e) != 0) continue;
        if (l.size() == e.size()) return true;
        std::size_t next = 0;
        if (!is_word_char(decode_at(l, e.size(), next))) return true;
    }
    return false;
}

class Lexer {
public:
    Lexer(std::string_view q, const FilterResolver& filters) : q_(q), filters_(filters) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        std::size_t i = 0;
        char sign = 0;
        std::size_t sign_pos = 0;
        while (i < q_.size()) {
            std::size_t next = 0;
            const char32_t c = decode_at(q_, i, next);
            if (is_space(c)) {
                if (sign) fail(q_, sign_pos, std::string("'") + sign + "' goes right before a word, a phrase or a filter");
                i = next;
                continue;
            }
            if ((c == '+' || c == '-') && !sign && next < q_.size()) {
                std::size_t after = 0;
                const char32_t d = decode_at(q_, next, after);
                if (!is_space(d) && d != ')') {
                    sign = static_cast<char>(c);
                    sign_pos = i;
                    i = next;
                    continue;
                }
            }
            Token t;
            t.pos = i;
            if (c == '(' || c == ')') {
                t.type = c == '(' ? Tok::LParen : Tok::RParen;
                t.text = std::string(1, static_cast<char>(c));
                i = next;
            } else if (opens_phrase(c)) {
                t.type = Tok::Phrase;
                i = quoted(i, t.text);
            } else {
                i = word(i, t);
            }
            if (sign) {
                if (t.type != Tok::Word && t.type != Tok::Phrase && t.type != Tok::Filter && t.type != Tok::LParen)
                    fail(q_, sign_pos, std::string("'") + sign + "' goes right before a word, a phrase or a filter");
                t.sign = sign;
                if (t.type == Tok::Word || t.type == Tok::Phrase || t.type == Tok::Filter) t.pos = sign_pos;
                sign = 0;
            }
            // Every operator nests the query tree one level deeper, and the parser, the index and the highlighter
            // walk it recursively: bounding the tokens bounds the stack they need.
            if (out.size() == kMaxTokens)
                fail(q_, t.pos, "the query is too long: at most " + std::to_string(kMaxTokens) +
                                    " words, phrases, filters, brackets and operators");
            out.push_back(std::move(t));
        }
        if (sign) fail(q_, sign_pos, std::string("'") + sign + "' goes right before a word, a phrase or a filter");
        Token end;
        end.pos = q_.size();
        out.push_back(end);
        return out;
    }

private:
    // Reads a quoted text starting at the opening mark at `i`; returns the offset after the closing mark.
    std::size_t quoted(std::size_t i, std::string& text) {
        std::size_t next = 0;
        const char32_t open = decode_at(q_, i, next);
        std::size_t j = next;
        while (j < q_.size()) {
            std::size_t after = 0;
            const char32_t c = decode_at(q_, j, after);
            if (closes_phrase(open, c)) {
                text = std::string(q_.substr(next, j - next));
                return after;
            }
            j = after;
        }
        fail(q_, i, "the quotation mark is not closed");
    }

    // Reads a word, an operator or a filter starting at `i`.
    std::size_t word(std::size_t i, Token& t) {
        std::size_t j = i;
        while (j < q_.size()) {
            std::size_t next = 0;
            const char32_t c = decode_at(q_, j, next);
            if (is_space(c) || c == '(' || c == ')') break;
            if (opens_phrase(c)) {
                // name:"quoted value"
                const std::string_view run = q_.substr(i, j - i);
                if (run.size() > 1 && run.back() == ':' && is_name(run.substr(0, run.size() - 1))) {
                    t.type = Tok::Filter;
                    t.text = std::string(run.substr(0, run.size() - 1));
                    if (!filters_.is_filter(t.text)) unknown_filter(i, t.text);
                    const std::size_t end = quoted(j, t.value);
                    check_filter(t);
                    return end;
                }
                break;
            }
            j = next;
        }
        const std::string run(q_.substr(i, j - i));
        t.text = run;
        static const std::map<std::string, Tok> kOperators = {
            {"AND", Tok::And}, {"UND", Tok::And}, {"OR", Tok::Or}, {"ODER", Tok::Or},
            {"NOT", Tok::Not}, {"NICHT", Tok::Not}, {"XOR", Tok::Xor}};
        if (const auto op = kOperators.find(run); op != kOperators.end()) {
            t.type = op->second;
            return j;
        }
        for (const auto& [name, type] : {std::pair<std::string, Tok>{"NEAR", Tok::Near}, {"ADJ", Tok::Adj}}) {
            if (run.compare(0, name.size(), name) != 0) continue;
            if (run.size() == name.size()) {
                t.type = type;
                return j;
            }
            if (run[name.size()] != '/') continue;
            const std::string digits = run.substr(name.size() + 1);
            const bool number = !digits.empty() && digits.size() <= 4 &&
                                std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!number || std::stoi(digits) < 1)
                fail(q_, i, name + "/ needs a number of words from 1 to 9999, as in " + name + "/5");
            t.type = type;
            t.n = std::stoi(digits);
            return j;
        }
        const std::size_t colon = run.find(':');
        if (colon != std::string::npos && colon > 0 && is_name(std::string_view(run).substr(0, colon))) {
            const std::string name = run.substr(0, colon);
            const std::string value = run.substr(colon + 1);
            if (filters_.is_filter(name)) {
                t.type = Tok::Filter;
                t.text = name;
                t.value = value;
                check_filter(t);
                return j;
            }
            if (!value.empty() && !is_gender_ending(value)) unknown_filter(i, name);
        }
        t.type = Tok::Word;
        return j;
    }

    // name:value with a name that is no filter: an error when the name is written in lower case (a
    // mistyped filter), ordinary text otherwise ("Datum:heute" searches the words).
    void unknown_filter(std::size_t at, const std::string& name) const {
        std::size_t next = 0;
        if (u_islower(static_cast<UChar32>(decode_at(name, 0, next))))
            fail(q_, at, "there is no filter '" + name + ":'; filters are " + filters_.filter_names());
    }

    void check_filter(const Token& t) const {
        if (t.value.empty()) fail(q_, t.pos, "'" + t.text + ":' needs a value, as in " + t.text + ":\"...\"");
    }

    static bool is_name(std::string_view s) {
        if (s.empty()) return false;
        for (std::size_t i = 0; i < s.size();) {
            std::size_t next = 0;
            if (!is_word_char(decode_at(s, i, next)) && s[i] != '-') return false;
            i = next;
        }
        return true;
    }

    std::string_view q_;
    const FilterResolver& filters_;
};

QueryNode leaf(QueryNode::Kind kind, std::vector<std::string> words, int window = 0) {
    QueryNode n;
    n.kind = kind;
    n.words = std::move(words);
    n.window = window;
    return n;
}

QueryNode combine(QueryNode::Kind kind, std::vector<QueryNode> children) {
    if (children.size() == 1) return std::move(children[0]);
    QueryNode n;
    n.kind = kind;
    n.children = std::move(children);
    return n;
}

// Two operands under one operator, moved in: a braced list would copy them (an initializer_list holds const
// elements), which made a chain of n ANDs copy its growing left side n times.
QueryNode pair_of(QueryNode::Kind kind, QueryNode left, QueryNode right) {
    QueryNode n;
    n.kind = kind;
    n.children.reserve(2);
    n.children.push_back(std::move(left));
    n.children.push_back(std::move(right));
    return n;
}

QueryNode and_not(QueryNode keep, QueryNode drop) {
    QueryNode n;
    n.kind = QueryNode::Kind::AndNot;
    n.children.push_back(std::move(keep));
    n.children.push_back(std::move(drop));
    return n;
}

// A parsed operand with what the word-list rules need to know about it.
struct Item {
    QueryNode node;
    char sign = 0;
    bool stopword = false;  // a single stop word written without quotes or sign
    bool filter = false;
};

class Parser {
public:
    Parser(std::string_view q, std::vector<Token> tokens, const FilterResolver& filters,
           const std::unordered_set<std::string>& stopwords)
        : q_(q), t_(std::move(tokens)), filters_(filters), stopwords_(stopwords) {}

    QueryNode parse() {
        if (peek().type == Tok::End) throw InvalidArgument("the query is empty");
        auto root = or_expr();
        if (peek().type == Tok::RParen) fail(q_, peek().pos, "')' has no matching '('");
        if (!root) throw InvalidArgument("the query has no words to search for");
        return std::move(*root);
    }

private:
    using Opt = std::optional<QueryNode>;

    const Token& peek() const { return t_[i_]; }
    const Token& take() { return t_[i_++]; }

    static bool ends_group(Tok t) {
        return t == Tok::End || t == Tok::RParen || t == Tok::And || t == Tok::Or || t == Tok::Not || t == Tok::Xor;
    }

    static std::string name_of(const Token& t) { return "'" + t.text + "'"; }

    // After a binary operator: the next token must start an operand.
    void need_operand_after(const Token& op) {
        const Tok t = peek().type;
        if (t == Tok::End || t == Tok::RParen || t == Tok::And || t == Tok::Or || t == Tok::Xor || t == Tok::Near || t == Tok::Adj)
            fail(q_, op.pos, name_of(op) + " needs a search term after it");
    }

    Opt or_expr() { return binary(Tok::Or, QueryNode::Kind::Or, [this] { return xor_expr(); }); }
    Opt xor_expr() { return binary(Tok::Xor, QueryNode::Kind::Xor, [this] { return and_expr(); }); }

    template <class Next>
    Opt binary(Tok op, QueryNode::Kind kind, Next next) {
        std::vector<QueryNode> parts;
        if (auto first = next()) parts.push_back(std::move(*first));
        while (peek().type == op) {
            const Token& o = take();
            if (parts.empty()) fail(q_, o.pos, name_of(o) + " needs a search term before it");
            need_operand_after(o);
            auto rhs = next();
            if (!rhs) fail(q_, o.pos, name_of(o) + " needs a search term after it");
            parts.push_back(std::move(*rhs));
        }
        if (parts.empty()) return std::nullopt;
        return combine(kind, std::move(parts));
    }

    Opt and_expr() {
        Opt left;
        if (peek().type == Tok::Not) {  // a query or bracket that starts with NOT: everything except ...
            const Token& o = take();
            need_operand_after(o);
            auto rhs = group();
            if (!rhs) fail(q_, o.pos, name_of(o) + " needs a search term after it");
            left = and_not(QueryNode{}, std::move(*rhs));
        } else {
            left = group();
        }
        while (peek().type == Tok::And || peek().type == Tok::Not) {
            const Token& o = take();
            bool negate = o.type == Tok::Not;
            if (!left) fail(q_, o.pos, name_of(o) + " needs a search term before it");
            if (!negate && peek().type == Tok::Not) {
                take();
                negate = true;
            }
            need_operand_after(o);
            auto rhs = group();
            if (!rhs) fail(q_, o.pos, name_of(o) + " needs a search term after it");
            left = negate ? and_not(std::move(*left), std::move(*rhs))
                          : pair_of(QueryNode::Kind::And, std::move(*left), std::move(*rhs));
        }
        return left;
    }

    // Operands written next to each other: all of them must match (stop words aside), -x must not,
    // and several filters of the same name mean any of them (speaker:I speaker:B).
    Opt group() {
        std::vector<Item> items;
        while (!ends_group(peek().type)) {
            if (auto it = item()) items.push_back(std::move(*it));
        }
        if (items.empty()) return std::nullopt;
        // Stop words are left out only when other words remain to search for.
        const bool only_stopwords = std::none_of(items.begin(), items.end(), [](const Item& i) {
            return !i.filter && !i.stopword && i.sign != '-';
        });
        std::vector<QueryNode> keep, drop;
        std::map<std::string, std::vector<QueryNode>> filters;  // field -> alternatives
        std::vector<std::string> field_order;
        std::vector<std::int64_t> coders;
        for (auto& i : items) {
            if (i.sign == '-') {
                drop.push_back(std::move(i.node));
            } else if (i.stopword && !only_stopwords) {
                continue;
            } else if (i.filter) {
                const std::string& field = i.node.filter.label.substr(0, i.node.filter.label.find(':'));
                if (i.node.filter.kind == FilterKind::Coder)
                    coders.insert(coders.end(), i.node.filter.coders.begin(), i.node.filter.coders.end());
                if (!filters.count(field)) field_order.push_back(field);
                filters[field].push_back(std::move(i.node));
            } else {
                keep.push_back(std::move(i.node));
            }
        }
        for (const auto& field : field_order) {
            auto& alternatives = filters[field];
            // code:X coder:anna: anna's codings of X.
            for (auto& f : alternatives)
                if (f.filter.kind == FilterKind::Code && f.filter.coders.empty()) f.filter.coders = coders;
            keep.push_back(combine(QueryNode::Kind::Or, std::move(alternatives)));
        }
        QueryNode result = keep.empty() ? QueryNode{} : combine(QueryNode::Kind::And, std::move(keep));
        if (!drop.empty()) result = and_not(std::move(result), combine(QueryNode::Kind::Or, std::move(drop)));
        return result;
    }

    std::optional<Item> item() {
        const Token& first = peek();
        if (first.type == Tok::Near || first.type == Tok::Adj)
            fail(q_, first.pos, name_of(first) + " needs a word before it");
        Item it;
        it.sign = first.sign;
        auto node = atom(it);
        if (peek().type != Tok::Near && peek().type != Tok::Adj) {
            if (!node) return std::nullopt;
            it.node = std::move(*node);
            return it;
        }
        // word NEAR/n word NEAR/n word ...
        const Tok kind = peek().type;
        std::vector<std::string> words;
        int n = -1;
        auto add = [&](const Opt& w, const Token& at) {
            if (w && w->kind == QueryNode::Kind::Word) return words.push_back(w->words[0]);
            std::string what = name_of(at) + " is not one word";
            if (at.type == Tok::LParen) what = "not brackets";
            else if (w && w->kind == QueryNode::Kind::Prefix) what = "not wildcards";
            else if (at.type == Tok::Filter) what = "not filters";
            fail(q_, at.pos, "NEAR and ADJ work between single words, " + what);
        };
        add(node, first);
        while (peek().type == Tok::Near || peek().type == Tok::Adj) {
            const Token& op = take();
            if (op.type != kind) fail(q_, op.pos, "NEAR and ADJ cannot be mixed in one chain; use brackets");
            n = std::max(n, op.n);
            need_operand_after(op);
            const Token& w = peek();
            Item dummy;
            add(atom(dummy), w);
        }
        if (n < 0) n = kDefaultWindow;
        const int window = n + static_cast<int>(words.size()) - 1;
        it.node = leaf(kind == Tok::Near ? QueryNode::Kind::Near : QueryNode::Kind::Phrase, std::move(words), window);
        it.stopword = false;
        return it;
    }

    Opt atom(Item& it) {
        const Token& t = take();
        switch (t.type) {
        case Tok::LParen: {
            if (peek().type == Tok::RParen) fail(q_, t.pos, "the brackets are empty");
            // Each bracket costs several recursive calls with large frames (kilobytes under ASan).
            if (++brackets_ > kMaxBrackets)
                fail(q_, t.pos, "brackets are nested deeper than " + std::to_string(kMaxBrackets) + " levels");
            auto inner = or_expr();
            --brackets_;
            if (peek().type != Tok::RParen) fail(q_, t.pos, "the bracket is not closed");
            take();
            if (!inner) fail(q_, t.pos, "the brackets hold no words to search for");
            return inner;
        }
        case Tok::Phrase: return phrase(t);
        case Tok::Word: return word(t, it);
        case Tok::Filter: {
            QueryNode n;
            n.kind = QueryNode::Kind::Filter;
            try {
                n.filter = filters_.resolve(t.text, t.value);
            } catch (const InvalidArgument& e) {
                fail(q_, t.pos, e.what());
            }
            it.filter = true;
            return n;
        }
        default:
            fail(q_, t.pos, name_of(t) + " is not expected here");
        }
    }

    Opt phrase(const Token& t) {
        const std::string text = fold_gender(t.text);
        if (text.find('*') != std::string::npos) fail(q_, t.pos, "wildcards (*) cannot be used inside a phrase");
        const auto tokens = tokenize(text);
        if (tokens.empty()) fail(q_, t.pos, "the phrase has no words");
        std::vector<std::string> words;
        for (const auto& w : tokens) words.push_back(w.term);
        if (words.size() == 1) return leaf(QueryNode::Kind::Word, std::move(words));
        const int size = static_cast<int>(words.size());
        return leaf(QueryNode::Kind::Phrase, std::move(words), size);
    }

    Opt word(const Token& t, Item& it) {
        std::string text = fold_gender(t.text);
        const std::size_t star = text.find('*');
        const bool prefix = star != std::string::npos;
        if (prefix) {
            if (star + 1 != text.size())
                fail(q_, t.pos + star, "'*' stands for any ending and goes at the end of a word, as in Digital*");
            text.pop_back();
        }
        const auto tokens = tokenize(text);
        if (tokens.empty()) {
            if (prefix) fail(q_, t.pos, "'*' needs at least two letters before it, as in Digital*");
            return std::nullopt;  // punctuation only
        }
        if (prefix) {
            if (tokens.size() != 1) fail(q_, t.pos, "a wildcard works on one word");
            if (count_code_points(tokens[0].term) < 2) fail(q_, t.pos, "'*' needs at least two letters before it, as in Digital*");
            return leaf(QueryNode::Kind::Prefix, {tokens[0].term});
        }
        if (tokens.size() == 1) {
            const WordToken& w = tokens[0];
            if (!w.stem_part.empty()) {  // MitarbeiterInnen also finds Mitarbeiter:innen
                const std::string ending = w.term.substr(w.stem_part.size());
                return combine(QueryNode::Kind::Or, {leaf(QueryNode::Kind::Word, {w.term}),
                                                     leaf(QueryNode::Kind::Phrase, {w.stem_part, ending}, 2)});
            }
            it.stopword = !t.sign && stopwords_.count(w.term) > 0;
            return leaf(QueryNode::Kind::Word, {w.term});
        }
        std::vector<std::string> words;
        for (const auto& w : tokens) words.push_back(w.term);
        const int size = static_cast<int>(words.size());
        const bool gender = tokens.size() == 2 && (words[1] == "in" || words[1] == "innen") &&
                            std::all_of(text.begin() + tokens[0].end, text.begin() + tokens[1].begin, [](char c) { return c == ':'; });
        if (gender)  // Mitarbeiter:innen also finds MitarbeiterInnen
            return combine(QueryNode::Kind::Or, {leaf(QueryNode::Kind::Phrase, words, size),
                                                 leaf(QueryNode::Kind::Word, {words[0] + words[1]})});
        return leaf(QueryNode::Kind::Phrase, std::move(words), size);
    }

    std::string_view q_;
    std::vector<Token> t_;
    std::size_t i_ = 0;
    const FilterResolver& filters_;
    const std::unordered_set<std::string>& stopwords_;
    int brackets_ = 0;  // brackets open around the current token
};

void number_leaves(QueryNode& n, int& next) {
    if (n.is_text()) n.leaf = next++;
    for (auto& c : n.children) number_leaves(c, next);
}

// Whether a word must be present (positive), and whether code:/coder: filters occur.
void inspect(const QueryNode& n, bool negated, ParsedQuery& out) {
    if (n.is_text() && !negated) out.has_text = true;
    if (n.kind == QueryNode::Kind::Filter && (n.filter.kind == FilterKind::Code || n.filter.kind == FilterKind::Coder))
        out.has_span_filters = true;
    for (std::size_t i = 0; i < n.children.size(); ++i)
        inspect(n.children[i], negated || (n.kind == QueryNode::Kind::AndNot && i == 1), out);
}

std::string join_words(const std::vector<std::string>& words, const std::string& sep) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : sep) + w;
    return out;
}

}  // namespace

ParsedQuery parse_query(std::string_view text, const FilterResolver& filters, const std::unordered_set<std::string>& stopwords) {
    Parser parser(text, Lexer(text, filters).run(), filters, stopwords);
    ParsedQuery out;
    out.root = parser.parse();
    number_leaves(out.root, out.text_leaves);
    inspect(out.root, false, out);
    out.description = describe(out.root);
    return out;
}

std::string describe(const QueryNode& n) {
    using K = QueryNode::Kind;
    switch (n.kind) {
    case K::Word: return n.words[0];
    case K::Prefix: return n.words[0] + "*";
    case K::Phrase:
        if (n.window == static_cast<int>(n.words.size())) return "\"" + join_words(n.words, " ") + "\"";
        return "(" + join_words(n.words, " ADJ/" + std::to_string(n.window - static_cast<int>(n.words.size()) + 1) + " ") + ")";
    case K::Near:
        return "(" + join_words(n.words, " NEAR/" + std::to_string(n.window - static_cast<int>(n.words.size()) + 1) + " ") + ")";
    case K::Filter: return n.filter.label;
    case K::All: return "<all>";
    case K::AndNot:
        if (n.children[0].kind == K::All) return "(NOT " + describe(n.children[1]) + ")";
        return "(" + describe(n.children[0]) + " NOT " + describe(n.children[1]) + ")";
    case K::And:
    case K::Or:
    case K::Xor: {
        const std::string op = n.kind == K::And ? " AND " : n.kind == K::Or ? " OR " : " XOR ";
        std::string out;
        for (const auto& c : n.children) out += (out.empty() ? "" : op) + describe(c);
        return "(" + out + ")";
    }
    }
    return {};
}

}  // namespace kodex
