// SPDX-License-Identifier: GPL-3.0-or-later
// Lanes for overlapping codings in the transcript and the coding stripe, and the code picker's filter.
#include <doctest/doctest.h>

#include "app/gui/dialogs/code_picker_dialog.h"
#include "app/gui/panels/coding_lanes.h"

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

TEST_CASE("code picker: every typed word must occur in the code, in any case and order") {
    using kodex::gui::MatchesFilter;
    const wxString code = wxString::FromUTF8("Krisenmanagement \xE2\x80\xBA Kurzarbeit und F\xC3\xB6rderung");
    CHECK(MatchesFilter(code, ""));
    CHECK(MatchesFilter(code, "kurz"));
    CHECK(MatchesFilter(code, wxString::FromUTF8("  f\xC3\xB6rd  KRISE ")));
    CHECK_FALSE(MatchesFilter(code, "kurz netzwerk"));
}
