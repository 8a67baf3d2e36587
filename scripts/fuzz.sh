#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (tests/fuzz) with clang-14 in build-fuzz/ and runs each for a while.
#   scripts/fuzz.sh [--seconds N] [--jobs N] [target...]
# Targets are named without the fuzz_ prefix (plain_text, docx, odt, pdf, webvtt, srt, qdc, qdpx, query, csv, xlsx);
# none means all. Each runs N seconds (default 30) over build-fuzz/corpus/<target>, a copy of the seeds in
# tests/fuzz/corpus/<target> that keeps what earlier runs found. Logs go to build-fuzz/logs/<target>.log,
# crashing inputs to build-fuzz/findings/<target>/. Exits 1 when any target found something.
# Reproduce a finding: build-fuzz/tests/fuzz/fuzz_<target> FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
jobs=$(nproc)
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) targets+=("${1#fuzz_}"); shift ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.cpp; do t=$(basename "$f" .cpp); targets+=("${t#fuzz_}"); done
fi

# Longest input per target: about twice the largest seed, small enough to stay fast.
max_len() {
  case "$1" in
    query) echo 1024 ;;
    csv|srt|webvtt) echo 8192 ;;
    plain_text|qdc|qdpx|xlsx) echo 16384 ;;
    docx|odt|pdf) echo 32768 ;;
    *) echo 8192 ;;
  esac
}

scripts/setup.sh
dir=build-fuzz
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKODEX_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$dir" -j "$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}")

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$dir/logs"
failed=0
summary=()
for t in "${targets[@]}"; do
  bin="$dir/tests/fuzz/fuzz_$t"
  corpus="$dir/corpus/$t"
  findings="$dir/findings/$t"
  log="$dir/logs/$t.log"
  mkdir -p "$corpus" "$findings"
  cp -n tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  dict=()
  [ -f "tests/fuzz/dict/$t.dict" ] && dict=("-dict=tests/fuzz/dict/$t.dict")
  before=$(find "$findings" -type f | wc -l)
  echo "fuzzing $t for ${seconds}s (log: $log)"
  status=0
  "$bin" "$corpus" "${dict[@]}" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1 || status=$?
  after=$(find "$findings" -type f | wc -l)
  stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
  execs=$(stat number_of_executed_units)
  rate=$(stat average_exec_per_sec)
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  corp=$(grep -Eo 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | sed 's/corp: //' || true)
  found=$((after - before))
  if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    failed=1
    result="FINDING (exit $status): $(ls -t "$findings" | head -n "$found" | sed "s|^|$findings/|" | tr '\n' ' ')"
  else
    result="no findings"
  fi
  summary+=("$(printf '%-11s %10s execs %7s exec/s  %-20s corpus %-12s %s' "$t" "${execs:-?}" "${rate:-?}" "${cov:-cov: ?}" "${corp:-?}" "$result")")
done

echo
printf '%s\n' "${summary[@]}"
exit $failed
