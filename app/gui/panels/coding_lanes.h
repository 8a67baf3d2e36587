// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Overlapping codings are drawn side by side: each gets a lane, and codings in one lane never overlap.
// The same lanes decide the indicator style in the text and the column in the coding stripe.
#include <vector>

#include "core/model/text_range.h"

namespace kodex::gui {

struct LaneLayout {
    std::vector<int> lane;  ///< lane of each input range, same order as the input
    int lanes = 0;          ///< number of lanes used
};

/// Assigns lanes greedily: longer ranges first among equal starts, each to the lowest free lane.
LaneLayout AssignLanes(const std::vector<TextRange>& ranges);

/// What to clear and fill again in an indicator that several overlapping codings share (the text control
/// keeps one value per position, so where they overlap the one filled last shows).
struct OverlapRedraw {
    std::vector<TextRange> clear;   ///< sorted, neither overlapping nor touching
    std::vector<std::size_t> fill;  ///< indices into the ranges, in their order
};

/// After the ranges in `changed` were removed, added or restyled, gives the smallest redraw that leaves the
/// indicator as filling all of `ranges` (sorted by start) in order would: each run of ranges that overlap one
/// another and touch a change is cleared and filled again as a whole, and so is every changed place.
/// Clearing where a view starts above the screen makes the control repaint all of it, and refilling every
/// shared coding in a long transcript cost more than the change itself.
OverlapRedraw RedrawOverlapRuns(const std::vector<TextRange>& ranges, std::vector<TextRange> changed);

}  // namespace kodex::gui
