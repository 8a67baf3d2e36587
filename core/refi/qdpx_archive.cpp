// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/refi/qdpx_archive.h"

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/file_io.h"
#include "core/import/zip_xml.h"

namespace fs = std::filesystem;

namespace kodex {

namespace {

std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string forward_slashes(std::string s) {
    for (char& c : s)
        if (c == '\\') c = '/';
    return s;
}

// A name that would land outside a folder it was extracted into: absolute, a drive, or a ".." step.
bool escapes(const std::string& raw) {
    const std::string name = forward_slashes(raw);
    if (name.empty()) return false;
    if (name[0] == '/') return true;
    if (name.size() >= 2 && name[1] == ':' && ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')))
        return true;
    std::size_t from = 0;
    for (;;) {
        const std::size_t slash = name.find('/', from);
        if (name.substr(from, slash == std::string::npos ? std::string::npos : slash - from) == "..") return true;
        if (slash == std::string::npos) return false;
        from = slash + 1;
    }
}

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::string percent_decoded(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto hex = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string read_disk_file(const fs::path& path, std::uint64_t limit, const std::string& what) {
    require_regular_file(path.string());  // a pipe or device would block or never end
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) throw IoError(path.string(), "cannot read: " + ec.message());
    if (size > limit) throw IoError(path.string(), what + " is larger than " + mib(limit));
    std::ifstream in(path, std::ios::binary);
    std::string data(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(data.data(), static_cast<std::streamsize>(size))) throw IoError(path.string(), "cannot read");
    return data;
}

}  // namespace

QdpxArchive::QdpxArchive(const std::string& path, const QdpxLimits& limits)
    : display_name_(fs::path(path).filename().string()), limits_(limits) {
    if (!fs::exists(path)) throw IoError(path, "no such file");
    bytes_ = read_disk_file(path, limits.max_file_size, "the file");
    if (bytes_.size() >= 2 && bytes_[0] == 'P' && bytes_[1] == 'K') {
        open_zip(limits);
        return;
    }
    std::size_t i = bytes_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < bytes_.size() && (bytes_[i] == ' ' || bytes_[i] == '\t' || bytes_[i] == '\r' || bytes_[i] == '\n')) ++i;
    if (i < bytes_.size() && bytes_[i] == '<') {
        open_bare(path);
        return;
    }
    throw ParseError(display_name_, -1, "neither a .qdpx (zip) archive nor a REFI-QDA project (.qde) file");
}

QdpxArchive::~QdpxArchive() = default;

void QdpxArchive::open_zip(const QdpxLimits& limits) {
    zip_ = std::make_unique<ZipReader>(bytes_, display_name_);
    const std::uint64_t count = zip_->entry_count();
    if (count > limits.max_entries)
        throw ParseError(display_name_, -1, "refusing: the archive has " + std::to_string(count) +
                                                " entries, more than the limit of " + std::to_string(limits.max_entries));
    std::uint64_t total = 0, total_compressed = 0;
    std::vector<std::uint64_t> root_qde;
    for (const ZipEntry& e : zip_->entries()) {
        if (escapes(e.name))
            throw ParseError(display_name_, -1, "refusing: the entry \"" + e.name +
                                                    "\" would escape the archive (absolute path or \"..\")");
        total += e.size;
        total_compressed += e.compressed_size;
        if (total > limits.max_total_size)
            throw ParseError(display_name_, -1, "refusing: the archive expands to more than " + mib(limits.max_total_size));
        const std::string path = forward_slashes(e.name);
        if (path.empty() || path.back() == '/') continue;  // a folder
        const std::uint64_t index = entries_.size();
        entries_.push_back({e.index, e.name, e.size, e.compressed_size, {}});
        const std::string lower = ascii_lower(path);
        by_path_.emplace(lower, index);
        if (starts_with(lower, "sources/") && lower.find('/', 8) == std::string::npos)
            by_source_.emplace(lower.substr(8), index);
        if (lower.find('/') == std::string::npos && lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".qde") == 0)
            root_qde.push_back(index);
    }
    if (total > (64ull << 20) && total > limits.max_total_ratio * total_compressed)
        throw ParseError(display_name_, -1, "refusing: the archive is compressed more than " +
                                                std::to_string(limits.max_total_ratio) + ":1 (a zip bomb?)");

