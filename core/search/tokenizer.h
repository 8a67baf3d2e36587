// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How search splits text into words. The index, the query parser and the highlighter all use this one
// tokenizer, so a word found in the index is always found again when a hit is highlighted. The rules
// follow Xapian's TermGenerator (docs/search.md lists them); case folding is ICU's.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kodex {

/// One word of a text.
struct WordToken {
    std::uint32_t begin = 0;  ///< byte offset of the word's first character
    std::uint32_t end = 0;    ///< byte offset after its last character
    std::string term;         ///< the word, case-folded (simple folding: "Straße" -> "straße")
    /// For a Binnen-I form ("MitarbeiterInnen", "KollegIn"): the folded word without its "in"/"innen"
    /// ending ("mitarbeiter"), indexed at the same position so the plain word finds it. Empty otherwise.
    std::string stem_part;
};

/// Longest word (in bytes, folded) that is indexed; longer ones are skipped without taking a position.
constexpr std::size_t kMaxWordBytes = 64;

/// Rewrites German gender markers so every written variant tokenizes the same way: '*', '_', ':', '/',
/// U+00B7 and "/-" between a letter and "in"/"innen" (followed by a non-word character) become ':'
/// ("Mitarbeiter*innen" -> "Mitarbeiter:innen"). Every marker byte becomes one ':', so the result has the
/// same length and byte offsets into it are valid in the input.
std::string fold_gender(std::string_view text);

/// Splits UTF-8 text into words. Word characters are letters, marks, numbers and connector punctuation
/// ('_'); "'", '&', U+00B7 and U+2019 join two words into one, ZWSP/ZWJ/soft hyphen join silently,
/// ',' '.' ';' join digits ("3,5"); ASCII acronyms ("U.S.A.") become one word; up to three trailing
/// '+'/'#' stay with the word ("C++"). Invalid UTF-8 bytes separate words.
std::vector<WordToken> tokenize(std::string_view text);

/// ICU full case folding ("STRASSE" and "Straße" both become "strasse"): for comparing names and
/// filter values without regard to case.
std::string fold_case(std::string_view text);

/// True when `c` (a code point) is a word character for tokenize().
bool is_word_char(char32_t c);

}  // namespace kodex
