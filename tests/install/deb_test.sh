#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package with CPack and checks it: its control fields (Depends from dpkg-shlibdeps), its
# file list, and lintian (any error fails the test; warnings are printed).
#   deb_test.sh BUILD-DIR OUTPUT-DIR          (the package is left in OUTPUT-DIR)
set -uo pipefail
build=$1
out=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

rm -f "$out"/kodex_*.deb
if ! (cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1); then
  cat "$out/cpack.log"
  echo "FAIL: cpack -G DEB"
  exit 1
fi
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb=$out/kodex_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || { ls "$out"; echo "FAIL: no $deb"; exit 1; }
echo "package: $deb"

field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == kodex ]] || fail "Package is not kodex"
[[ $(field Version) == "$version" ]] || fail "Version is not $version"
[[ $(field Section) == science ]] || fail "Section is not science"
[[ -n $(field Maintainer) ]] || fail "no Maintainer"
depends=$(field Depends)
echo "Depends: $depends"
for lib in libc6 libstdc++6 libsqlite3-0 libxapian30 libwxgtk3.2 libicu72 libzip4 libpugixml1v5; do
  grep -q "\b$lib\b" <<<"$depends" || fail "Depends lacks $lib"
done

dpkg-deb -c "$deb" | awk '{print $1, $NF}' >"$out/contents.txt"
app=io.github.kodex.Kodex
for f in ./usr/bin/kodex ./usr/bin/kodex-cli ./usr/share/locale/de/LC_MESSAGES/kodex.mo \
  ./usr/share/kodex/sample/codebooks/cluster_corona.qdc ./usr/share/kodex/sample/transcripts/C01_Automotive_Sachsen.txt \
  ./usr/share/applications/$app.desktop ./usr/share/metainfo/$app.metainfo.xml ./usr/share/mime/packages/$app.xml \
  ./usr/share/icons/hicolor/scalable/apps/$app.svg ./usr/share/icons/hicolor/256x256/apps/$app.png \
  ./usr/share/man/man1/kodex.1.gz ./usr/share/man/man1/kodex-cli.1.gz \
  ./usr/share/bash-completion/completions/kodex-cli ./usr/share/doc/kodex/copyright \
  ./usr/share/doc/kodex/changelog.gz; do
  grep -q " $f$" "$out/contents.txt" || fail "the package lacks $f"
done
grep -q '^-rwxr-xr-x ./usr/bin/kodex$' "$out/contents.txt" || fail "usr/bin/kodex is not -rwxr-xr-x"
if grep -v '^d' "$out/contents.txt" | grep -vq ' ./usr/'; then fail "files outside /usr"; fi
if grep -q '^d' "$out/contents.txt" && grep '^d' "$out/contents.txt" | grep -vq '^drwxr-xr-x'; then fail "directories that are not 755"; fi
# Stripped: the editor carries no debug sections.
tmp=$(mktemp -d)
dpkg-deb -x "$deb" "$tmp"
if readelf -S "$tmp/usr/bin/kodex" | grep -q '\.debug_info'; then fail "usr/bin/kodex is not stripped"; fi
rm -rf "$tmp"

if command -v lintian >/dev/null; then
  lintian --allow-root --tag-display-limit 0 --display-info "$deb" >"$out/lintian.txt" 2>&1
  cat "$out/lintian.txt"
  if grep -q '^E:' "$out/lintian.txt"; then fail "lintian reports errors"; fi
  echo "lintian: $(grep -c '^E:' "$out/lintian.txt") errors, $(grep -c '^W:' "$out/lintian.txt") warnings"
else
  fail "lintian is missing (Debian package lintian)"
fi

if (( failures > 0 )); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "the package is complete and lintian-clean"
