#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Power loss (docs/reliability.md): what a user gets from a project file copied while Kodex writes to it, the
# way a file manager, a sync tool or a dying disk would leave it:
#   db-only   the .kodex file copied at a random moment during edits, without its -wal file
#   torn-wal  the .kodex file and its -wal copied together, the log cut at a random byte
#   torn-db   a checkpoint torn half-way: the file of one state with random pages of a later state
# Every copy must open with a state the project really had, or be refused with a clear message (exit 2,
# naming the file); never a crash. A torn checkpoint (torn-db, or a copy during which a checkpoint wrote the
# file) may also open and be reported by `kodex-cli check`, or pass every check with a mix of two states.
# Usage: reliability_power_loss.sh KODEX-CLI SOURCE-DIR [COPIES PER KIND (default 12)] [SEED]
source "$(dirname "$0")/lib/harness.bash" "$@"
copies=${3:-12}
seed=${4:-$(( $(date +%s) % 32768 ))}
RANDOM=$seed
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (scripts/debian-packages.txt)" >&2; exit 1; }
started=$(date +%s)

P=$work/p/study.kodex
mkdir -p "$work/p" "$work/states" "$work/copies" "$work/in"
mkfifo "$work/nap"
exec {nap}<>"$work/nap"
k sample "$P" --from "$src" >/dev/null || { echo "cannot build the sample study" >&2; exit 1; }
k codes add "$P" Strom >/dev/null

state() {
  sqlite3 -batch "$1" "
    SELECT 'doc', id, name, content_hash, length FROM documents ORDER BY id;
    SELECT 'turn', id, document_id, seq, start, end FROM turns ORDER BY id;
    SELECT 'code', id, parent_id, position, name, color FROM codes ORDER BY id;
    SELECT 'coding', id, document_id, code_id, coder_id, start, end FROM codings ORDER BY id;
    SELECT 'memo', id, target_key, text FROM memos ORDER BY id;
    SELECT 'value', document_id, variable_id, value FROM document_variables ORDER BY document_id, variable_id;
    SELECT 'undo', seq, label, undone FROM undo_log ORDER BY seq;" 2>&1 | sha256sum | cut -c1-16
}
state "$P" >"$work/states/0"

