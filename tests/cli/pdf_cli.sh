#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: kodex-cli imports PDFs (tests/fixtures/import/pdf), cites the page of a coding in codings,
# segments and quotes, and refuses a scan, an encrypted and a truncated PDF with exit 2, naming the file and
# what to do, leaving the project as it was.
# Usage: pdf_cli.sh KODEX-CLI SOURCE-DIR
source "$(dirname "$0")/lib/harness.bash" "$@"

pdf="$src/tests/fixtures/import/pdf"
p="$work/study.kodex"
expect_rc 0 k init "$p"
printf 'I: Wie war das?\n\nB: Wir haben Webinare gemacht.\n' >"$work/notes.txt"
expect_rc 0 k --json import "$p" "$pdf/multipage.pdf" "$work/notes.txt"
expect_eq "$(jq -r '.imported[0].format' "$work/out")" "pdf" "format"
expect_eq "$(jq -r '.imported[0].turns' "$work/out")" "6" "turns of the PDF"

expect_rc 0 k codes add "$p" "Förderung"
expect_rc 0 k code "$p" --doc multipage --code "Förderung" --quote "Die lief weiter"
expect_rc 0 k code "$p" --doc multipage --code "Förderung" --quote "Treffen fielen aus"
expect_rc 0 k code "$p" --doc notes --code "Förderung" --quote "Webinare"
expect_rc 0 k codings "$p"
grep -q '^#[0-9]*  multipage [0-9]*:[0-9]* p\. 2  Förderung' "$work/out" || bad "codings: page 2 not shown: $(cat "$work/out")"
grep -q '^#[0-9]*  multipage [0-9]*:[0-9]* p\. 1  Förderung' "$work/out" || bad "codings: page 1 not shown"
grep -q '^#[0-9]*  notes [0-9]*:[0-9]*  Förderung' "$work/out" || bad "codings: a text document shows a page"
ok
expect_rc 0 k --json codings "$p" --doc multipage
expect_eq "$(jq -r '[.[].page] | join(",")' "$work/out")" "p. 1,p. 2" "page in JSON"
expect_eq "$(jq -r '[.[].text] | join(",")' "$work/out")" "Treffen fielen aus,Die lief weiter" "coded text"

expect_rc 0 k export segments "$p" -o "$work/segments.csv"
head -1 "$work/segments.csv" | grep -q ',timestamp,page,text,' || bad "segments: no page column: $(head -1 "$work/segments.csv")"
grep -q 'p\. 2,Die lief weiter' "$work/segments.csv" || bad "segments: page of a coding"
ok
expect_rc 0 k export quotes "$p" -o "$work/quotes.md"
grep -q 'p\. 2' "$work/quotes.md" || bad "quotes: no page: $(cat "$work/quotes.md")"
grep -q 'line 3' "$work/quotes.md" || bad "quotes: the text document's quote lost its line"
ok

# Refusals: exit 2, the file named with the reason and what to do, the project unchanged.
before=$(sqlite3 "$p" .dump | md5sum)
check_refused() { # check_refused FILE TEXT...
  local file=$1
  shift
  expect_rc 2 k import "$p" "$pdf/$file"
  grep -q "$file" "$work/err" || bad "$file: error does not name the file: $(cat "$work/err")"
  for t in "$@"; do grep -q -- "$t" "$work/err" || bad "$file: error lacks [$t]: $(cat "$work/err")"; done
  expect_eq "$(sqlite3 "$p" .dump | md5sum)" "$before" "$file: project unchanged"
}
check_refused scan.pdf "no text layer" "OCR" "ocrmypdf"
check_refused encrypted.pdf "protected by a password" "without protection"
check_refused truncated.pdf "damaged" "cut off"

finish
