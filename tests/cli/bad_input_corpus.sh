#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad-input corpus (docs/reliability.md): every file in tests/fixtures/bad is handed to kodex-cli the way its
# format is read (MANIFEST.tsv says how and what must happen). Nothing may crash, hang or eat the memory; an
# error must exit with the documented code, name the file and say why, and leave the project byte for byte as
# it was; a file that is read must leave a project that passes `kodex-cli check`. Files too big to commit are
# made here: a 200 MB one-line text (20 MB in a sanitizer build, or KODEX_BIG_MB=N), a sparse file over the
# size limit, 200 000 speaker turns, a folder, a FIFO and a link to /dev/zero named like inputs.
# Usage: bad_input_corpus.sh KODEX-CLI SOURCE-DIR
source "$(dirname "$0")/lib/harness.bash" "$@"
corpus=$src/tests/fixtures/bad
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (scripts/debian-packages.txt)" >&2; exit 1; }
sanitized=0
case "$(ldd "$cli" 2>/dev/null)" in *libasan*) sanitized=1 ;; esac
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f "%M %e" -o "$work/rss")

base=$work/base.kodex
k init "$base" >/dev/null
for d in A B C; do printf 'I: Frage an %s?\n\nB: Antwort von %s.\n' "$d" "$d" >"$work/$d.txt"; done
k import "$base" "$work/A.txt" "$work/B.txt" "$work/C.txt" >/dev/null
k codes add "$base" Basis >/dev/null
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
rm -rf "$work/base.backups"
ncodes=$(k --json codes "$base" | jq length)

fingerprint() { # the database as SQL, and the file's bytes once its log is folded in
  sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1
  { sqlite3 "$1" .dump; sha256sum <"$1"; } | sha256sum
}

# run_one FILE HOW EXIT EXPECT: hands FILE to kodex-cli on a fresh copy of the base project and checks the outcome.
files=0 refused=0 read_ok=0 max_rss=0
run_one() {
  local file=$1 how=$2 want=$3 expect=$4 name p=$work/p.kodex target=$work/q.kodex cmd rc before after secs
  name=$(basename "$file")
  rm -rf "$p" "$p-wal" "$p-shm" "$work/p.backups" "$target" "$target-wal" "$target-shm"
  cp "$base" "$p"
  case $how in
    import) cmd=(import "$p" "$file") ;;
    codebook) cmd=(codebook import "$p" "$file") ;;
    qdpx) cmd=(qdpx import "$file" "$target") ;;
    variables) cmd=(variables import "$p" "$file" --key doc) ;;
    *) bad "$name: unknown way '$how'"; return ;;
  esac
  before=$(fingerprint "$p")
  : >"$work/rss"
  timeout 300 "${timer[@]}" "$cli" "${cmd[@]}" >"$work/out" 2>"$work/err"
  rc=$?
  files=$((files + 1))
  read -r rss secs <"$work/rss" 2>/dev/null || true
  rss=${rss:-0}; [[ $rss =~ ^[0-9]+$ ]] || rss=0
  [ "$rss" -gt "$max_rss" ] && max_rss=$rss && max_rss_file=$name
  if [ "$rc" -eq 124 ]; then bad "$name: hangs (killed after 300 s)"; return; fi
  if [ "$rc" -gt 5 ]; then bad "$name: exit $rc (crash or internal error): $(head -c 400 "$work/err")"; return; fi
  if [ "$rc" -ne "$want" ]; then bad "$name: exit $rc, expected $want: $(head -c 400 "$work/err")"; return; fi
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 5 ]; then
    refused=$((refused + 1))
    grep -qF "$name" "$work/err" || bad "$name: the message does not name the file: $(head -c 300 "$work/err")"
    grep -qF "$expect" "$work/err" || bad "$name: the message does not say '$expect': $(head -c 300 "$work/err")"
    after=$(fingerprint "$p")
    [ "$before" = "$after" ] || bad "$name: the project changed although the input was refused"
    [ ! -e "$target" ] || bad "$name: a refused .qdpx left a project behind"
  else
    read_ok=$((read_ok + 1))
    grep -qF -- "$expect" "$work/out" "$work/err" || bad "$name: the output does not say '$expect': $(head -c 300 "$work/out")"
    local checked=$p; [ "$how" = qdpx ] && checked=$target
    "$cli" check "$checked" >"$work/check" 2>&1 || bad "$name: kodex-cli check after reading it: $(cat "$work/check")"
  fi
  ok
}

