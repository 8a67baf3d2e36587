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

OverlapRedraw RedrawOverlapRuns(const std::vector<TextRange>& ranges, std::vector<TextRange> changed) {
    OverlapRedraw redraw;
    if (changed.empty()) return redraw;
    std::sort(changed.begin(), changed.end(),
              [](const TextRange& a, const TextRange& b) { return a.start < b.start; });
    std::vector<TextRange> spans;
    // The first changed range that may still reach the current run: runs come in order of their starts.
    std::size_t next_change = 0;
    for (std::size_t first = 0; first < ranges.size();) {
        TextRange run = ranges[first];
        std::size_t last = first + 1;
        while (last < ranges.size() && ranges[last].start < run.end) run.end = std::max(run.end, ranges[last++].end);
        while (next_change < changed.size() && changed[next_change].end <= run.start) ++next_change;
        bool touched = false;
        for (std::size_t c = next_change; c < changed.size() && changed[c].start < run.end && !touched; ++c)
            touched = changed[c].end > run.start;
        if (touched) {
            spans.push_back(run);
            for (std::size_t i = first; i < last; ++i) redraw.fill.push_back(i);
        }
        first = last;
    }
    spans.insert(spans.end(), changed.begin(), changed.end());
    std::sort(spans.begin(), spans.end(), [](const TextRange& a, const TextRange& b) { return a.start < b.start; });
    for (const TextRange& span : spans) {
        if (span.end <= span.start) continue;
        if (!redraw.clear.empty() && span.start <= redraw.clear.back().end)
            redraw.clear.back().end = std::max(redraw.clear.back().end, span.end);
        else
            redraw.clear.push_back(span);
    }
    return redraw;
}

}  // namespace kodex::gui
