#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Kill test (docs/reliability.md): a long run of edits through kodex-cli on a copy of the sample study, with
# SIGKILL at random moments. The same edits also run, never killed, on a reference project. After every kill
# the project must open, pass SQLite's integrity check and `kodex-cli check`, and hold exactly the reference's
# state (every confirmed edit present) or the reference's state plus the killed edit (it landed whole).
# Usage: reliability_kill.sh KODEX-CLI SOURCE-DIR [KILLS (default 25; 10 in a sanitizer build)] [SEED]
# CTest runs the short default; the full run is e.g. `reliability_kill.sh build/app/kodex-cli . 250`.
source "$(dirname "$0")/lib/harness.bash" "$@"
# 25 kills by default, 10 in a sanitizer build (every kodex-cli run is several times slower there).
case "$(ldd "$cli" 2>/dev/null)" in *libasan*) kills_default=10 ;; *) kills_default=25 ;; esac
kills_wanted=${3:-$kills_default}
seed=${4:-$(( $(date +%s) % 32768 ))}
RANDOM=$seed
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (scripts/debian-packages.txt)" >&2; exit 1; }
started=$(date +%s)

P=$work/p/study.kodex   # the project that gets killed
R=$work/r/study.kodex   # the reference: the same edits, never killed
X=$work/x/study.kodex   # the reference plus the killed edit
mkdir -p "$work/p" "$work/r" "$work/x" "$work/in"
mkfifo "$work/nap"
exec {nap}<>"$work/nap"
naptime() { read -r -t "$1" -u "$nap" _ || true; }  # a sleep without a process, for sub-millisecond waits

k sample "$R" --from "$src" >/dev/null || { echo "cannot build the sample study" >&2; exit 1; }
"$cli" codes add "$R" Kill >/dev/null && "$cli" codes add "$R" Kill2 >/dev/null
for i in 1 2 3 4; do "$cli" codes add "$R" "Kill/K0$i" >/dev/null; done

# Everything an edit can change, without what differs by chance (GUIDs, times, the undo changesets' bytes).
state() {
  sqlite3 -batch "$1" "
    SELECT 'coder', id, name FROM coders ORDER BY id;
    SELECT 'doc', id, name, source_file, format, encoding, content_hash, length, position FROM documents ORDER BY id;
    SELECT 'turn', id, document_id, seq, speaker, start, body_start, end, timestamp_ms FROM turns ORDER BY id;
    SELECT 'code', id, parent_id, position, name, color, definition, anchor_example, coding_rule, codable FROM codes ORDER BY id;
    SELECT 'coding', id, document_id, code_id, coder_id, start, end FROM codings ORDER BY id;
    SELECT 'memo', id, target_key, document_id, code_id, coding_id, text FROM memos ORDER BY id;
    SELECT 'var', id, name, type FROM variables ORDER BY id;
    SELECT 'value', document_id, variable_id, value FROM document_variables ORDER BY document_id, variable_id;
    SELECT 'undo', seq, label, undone, added_documents FROM undo_log ORDER BY seq;"
}
q() { sqlite3 -batch -noheader "$R" "$1"; }  # operands are picked from the reference

# Found by this test: `var set --type text` of a new variable was two actions (define, then set), and a kill
# between them left the variable without its value. One undo must take the whole command back.
"$cli" var set "$R" C01_Automotive_Sachsen Kill_once x --type text >/dev/null && "$cli" undo "$R" >/dev/null
expect_eq "$(q "SELECT count(*) FROM variables WHERE name = 'Kill_once'")" "0" "var set --type text is one action"
cp "$R" "$P"

