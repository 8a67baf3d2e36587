// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/pages.h"

#include <algorithm>

namespace kodex {

int page_of_position(const std::vector<std::int64_t>& starts, std::int64_t pos) {
    if (starts.empty()) return 0;
    // The last page starting at or before pos: of pages sharing a start, the empty ones come first.
    const auto after = std::upper_bound(starts.begin(), starts.end(), pos);
    return after == starts.begin() ? 1 : static_cast<int>(after - starts.begin());
}

std::string page_citation(const std::vector<std::int64_t>& starts, TextRange range) {
    return page_citation(starts, range, "p.", "pp.");
}

std::string page_citation(const std::vector<std::int64_t>& starts, TextRange range, const std::string& page,
                          const std::string& pages) {
    if (starts.empty()) return {};
    const int first = page_of_position(starts, range.start);
    const int last = range.end > range.start ? page_of_position(starts, range.end - 1) : first;
    if (last <= first) return page + " " + std::to_string(first);
    return pages + " " + std::to_string(first) + "\u2013" + std::to_string(last);
}

}  // namespace kodex
