// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/project_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/file_io.h"
#include "core/store/schema.h"

namespace fs = std::filesystem;

namespace kodex {

std::string utc_now() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

// Reads the first bytes so that a file that is not SQLite at all is refused before SQLite touches it.
void check_sqlite_header(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path, "cannot open for reading");
    char head[16] = {};
    in.read(head, sizeof head);
    if (in.gcount() == 0)
        throw StoreError(StoreError::Kind::NotAProject, path + ": not a Kodex project (the file is empty)");
    if (in.gcount() < 16 || std::memcmp(head, "SQLite format 3\0", 16) != 0)
        throw StoreError(StoreError::Kind::NotAProject, path + ": not a Kodex project (not an SQLite database)");
}

}  // namespace

ProjectStore ProjectStore::create(const std::string& path) {
    if (fs::exists(path)) throw IoError(path, "a file with this name exists already");
    Db db(path, /*create=*/true);
    ProjectStore store(std::move(db), false);
    store.configure();
    Transaction tx(store.db_);
    store.db_.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    store.migrate(0);
    tx.commit();
    return store;
}

ProjectStore ProjectStore::open(const std::string& path, bool read_only) {
    if (!fs::exists(path)) throw IoError(path, "no such file");
    if (fs::is_directory(path)) throw IoError(path, "is a folder, not a project file");
    require_regular_file(path);  // reading the header of a pipe would block
    check_sqlite_header(path);
    Db db(path, /*create=*/false, read_only);
    // Read-only checks first: nothing below writes until the file is known to be ours.
    std::int64_t app_id = 0, version = 0;
    try {
        app_id = db.query_int("PRAGMA application_id");
        version = db.query_int("PRAGMA user_version");
    } catch (const StoreError& e) {
        throw StoreError(e.kind(), path + ": cannot read the project (" + e.what() + ")");
    }
    if (app_id != kApplicationId)
        throw StoreError(StoreError::Kind::NotAProject,
                         path + ": not a Kodex project (an SQLite database of another program)");
    if (version > kSchemaVersion)
        throw StoreError(StoreError::Kind::TooNew, path + ": written by a newer Kodex (schema " +
                                                       std::to_string(version) + ", this Kodex reads up to " +
                                                       std::to_string(kSchemaVersion) + "); please update Kodex");
    {
        // integrity_check, not quick_check: a checkpoint torn by a crash or a copy taken without the -wal file
        // leaves tables and their indexes disagreeing (rows missing from a UNIQUE index), which quick_check does
        // not see and which later edits would build on. The cost is small next to reading every page, which
        // both do (300 000 codings: 1.1 s instead of 0.3 s).
        Stmt check(db, "PRAGMA integrity_check(1)");
        std::string first;
        try {
            if (check.step()) first = check.col_text(0);
        } catch (const StoreError& e) {
            throw StoreError(StoreError::Kind::Corrupt, path + ": the project file is damaged (" + e.what() + ")");
        }
        if (first != "ok")
            throw StoreError(StoreError::Kind::Corrupt, path + ": the project file is damaged (" + first +
                                                            "); restore a backup from the .backups folder (kodex-cli backups, kodex-cli restore)");
    }
    ProjectStore store(std::move(db), read_only);
    if (!read_only) {
        store.configure();
        if (version < kSchemaVersion) {
            store.backup("before-upgrade");
            Transaction tx(store.db_);
            store.migrate(static_cast<int>(version));
            tx.commit();
        }
    } else {
        store.db_.exec("PRAGMA foreign_keys = ON");
    }
    return store;
}

void ProjectStore::configure() {
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = FULL");
    db_.exec("PRAGMA foreign_keys = ON");
}

void ProjectStore::migrate(int from) {
    const auto& steps = migrations();
    for (int v = from; v < static_cast<int>(steps.size()); ++v) db_.exec(steps[static_cast<std::size_t>(v)]);
    db_.exec("PRAGMA user_version = " + std::to_string(steps.size()));
}

std::string ProjectStore::meta(const std::string& key, const std::string& fallback) {
    Stmt s(db_, "SELECT value FROM meta WHERE key = ?");
    s.bind(1, key);
    return s.step() ? s.col_text(0) : fallback;
}

void ProjectStore::set_meta(const std::string& key, const std::string& value) {
    Stmt s(db_, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value).run();
}

namespace {
fs::path backup_dir(const std::string& project) {
    const fs::path p(project);
    return p.parent_path() / (p.stem().string() + ".backups");
}
}  // namespace

std::vector<std::string> ProjectStore::backups() const {
    std::vector<std::string> out;
    const fs::path dir = backup_dir(path());
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".kodex") out.push_back(e.path().string());
    // Names start with a sortable UTC time, so name order is age order.
    std::sort(out.rbegin(), out.rend());
    return out;
}

void ProjectStore::save_copy(const std::string& path_out) {
    std::error_code ec;
    if (fs::equivalent(path_out, path(), ec)) throw IoError(path_out, "is the project itself");
    const std::string tmp = path_out + ".part";
    fs::remove(tmp, ec);
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(tmp.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(dest);
        throw IoError(path_out, "cannot create the copy");
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_.handle(), "main");
    if (!b) {
        const std::string msg = sqlite3_errmsg(dest);
        sqlite3_close(dest);
        fs::remove(tmp, ec);
        throw IoError(path_out, "cannot start the copy: " + msg);
    }
    rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    // A copy is a single self-contained file: no WAL beside it.
    if (rc == SQLITE_DONE) rc = sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) == SQLITE_OK ? SQLITE_DONE : SQLITE_ERROR;
    sqlite3_close(dest);
    if (rc != SQLITE_DONE) {
        fs::remove(tmp, ec);
        throw IoError(path_out, std::string("copy failed: ") + sqlite3_errstr(rc));
    }
    fs::rename(tmp, path_out, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw IoError(path_out, "cannot write: " + ec.message());
    }
}

std::string ProjectStore::backup(const std::string& why, int keep) {
    const fs::path dir = backup_dir(path());
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw IoError(dir.string(), "cannot create the backup folder: " + ec.message());
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &tm);
    char msbuf[8];
    std::snprintf(msbuf, sizeof msbuf, "%03d", static_cast<int>(ms));
    const std::string stem = fs::path(path()).stem().string();
    fs::path target = dir / (stem + "-" + stamp + msbuf + "Z-" + why + ".kodex");
    for (int n = 2; fs::exists(target); ++n)
        target = dir / (stem + "-" + stamp + msbuf + "Z-" + why + "-" + std::to_string(n) + ".kodex");

    save_copy(target.string());
    const auto all = backups();
    for (std::size_t i = static_cast<std::size_t>(std::max(keep, 1)); i < all.size(); ++i) fs::remove(all[i], ec);
    return target.string();
}

}  // namespace kodex
