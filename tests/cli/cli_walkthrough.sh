#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: kodex-cli over a small study, checking JSON output and documented exit codes.
# Usage: cli_walkthrough.sh KODEX-CLI SOURCE-DIR
source "$(dirname "$0")/lib/harness.bash" "$@"

p="$work/study.kodex"
printf 'Interview C01 – Clustermanagerin\n\nI: Wie haben Sie die Mitglieder erreicht? #00:00:05-2#\n\nB: Über Webinare und Online-Formate. Die Clustermanager:innen haben Partner verbunden. Webinare waren gut. #00:00:19-7#\n' >"$work/C01.txt"
printf 'I: Und jetzt?\r\n\r\nB: Hybride Formate, ganz klar.\r\n' >"$work/C02.txt"

expect_rc 0 k init "$p"
expect_rc 3 k init "$p"                      # exists already
expect_rc 0 k import "$p" "$work/C01.txt" "$work/C02.txt"
expect_rc 0 k import "$p" "$work/C01.txt"    # duplicate: reported, not an error
grep -q "same content" "$work/out" && ok || bad "duplicate not reported"

expect_eq "$(k --json docs "$p" | jq -r '[.[].name] | join(",")')" "C01,C02" "document names"
expect_eq "$(k --json docs "$p" | jq '.[1].turns')" "2" "turns of C02"

show=$(k --json show "$p" C01)
expect_eq "$(jq -r '.turns[1].speaker' <<<"$show")" "I" "speaker of turn 2"
expect_eq "$(jq -r '.turns[1].timestamp' <<<"$show")" "00:00:05.2" "timestamp of turn 2"
expect_eq "$(k --json show "$p" C02 | jq '.text == "I: Und jetzt?\n\nB: Hybride Formate, ganz klar.\n"')" "true" "CRLF became LF"

expect_rc 0 k codes add "$p" "Neue Formate"
expect_rc 0 k codes add "$p" "Neue Formate/Digitale Formate" --color '#3a7' --definition "Webinare, Plattformen"
expect_rc 1 k codes add "$p" "Transmitterrolle/Partner verbinden"
expect_rc 0 k codes add "$p" "Transmitterrolle"
expect_rc 0 k codes add "$p" "Transmitterrolle/Partner verbinden"

expect_rc 0 k --coder anna code "$p" --doc C01 --code "Neue Formate/Digitale Formate" --quote "Online-Formate"
c=$(k --json codings "$p")
# Global options are taken after the subcommand, also of a nested one, as users type them.
expect_eq "$(k codings "$p" --json)" "$c" "--json after the subcommand"
expect_rc 0 k codes add "$p" "Neue Formate/Hybride Formate" --json
expect_eq "$(jq -r '.code' "$work/out")" "Neue Formate/Hybride Formate" "--json after a nested subcommand"
expect_rc 0 k code "$p" --doc C02 --code "Neue Formate/Hybride Formate" --quote "Hybride Formate" --coder ben --json
expect_eq "$(jq -r '.coder' "$work/out")" "ben" "--coder after the subcommand"
expect_rc 0 k uncode "$p" "$(jq -r '.id' "$work/out")"
expect_rc 0 k codes delete "$p" "Neue Formate/Hybride Formate"
expect_eq "$(jq -r '.[0].text' <<<"$c")" "Online-Formate" "coded text"
expect_eq "$(jq -r '.[0].coder' <<<"$c")" "anna" "coder"
expect_eq "$(jq -r '.[0].code' <<<"$c")" "Neue Formate/Digitale Formate" "code path"
start=$(jq '.[0].start' <<<"$c"); end=$(jq '.[0].end' <<<"$c")
expect_eq "$(jq -r --argjson s "$start" --argjson e "$end" '.text | .[$s:$e]' <<<"$show")" "Online-Formate" "range matches text"

expect_rc 1 k code "$p" --doc C01 --code "Neue Formate" --quote "Webinare"        # ambiguous
grep -q "occurs 2 times" "$work/err" && ok || bad "ambiguous quote message: $(cat "$work/err")"
expect_rc 0 k code "$p" --doc C01 --code "Neue Formate" --quote "Webinare" --occurrence 2
expect_rc 1 k code "$p" --doc C01 --code "Neue Formate" --quote "Präsenz"         # missing
expect_rc 1 k code "$p" --doc C01 --code "Neue Formate" --range 10:99999          # outside
expect_rc 1 k code "$p" --doc C09 --code "Neue Formate" --range 1:2               # no document
expect_rc 1 k code "$p" --doc C02 --code "Gibt es nicht" --range 1:2              # no code
expect_rc 0 k code "$p" --doc C02 --code "Transmitterrolle/Partner verbinden" --range 3:13

expect_eq "$(k --json codes "$p" | jq -r '.[] | select(.path=="Neue Formate/Digitale Formate") | .color')" "#33AA77" "colour"
expect_eq "$(k --json codes "$p" | jq -r '.[] | select(.path=="Neue Formate") | .codings')" "1" "count"

expect_rc 0 k codebook export "$p" "$work/book.qdc"
if refi_schema Codebook.xsd; then
  expect_rc 0 xmllint --noout --schema "$xsd" "$work/book.qdc"
fi
expect_rc 0 k init "$work/other.kodex"
expect_rc 0 k codebook import "$work/other.kodex" "$work/book.qdc"
expect_eq "$(k --json codes "$work/other.kodex" | jq -r '[.[].path] | join("|")')" \
  "$(k --json codes "$p" | jq -r '[.[].path] | join("|")')" "codebook round trip"

expect_rc 1 k codes delete "$p" "Neue Formate"                                     # has codings
expect_rc 0 k codes delete "$p" "Neue Formate/Digitale Formate" --codings move-to-parent
expect_eq "$(k --json codings "$p" --code "Neue Formate" | jq length)" "2" "codings moved to parent"
expect_rc 0 k --json undo "$p"
expect_eq "$(jq -r '.undone' "$work/out")" "Delete code 'Digitale Formate'" "undo label"
expect_eq "$(k --json codings "$p" --code "Neue Formate" --subcodes | jq length)" "2" "undo restored the subcode"
expect_rc 0 k redo "$p"
expect_rc 0 k undo "$p"

expect_rc 0 k var set "$p" C01 Mitglieder 120 --type integer
expect_rc 1 k var set "$p" C01 Mitglieder viele
expect_eq "$(k --json var list "$p" | jq -r '.values.C01.Mitglieder')" "120" "variable value"
expect_rc 0 k memo set "$p" --doc C01 "Gesprächsatmosphäre offen"
expect_eq "$(k --json memo show "$p" --doc C01 | jq -r .text)" "Gesprächsatmosphäre offen" "memo"

printf 'kein Projekt\n' >"$work/fake.kodex"
expect_rc 2 k docs "$work/fake.kodex"
expect_eq "$(cat "$work/fake.kodex")" "kein Projekt" "fake project unchanged"
expect_rc 3 k docs "$work/missing.kodex"
printf 'B: gr\xc3\xbc\xdf\n' >"$work/mixed.txt"
expect_rc 2 k import "$p" "$work/mixed.txt" "$work/C01.txt"
grep -q "mixed.txt" "$work/err" && ok || bad "bad file not named: $(cat "$work/err")"
expect_rc 5 k import "$p" "$work/mixed.txt" --keep-going
expect_rc 1 k frobnicate "$p"

finish