    if (const auto it = by_path_.find("project.qde"); it != by_path_.end()) {
        qde_entry_ = it->second;
    } else if (root_qde.size() == 1) {
        qde_entry_ = root_qde[0];
        warnings_.push_back("the project XML is named \"" + entries_[qde_entry_].name +
                            "\" instead of project.qde; read it anyway");
    } else if (root_qde.empty()) {
        throw ParseError(display_name_, -1, "not a REFI-QDA project: no project.qde at the root of the archive");
    } else {
        std::string names;
        for (const auto i : root_qde) names += (names.empty() ? "" : ", ") + entries_[i].name;
        throw ParseError(display_name_, -1, "several project XML files and none named project.qde: " + names);
    }
    qde_name_ = entries_[qde_entry_].name;
}

void QdpxArchive::open_bare(const std::string& path) {
    qde_name_ = display_name_;
    // Internal files of a bare .qde are looked for beside it and in its sources folder.
    const fs::path dir = fs::absolute(path).parent_path();
    std::error_code ec;
    for (const auto& d : fs::directory_iterator(dir, ec)) {
        const std::string name = d.path().filename().string();
        if (d.is_regular_file(ec)) {
            by_path_.emplace(ascii_lower(name), entries_.size());
            entries_.push_back({0, name, 0, 0, d.path().string()});
        } else if (d.is_directory(ec) && ascii_lower(name) == "sources") {
            for (const auto& f : fs::directory_iterator(d.path(), ec)) {
                if (!f.is_regular_file(ec)) continue;
                const std::string file = ascii_lower(f.path().filename().string());
                by_path_.emplace("sources/" + file, entries_.size());
                by_source_.emplace(file, entries_.size());
                entries_.push_back({0, name + "/" + f.path().filename().string(), 0, 0, f.path().string()});
            }
        }
    }
}

std::string QdpxArchive::read_qde() const {
    if (!zip_) return bytes_;
    const Entry& e = entries_[qde_entry_];
    return zip_->read(ZipEntry{e.zip_index, e.name, e.size, e.compressed_size}, limits_.max_qde_size);
}

std::optional<std::string> QdpxArchive::read_internal(const std::string& reference, std::string* where) const {
    std::string ref = forward_slashes(reference);
    const std::string lower_ref = ascii_lower(ref);
    for (const char* scheme : {"internal://", "internal:/", "internal:"}) {
        if (starts_with(lower_ref, scheme)) {
            ref.erase(0, std::string(scheme).size());
            break;
        }
    }
    while (!ref.empty() && ref.front() == '/') ref.erase(0, 1);
    if (ref.empty() || escapes(ref)) return std::nullopt;

    const auto find = [this](const std::string& r) -> const Entry* {
        const std::string lower = ascii_lower(r);
        for (const std::string& key : {lower, "sources/" + lower}) {
            if (const auto it = by_path_.find(key); it != by_path_.end()) return &entries_[it->second];
        }
        const std::string base = lower.substr(lower.rfind('/') == std::string::npos ? 0 : lower.rfind('/') + 1);
        if (const auto it = by_source_.find(base); it != by_source_.end()) return &entries_[it->second];
        if (const auto it = by_path_.find(base); it != by_path_.end()) return &entries_[it->second];
        return nullptr;
    };
    const Entry* e = find(ref);
    if (!e && ref.find('%') != std::string::npos) e = find(percent_decoded(ref));
    if (!e) return std::nullopt;
    if (where) *where = e->name;
    if (!e->disk_path.empty()) return read_disk_file(e->disk_path, limits_.max_source_size, e->name);
    return zip_->read(ZipEntry{e->zip_index, e->name, e->size, e->compressed_size}, limits_.max_source_size);
}

}  // namespace kodex
