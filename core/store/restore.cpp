// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/restore.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "core/errors.h"
#include "core/store/consistency.h"
#include "core/store/project_lock.h"
#include "core/store/project_store.h"

namespace fs = std::filesystem;

namespace kodex {

namespace {

// Removes the half-written copy unless the restore got as far as renaming it.
class TempFile {
public:
    explicit TempFile(std::string path) : path_(std::move(path)) { remove(); }
    ~TempFile() {
        if (!kept_) remove();
    }
    const std::string& path() const { return path_; }
    void keep() { kept_ = true; }

private:
    void remove() {
        std::error_code ec;
        fs::remove(path_, ec);
        fs::remove(path_ + ".part", ec);
        fs::remove(path_ + "-journal", ec);
    }
    std::string path_;
    bool kept_ = false;
};

void fsync_path(const std::string& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) throw IoError(path, std::string("cannot open to sync: ") + std::strerror(errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw IoError(path, std::string("cannot sync to disk: ") + std::strerror(err));
}

std::string backup_folder(const std::string& project) {
    const fs::path p(project);
    return (p.parent_path() / (p.stem().string() + ".backups")).string();
}

// "20261127T123456789Z", the stamp ProjectStore::backup puts into names, so that name order stays age order.
std::string stamp_now() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, "%03dZ", static_cast<int>(ms));
    return buf;
}

// A project that cannot be opened is still someone's work: keep its bytes (and its log) as they are.
std::string save_damaged(const std::string& project) {
    const std::string dir = backup_folder(project);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw IoError(dir, "cannot create the backup folder: " + ec.message());
    const std::string target =
        (fs::path(dir) / (fs::path(project).stem().string() + "-" + stamp_now() + "-damaged-before-restore.kodex")).string();
    fs::copy_file(project, target, fs::copy_options::overwrite_existing, ec);
    if (ec) throw IoError(target, "cannot save the damaged project: " + ec.message());
    if (fs::exists(project + "-wal")) {
        fs::copy_file(project + "-wal", target + "-wal", fs::copy_options::overwrite_existing, ec);
        if (ec) throw IoError(target + "-wal", "cannot save the damaged project's log: " + ec.message());
    }
    fsync_path(target, false);
    return target;
}

// Holds the current project exclusively, its write-ahead log folded into the file and removed, until the copy
// has been renamed over it. Nothing else can read or write the old file meanwhile.
class ExclusiveHold {
public:
    explicit ExclusiveHold(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
            return;
        sqlite3_busy_timeout(db_, 2000);
        rc_ = sqlite3_exec(db_,
                           "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = DELETE; "
                           "BEGIN EXCLUSIVE; COMMIT;",
                           nullptr, nullptr, nullptr);
        if (rc_ == SQLITE_OK) {
            // journal_mode answers with the mode in effect; anything but "delete" means the log is still there.
            sqlite3_stmt* s = nullptr;
            if (sqlite3_prepare_v2(db_, "PRAGMA journal_mode", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
                const auto* mode = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
                held_ = mode && std::strcmp(mode, "delete") == 0;
            }
            sqlite3_finalize(s);
        }
    }
    ~ExclusiveHold() { sqlite3_close_v2(db_); }
    ExclusiveHold(const ExclusiveHold&) = delete;
    ExclusiveHold& operator=(const ExclusiveHold&) = delete;
    bool held() const { return held_; }
    bool busy() const { return (rc_ & 0xff) == SQLITE_BUSY || (rc_ & 0xff) == SQLITE_LOCKED; }

private:
    sqlite3* db_ = nullptr;
    int rc_ = SQLITE_ERROR;
    bool held_ = false;
};

}  // namespace

RestoreReport restore_backup(const std::string& project_path, const std::string& backup_path) {
    std::error_code ec;
    if (!fs::exists(backup_path, ec)) throw IoError(backup_path, "no such backup");
    if (fs::is_directory(backup_path, ec)) throw IoError(backup_path, "is a folder, not a backup file");
    if (fs::exists(project_path, ec) && fs::equivalent(project_path, backup_path, ec))
        throw InvalidArgument(backup_path + ": is the project itself, not a backup of it");
    const fs::path folder = fs::absolute(project_path).parent_path();
    if (!fs::is_directory(folder, ec)) throw IoError(folder.string(), "no such folder");

    std::string holder;
    const auto lock = ProjectLock::try_acquire(project_path, &holder);
    if (!lock)
        throw StoreError(StoreError::Kind::Locked,
                         project_path + ": the project is open (" + holder + "); close it before restoring a backup");

    // 1. A checked copy of the backup beside the project, synced to disk.
    TempFile copy(project_path + ".restoring");
    try {
        auto source = ProjectStore::open(backup_path, /*read_only=*/true);
        source.save_copy(copy.path());
    } catch (const StoreError& e) {
        // The message names the backup and the reason; say what was not done.
        throw StoreError(e.kind(), std::string("not restored: ") + e.what());
    }
    {
        auto restored = ProjectStore::open(copy.path(), /*read_only=*/true);
        const ConsistencyReport check = check_project(restored);
        if (check.integrity != "ok")
            throw StoreError(StoreError::Kind::Corrupt,
                             "not restored: " + backup_path + ": the backup is damaged (" + check.integrity + ")");
        if (!check.issues.empty())
            throw StoreError(StoreError::Kind::Corrupt, "not restored: " + backup_path +
                                                            ": the backup fails the consistency check (" +
                                                            check.issues.front().what + ")");
    }
    fsync_path(copy.path(), false);

    // 2. The current state, kept so that this restore can be undone by restoring again.
    RestoreReport report;
    report.restored_from = backup_path;
    const bool exists = fs::exists(project_path, ec);
    if (exists) {
        try {
            auto current = ProjectStore::open(project_path, /*read_only=*/true);
            // Never let the rotation drop a backup while someone is restoring: it may be the one they need next.
            const int keep = std::max<int>(5, static_cast<int>(current.backups().size()) + 1);
            report.saved_current = current.backup("before-restore", keep);
        } catch (const StoreError& e) {
            if (e.kind() == StoreError::Kind::Locked) throw;
            report.saved_current = save_damaged(project_path);
            report.current_was_damaged = true;
        }
    }

    // 3. The swap. The old file is held exclusively and its log folded in, so no -wal or -shm of the old file
    //    can be applied to the new one; the rename is atomic.
    std::unique_ptr<ExclusiveHold> hold;
    if (exists) {
        hold = std::make_unique<ExclusiveHold>(project_path);
        if (!hold->held()) {
            if (hold->busy())
                throw StoreError(StoreError::Kind::Locked,
                                 project_path + ": the project is in use by another program; nothing was restored");
            if (!report.current_was_damaged)
                throw StoreError(StoreError::Kind::Other,
                                 project_path + ": cannot take the project for the restore; nothing was restored");
            // A damaged file SQLite cannot hold: its bytes and log are saved, so its log can simply go.
            hold.reset();
        }
    }
    fs::remove(project_path + "-wal", ec);
    fs::remove(project_path + "-shm", ec);
    fs::rename(copy.path(), project_path, ec);
    if (ec) throw IoError(project_path, "cannot replace the project: " + ec.message());
    copy.keep();
    hold.reset();
    fsync_path(folder.string(), true);
    return report;
}

}  // namespace kodex
