#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the application icon's PNG sizes from its SVG (rsvg-convert, Debian package librsvg2-bin).
# Run after changing icons/io.github.kodex.Kodex.svg and commit the PNGs with it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for size in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert -w $size -h $size "$here/icons/io.github.kodex.Kodex.svg" -o "$here/icons/png/${size}.png"
done
