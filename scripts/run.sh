#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Kodex, builds the sample study project from codebooks/ and transcripts/
# with kodex-cli (printing each step), and opens it in the editor when a display is available.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
study=build/sample/cluster_corona.kodex
scripts/sample-study.sh build/app/kodex-cli "$study"
if [ -n "${DISPLAY:-}" ] && [ -x build/app/kodex ]; then
  exec build/app/kodex "$study"
else
  echo "no display: open the study later with  build/app/kodex $study"
fi
