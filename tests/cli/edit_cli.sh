#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: kodex-cli edit replaces a range of a document's text; codings move or grow, codings inside the
# range are refused, dropped or kept on request, --dry-run changes nothing, exit codes, and undo.
# Usage: edit_cli.sh KODEX-CLI SOURCE-DIR
source "$(dirname "$0")/lib/harness.bash" "$@"

p="$work/study.kodex"
printf 'I: Wie lief die Förderung 👋?\n\nB: Das Netzwerk hielt zusammen.\n' >"$work/C1.txt"
expect_rc 0 k init "$p"
expect_rc 0 k import "$p" "$work/C1.txt"
expect_rc 0 k codes add "$p" Netzwerk
expect_rc 0 k codes add "$p" Förderung
text() { k --json show "$p" C1 | jq -r '.text'; }
len() { k --json show "$p" C1 | jq -r '.text | length'; }
coded() { # coded ID: the text a coding covers now
  k --json codings "$p" | jq -r --argjson id "$1" '.[] | select(.id == $id) | .text'
}
range_of() { k --json codings "$p" | jq -r --argjson id "$1" '.[] | select(.id == $id) | "\(.start):\(.end)"'; }
q_start() { k --json show "$p" C1 | jq --arg q "$1" '.text | split($q)[0] | length'; }  # code point index of $1

s=$(q_start "Förderung")
expect_rc 0 k --json code "$p" --doc C1 --code Förderung --range "$s:$((s + 9))"
foerd=$(jq '.id' "$work/out")
n=$(q_start "Netzwerk")
expect_rc 0 k --json code "$p" --doc C1 --code Netzwerk --range "$n:$((n + 8))"
netz=$(jq '.id' "$work/out")
expect_rc 0 k --json code "$p" --doc C1 --code Netzwerk --range "$((n - 4)):$((n + 3))"  # "Das Net"
cut=$(jq '.id' "$work/out")
before=$(text)
before_len=$(len)

# a coding inside the range: refused without a choice (exit 1), nothing changed
expect_rc 1 k edit "$p" C1 --range "$n:$((n + 8))" --text "Verbund"
expect_eq "$(grep -c "keep-swallowed" "$work/err")" "1" "the refusal names the choices"
expect_eq "$(text)" "$before" "refused edit changed nothing"
# --dry-run reports and changes nothing
expect_rc 0 k --json edit "$p" C1 --range "$n:$((n + 8))" --text "Verbund" --keep-swallowed --dry-run
expect_eq "$(jq -r '[.dry_run, .applied] | join(",")' "$work/out")" "true,false" "dry run flags"
expect_eq "$(jq --argjson id "$netz" '[.swallowed[].id] == [$id]' "$work/out")" "true" "dry run lists the swallowed coding"
expect_eq "$(jq --argjson id "$cut" '[.grown[].id] == [$id]' "$work/out")" "true" "dry run lists the grown coding"
expect_eq "$(text)" "$before" "dry run changed nothing"

# keep: the coding covers the replacement; the one ending inside grows to its end
expect_rc 0 k --json edit "$p" C1 --range "$n:$((n + 8))" --text "Cluster-Netzwerk" --keep-swallowed
expect_eq "$(jq -c '.swallowed[0].before' "$work/out")" "[$n,$((n + 8))]" "swallowed old range"
expect_eq "$(jq -c '.swallowed[0].after' "$work/out")" "[$n,$((n + 16))]" "swallowed new range"
expect_eq "$(jq '.new_length - .old_length' "$work/out")" "8" "length difference"
expect_eq "$(coded "$netz")" "Cluster-Netzwerk" "kept coding covers the replacement"
expect_eq "$(coded "$cut")" "Das Cluster-Netzwerk" "coding ending inside grows"
expect_eq "$(coded "$foerd")" "Förderung" "coding before the edit stays"
expect_eq "$(len)" "$((before_len + 8))" "new length"

# an insertion before a coding moves it; the JSON reports old and new ranges
expect_rc 0 k --json edit "$p" C1 --range 0:0 --text $'Interview 1 🎙\n\n'
expect_eq "$(coded "$foerd")" "Förderung" "moved coding keeps its text"
expect_eq "$(jq --argjson id "$foerd" '[.moved[] | select(.id == $id) | (.after[0] - .before[0])] == [15]' "$work/out")" "true" \
  "moved by the inserted code points"

# --file, with CRLF line ends stored as LF; a new speaker line becomes a turn
turns=$(k --json show "$p" C1 | jq '.turns | length')
printf '\r\n\r\nI: Und danach?' >"$work/add.txt"
end=$(len)
end=$((end - 1))  # before the final line break
expect_rc 0 k edit "$p" C1 --range "$end:$end" --file "$work/add.txt"
expect_eq "$(text | grep -v "^$" | tail -n 1)" "I: Und danach?" "appended from a file"
expect_eq "$(text | grep -c $'\r')" "0" "no CR stored"
expect_eq "$(k --json show "$p" C1 | jq '.turns | length')" "$((turns + 1))" "a new turn"

# drop: a deletion over a coding removes it
r=$(range_of "$netz")
expect_rc 0 k --json edit "$p" C1 --range "$r" --text "" --drop-swallowed
expect_eq "$(jq --argjson id "$netz" '[.swallowed[].id] == [$id]' "$work/out")" "true" "dropped coding reported"
expect_eq "$(coded "$netz")" "" "dropped coding is gone"
expect_eq "$(coded "$cut")" "Das " "coding that overlapped the deletion keeps the rest"

# undo restores the text and the codings, step by step
expect_rc 0 k undo "$p"
expect_eq "$(coded "$netz")" "Cluster-Netzwerk" "undo brings the coding back"
expect_rc 0 k undo "$p"
expect_rc 0 k undo "$p"
expect_rc 0 k undo "$p"
expect_eq "$(grep -c "Edit the text of 'C1'" "$work/out")" "1" "undo names the action"
expect_eq "$(text)" "$before" "undo restores the text"
expect_eq "$(coded "$cut")" "Das Net" "undo restores the range"

# user errors: exit 1, nothing changed
expect_rc 1 k edit "$p" C1 --range "0:$((before_len + 1))" --text x
expect_eq "$(grep -c "0:$before_len" "$work/err")" "1" "the error names the text's length"
expect_rc 1 k edit "$p" C1 --range 5:2 --text x
expect_rc 1 k edit "$p" C1 --range abc --text x
expect_rc 1 k edit "$p" C1 --range 0:1
expect_rc 1 k edit "$p" C9 --range 0:1 --text x
expect_rc 1 k edit "$p" C1 --range 0:1 --text x --keep-swallowed --drop-swallowed
printf 'a\xff' >"$work/bad.txt"
expect_rc 1 k edit "$p" C1 --range 0:1 --file "$work/bad.txt"
expect_rc 3 k edit "$p" C1 --range 0:1 --file "$work/missing.txt"
expect_eq "$(text)" "$before" "errors changed nothing"
expect_rc 0 k check "$p"

finish
