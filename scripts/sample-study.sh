#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the sample study project with kodex-cli and shows what each step did.
# Usage: scripts/sample-study.sh KODEX-CLI PROJECT.kodex
set -euo pipefail
cli=$1
study=$2
root=$(cd "$(dirname "$0")/.." && pwd)
step() { printf '\n\033[1m$ kodex-cli %s\033[0m\n' "$*"; "$cli" "$@"; }

mkdir -p "$(dirname "$study")"
rm -f "$study" "$study-wal" "$study-shm"
step init "$study"
step codebook import "$study" "$root/codebooks/cluster_corona.qdc"
shopt -s nullglob
step import "$study" "$root"/transcripts/*.txt "$root"/transcripts/*.docx "$root"/transcripts/*.odt "$root"/transcripts/*.vtt "$root"/transcripts/*.srt
step docs "$study"

# Document variables from transcripts/variables.csv (interview_id is the document name).
if [ -f "$root/transcripts/variables.csv" ]; then
  printf '\n\033[1m# document variables from transcripts/variables.csv\033[0m\n'
  step var define "$study" size --type integer
  python3 - "$root/transcripts/variables.csv" <<'PY' | while IFS=$'\t' read -r doc name value; do "$cli" var set "$study" "$doc" "$name" "$value"; done
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        doc = row.pop('interview_id')
        for k, v in row.items():
            print(f"{doc}\t{k}\t{v}")
PY
  step var list "$study"
fi

{ step show "$study" C01_Automotive_Sachsen || true; } | head -n 12
echo "  ..."
step --coder demo code "$study" --doc C01_Automotive_Sachsen \
  --code "Transmitterrolle der Clustermanagements/Informationen bündeln und streuen" --quote "Wie mache ich Kurzarbeit?"
step codings "$study"
step undo "$study"
step redo "$study"
step codes "$study"
step memo set "$study" --project "Beispielstudie: Expert:inneninterviews mit Clustermanager:innen zur Corona-Krise."
printf '\nsample study ready: %s\n' "$study"
