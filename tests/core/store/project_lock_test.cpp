// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "core/store/project_lock.h"
#include "tests/core/test_util.h"

using namespace kodex;

TEST_CASE("lock: a second holder is refused and told who has the project") {
    test::TempDir dir;
    const auto path = dir.file("study.kodex");
    std::string holder;
    auto first = ProjectLock::try_acquire(path, &holder);
    REQUIRE(first);
    auto second = ProjectLock::try_acquire(path, &holder);
    CHECK_FALSE(second);
    CHECK(holder.find("process") != std::string::npos);
    first.reset();
    auto third = ProjectLock::try_acquire(path, &holder);
    CHECK(third);
}
