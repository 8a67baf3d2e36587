#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs an editor test under a virtual X server. Exits with 77 (CTest: skipped) when none can start.
#   run_under_xvfb.sh TEST-EXECUTABLE [ARGS...]
set -u
screen=(-s "-screen 0 1600x1000x24")
export NO_AT_BRIDGE=1  # no accessibility bus inside the virtual display
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is missing (Debian package xvfb): the editor tests did not run"
  exit 77
fi
if ! xvfb-run -a "${screen[@]}" true >/dev/null 2>&1; then
  echo "SKIP: no virtual X server could start: the editor tests did not run"
  exit 77
fi
exec xvfb-run -a "${screen[@]}" "$@"