while IFS=$'\t' read -r file how want expect what; do
  [[ -z $file || $file == \#* ]] && continue
  [ -f "$corpus/$file" ] || { bad "$file: in MANIFEST.tsv but not in the corpus"; continue; }
  run_one "$corpus/$file" "$how" "$want" "$expect"
  p=$work/p.kodex
  case $file in
    csv_formulas.csv|xlsx_formula_cells.xlsx)
      # Stored as text exactly, and exported so that no spreadsheet runs them.
      expect_eq "$(k --json var list "$p" | jq -r '.values.A.Notiz')" "=cmd|' /C calc'!A0" "$file: value stored as text"
      k export matrix "$p" -o "$work/m.csv" >/dev/null && k export matrix "$p" -o "$work/m.xlsx" >/dev/null || bad "$file: export failed"
      grep -q "'=cmd|" "$work/m.csv" && ok || bad "$file: the CSV export does not neutralise =cmd: $(cat "$work/m.csv")"
      grep -Eq '(^|[,;"])[=+@-](cmd|SUM|HYPERLINK|1\+1|2\+3)' "$work/m.csv" && bad "$file: a formula reached the CSV export" || ok
      # Unpacked first: `unzip | grep -q` fails under pipefail when grep stops reading early.
      unzip -p "$work/m.xlsx" 'xl/worksheets/*.xml' >"$work/sheets.xml"
      unzip -p "$work/m.xlsx" >"$work/all.xml"
      grep -q "<f>" "$work/sheets.xml" && bad "$file: the XLSX export has a formula" || ok
      grep -q "=cmd|" "$work/all.xml" && ok || bad "$file: the XLSX export lost the value"
      ;;
    qdc_billion_laughs.qdc)
      expect_eq "$(k --json codes "$p" | jq -r '.[] | select(.name | startswith("&")) | .name')" "&lol9;" "$file: entity not expanded" ;;
    qdc_duplicate_guids.qdc)
      expect_eq "$(k --json codes "$p" | jq length)" "$((ncodes + 4))" "$file: every code kept" ;;
    qdc_guid_cycle.qdc)
      expect_eq "$(k --json codes "$p" | jq length)" "$((ncodes + 3))" "$file: every code kept" ;;
  esac
done <"$corpus/MANIFEST.tsv"
manifest_files=$files

# Made here: too big to commit, or not files at all.
gen=$work/gen
mkdir -p "$gen"
big_mb=${KODEX_BIG_MB:-$([ "$sanitized" = 1 ] && echo 20 || echo 200)}
yes 'Das ist ein sehr langer Satz ohne Zeilenende, ' | tr -d '\n' | head -c $((big_mb * 1000000)) >"$gen/one_line_${big_mb}mb.txt"
start=$(date +%s)
run_one "$gen/one_line_${big_mb}mb.txt" import 0 imported
big_secs=$(( $(date +%s) - start )); big_rss=$rss
rm -f "$gen/one_line_${big_mb}mb.txt"
[ "$sanitized" = 1 ] || [ "$big_rss" -lt $((big_mb * 1000 * 6 + 100000)) ] && ok || bad "a ${big_mb} MB text took ${big_rss} KB of memory"
truncate -s 300M "$gen/over_limit.txt"
run_one "$gen/over_limit.txt" import 2 "larger than 256 MiB"
for i in $(seq 1 100000); do printf 'I: Frage %d?\n\nB: Antwort %d.\n\n' "$i" "$i"; done >"$gen/many_turns.txt"
run_one "$gen/many_turns.txt" import 0 "200000 turns"
mkdir "$gen/folder.txt"
run_one "$gen/folder.txt" import 2 folder
mkfifo "$gen/pipe.txt" "$gen/pipe.qdc" "$gen/pipe.csv" "$gen/pipe.qdpx"
run_one "$gen/pipe.txt" import 2 "not a regular file"
run_one "$gen/pipe.qdc" codebook 3 "not a regular file"
run_one "$gen/pipe.csv" variables 3 "not a regular file"
run_one "$gen/pipe.qdpx" qdpx 3 "not a regular file"
ln -s /dev/zero "$gen/zero.csv"
run_one "$gen/zero.csv" variables 3 "not a regular file"

echo "bad-input corpus: $manifest_files corpus files and $((files - manifest_files)) made here; $refused refused, $read_ok read;" \
  "largest memory use ${max_rss} KB (${max_rss_file:-}); a ${big_mb} MB one-line text: ${big_secs}s, ${big_rss} KB"
finish
