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
mapfile -t interviews < <(printf '%s\n' "$root"/transcripts/*.txt "$root"/transcripts/*.docx "$root"/transcripts/*.odt \
  "$root"/transcripts/*.vtt "$root"/transcripts/*.srt | sort)
step import "$study" "${interviews[@]}"
step docs "$study"

step variables import "$study" "$root/transcripts/variables.csv" --key interview_id
if [ -f "$root/transcripts/codings.tsv" ]; then
  printf '\n\033[1m# the sample codings in transcripts/codings.tsv, one kodex-cli code call each\033[0m\n'
  n=0
  while IFS=$'\t' read -r doc code coder quote; do
    "$cli" --coder "$coder" code "$study" --doc "$doc" --code "$code" --quote "$quote" >/dev/null
    n=$((n + 1))
  done < <(tail -n +2 "$root/transcripts/codings.tsv")
  echo "$n codings applied"
fi
{ step show "$study" C01_Automotive_Sachsen || true; } | head -n 12
echo "  ..."
step --coder demo code "$study" --doc C01_Automotive_Sachsen \
  --code "Transmitterrolle der Clustermanagements/Informationen bündeln und streuen" --quote "Wie mache ich Kurzarbeit?"
step codings "$study" --doc C01_Automotive_Sachsen --code "Transmitterrolle der Clustermanagements" --subcodes
step undo "$study"
step redo "$study"
step codes "$study"
step memo set "$study" --project "Beispielstudie: Expert:inneninterviews mit Clustermanager:innen zur Corona-Krise."
printf '\nsample study ready: %s\n' "$study"
