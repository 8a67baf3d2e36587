// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>

namespace kodex {

/// A half-open range [start, end) of Unicode code points in a document's stored (NFC, LF) text.
struct TextRange {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t length() const { return end - start; }
    bool empty() const { return end <= start; }
    bool overlaps(const TextRange& o) const { return start < o.end && o.start < end; }
    friend bool operator==(const TextRange& a, const TextRange& b) { return a.start == b.start && a.end == b.end; }
};

}  // namespace kodex
