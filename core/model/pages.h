// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pages of a document from a paged source (PDF): `starts[i]` is the code point where page i + 1 starts in the
// stored text, ascending. A page without text starts where the next page's text starts. Documents from
// other sources have no pages (an empty list).
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/text_range.h"

namespace kodex {

/// 1-based page that holds code point `pos`, or 0 when `starts` is empty.
int page_of_position(const std::vector<std::int64_t>& starts, std::int64_t pos);

/// How a quote of `range` cites its page: "p. 4", "pp. 4–5" across a page break; empty without pages.
std::string page_citation(const std::vector<std::int64_t>& starts, TextRange range);
/// The same with other abbreviations for one page and several ("S. 4", "S. 4–5").
std::string page_citation(const std::vector<std::int64_t>& starts, TextRange range, const std::string& page,
                          const std::string& pages);

}  // namespace kodex
