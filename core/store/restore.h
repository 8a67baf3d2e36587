// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Putting a backup back in place of the project. The backup is checked first (a Kodex project that passes
// SQLite's integrity check and Kodex's consistency check), the current state is backed up so that the restore
// can itself be undone by restoring again, and the file is replaced atomically: the copy is written and
// synced beside the project, the project's write-ahead log is folded in and removed while the project is held
// exclusively, and the copy is renamed over it. A crash at any moment leaves either the old or the new state.
#include <string>

namespace kodex {

struct RestoreReport {
    std::string restored_from;  ///< the backup that is now the project
    std::string saved_current;  ///< the backup of the state before the restore; empty when there was no project
    bool current_was_damaged = false;  ///< the old state could not be opened and was saved byte for byte
};

/// Replaces the project at `project_path` with the backup at `backup_path`. Throws IoError (backup missing or
/// unreadable, project folder not writable), StoreError (the backup is not a Kodex project, is damaged, is
/// from a newer Kodex or fails the consistency check: Corrupt / NotAProject / TooNew; the project is open in
/// the editor or in use: Locked) and InvalidArgument (the backup is the project itself). On any error the
/// project is left as it was.
RestoreReport restore_backup(const std::string& project_path, const std::string& backup_path);

}  // namespace kodex
