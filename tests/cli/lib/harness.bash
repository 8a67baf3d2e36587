# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the end-to-end scripts in tests/cli: sourced with the script's arguments (KODEX-CLI SOURCE-DIR).
# Gives $cli, $src, a scratch folder $work (removed on exit), the checks ok/bad/expect_eq/expect_rc, k (runs
# kodex-cli) and finish (prints the "N passed, N failed" line and sets the exit status).
set -uo pipefail
cli=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
passes=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
expect_eq() { if [ "$1" == "$2" ]; then ok; else bad "$3: expected [$2], got [$1]"; fi; }
expect_rc() { # expect_rc CODE command...; leaves stdout in $work/out and stderr in $work/err
  local want=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  if [ "$rc" -eq "$want" ]; then ok; else bad "exit $rc (wanted $want): $* :: $(cat "$work/err")"; fi
}
k() { "$cli" "$@"; }
finish() {
  echo "$passes passed, $fails failed"
  [ "$fails" -eq 0 ]
}
