// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The project file: one SQLite database (*.kodex) in WAL mode with foreign keys on, marked with an
// application id and a schema version (PRAGMA user_version) that forward migrations raise. Opening
// checks, before anything is written, that the file is a Kodex project, is not damaged and was not
// written by a newer Kodex.
#include <string>
#include <vector>

#include "core/store/sqlite_util.h"

namespace kodex {

class ProjectStore {
public:
    static constexpr int kSchemaVersion = 3;
    static constexpr std::int64_t kApplicationId = 0x4B4F4458;  // "KODX"

    /// Creates a new, empty project. Throws IoError when the file already exists.
    static ProjectStore create(const std::string& path);
    /// Opens an existing project, migrating an older schema (after a backup). Throws IoError (missing),
    /// StoreError (not a project, corrupt, too new, locked). The file is left untouched on failure.
    static ProjectStore open(const std::string& path, bool read_only = false);

    Db& db() { return db_; }
    const std::string& path() const { return db_.path(); }
    bool read_only() const { return read_only_; }

    /// Copies the project with SQLite's online backup API into "<dir>/<stem>.backups/<stem>-<UTC time>-<why>.kodex"
    /// and keeps the newest `keep` copies. Returns the backup's path.
    std::string backup(const std::string& why, int keep = 5);
    /// Writes a consistent copy of the project to `path` (replacing it) with the online backup API.
    void save_copy(const std::string& path);
    /// Existing backups, newest first.
    std::vector<std::string> backups() const;

    /// Reads and writes the `meta` key/value table.
    std::string meta(const std::string& key, const std::string& fallback = {});
    void set_meta(const std::string& key, const std::string& value);

private:
    explicit ProjectStore(Db db, bool read_only) : db_(std::move(db)), read_only_(read_only) {}
    void configure();
    void migrate(int from);

    Db db_;
    bool read_only_ = false;
};

/// The current time in UTC as ISO 8601 ("2026-11-27T12:34:56Z").
std::string utc_now();

}  // namespace kodex
