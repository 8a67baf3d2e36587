// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper: holds a project's lock, as a second Kodex would, until its standard input closes.
//   kodex_lock_holder PROJECT.kodex
#include <cstdio>

#include "core/store/project_lock.h"

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const auto lock = kodex::ProjectLock::try_acquire(argv[1]);
    if (!lock) return 1;
    while (std::getchar() != EOF) {
    }
    return 0;
}
