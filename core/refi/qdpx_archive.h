// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to core/refi: the container side of a .qdpx import. The archive is read in memory and checked
// before anything is parsed; internal files are found the way real producers name them.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kodex {

class ZipReader;

/// Hard limits against hostile archives. Real projects stay far below them.
struct QdpxLimits {
    std::uint64_t max_file_size = (2ull << 30) - 1;   ///< the .qdpx itself, read into memory
    std::uint64_t max_entries = 50000;
    std::uint64_t max_total_size = 4ull << 30;        ///< sum of the declared uncompressed sizes
    std::uint64_t max_total_ratio = 200;              ///< the archive as a whole (checked above 64 MiB)
    std::uint64_t max_qde_size = 512ull << 20;
    std::uint64_t max_source_size = 256ull << 20;     ///< one internal text file
};

/// A .qdpx archive or a bare .qde file with the folder it sits in.
class QdpxArchive {
public:
    /// Opens `path`. Throws IoError (unreadable, too large) or ParseError (neither zip nor XML; entry names
    /// that escape the archive; too many entries; expanding beyond the limits; no project XML or several).
    explicit QdpxArchive(const std::string& path, const QdpxLimits& limits = {});
    ~QdpxArchive();
    QdpxArchive(const QdpxArchive&) = delete;
    QdpxArchive& operator=(const QdpxArchive&) = delete;

    /// Name of the project XML: the zip entry ("project.qde", "Trial.qde") or the bare file's name.
    const std::string& qde_name() const { return qde_name_; }
    /// The project XML's bytes.
    std::string read_qde() const;
    /// The bytes of an internal file named by a path attribute: "internal://x.txt", "internal:/x.txt", a bare
    /// "x.txt" or "sources/x.txt", matched case-insensitively inside the sources folder (any case) or at the
    /// root. `where` receives the entry that was read. Nothing when there is no such file; throws ParseError
    /// when the file exists but is refused (too large, too compressed, corrupt).
    std::optional<std::string> read_internal(const std::string& reference, std::string* where = nullptr) const;
    /// Notes about the container (a project XML not named project.qde ...).
    const std::vector<std::string>& warnings() const { return warnings_; }
    /// The file name shown in messages.
    const std::string& display_name() const { return display_name_; }

private:
    void open_zip(const QdpxLimits& limits);
    void open_bare(const std::string& path);

    std::string display_name_;
    std::string bytes_;                     // the whole archive (zip), or the bare .qde
    std::unique_ptr<ZipReader> zip_;
    std::map<std::string, std::uint64_t> by_path_;   // lower-case entry path -> index into entries_
    std::map<std::string, std::uint64_t> by_source_; // lower-case file name inside sources/ -> index
    struct Entry {
        std::uint64_t zip_index = 0;
        std::string name;
        std::uint64_t size = 0, compressed_size = 0;
        std::string disk_path;  // bare .qde: the file beside it
    };
    std::vector<Entry> entries_;
    std::string qde_name_;
    std::uint64_t qde_entry_ = 0;
    QdpxLimits limits_;
    std::vector<std::string> warnings_;
};

}  // namespace kodex
