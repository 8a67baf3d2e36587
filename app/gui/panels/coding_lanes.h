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

}  // namespace kodex::gui
