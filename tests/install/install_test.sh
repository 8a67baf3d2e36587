#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs Kodex into a temporary root and checks what a desktop needs from it: the desktop file and
# metainfo validate, the file types register with Kodex as their handler, the manual pages render, bash
# completes kodex-cli's commands and project files, the installed kodex-cli builds the sample study from
# the installed sources, and the installed editor starts in German with its catalog and sample study.
#   install_test.sh BUILD-DIR OUTPUT-DIR      (the screenshot goes to OUTPUT-DIR/installed-editor-de.png)
set -uo pipefail
build=$1
out=$2
work=$(mktemp -d /tmp/kodex-install-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/root
share=$root/usr/share
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

if ! DESTDIR=$root cmake --install "$build" --prefix /usr >"$work/install.log" 2>&1; then
  cat "$work/install.log"
  echo "FAIL: cmake --install"
  exit 1
fi

app=io.github.kodex.Kodex
for f in bin/kodex bin/kodex-cli share/locale/de/LC_MESSAGES/kodex.mo \
  share/kodex/sample/codebooks/cluster_corona.qdc share/kodex/sample/transcripts/C01_Automotive_Sachsen.txt \
  share/applications/$app.desktop share/metainfo/$app.metainfo.xml share/mime/packages/$app.xml \
  share/icons/hicolor/scalable/apps/$app.svg share/icons/hicolor/16x16/apps/$app.png \
  share/icons/hicolor/48x48/apps/$app.png share/icons/hicolor/512x512/apps/$app.png \
  share/man/man1/kodex.1.gz share/man/man1/kodex-cli.1.gz share/bash-completion/completions/kodex-cli \
  share/doc/kodex/copyright; do
  [[ -f $root/usr/$f ]] || fail "not installed: usr/$f"
done
[[ -x $root/usr/bin/kodex && -x $root/usr/bin/kodex-cli ]] || fail "the programs are not executable"
[[ $(identify -format '%wx%h' "$share/icons/hicolor/48x48/apps/$app.png") == 48x48 ]] || fail "the 48x48 icon is not 48x48"

# Desktop file, metainfo, file types.
desktop-file-validate "$share/applications/$app.desktop" && ok "desktop-file-validate" || fail "desktop-file-validate"
grep -qx 'Exec=kodex %f' "$share/applications/$app.desktop" || fail "Exec is not 'kodex %f'"
appstreamcli validate --no-net "$share/metainfo/$app.metainfo.xml" && ok "appstreamcli validate" || fail "appstreamcli validate"
cp -r /usr/share/mime/packages/freedesktop.org.xml "$share/mime/packages/" 2>/dev/null
update-mime-database "$share/mime" || fail "update-mime-database"
for pair in application/x-kodex-project:kodex application/x-refi-qda-project:qdpx application/x-refi-qda-codebook:qdc; do
  grep -q "^80:${pair%%:*}:\*\.${pair##*:}$" "$share/mime/globs2" || fail "no glob *.${pair##*:} for ${pair%%:*}"
done
update-desktop-database "$share/applications" || fail "update-desktop-database"
for type in application/x-kodex-project application/x-refi-qda-project application/x-refi-qda-codebook; do
  handler=$(XDG_DATA_HOME=$work/nohome XDG_CONFIG_HOME=$work/nohome XDG_DATA_DIRS=$share XDG_CURRENT_DESKTOP= xdg-mime query default "$type")
  [[ $handler == "$app.desktop" ]] && ok "$type opens with $handler" || fail "$type opens with '$handler', not $app.desktop"
done

# Manual pages render without warnings and name every command.
for page in kodex kodex-cli; do
  if ! text=$(LC_ALL=C.UTF-8 MANWIDTH=100 man --warnings -l "$share/man/man1/$page.1.gz" 2>"$work/man.err") || [[ -s $work/man.err ]]; then
    cat "$work/man.err"
    fail "man -l $page.1.gz"
  fi
  grep -q "EXIT STATUS" <<<"$text" || fail "$page.1 has no EXIT STATUS"
done
cli_page=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$share/man/man1/kodex-cli.1.gz" 2>/dev/null)
commands=$("$root/usr/bin/kodex-cli" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 {sub(/,$/, "", $1); print $1}')
(( $(wc -w <<<"$commands") >= 20 )) || fail "kodex-cli --help lists too few commands: $commands"
for command in $commands; do
  grep -qE "^ {7}(.*\|)?$command( |\||$)" <<<"$cli_page" || fail "kodex-cli.1 does not describe '$command'"
done

# Bash completion: commands, a command's options (from its --help), and project files.
mkdir -p "$work/files/folder"
touch "$work/files/a.kodex" "$work/files/b.txt"
completion=$(cd "$work/files" && PATH=$root/usr/bin:$PATH bash --norc --noprofile -c '
  source /usr/share/bash-completion/bash_completion
  source "$1"
  complete_line() { COMP_LINE=$1; COMP_WORDS=($1); [[ $1 == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _kodex_cli kodex-cli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    echo "$1=> ${COMPREPLY[*]}"; }
  complete_line "kodex-cli "
  complete_line "kodex-cli sa"
  complete_line "kodex-cli docs "
  complete_line "kodex-cli codes "
  complete_line "kodex-cli import a.kodex --k"
  complete_line "kodex-cli export fr"' _ "$share/bash-completion/completions/kodex-cli" 2>&1)
echo "$completion"
grep -q '^kodex-cli => .*\binit\b.*\bsample\b' <<<"$completion" || fail "kodex-cli <TAB> does not list the commands"
for command in $commands; do
  grep -q "^kodex-cli => .*\b$command\b" <<<"$completion" || fail "kodex-cli <TAB> does not offer '$command'"
done
grep -qx 'kodex-cli sa=> sample' <<<"$completion" || fail "kodex-cli sa<TAB> does not complete 'sample'"
grep -qx 'kodex-cli docs => a.kodex folder' <<<"$completion" || fail "kodex-cli docs <TAB> does not offer exactly a.kodex and the folder"
grep -q '^kodex-cli codes => add .*a.kodex' <<<"$completion" || fail "kodex-cli codes <TAB> does not offer its subcommands and a.kodex"
grep -qx 'kodex-cli import a.kodex --k=> --keep-going' <<<"$completion" || fail "options are not completed from --help"
grep -qx 'kodex-cli export fr=> frequencies' <<<"$completion" || fail "export's subcommands are not completed"

# The installed kodex-cli builds the sample study from the installed sources.
cli=$root/usr/bin/kodex-cli
study=$work/study.kodex
if "$cli" --json sample "$study" --from "$share/kodex/sample" >"$work/sample.json"; then
  documents=$(jq .documents "$work/sample.json")
  (( documents >= 6 )) && ok "kodex-cli sample: $documents documents" || fail "the sample study has $documents documents"
  (( $(jq .codings "$work/sample.json") > 0 )) || fail "the sample study has no codings"
  "$cli" check "$study" >/dev/null || fail "kodex-cli check on the sample study"
  "$cli" codebook export "$study" "$work/Codebook.qdc" || fail "kodex-cli codebook export"
  "$cli" qdpx export "$study" "$work/Study.qdpx" >/dev/null || fail "kodex-cli qdpx export"
else
  fail "kodex-cli sample from the installed sources"
fi

# The installed editor under a virtual X server, in German, on a fresh home: the first start builds the
# sample study from the installed sources; a .qdc and a .qdpx given as by a double-click ask what to do.
if ! command -v xvfb-run >/dev/null || ! xvfb-run -a true >/dev/null 2>&1; then
  echo "no virtual X server: the editor was not started"
  (( failures == 0 )) || exit 1
  exit 77
fi
cat >"$work/editor.sh" <<'INNER'
set -u
work=$1 root=$2 out=$3
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export LANG=de_DE.UTF-8 LANGUAGE=de NO_AT_BRIDGE=1
mkdir -p "$HOME"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
window_named() {  # waits up to 60 s for a window whose name matches $1
  for _ in $(seq 120); do
    xdotool search --name "$1" 2>/dev/null | head -1 | grep . && return 0
    sleep 0.5
  done
  return 1
}
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }

"$root/usr/bin/kodex" >"$work/editor1.log" 2>&1 &
pid=$!
if window_named 'Kodex sample study' >/dev/null; then
  sleep 3
  import -window root "$out/installed-editor-de.png"
  echo "ok: the installed editor opened the sample study it built; screenshot $out/installed-editor-de.png"
else
  fail "the installed editor did not open the sample study"
  cat "$work/editor1.log"
fi
kill -0 $pid 2>/dev/null || fail "the editor is gone"
stop $pid
[[ -f "$XDG_DATA_HOME/kodex/Kodex sample study.kodex" ]] || fail "no sample study in the user's data folder"

# A codebook opened from the file manager: the last project opens and the editor asks, in German.
"$root/usr/bin/kodex" "$work/Codebook.qdc" >"$work/editor2.log" 2>&1 &
pid=$!
window_named '^Codesystem importieren$' >/dev/null && echo "ok: kodex FILE.qdc asks to import the codebook, in German" \
  || fail "kodex FILE.qdc did not ask 'Codesystem importieren'"
stop $pid

# A REFI-QDA project: the editor asks where to save the imported project.
"$root/usr/bin/kodex" "$work/Study.qdpx" >"$work/editor3.log" 2>&1 &
pid=$!
window_named 'Das aus Study.qdpx importierte Projekt speichern unter' >/dev/null \
  && echo "ok: kodex FILE.qdpx offers the import, in German" || fail "kodex FILE.qdpx did not offer the import"
stop $pid
exit $failures
INNER
xvfb-run -a -s "-screen 0 1600x1000x24" bash "$work/editor.sh" "$work" "$root" "$out" || failures=$((failures + $?))

if (( failures > 0 )); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all install checks passed"
