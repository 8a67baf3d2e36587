#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: kodex-cli search and autocode over the sample study, checking JSON output, hit positions
# against the stored text, exit codes, the index rebuild and undo of auto-coding.
# Usage: search_cli.sh KODEX-CLI SOURCE-DIR
source "$(dirname "$0")/lib/harness.bash" "$@"

p="$work/study.kodex"
expect_rc 0 k sample "$p" --from "$src"

# Every hit: the fields, and the stored text at start..end is the match.
check_positions() { # check_positions JSON-FILE
  local n i doc start end match text
  n=$(jq '.hits | length' "$1")
  for ((i = 0; i < n; i++)); do
    doc=$(jq -r ".hits[$i].document" "$1")
    start=$(jq ".hits[$i].start" "$1")
    end=$(jq ".hits[$i].end" "$1")
    match=$(jq -r ".hits[$i].match" "$1")
    [ -f "$work/doc-$doc.json" ] || k --json show "$p" "$doc" >"$work/doc-$doc.json"
    text=$(jq -r --argjson s "$start" --argjson e "$end" '.text | .[$s:$e]' "$work/doc-$doc.json")
    expect_eq "$text" "$match" "stored text of hit $i ($doc $start:$end)"
  done
}

expect_rc 0 k search "$p" 'Kolleg*innen' --json --limit 0 --sort doc
cp "$work/out" "$work/kolleg.json"
expect_eq "$(jq '.hits | length >= 7' "$work/kolleg.json")" "true" "gender form hits"
expect_eq "$(jq -r '.hits[0] | [has("document"), has("start"), has("end"), has("speaker"), has("timestamp"), has("left"), has("match"), has("right")] | all' "$work/kolleg.json")" \
  "true" "hit fields"
expect_eq "$(jq '[.hits[] | .document] == ([.hits[] | .document] | sort)' "$work/kolleg.json")" "true" "document order"
expect_eq "$(jq '[.documents[].turns] | add' "$work/kolleg.json")" "$(jq '.turns' "$work/kolleg.json")" "counts per document add up"
check_positions "$work/kolleg.json"

expect_rc 0 k --json search "$p" 'Kooperation NEAR/5 Hochschule' --limit 5
check_positions "$work/out"
expect_rc 0 k --json search "$p" 'Förderung code:"Institutionelle Förderung" speaker:B'
expect_eq "$(jq '.hits | length > 0' "$work/out")" "true" "code and speaker filter"
expect_eq "$(jq -r '[.hits[].speaker] | unique | join(",")' "$work/out")" "B" "speaker filter"
check_positions "$work/out"

expect_rc 0 k --json search "$p" 'Digital*' --limit 2
expect_eq "$(jq '.hits | length' "$work/out")" "2" "limit"
expect_eq "$(jq '.more' "$work/out")" "true" "more hits"
expect_eq "$(jq '.hits[0].relevance >= .hits[1].relevance' "$work/out")" "true" "relevance order"

expect_rc 0 k search "$p" '"hybride Formate"'
grep -q "turns with hits" "$work/out" && ok || bad "plain output: $(cat "$work/out")"

# Mistakes are errors with a message, not empty results.
expect_rc 1 k search "$p" 'Förderung AND'
grep -q "character 11" "$work/err" && ok || bad "syntax error position: $(cat "$work/err")"
expect_rc 1 k search "$p" 'code:"Gibt es nicht"'
grep -q "no code 'Gibt es nicht'" "$work/err" && ok || bad "unknown code message: $(cat "$work/err")"
expect_rc 1 k search "$p" 'finanzierung:institutionell'
grep -q "main_financing:" "$work/err" && ok || bad "unknown filter lists the variables: $(cat "$work/err")"
expect_rc 1 k search "$p" 'Förderung' --sort date

# The index is a cache: delete it and the same search gives the same answer.
expect_rc 0 k --json search "$p" 'Mitglieder speaker:I' --limit 0
cp "$work/out" "$work/before.json"
rm -rf "$p-index"
expect_rc 0 k --json search "$p" 'Mitglieder speaker:I' --limit 0
expect_eq "$(jq -c '.hits' "$work/out")" "$(jq -c '.hits' "$work/before.json")" "same hits after a rebuild"

# Auto-coding: one undoable action, no duplicates, a chosen subset.
expect_rc 0 k codes add "$p" "Suchtreffer"
expect_rc 0 k --json autocode "$p" 'Kolleg*innen' --code Suchtreffer --scope sentence
added=$(jq '.added | length' "$work/out")
expect_eq "$((added > 0))" "1" "auto-coded passages"
expect_eq "$(k --json codings "$p" --code Suchtreffer | jq length)" "$added" "codings made"
expect_eq "$(k --json search "$p" 'Kolleg*innen code:Suchtreffer' --limit 0 | jq '.hits | length')" \
  "$(jq '.hits | length' "$work/kolleg.json")" "every hit is inside the new codings"
expect_rc 0 k --json autocode "$p" 'Kolleg*innen' --code Suchtreffer --scope sentence
expect_eq "$(jq '.added | length' "$work/out")" "0" "nothing added twice"
expect_eq "$(jq '.duplicates' "$work/out")" "$added" "duplicates reported"
expect_rc 0 k --json undo "$p"
expect_eq "$(jq -r '.undone' "$work/out")" "Auto-code 'Kolleg*innen' as 'Suchtreffer'" "undo label"
expect_eq "$(k --json codings "$p" --code Suchtreffer | jq length)" "0" "undone in one step"
expect_rc 0 k --json autocode "$p" 'Kolleg*innen' --code Suchtreffer --hits 1,3 --sort doc
expect_eq "$(jq '.added | length' "$work/out")" "2" "subset of hits"
expect_eq "$(k --json codings "$p" --code Suchtreffer | jq -r '[.[].text] | sort | join(",")')" \
  "$(jq -r '[.hits[0].match, .hits[2].match] | sort | join(",")' "$work/kolleg.json")" "the chosen hits were coded"
expect_rc 1 k autocode "$p" 'Kolleg*innen' --code Suchtreffer --hits 999
expect_rc 1 k autocode "$p" 'Kolleg*innen' --code "Gibt es nicht"

# The search language is a project setting; changing it rebuilds the index.
expect_eq "$(k --json search-language "$p" | jq -r .language)" "german" "default language"
expect_rc 0 k search-language "$p" english
expect_rc 0 k --json search "$p" 'Kolleg*innen' --limit 0
expect_eq "$(jq '.hits | length' "$work/out")" "$(jq '.hits | length' "$work/kolleg.json")" "gender forms in English mode"
expect_rc 1 k search-language "$p" french

finish
