#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs every test with CTest.
#   scripts/test.sh              normal build in build/
#   scripts/test.sh --sanitize   AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/ (no editor)
# With KODEX_REFI_SCHEMA_DIR set to the folder of the official REFI-QDA schemas, the tests validate every
# export against them; without it those validations are reported as skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dir=build
args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DKODEX_REFI_SCHEMA_DIR=${KODEX_REFI_SCHEMA_DIR:-}")
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  args=(-DCMAKE_BUILD_TYPE=Debug -DKODEX_SANITIZE=ON -DKODEX_BUILD_GUI=OFF "-DKODEX_REFI_SCHEMA_DIR=${KODEX_REFI_SCHEMA_DIR:-}")
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S . -B "$dir" -G Ninja "${args[@]}" >/dev/null
cmake --build "$dir" -j "$(nproc)"
cd "$dir"
ctest --output-on-failure -j "$(nproc)"