# A few interviews glued together with a unique heading: big enough that an import is a long transaction.
texts=()
for f in "$src"/transcripts/*.txt; do iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 && texts+=("$f"); done
make_transcript() { # make_transcript FILE N
  { echo "Kill-Import $2"; echo; cat "${texts[@]}"; } >"$1"
}

# Sets `op` (a name) and `args` (kodex-cli arguments after the global options) for edit number $1.
pick() {
  local n=$1 r=$((RANDOM % 100)) code doc len s e id
  code=$(q "SELECT p.name || '/' || c.name FROM codes c JOIN codes p ON c.parent_id = p.id
            WHERE p.name IN ('Kill', 'Kill2') ORDER BY random() LIMIT 1")
  IFS='|' read -r doc len < <(q "SELECT name, length FROM documents ORDER BY random() LIMIT 1")
  s=$(( (RANDOM * 32768 + RANDOM) % len )); e=$((s + 1 + RANDOM % 300)); [ "$e" -gt "$len" ] && e=$len
  id=$(q "SELECT id FROM codings ORDER BY random() LIMIT 1")
  if   [ $r -lt 10 ]; then op=add;    args=(codes add "$P" "Kill/K$n")
  elif [ $r -lt 14 ]; then op=rename; args=(codes rename "$P" "$code" "K${n}r")
  elif [ $r -lt 18 ]; then op=move;   args=(codes move "$P" "$code" --to "$([ $((n % 2)) = 0 ] && echo Kill || echo Kill2)")
  elif [ $r -lt 38 ]; then op=code;   args=(code "$P" --doc "$doc" --code "$code" --range "$s:$e")
  elif [ $r -lt 45 ]; then op=uncode; args=(uncode "$P" "$id")
  elif [ $r -lt 50 ]; then op=recode; args=(recode "$P" "$id" --range "$s:$e")
  elif [ $r -lt 55 ]; then op=memo;   args=(memo set "$P" --doc "$doc" "Memo $n: Gesprächsnotiz über $doc")
  elif [ $r -lt 58 ]; then op=memo;   args=(memo set "$P" --code "$code" "Definition $n")
  elif [ $r -lt 64 ]; then op=var;    args=(var set "$P" "$doc" "Kill_v$((n % 4))" "Wert $n" --type text)
  elif [ $r -lt 71 ]; then
    op=import; local files=() j
    for j in $(seq 1 $((1 + RANDOM % 3))); do make_transcript "$work/in/K${n}_$j.txt" "$n-$j"; files+=("$work/in/K${n}_$j.txt"); done
    args=(import "$P" "${files[@]}")
  elif [ $r -lt 74 ]; then
    op=varimport
    { echo "doc,Kill_region,Kill_size"; q "SELECT name FROM documents" | while read -r d; do echo "$d,Region $n,$((RANDOM % 500))"; done; } >"$work/in/vars$n.csv"
    args=(variables import "$P" "$work/in/vars$n.csv" --key doc)
  elif [ $r -lt 84 ]; then op=undo;   args=(undo "$P")
  elif [ $r -lt 91 ]; then op=redo;   args=(redo "$P")
  elif [ $r -lt 95 ]; then op=delete; args=(codes delete "$P" "$code" --codings delete)
  elif [ $r -lt 97 ]; then op=merge;  args=(codes merge "$P" "$code" "Kill")
  else                     op=bulk;   args=(code "$P" --doc "$doc" --code Kill2 --range "0:$len")
  fi
}

# run_on PROJECT: the picked edit on another copy (same arguments, project path swapped).
run_on() {
  local a=() x
  for x in "${args[@]}"; do [ "$x" = "$P" ] && a+=("$1") || a+=("$x"); done
  "$cli" --coder kill "${a[@]}" >"$work/ref.out" 2>"$work/ref.err"
}

declare -A dur=()     # mean run time per edit kind, in seconds (from the reference runs)
declare -A kinds=()   # per edit kind: "confirmed/killed/refused"
tally() { local c f r; IFS=/ read -r c f r <<<"${kinds[$op]:-0/0/0}"; case $1 in c) c=$((c+1));; k) f=$((f+1));; r) r=$((r+1));; esac; kinds[$op]="$c/$f/$r"; }
kills=0 confirmed=0 landed=0 absent=0 in_tx=0 after_commit=0 before_write=0 at_exit=0 refused=0 checks=0 n=0
verify() { # verify WHAT: P must open, pass both checks and equal the reference (or the reference plus the edit)
  checks=$((checks + 1))
  "$cli" docs "$P" >/dev/null 2>"$work/v.err" || { bad "$1: the project does not open: $(cat "$work/v.err")"; return 1; }
  local ic; ic=$(sqlite3 -batch "$P" "PRAGMA integrity_check" 2>&1)
  [ "$ic" = ok ] || { bad "$1: integrity_check: $ic"; return 1; }
  "$cli" check "$P" >"$work/v.out" 2>&1 || { bad "$1: kodex-cli check: $(cat "$work/v.out")"; return 1; }
  ok
}

while [ "$kills" -lt "$kills_wanted" ]; do
  n=$((n + 1))
  pick "$n"
  wal_before=$(stat -c %s "$P-wal" 2>/dev/null || echo 0)
  # Kill about two edits in three, at a random moment within the edit's usual run time: start-up and
  # opening take the first part, so the waits lean towards the end, where the transaction is.
  d=${dur[$op]:-0.15}
  kill_it=$((RANDOM % 3))
  t0=$(date +%s%N)
  "$cli" --coder kill "${args[@]}" >"$work/p.out" 2>"$work/p.err" &
  pid=$!
  if [ "$kill_it" -gt 0 ]; then
    naptime "$(awk -v d="$d" -v r="$RANDOM" 'BEGIN { printf "%.6f", d * (0.2 + r / 32768) }')"
    kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null; rc=$?
  if [ "$rc" -ne 137 ]; then
    # Finished: the same edit on the reference must give the same answer.
    t1=$(date +%s%N)
    run_on "$R"; rrc=$?
    t2=$(date +%s%N)
    dur[$op]=$(awk -v old="${dur[$op]:-0}" -v t="$(( t2 - t1 ))" 'BEGIN { x = t / 1e9; printf "%.6f", old == 0 ? x : 0.7 * old + 0.3 * x }')
    if [ "$rc" -ne "$rrc" ]; then bad "edit $n ($op ${args[*]}): exit $rc, on the reference $rrc :: $(cat "$work/p.err")"; break; fi
    if [ "$rc" -eq 0 ]; then confirmed=$((confirmed + 1)); tally c; else refused=$((refused + 1)); tally r; fi
    continue
  fi
  kills=$((kills + 1)); tally k
  wal_after=$(stat -c %s "$P-wal" 2>/dev/null || echo 0)
  verify "kill $kills (edit $n, $op)" || break
  rm -f "$X" "$X-wal" "$X-shm"; cp "$R" "$X"
  run_on "$X"; xrc=$?
  sp=$(state "$P"); sr=$(state "$R")
  if [ "$sp" = "$sr" ]; then
    absent=$((absent + 1))
    if [ "$wal_after" -gt "$wal_before" ]; then in_tx=$((in_tx + 1)); else before_write=$((before_write + 1)); fi
  elif [ "$xrc" -eq 0 ] && [ "$sp" = "$(state "$X")" ]; then
    landed=$((landed + 1))
    if [ "$wal_after" -gt "$wal_before" ]; then after_commit=$((after_commit + 1)); else at_exit=$((at_exit + 1)); fi
    cp "$X" "$R"
  else
    bad "kill $kills (edit $n, $op ${args[*]}): the project is neither the state before nor after the edit"
    diff <(echo "$sr") <(echo "$sp") | head -20 >&2
    break
  fi
  ok
done

# Every confirmed edit, after the last kill as well.
verify "final check" && { [ "$(state "$P")" = "$(state "$R")" ] && ok || bad "final state differs from the reference"; }
secs=$(( $(date +%s) - started ))
codings=$(sqlite3 "$P" "SELECT count(*) FROM codings"); docs=$(sqlite3 "$P" "SELECT count(*) FROM documents")
size=$(stat -c %s "$P")
echo "kill test (seed $seed): $n edits, $kills kills, $confirmed edits confirmed and verified, $refused refused as the reference refused them"
echo "  killed edits: $landed landed whole ($after_commit killed after the commit, before the log was folded in; $at_exit at exit)," \
  "$absent absent whole ($in_tx killed inside the write transaction, $before_write before writing)"
echo "  by kind (confirmed/killed/refused):$(for o in "${!kinds[@]}"; do printf ' %s %s' "$o" "${kinds[$o]}"; done)"
echo "  $checks state checks; final project: $docs documents, $codings codings, $size bytes; ${secs}s"
finish
