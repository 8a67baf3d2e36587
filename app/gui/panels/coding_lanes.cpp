// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/coding_lanes.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace kodex::gui {

LaneLayout AssignLanes(const std::vector<TextRange>& ranges) {
    std::vector<std::size_t> order(ranges.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const TextRange& x = ranges[a];
        const TextRange& y = ranges[b];
        return x.start != y.start ? x.start < y.start : x.end > y.end;
    });
    LaneLayout layout;
    layout.lane.assign(ranges.size(), 0);
    std::vector<std::int64_t> lane_end;  // where the last range in each lane ends
    for (std::size_t i : order) {
        auto free = std::find_if(lane_end.begin(), lane_end.end(), [&](std::int64_t end) { return end <= ranges[i].start; });
        if (free == lane_end.end()) free = lane_end.insert(lane_end.end(), 0);
        *free = ranges[i].end;
        layout.lane[i] = static_cast<int>(free - lane_end.begin());
    }
    layout.lanes = static_cast<int>(lane_end.size());
    return layout;
}

}  // namespace kodex::gui
