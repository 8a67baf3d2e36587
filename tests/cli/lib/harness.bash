# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the end-to-end scripts in tests/cli: sourced with the script's arguments (KODEX-CLI SOURCE-DIR).
# Gives $cli, $src, a scratch folder $work (removed on exit), the checks ok/bad/expect_eq/expect_rc, k (runs
# kodex-cli), refi_schema (the path of an official REFI-QDA schema, or a skip) and finish (prints the
# "N passed, N failed, N skipped" line and sets the exit status: 1 if a check failed, else 77 if one was
# skipped, which CTest reports as skipped, else 0).
set -uo pipefail
cli=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
passes=0
skips=0
ok() { passes=$((passes + 1)); }
skip() { echo "SKIP: $*" >&2; skips=$((skips + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
expect_eq() { if [ "$1" == "$2" ]; then ok; else bad "$3: expected [$2], got [$1]"; fi; }
expect_rc() { # expect_rc CODE command...; leaves stdout in $work/out and stderr in $work/err
  local want=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  if [ "$rc" -eq "$want" ]; then ok; else bad "exit $rc (wanted $want): $* :: $(cat "$work/err")"; fi
}
k() { "$cli" "$@"; }
# refi_schema NAME.xsd: sets $xsd to the schema's path in $KODEX_REFI_SCHEMA_DIR (CMake's option of that name);
# without it (or without xmllint) it counts a skip and fails, so callers write `if refi_schema X; then`.
refi_schema() {
  if [ -z "${KODEX_REFI_SCHEMA_DIR:-}" ]; then
    skip "validation against $1 (configure with -DKODEX_REFI_SCHEMA_DIR=<folder>)"; return 1
  fi
  command -v xmllint >/dev/null || { skip "validation against $1 (xmllint is not installed)"; return 1; }
  xsd="$KODEX_REFI_SCHEMA_DIR/$1"
}
finish() {
  echo "$passes passed, $fails failed, $skips skipped"
  [ "$fails" -eq 0 ] || exit 1
  [ "$skips" -eq 0 ] || exit 77
}
