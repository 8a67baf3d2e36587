#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# PDF import as the user runs it: `kodex-cli import` of a PAGES-page text PDF into a new project, the whole
# process, against the floor `pdftotext` (poppler-utils) on the same file. Best of RUNS. Run by hand:
#   tests/bench/pdf_import.sh KODEX-CLI [PAGES=100] [RUNS=5]
# Needs python3-reportlab, fonts-dejavu-core (to make the PDF) and poppler-utils.
set -euo pipefail
cli=$(realpath "$1")
pages=${2:-100}
runs=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/make_long_pdf.py" "$work/long.pdf" "$pages"

best() { # best COMMAND...: the shortest wall time of $runs runs, in seconds
  local b="" t
  for ((i = 0; i < runs; i++)); do
    rm -f "$work/study.kodex"*
    "$cli" init "$work/study.kodex" >/dev/null
    /usr/bin/time -o "$work/time" -f %e "$@" >/dev/null 2>&1
    t=$(cat "$work/time")
    if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
  done
  echo "$b"
}
kodex=$(best "$cli" import "$work/study.kodex" "$work/long.pdf")
"$cli" docs "$work/study.kodex"
floor=$(best pdftotext "$work/long.pdf" "$work/long.txt")
printf '%s pages, %s KB: kodex-cli import %s s, pdftotext %s s\n' "$pages" "$(($(stat -c %s "$work/long.pdf") / 1024))" "$kodex" "$floor"
