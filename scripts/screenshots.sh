#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes docs/screenshots/editor.png (English) and editor-de.png (German): the editor on the sample study at
# 1500x940 under a virtual X server, with a search for "hybride Formate" OR Hybrid* and its first hit opened.
#   scripts/screenshots.sh [BUILD-DIR]      (default build/; needs xvfb, xdotool, imagemagick)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/sample-study.sh "$build/app/kodex-cli" "$work/study.kodex" >/dev/null

shoot() { # shoot LANGUAGE OUTPUT
  export HOME="$work/home-$1" LANGUAGE=$1 LANG=C.UTF-8 NO_AT_BRIDGE=1
  mkdir -p "$HOME"
  cp "$work/study.kodex" "$work/cluster_corona-$1.kodex"  # each editor ends killed: its own copy
  cat >"$work/shoot.sh" <<SCRIPT
set -euo pipefail
"$PWD/$build/app/kodex" "$work/cluster_corona-$1.kodex" &
pid=\$!
for _ in \$(seq 100); do xdotool search --name "Kodex" >/dev/null 2>&1 && break; sleep 0.2; done
sleep 2
window=\$(xdotool search --name "Kodex" | head -1)
xdotool windowmove "\$window" 0 0 windowsize "\$window" 1500 940
sleep 1
xdotool windowfocus --sync "\$window" 2>/dev/null || true
xdotool key ctrl+f
sleep 0.5
xdotool type --delay 20 '"hybride Formate" OR Hybrid*'
xdotool key Return
sleep 2
xdotool mousemove 1190 802 click 1   # the first hit of the Search pane in the default layout
sleep 2
import -window root -crop 1500x940+0+0 "$2"
kill \$pid
SCRIPT
  xvfb-run -a -s "-screen 0 1500x940x24" bash "$work/shoot.sh"
}
shoot en docs/screenshots/editor.png
shoot de docs/screenshots/editor-de.png
echo "wrote docs/screenshots/editor.png and docs/screenshots/editor-de.png"
