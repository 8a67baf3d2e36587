// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finds where a parsed query matches inside one speaker turn: the index says which turns match, this
// says which words, by running the query tree over the turn's words (the same tokenizer as the index).
// It also applies the filters that the index can only check per turn: code: and coder: mean "inside a
// coding", so each hit is tested against the coding ranges.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/text_range.h"
#include "core/search/query.h"

namespace kodex {

/// What the highlighter needs to know about a turn besides its text.
struct TurnFacts {
    struct Coding {
        std::int64_t code = 0;
        std::int64_t coder = 0;
        TextRange range;
    };
    std::int64_t text_start = 0;  ///< code point in the document where the turn text starts
    std::vector<Coding> codings;  ///< codings that overlap the turn text
    /// Whether the turn has a document, speaker or variable filter's term.
    std::function<bool(const FilterTarget&)> has_filter;
};

/// One hit in a turn. Ranges are code points in the document; bytes are offsets into the turn text.
struct TurnHit {
    TextRange range;               ///< from the first to the last matched word
    std::vector<TextRange> words;  ///< each matched word (a gender ending like ":innen" included)
    std::size_t begin_byte = 0, end_byte = 0;
};

/// Maps a (case-folded) word to the form the index compares: its stem, or the word itself for exact search.
/// May return a reference into a cache that lives as long as the function object.
using StemFunction = std::function<const std::string&(const std::string&)>;

/// Every hit of `query` in `text` (one turn, as stored, not gender-folded), in text order. Hits that share
/// words are merged. For a query without words to find (only filters, or only NOT), the hits are the
/// turn's coded passages that pass the filters, or the whole turn.
std::vector<TurnHit> find_hits(const ParsedQuery& query, std::string_view text, const TurnFacts& facts,
                               const StemFunction& stem);

/// A keyword-in-context line: up to `context` code points on each side, cut at a word boundary when
/// possible, line breaks and runs of white space shown as one space.
struct Kwic {
    std::string left, match, right;
};
Kwic make_kwic(std::string_view text, std::size_t begin_byte, std::size_t end_byte, int context);

}  // namespace kodex
