// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The search query language, parsed into a tree that both the index (core/search/search_index.cpp builds
// a Xapian query from it) and the highlighter (core/search/highlight.h) walk. Syntax, as in Xapian's
// QueryParser: words (AND between them), "phrases", AND / OR / NOT / XOR (also UND / ODER / NICHT, whole
// upper-case words), +word / -word, brackets, NEAR and NEAR/n, ADJ and ADJ/n, Prefix* wildcards, and
// filters name:value or name:"value with spaces". Kodex parses the query itself because Xapian's parser
// silently re-reads a query with a syntax error as plain words, and the issue asks for a clear error.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kodex {

enum class FilterKind { Document, Speaker, Code, Coder, Variable };

/// What a filter (name:value) stands for.
struct FilterTarget {
    FilterKind kind = FilterKind::Document;
    std::string term;                   ///< the boolean term the index stores for it
    std::vector<std::int64_t> codes;    ///< Code: the code and all its subcodes
    std::vector<std::int64_t> coders;   ///< Coder: the coder; Code: only codings by these coders (empty: any)
    std::string label;                  ///< how the query shows it: code:"Resilienz/Krisenmanagement"
};

/// Looks up filter names and values while a query is parsed (the search index implements it over a Session).
class FilterResolver {
public:
    virtual ~FilterResolver() = default;
    /// True when `name` (as written before ':') is a filter: doc, code, speaker, coder or a variable.
    virtual bool is_filter(const std::string& name) const = 0;
    /// The target of name:value; throws InvalidArgument naming the problem (the parser adds the position).
    virtual FilterTarget resolve(const std::string& name, const std::string& value) const = 0;
    /// The filter names for a message about an unknown one ("doc:, code:, speaker:, coder:, sector:").
    virtual std::string filter_names() const = 0;
};

struct QueryNode {
    enum class Kind {
        Word,    ///< one word (words[0], case-folded)
        Prefix,  ///< words starting with words[0] (Digital*)
        Phrase,  ///< words in this order within `window` positions ("exact phrase" when window == size)
        Near,    ///< words in any order within `window` positions
        Filter,  ///< name:value
        And,
        Or,
        Xor,
        AndNot,  ///< children[0] without children[1]
        All,     ///< every turn (the left side of a query that starts with NOT)
    };
    Kind kind = Kind::All;
    std::vector<std::string> words;
    int window = 0;
    FilterTarget filter;
    std::vector<QueryNode> children;
    int leaf = -1;  ///< Word/Prefix/Phrase/Near: index among the query's text leaves

    bool is_text() const { return kind == Kind::Word || kind == Kind::Prefix || kind == Kind::Phrase || kind == Kind::Near; }
};

struct ParsedQuery {
    QueryNode root;
    int text_leaves = 0;
    bool has_text = false;          ///< some word or phrase must be present (not only filters or NOT)
    bool has_span_filters = false;  ///< code: or coder: filters, checked against coding ranges per hit
    std::string description;        ///< the query as understood, for display
};

/// Parses a query (NFC text). `stopwords` are dropped from word lists that have other words too.
/// Throws InvalidArgument "syntax error at character N of the query: ..." for anything it cannot read,
/// and for unknown filters, codes, documents, coders and variables.
ParsedQuery parse_query(std::string_view text, const FilterResolver& filters,
                        const std::unordered_set<std::string>& stopwords);

/// The readable form of a query tree: (zusammenarbeit AND "gute zusammenarbeit") ...
std::string describe(const QueryNode& node);

}  // namespace kodex
