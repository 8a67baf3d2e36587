#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the core test cases and the kodex-cli end-to-end scripts under valgrind's memcheck (slow: about
# ten minutes for the doctest cases, twenty for the scripts on two cores). Needs a normal build in build/
# (scripts/test.sh). Any memory error or definite leak fails the run; logs go to build/valgrind/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || apt-get install -y valgrind
out=build/valgrind
rm -rf "$out" && mkdir -p "$out/cli"
flags=(--error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite)
echo "== doctest cases"
valgrind "${flags[@]}" --log-file="$out/kodex_tests.log" build/tests/kodex_tests
# kodex-cli through a wrapper, one log per process.
cat > "$out/kodex-cli" <<WRAP
#!/usr/bin/env bash
exec valgrind -q ${flags[*]} --log-file=$PWD/$out/cli/%p.log $PWD/build/app/kodex-cli "\$@"
WRAP
chmod +x "$out/kodex-cli"
# The kill and power-loss tests kill processes on purpose and the bad-input corpus reads a 200 MB text:
# they run under the sanitizers instead.
for t in cli_walkthrough analysis_cli search_cli qdpx_cli restore_cli; do
  echo "== $t"
  bash "tests/cli/$t.sh" "$PWD/$out/kodex-cli" "$PWD"
done
if grep -lE "ERROR SUMMARY: [1-9]|definitely lost: [1-9]" "$out"/cli/*.log 2>/dev/null; then
  echo "valgrind found errors (logs above)"
  exit 1
fi
echo "valgrind: no errors, no definite leaks"
