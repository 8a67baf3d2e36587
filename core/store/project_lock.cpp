// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/project_lock.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/errors.h"
#include "core/store/project_store.h"

namespace kodex {

namespace {

std::string read_text(int fd) {
    std::string text(512, '\0');
    const ssize_t n = pread(fd, text.data(), text.size(), 0);
    text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
    return text;
}

std::string read_holder(int fd) {
    const std::string text = read_text(fd);
    return text.empty() ? "another program" : text;
}

}  // namespace

std::unique_ptr<ProjectLock> ProjectLock::try_acquire(const std::string& project_path, std::string* holder) {
    const std::string path = project_path + ".lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw IoError(path, std::string("cannot create the lock file: ") + std::strerror(errno));
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    // Open-file-description locks: two opens conflict even within one process, and the lock goes with the fd.
    if (fcntl(fd, F_OFD_SETLK, &fl) != 0) {
        if (holder) *holder = read_holder(fd);
        ::close(fd);
        return nullptr;
    }
    const std::string left_behind = read_text(fd);
    char host[256] = "this computer";
    gethostname(host, sizeof host - 1);
    const char* user = std::getenv("USER");
    const std::string who = std::string(user && *user ? user : "someone") + " on " + host + ", process " +
                            std::to_string(getpid()) + ", since " + utc_now() + "\n";
    if (ftruncate(fd, 0) != 0 || pwrite(fd, who.data(), who.size(), 0) != static_cast<ssize_t>(who.size())) {
        ::close(fd);
        throw IoError(path, "cannot write the lock file");
    }
    return std::unique_ptr<ProjectLock>(new ProjectLock(fd, path, left_behind));
}

ProjectLock::~ProjectLock() {
    // Emptied rather than removed: removing would race with another process that just opened it.
    if (ftruncate(fd_, 0) != 0) {
    }
    ::close(fd_);
}

}  // namespace kodex
