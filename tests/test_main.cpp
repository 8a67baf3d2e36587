// SPDX-License-Identifier: GPL-3.0-or-later
// doctest's own main, except that a run whose checks passed but which skipped some (a schema validation
// without KODEX_REFI_SCHEMA_DIR) exits with 77, so CTest reports it as skipped and not as passed.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "tests/support/refi_schema.h"

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int rc = context.run();
    if (context.shouldExit() || rc != 0) return rc;
    return kodex::test::skipped_checks() > 0 ? kodex::test::kSkipExitCode : 0;
}
