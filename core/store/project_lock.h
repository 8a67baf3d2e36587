// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An advisory lock that tells a second editor who has a project open. The lock is an fcntl() write lock
// on "<project>.lock", which the operating system releases when the holder exits or is killed, so a
// crash never leaves a stale lock. The file's text names the holder ("anna on host, process 4711, since ...").
#include <memory>
#include <optional>
#include <string>

namespace kodex {

class ProjectLock {
public:
    /// Takes the lock, or returns nothing and sets `holder` to the description of who has it.
    static std::unique_ptr<ProjectLock> try_acquire(const std::string& project_path, std::string* holder = nullptr);
    ~ProjectLock();
    ProjectLock(const ProjectLock&) = delete;
    ProjectLock& operator=(const ProjectLock&) = delete;

private:
    ProjectLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    int fd_;
    std::string path_;
};

}  // namespace kodex
