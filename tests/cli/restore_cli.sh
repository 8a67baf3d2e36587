#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: `kodex-cli restore` puts a backup back, keeps the state before as a backup, and refuses a broken
# backup or a project open in the editor without changing anything.
# Usage: restore_cli.sh KODEX-CLI SOURCE-DIR
source "$(dirname "$0")/lib/harness.bash" "$@"

p="$work/study.kodex"
printf 'I: Wie war das?\n\nB: Schwierig, aber lehrreich.\n' >"$work/A.txt"
printf 'I: Und dann?\n\nB: Besser.\n' >"$work/B.txt"
expect_rc 0 k init "$p"
expect_rc 0 k import "$p" "$work/A.txt"
expect_rc 0 k codes add "$p" "Krise"
expect_rc 0 k code "$p" --doc A --code Krise --quote "Schwierig"
expect_rc 0 k codes delete "$p" Krise --codings delete      # takes a backup first
expect_eq "$(k --json backups "$p" | jq length)" "1" "one backup"
backup=$(k --json backups "$p" | jq -r '.[0]')
expect_rc 0 k import "$p" "$work/B.txt"
expect_eq "$(k --json docs "$p" | jq length)" "2" "two documents before the restore"

expect_rc 0 k --json restore "$p" "$(basename "$backup")"   # a name in STUDY.backups/ is enough
saved=$(jq -r .saved_current "$work/out")
expect_eq "$(jq -r .restored_from "$work/out")" "$backup" "restored from"
expect_eq "$(jq -r .current_was_damaged "$work/out")" "false" "not damaged"
expect_eq "$(k --json docs "$p" | jq -r '[.[].name] | join(",")')" "A" "documents after the restore"
expect_eq "$(k --json codings "$p" --code Krise | jq -r '.[0].text')" "Schwierig" "the coding is back"
expect_rc 0 k check "$p"
[ -f "$saved" ] && ok || bad "the state before the restore was not saved: $saved"
[ ! -e "$p-wal" ] || [ ! -s "$p-wal" ] && ok || bad "a write-ahead log was left beside the restored project"

# Restoring the saved state undoes the restore.
expect_rc 0 k restore "$p" "$saved"
expect_eq "$(k --json docs "$p" | jq -r '[.[].name] | join(",")')" "A,B" "restore undone"
grep -q "restore it to undo this" "$work/out" && ok || bad "no hint how to undo: $(cat "$work/out")"

# A broken backup is refused with exit 2 and the project stays as it was.
sqlite3 "$p" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
before=$(sha256sum <"$p"); nbackups=$(k --json backups "$p" | jq length)
head -c 3000 "$backup" >"$work/cut.kodex"
expect_rc 2 k restore "$p" "$work/cut.kodex"
grep -q "cut.kodex" "$work/err" && grep -q "not restored" "$work/err" && ok || bad "message: $(cat "$work/err")"
printf 'kein Projekt\n' >"$work/notes.kodex"
expect_rc 2 k restore "$p" "$work/notes.kodex"
expect_rc 3 k restore "$p" "$work/missing.kodex"
expect_rc 1 k restore "$p" "$p"
expect_eq "$(sha256sum <"$p")" "$before" "project unchanged after refused restores"
expect_eq "$(k --json backups "$p" | jq length)" "$nbackups" "no backup taken for a refused restore"

# Open in the editor (the editor's lock): exit 4, unchanged.
if command -v python3 >/dev/null; then
  python3 - "$p.lock" <<'PY' &
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.fcntl(fd, 37, b"\x01\x00" + b"\x00" * 30)  # F_OFD_SETLK with F_WRLCK, as ProjectLock takes it
os.write(fd, b"anna on host, process 1, since now\n")
time.sleep(60)
PY
  holder=$!
  for _ in $(seq 1 300); do [ -s "$p.lock" ] && break; sleep 0.1; done  # the holder writes its name once it has the lock
  expect_rc 4 k restore "$p" "$backup"
  grep -q "close it" "$work/err" && ok || bad "locked message: $(cat "$work/err")"
  kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
  expect_eq "$(sha256sum <"$p")" "$before" "project unchanged while locked"
fi

finish