texts=()
for f in "$src"/transcripts/*.txt; do iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 && texts+=("$f"); done
# The writer: edits of every size, one after the other, noting each state the project passes through.
writer() {
  local i=0 doc len s
  while [ ! -e "$work/stop" ]; do
    i=$((i + 1))
    IFS='|' read -r doc len < <(sqlite3 -batch "$P" "SELECT name, length FROM documents ORDER BY random() LIMIT 1" 2>/dev/null)
    [ -n "${len:-}" ] || continue
    s=$(( (RANDOM * 32768 + RANDOM) % len ))
    case $((i % 5)) in
      0) { echo "Strom $i"; echo; cat "${texts[@]}"; } >"$work/in/S$i.txt"; "$cli" import "$P" "$work/in/S$i.txt" ;;
      1) "$cli" memo set "$P" --doc "$doc" "Notiz $i" ;;
      4) "$cli" undo "$P" ;;
      *) "$cli" code "$P" --doc "$doc" --code Strom --range "$s:$(( s + 1 + RANDOM % 100 > len ? len : s + 1 + RANDOM % 100 ))" ;;
    esac >/dev/null 2>&1
    state "$P" >"$work/states/$i"
    [ "$i" = 1 ] && cp "$P" "$work/states/file-first"
  done
}
writer &
wpid=$!
# A reader that keeps an old snapshot open for a while, as a second program looking at the project does:
# the log cannot be folded in behind it, so it grows and copies catch it full of frames.
mkfifo "$work/reader"
sqlite3 -batch "$P" <"$work/reader" >/dev/null 2>&1 &
rpid=$!
exec {rd}>"$work/reader"

# db-only and torn-wal copies, taken while the writer runs.
with_log=0
for i in $(seq 1 "$copies"); do
  read -r -t "0.$((RANDOM % 3))$((RANDOM % 10))$((RANDOM % 10))" -u "$nap" _ || true
  # The reader lets go and takes a new snapshot now and then (every third copy lets the log be folded in).
  case $((i % 3)) in
    0) echo "COMMIT;" >&"$rd" ;;
    1) echo "BEGIN; SELECT count(*) FROM codings;" >&"$rd" ;;
  esac
  c=$work/copies/db-only-$i.kodex
  # A copy during which the file itself changed (a checkpoint writing into it) is a torn checkpoint too.
  m1=$(stat -c '%s %y' "$P" 2>/dev/null)
  cp "$P" "$c" 2>/dev/null
  [ "$m1" = "$(stat -c '%s %y' "$P" 2>/dev/null)" ] || touch "$c.torn"
  m1=$(stat -c '%s %y' "$P" 2>/dev/null)
  t=$work/copies/torn-wal-$i.kodex
  cp "$P" "$t" 2>/dev/null
  if [ -s "$P-wal" ]; then
    cp "$P-wal" "$t-wal.full" 2>/dev/null
    size=$(stat -c %s "$t-wal.full" 2>/dev/null || echo 0)
    [ "$size" -gt 0 ] && head -c $(( (RANDOM * 32768 + RANDOM) % size )) "$t-wal.full" >"$t-wal" && with_log=$((with_log + 1))
    rm -f "$t-wal.full"
  fi
  [ "$m1" = "$(stat -c '%s %y' "$P" 2>/dev/null)" ] || touch "$t.torn"
done
touch "$work/stop"; wait "$wpid"
echo "COMMIT;" >&"$rd"; exec {rd}>&-; wait "$rpid"
cat "$work"/states/[0-9]* | sort -u >"$work/known"

# torn-db: an older state of the file with random pages of the newest one, as a crash in mid-checkpoint
# leaves the file when its log is lost.
sqlite3 "$P" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
newest=$work/newest.kodex
cp "$P" "$newest"
files=()
for c in "$work"/copies/db-only-*.kodex; do cmp -s "$c" "$newest" || files+=("$c"); done
[ "${#files[@]}" -gt 0 ] || files=("$work/states/file-first")
for i in $(seq 1 "$copies"); do
  old=${files[$((RANDOM % ${#files[@]}))]}
  c=$work/copies/torn-db-$i.kodex
  cp "$old" "$c"
  mapfile -t differ < <(cmp -l "$old" "$newest" 2>/dev/null | awk '{ print int(($1 - 1) / 4096) }' | uniq)
  [ "${#differ[@]}" -gt 0 ] || differ=(0)
  for _ in $(seq 1 $((1 + RANDOM % 8))); do
    pg=${differ[$((RANDOM % ${#differ[@]}))]}
    dd if="$newest" of="$c" bs=4096 skip="$pg" seek="$pg" count=1 conv=notrunc status=none
  done
done

declare -A opened=() older=() refused=() reported=() clean=() mixed=() caught=()
for c in "$work"/copies/*.kodex; do
  kind=$(basename "$c" | sed 's/-[0-9]*\.kodex$//')
  torn=0
  [ "$kind" = torn-db ] || [ -e "$c.torn" ] && torn=1
  [ -e "$c.torn" ] && caught[$kind]=$(( ${caught[$kind]:-0} + 1 ))
  "$cli" docs "$c" >/dev/null 2>"$work/err"; rc=$?
  if [ "$rc" -gt 5 ]; then bad "$(basename "$c"): exit $rc when opening: $(cat "$work/err")"; continue; fi
  if [ "$rc" -eq 0 ]; then
    opened[$kind]=$(( ${opened[$kind]:-0} + 1 ))
    "$cli" check "$c" >"$work/check" 2>&1; crc=$?
    if [ "$crc" -eq 0 ]; then
      clean[$kind]=$(( ${clean[$kind]:-0} + 1 ))
      # A copy that opens and checks clean must hold a state the project really had. A torn checkpoint is the
      # exception: pages of two states can fit together so that no check can tell (counted, not failed).
      if grep -qx "$(state "$c")" "$work/known"; then older[$kind]=$(( ${older[$kind]:-0} + 1 )); ok
      elif [ "$torn" = 1 ]; then mixed[$kind]=$(( ${mixed[$kind]:-0} + 1 )); ok
      else bad "$(basename "$c") opens and checks clean but holds a state the project never had"; fi
    elif [ "$crc" -eq 2 ] && [ -s "$work/check" ] && [ "$torn" = 1 ]; then
      # Only a torn checkpoint may open and then be reported by check (Kodex's own checks, beyond SQLite's).
      reported[$kind]=$(( ${reported[$kind]:-0} + 1 )); ok
    else
      bad "$(basename "$c"): check exit $crc: $(cat "$work/check")"
    fi
  elif [ "$rc" -eq 2 ] && grep -q "$(basename "$c")" "$work/err" && grep -Eq "damaged|not a Kodex project" "$work/err"; then
    refused[$kind]=$(( ${refused[$kind]:-0} + 1 )); ok
  else
    bad "$(basename "$c"): exit $rc, unclear message: $(cat "$work/err")"
  fi
done

echo "power loss (seed $seed): $(ls "$work"/states/[0-9]* | wc -l) states written, $copies copies per kind" \
  "($with_log torn-wal copies caught a log with frames); $(( $(date +%s) - started ))s"
for kind in db-only torn-wal torn-db; do
  echo "  $kind: ${opened[$kind]:-0} opened (${older[$kind]:-0} with an earlier state of the project," \
    "${mixed[$kind]:-0} passing every check with a mix of two states, ${reported[$kind]:-0} with problems that check" \
    "reports), ${refused[$kind]:-0} refused as damaged; ${caught[$kind]:-0} copied while a checkpoint wrote the file"
done
finish
