// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/errors.h"

namespace fs = std::filesystem;

namespace kodex {

namespace {
std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }
}  // namespace

void require_regular_file(const std::string& path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st)) throw IoError(path, std::strerror(ENOENT));
    if (fs::is_directory(st)) throw IoError(path, "is a folder, not a file");
    if (!fs::is_regular_file(st))
        throw IoError(path, "not a regular file (a pipe, socket or device); refusing to read it");
}

std::string read_regular_file(const std::string& path, std::uint64_t limit, const std::string& what) {
    require_regular_file(path);
    std::error_code ec;
    if (const auto size = fs::file_size(path, ec); !ec && size > limit)
        throw IoError(path, "refusing " + what + " larger than " + mib(limit));
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw IoError(path, std::string("cannot open for reading: ") + std::strerror(errno));
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
        bytes.append(buffer, n);
        if (bytes.size() > limit) throw IoError(path, "refusing " + what + " larger than " + mib(limit));
        if (n < sizeof buffer) break;
    }
    if (std::ferror(file.get())) throw IoError(path, std::string("cannot read: ") + std::strerror(errno));
    return bytes;
}

}  // namespace kodex
