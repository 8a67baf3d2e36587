#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: kodex-cli qdpx export and import, schema validation with xmllint, round trips of the sample
# study and of vendor-style archives zipped from tests/fixtures/qdpx/.
# Usage: qdpx_cli.sh KODEX-CLI SOURCE-DIR
source "$(dirname "$0")/lib/harness.bash" "$@"
for tool in jq zip unzip; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed" >&2; exit 1; }
done
expect_valid() { # expect_valid FILE.qdpx WHAT: project.qde validates against the schema (or the check is skipped)
  refi_schema Project-mrt2019.xsd || return 0
  unzip -p "$1" project.qde >"$work/check.qde"
  if xmllint --noout --schema "$xsd" "$work/check.qde" 2>"$work/xmllint.log"; then ok; else bad "$2 does not validate: $(cat "$work/xmllint.log")"; fi
}
guids() { unzip -p "$1" project.qde | grep -o ' guid="[^"]*"' | sort; }
codings() { k --json codings "$1" | jq -c '[.[] | {guid, document, code, coder, start, "end": .end, text}] | sort_by(.guid)'; }

# The sample study out and back in.
s="$work/sample.kodex"
expect_rc 0 k sample "$s" --from "$src"
expect_rc 0 k qdpx export "$s" "$work/sample.qdpx"
grep -q "9 documents" "$work/out" && ok || bad "export summary: $(cat "$work/out")"
expect_valid "$work/sample.qdpx" "export"
expect_eq "$(unzip -Z1 "$work/sample.qdpx" | grep -c '^sources/[0-9A-F-]*\.txt$')" "9" "one text file per document"
expect_eq "$(unzip -p "$work/sample.qdpx" project.qde | head -c 38)" '<?xml version="1.0" encoding="utf-8"?>' "XML declaration, no BOM"

expect_rc 0 k --json qdpx import "$work/sample.qdpx" "$work/back.kodex"
expect_eq "$(jq '.imported.codings' "$work/out")" "209" "codings imported"
expect_eq "$(jq '.skipped | length' "$work/out")" "0" "nothing skipped"
expect_eq "$(codings "$s" | jq length)" "209" "codings listed"
expect_eq "$(codings "$work/back.kodex")" "$(codings "$s")" "same codings on the same characters, same GUIDs"
expect_eq "$(k --json docs "$work/back.kodex" | jq -c '[.[] | {guid, name, length, variables}]')" \
          "$(k --json docs "$s" | jq -c '[.[] | {guid, name, length, variables}]')" "same documents and variables"
expect_rc 0 k qdpx export "$work/back.kodex" "$work/again.qdpx"
expect_eq "$(guids "$work/again.qdpx")" "$(guids "$work/sample.qdpx")" "GUIDs stable across the round trip"
expect_rc 3 k qdpx import "$work/sample.qdpx" "$work/back.kodex"  # the project exists: never overwritten

# Compatibility switches stay schema-valid.
expect_rc 0 k qdpx export "$s" "$work/maxqda.qdpx" --compat maxqda
expect_valid "$work/maxqda.qdpx" "MAXQDA export"
first=$(unzip -Z1 "$work/maxqda.qdpx" | grep '^sources/' | head -1)
unzip -p "$work/maxqda.qdpx" "$first" | grep -q $'\r$' && ok || bad "MAXQDA export has no CR LF"
expect_rc 0 k --json qdpx export "$s" "$work/nvivo.qdpx" --compat nvivo
expect_valid "$work/nvivo.qdpx" "NVivo export"
jq -e '.warnings[] | select(test("UTF-16"))' "$work/out" >/dev/null && ok || bad "NVivo export names its counting"
expect_rc 1 k qdpx export "$s" "$work/x.qdpx" --compat spss

# Vendor-style archives.
pack() { (cd "$src/tests/fixtures/qdpx/$1" && zip -qrX "$work/$1.qdpx" .); }
for v in nvivo_win maxqda atlas qualcoder; do pack "$v"; done

expect_rc 0 k --json qdpx import "$work/nvivo_win.qdpx" "$work/nvivo.kodex"
expect_eq "$(jq -r '.positions[0].model' "$work/out")" "UTF-16 code units, CRLF as two" "NVivo counting model"
expect_eq "$(k --json codings "$work/nvivo.kodex" --code Austausch | jq -r '[.[].text] | sort | join("|")')" \
          "Die Mitglieder 👥 wollten Austausch|Straße für Straße" "NVivo codings on the right characters"
expect_eq "$(k --json docs "$work/nvivo.kodex" | jq -r '.[0].variables.Case')" "Anna" "NVivo case as a variable"

expect_rc 0 k --json qdpx import "$work/maxqda.qdpx" "$work/maxqda.kodex"
expect_eq "$(jq -r '.positions[0].model' "$work/out")" "code points, CRLF as one" "MAXQDA counting model"
expect_eq "$(k --json codings "$work/maxqda.kodex" --doc "Interview B" | jq -r '[.[].text] | unique | join("|")')" \
          "Die Mitglieder waren dankbar|Webinare angeboten" "MAXQDA codings"

expect_rc 5 k --json qdpx import "$work/atlas.qdpx" "$work/atlas.kodex"  # media and groups are reported
expect_eq "$(jq -r '[.skipped[].element] | sort | join(",")' "$work/out")" \
          "Graph,PDFSelection,PictureSource,PlainTextSelection,Set,VideoSource" "ATLAS.ti: what was left out"
expect_eq "$(jq -r '.qde' "$work/out")" "Trial.qde" "ATLAS.ti project XML named after the project"
k qdpx import "$work/atlas.qdpx" "$work/atlas2.kodex" >"$work/text" 2>&1
grep -q "^skipped (6):" "$work/text" && ok || bad "text report lists skipped elements: $(cat "$work/text")"

expect_rc 0 k qdpx import "$work/qualcoder.qdpx" "$work/qc.kodex"
expect_rc 0 k qdpx export "$work/qc.kodex" "$work/qc.qdpx"
expect_eq "$(guids "$work/qc.qdpx")" "$(grep -o ' guid="[^"]*"' "$src/tests/fixtures/qdpx/qualcoder/project.qde" | sort)" \
          "QualCoder project keeps every GUID"

# Broken input: data errors (2) and missing files (3), and no project left behind.
printf 'not a zip' >"$work/broken.qdpx"
expect_rc 2 k qdpx import "$work/broken.qdpx" "$work/broken.kodex"
[ ! -e "$work/broken.kodex" ] && ok || bad "a refused import left a project behind"
expect_rc 3 k qdpx import "$work/missing.qdpx" "$work/missing.kodex"
expect_rc 3 k qdpx export "$work/missing.kodex" "$work/m.qdpx"

finish
