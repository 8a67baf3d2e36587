// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An advisory lock that tells a second editor who has a project open. The lock is an fcntl() write lock
// on "<project>.lock", which the operating system releases when the holder exits or is killed, so a
// crash never leaves a stale lock. The file's text names the holder ("anna on host, process 4711, since ...");
// a clean release empties it, so text found when taking the lock means the last holder did not end cleanly
// (a crash, a kill, a power cut) and the project deserves a consistency check.
#include <memory>
#include <optional>
#include <string>

namespace kodex {

class ProjectLock {
public:
    /// Takes the lock, or returns nothing and sets `holder` to the description of who has it.
    static std::unique_ptr<ProjectLock> try_acquire(const std::string& project_path, std::string* holder = nullptr);
    ~ProjectLock();
    /// The previous holder's text when it did not release the lock cleanly; empty otherwise.
    const std::string& unclean_exit_of() const { return unclean_exit_of_; }
    ProjectLock(const ProjectLock&) = delete;
    ProjectLock& operator=(const ProjectLock&) = delete;

private:
    ProjectLock(int fd, std::string path, std::string unclean) : fd_(fd), path_(std::move(path)), unclean_exit_of_(std::move(unclean)) {}
    int fd_;
    std::string path_;
    std::string unclean_exit_of_;
};

}  // namespace kodex
