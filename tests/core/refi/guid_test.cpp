// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/refi/guid.h"

#include <doctest/doctest.h>

#include <string>
#include <unordered_set>

using namespace kodex;

TEST_CASE("guid: new_guid gives an upper-case RFC 4122 version 4 UUID") {
    for (int i = 0; i < 100; ++i) {
        const std::string g = new_guid();
        CAPTURE(g);
        REQUIRE(is_guid(g));
        CHECK(g[14] == '4');
        CHECK(std::string("89AB").find(g[19]) != std::string::npos);
        for (char c : g) CHECK_FALSE((c >= 'a' && c <= 'f'));
    }
}

TEST_CASE("guid: new_guid does not repeat itself") {
    std::unordered_set<std::string> seen;
    for (int i = 0; i < 10000; ++i) seen.insert(new_guid());
    CHECK(seen.size() == 10000);
}

TEST_CASE("guid: is_guid accepts 8-4-4-4-12 hex digits in either case") {
    CHECK(is_guid("0f8fad5b-d9cb-469f-a165-70867728950e"));
    CHECK(is_guid("0F8FAD5B-D9CB-469F-A165-70867728950E"));
    CHECK(is_guid("0F8fad5b-D9cb-469F-a165-70867728950E"));
    CHECK(is_guid("00000000-0000-0000-0000-000000000000"));  // no version is required by REFI-QDA
}

TEST_CASE("guid: is_guid rejects anything that is not exactly a GUID") {
    CHECK_FALSE(is_guid(""));
    CHECK_FALSE(is_guid("{0f8fad5b-d9cb-469f-a165-70867728950e}"));
    CHECK_FALSE(is_guid(" 0f8fad5b-d9cb-469f-a165-70867728950e"));
    CHECK_FALSE(is_guid("0f8fad5b-d9cb-469f-a165-70867728950e "));
    CHECK_FALSE(is_guid("0f8fad5b-d9cb-469f-a165-70867728950"));
    CHECK_FALSE(is_guid("0f8fad5bd9cb469fa16570867728950e"));
    CHECK_FALSE(is_guid("0f8fad5b-d9cb-469f-a165-70867728950g"));
    CHECK_FALSE(is_guid("0f8fad5bd-9cb-469f-a165-70867728950e"));
    CHECK_FALSE(is_guid("0f8fad5b-d9cb-469f-a165-70867728950e0"));
}
