// SPDX-License-Identifier: GPL-3.0-or-later
// The search query language (parse_query), as the search index calls it: NFC text, German stop words, and
// a resolver that knows the filters of a small project (doc:, code:, speaker:, coder:, sector:).
#include "tests/fuzz/fuzz_util.h"

#include "core/search/query.h"
#include "core/search/stopwords.h"
#include "tests/support/query_filters.h"

using namespace kodex;

namespace {

using Filters = kodex::test::SmallProjectFilters;

// Every text leaf has its own index, 0 .. text_leaves-1, in tree order; operators have children.
void check_node(const QueryNode& n, int& next_leaf) {
    using K = QueryNode::Kind;
    if (n.is_text()) {
        FUZZ_CHECK(n.leaf == next_leaf, "text leaves are not numbered in order");
        ++next_leaf;
        FUZZ_CHECK(!n.words.empty(), "a text leaf without words");
        for (const std::string& w : n.words) FUZZ_CHECK(is_valid_utf8(w), "a query word is not valid UTF-8");
        if (n.kind == K::Phrase || n.kind == K::Near)
            FUZZ_CHECK(n.window >= static_cast<int>(n.words.size()), "a window smaller than its phrase");
    }
    if (n.kind == K::And || n.kind == K::Or || n.kind == K::Xor) FUZZ_CHECK(n.children.size() >= 2, "an operator with one operand");
    if (n.kind == K::AndNot) FUZZ_CHECK(n.children.size() == 2, "NOT without two operands");
    for (const QueryNode& c : n.children) check_node(c, next_leaf);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = fuzz::as_string(data, size);
    if (!is_valid_utf8(bytes)) return 0;  // the search box and the command line deliver UTF-8
    static const Filters filters;
    fuzz::expect_errors([&] {
        const ParsedQuery q = parse_query(normalize_text(bytes), filters, stopwords(SearchLanguage::German));
        int leaves = 0;
        check_node(q.root, leaves);
        FUZZ_CHECK(leaves == q.text_leaves, "text_leaves does not match the tree");
        FUZZ_CHECK(is_valid_utf8(q.description) && q.description == describe(q.root), "description is off");
    });
    return 0;
}
