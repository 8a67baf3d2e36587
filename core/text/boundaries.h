// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Word and sentence boundaries (ICU BreakIterator) on stored text, in code points.
#include <string>
#include <string_view>

#include "core/model/text_range.h"

namespace kodex {

/// Widens a range to whole words: the start moves back to the start of the word it cuts, the end forward
/// to the end of the word it cuts; white space at both edges is dropped. Ranges stay inside the text.
TextRange snap_to_words(std::string_view text, TextRange range);
/// The sentence (ICU rules, German/English) containing code point `pos`, trailing white space excluded.
TextRange sentence_at(std::string_view text, std::int64_t pos);
/// A code name made from selected words: white space collapsed, trimmed, at most 60 code points ("…" when cut).
std::string in_vivo_name(std::string_view selected);

}  // namespace kodex
