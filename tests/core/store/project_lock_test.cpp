// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

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

TEST_CASE("lock: a holder that was killed is noticed by the next one; a clean release is not") {
    test::TempDir dir;
    const auto path = dir.file("study.kodex");
    {
        auto clean = ProjectLock::try_acquire(path);
        REQUIRE(clean);
        CHECK(clean->unclean_exit_of().empty());
    }
    auto after_clean = ProjectLock::try_acquire(path);
    REQUIRE(after_clean);
    CHECK(after_clean->unclean_exit_of().empty());
    after_clean.reset();

    // A process killed while holding the lock: the system drops the lock, the holder's text stays.
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto held = ProjectLock::try_acquire(path);
        if (held) raise(SIGKILL);
        _exit(1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    auto next = ProjectLock::try_acquire(path);
    REQUIRE(next);
    CHECK(next->unclean_exit_of().find("process " + std::to_string(child)) != std::string::npos);
    next.reset();
    auto then = ProjectLock::try_acquire(path);
    REQUIRE(then);
    CHECK(then->unclean_exit_of().empty());
}
