// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading files handed to Kodex. Only regular files are read: a pipe, a terminal or a device named like a
// transcript would block an import forever or never end (/dev/zero), so they are refused before opening.
#include <cstdint>
#include <string>

namespace kodex {

/// Throws IoError naming the path unless it is a regular file (symlinks are followed): missing, a folder,
/// or a pipe, socket or device.
void require_regular_file(const std::string& path);

/// The whole content of a regular file. Throws IoError naming the path when require_regular_file refuses it,
/// when it is larger than `limit` bytes (checked before reading, and again while reading in case it grows),
/// or when it cannot be read. `what` names the file in the size message ("a table", "the file").
std::string read_regular_file(const std::string& path, std::uint64_t limit, const std::string& what = "the file");

}  // namespace kodex
