// SPDX-License-Identifier: GPL-3.0-or-later
// Lanes for overlapping codings in the transcript and the coding stripe, and the code picker's filter.
#include <doctest/doctest.h>

#include "app/gui/dialogs/code_picker_dialog.h"
#include "app/gui/panels/coding_lanes.h"

#include <algorithm>
#include <cstdint>

using kodex::TextRange;
using kodex::gui::AssignLanes;

TEST_CASE("lanes: codings that do not overlap share the first lane") {
    const auto layout = AssignLanes({{0, 5}, {5, 9}, {20, 30}});
    CHECK(layout.lanes == 1);
    CHECK(layout.lane == std::vector<int>{0, 0, 0});
}

TEST_CASE("lanes: overlapping codings get different lanes, the longer one first") {
    // Input order is not start order; the result follows the input order.
    const auto layout = AssignLanes({{10, 14}, {0, 40}, {12, 20}, {30, 35}});
    CHECK(layout.lanes == 3);
    CHECK(layout.lane == std::vector<int>{1, 0, 2, 1});
}

TEST_CASE("lanes: a lane frees up where its coding ends") {
    const auto layout = AssignLanes({{0, 10}, {2, 4}, {5, 8}});
    CHECK(layout.lanes == 2);
    CHECK(layout.lane == std::vector<int>{0, 1, 1});
}

TEST_CASE("lanes: nothing to lay out") {
    const auto layout = AssignLanes({});
    CHECK(layout.lanes == 0);
    CHECK(layout.lane.empty());
}

TEST_CASE("overlap redraw: a change redraws the whole run of overlapping ranges it touches, and no other") {
    using kodex::gui::RedrawOverlapRuns;
    const std::vector<TextRange> ranges{{0, 10}, {5, 15}, {20, 30}, {40, 50}, {45, 48}};
    auto r = RedrawOverlapRuns(ranges, {{7, 8}});
    CHECK(r.clear == std::vector<TextRange>{{0, 15}});
    CHECK(r.fill == std::vector<std::size_t>{0, 1});
    // A removed range between runs is cleared alone.
    r = RedrawOverlapRuns(ranges, {{16, 18}});
    CHECK(r.clear == std::vector<TextRange>{{16, 18}});
    CHECK(r.fill.empty());
    // A change reaching two runs joins them into one cleared span.
    r = RedrawOverlapRuns(ranges, {{29, 41}});
    CHECK(r.clear == std::vector<TextRange>{{20, 50}});
    CHECK(r.fill == std::vector<std::size_t>{2, 3, 4});
    // Touching is not overlapping: [10, 20) touches both neighbours but overlaps neither.
    r = RedrawOverlapRuns({{0, 10}, {20, 30}}, {{10, 20}});
    CHECK(r.clear == std::vector<TextRange>{{10, 20}});
    CHECK(r.fill.empty());
    CHECK(RedrawOverlapRuns(ranges, {}).clear.empty());
}

TEST_CASE("overlap redraw: a partial redraw leaves the indicator exactly as filling everything again") {
    // The indicator as the control keeps it: one value per position, the last fill wins.
    constexpr int kLength = 200;
    struct Range {
        TextRange at;
        int value;
    };
    auto sorted = [](std::vector<Range> v) {
        std::stable_sort(v.begin(), v.end(), [](const Range& a, const Range& b) { return a.at.start < b.at.start; });
        return v;
    };
    auto fill_all = [](const std::vector<Range>& v) {
        std::vector<int> cells(kLength, 0);
        for (const Range& r : v) std::fill(cells.begin() + r.at.start, cells.begin() + r.at.end, r.value);
        return cells;
    };
    std::uint32_t seed = 2026;
    auto next = [&](int below) {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<int>((seed >> 8) % static_cast<std::uint32_t>(below));
    };
    auto random_range = [&] {
        const int start = next(kLength - 1);
        return Range{{start, start + 1 + next(std::min(40, kLength - start))}, 1 + next(9)};
    };
    for (int round = 0; round < 500; ++round) {
        std::vector<Range> before;
        for (int i = next(30); i > 0; --i) before.push_back(random_range());
        before = sorted(before);
        std::vector<int> cells = fill_all(before);
        // Remove some, restyle some, add some; remember every place that changed.
        std::vector<Range> after;
        std::vector<TextRange> changed;
        for (const Range& r : before) {
            const int what = next(6);
            if (what == 0) {
                changed.push_back(r.at);
            } else if (what == 1) {
                after.push_back({r.at, r.value % 9 + 1});
                changed.push_back(r.at);
            } else {
                after.push_back(r);
            }
        }
        for (int i = next(4); i > 0; --i) {
            after.push_back(random_range());
            changed.push_back(after.back().at);
        }
        after = sorted(after);
        std::vector<TextRange> ranges;
        for (const Range& r : after) ranges.push_back(r.at);
        const auto redraw = kodex::gui::RedrawOverlapRuns(ranges, changed);
        for (const TextRange& c : redraw.clear) std::fill(cells.begin() + c.start, cells.begin() + c.end, 0);
        for (std::size_t i : redraw.fill)
            std::fill(cells.begin() + after[i].at.start, cells.begin() + after[i].at.end, after[i].value);
        REQUIRE(cells == fill_all(after));
        CHECK(redraw.fill.size() <= after.size());
    }
}

TEST_CASE("code picker: every typed word must occur in the code, in any case and order") {
    using kodex::gui::MatchesFilter;
    const wxString code = wxString::FromUTF8("Krisenmanagement \xE2\x80\xBA Kurzarbeit und F\xC3\xB6rderung");
    CHECK(MatchesFilter(code, ""));
    CHECK(MatchesFilter(code, "kurz"));
    CHECK(MatchesFilter(code, wxString::FromUTF8("  f\xC3\xB6rd  KRISE ")));
    CHECK_FALSE(MatchesFilter(code, "kurz netzwerk"));
}
