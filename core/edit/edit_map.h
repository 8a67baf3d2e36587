// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// EditMap, the offset map of a text edit (not the normalisation map of core/text/unicode.h): how positions of
// a text move when spans of it are replaced. Pure (no database, no wx), so the text edit, the teamwork merge
// and pseudonymisation share one set of rules (docs/design.md, "Editing text"):
//
// For a replacement of the old span [s, e) by L code points (shift D from the replacements before it):
// - a position before the span stays (p + D); a position at or after its end shifts (p + D + L - (e - s));
// - a range's start inside the span moves to the replacement's start, its end inside the span to the
//   replacement's end: a coding that starts or ends inside the span grows to cover the replacement, never
//   splits it and never becomes empty;
// - a range ending exactly at s stays before the replacement; one starting exactly at e shifts after it (for
//   an insertion, s == e, neither takes the inserted text in; a range around the point does);
// - a range lying entirely inside [s, e) is "swallowed": none of its characters survive. It maps to the
//   replacement (empty when L == 0); callers decide whether to drop it or keep it as the replacement.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/text_range.h"

namespace kodex {

/// The old span [start, end) becomes `length` code points.
struct Replacement {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t length = 0;
    std::int64_t delta() const { return length - (end - start); }
    friend bool operator==(const Replacement& a, const Replacement& b) {
        return a.start == b.start && a.end == b.end && a.length == b.length;
    }
};

/// A replacement with its new text (UTF-8).
struct TextReplacement {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string text;
};

/// What mapping did to a range.
enum class RangeFate {
    Unchanged,  ///< same positions
    Moved,      ///< shifted; it covers the same characters
    Grown,      ///< it overlapped a replaced span: its ends inside the span moved to the replacement's ends
    Swallowed,  ///< it lay entirely inside a replaced span; `range` is the replacement (empty for a deletion)
};

struct MappedRange {
    TextRange range;
    RangeFate fate = RangeFate::Unchanged;
};

class EditMap {
public:
    /// The identity.
    EditMap() = default;
    /// Sorts the replacements and joins those that touch (one's end is the next one's start) into one; throws
    /// InvalidArgument when two overlap or one is reversed or negative.
    explicit EditMap(std::vector<Replacement> replacements);

    const std::vector<Replacement>& replacements() const { return reps_; }
    bool identity() const { return reps_.empty(); }

    /// New position of a range start (also of a point such as a page start or a caret).
    std::int64_t map_start(std::int64_t p) const;
    /// New position of a range end.
    std::int64_t map_end(std::int64_t p) const;
    /// A range under the rules above.
    MappedRange map_range(TextRange r) const;
    /// Length of the new text for an old text of `old_length` code points.
    std::int64_t new_length(std::int64_t old_length) const;

private:
    std::vector<Replacement> reps_;
    std::vector<std::int64_t> shift_before_;  // sum of the deltas of reps_[0..i)
};

/// The replacements (code points) that turn `old_text` into `new_text`: common prefix and suffix trimmed,
/// the middle aligned by Myers' O(ND) diff on code points (one replacement of the whole middle when the two
/// differ in more than `max_edits` code points). Applying them to `old_text` gives `new_text`. Both UTF-8.
std::vector<TextReplacement> diff_texts(std::string_view old_text, std::string_view new_text, std::int64_t max_edits = 4000);

/// Applies sorted, non-overlapping replacements to a UTF-8 text. Throws InvalidArgument for a span outside it.
std::string apply_replacements(std::string_view text, const std::vector<TextReplacement>& replacements);

/// The lengths of text replacements, for an EditMap.
std::vector<Replacement> replacement_lengths(const std::vector<TextReplacement>& replacements);

}  // namespace kodex
