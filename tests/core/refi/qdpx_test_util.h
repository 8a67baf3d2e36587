// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test helpers for .qdpx: a zip writer that reproduces what real producers (and attackers) put into
// archives byte by byte (stored or deflated entries, data descriptors, Zip64 records, unknown extra fields,
// lying sizes, escaping names), the vendor-style fixture folders zipped with it, and schema validation.
#include <doctest/doctest.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/refi/guid.h"
#include "tests/core/test_util.h"

namespace kodex::test {

inline std::uint32_t crc32_of(const std::string& data) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) crc = table[(crc ^ c) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

/// Raw deflate data of `data`, made by libzip (the tests do not link zlib themselves).
inline std::string deflate_raw(const std::string& data) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(buffer);
    zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    REQUIRE(za);
    zip_source_keep(buffer);
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    const zip_int64_t index = zip_file_add(za, "x", s, 0);
    REQUIRE(index == 0);
    REQUIRE(zip_set_file_compression(za, 0, ZIP_CM_DEFLATE, 9) == 0);
    REQUIRE(zip_close(za) == 0);
    REQUIRE(zip_source_open(buffer) == 0);
    zip_stat_t st;
    zip_stat_init(&st);
    REQUIRE(zip_source_stat(buffer, &st) == 0);
    std::string archive(static_cast<std::size_t>(st.size), '\0');
    REQUIRE(zip_source_read(buffer, archive.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_source_close(buffer);
    zip_source_free(buffer);
    const auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(archive[at]) | static_cast<unsigned char>(archive[at + 1]) << 8);
    };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    REQUIRE(u16(8) == 8);  // libzip did deflate
    return archive.substr(30 + u16(26) + u16(28), u32(18));
}

struct ZipEntrySpec {
    bool deflate = true;
    bool data_descriptor = false;                 ///< sizes and CRC after the data (flag bit 3), as MAXQDA writes
    bool zip64 = false;                           ///< Zip64 extra fields with the sizes
    std::string extra;                            ///< more extra fields, raw (id, length, data)
    std::optional<std::uint64_t> declared_size;   ///< lie about the uncompressed size
    std::optional<std::uint64_t> declared_compressed;
};

/// Builds a zip archive in memory, one entry at a time.
class ZipBuilder {
public:
    void add(const std::string& name, const std::string& data, const ZipEntrySpec& spec = {}) {
        Entry e;
        e.name = name;
        e.spec = spec;
        e.crc = crc32_of(data);
        e.size = spec.declared_size.value_or(data.size());
        const std::string body = spec.deflate ? deflate_raw(data) : data;
        e.compressed = spec.declared_compressed.value_or(body.size());
        e.offset = out_.size();
        const bool z64 = spec.zip64;
        u32(0x04034b50);
        u16(z64 ? 45 : 20);
        u16(0x0800 | (spec.data_descriptor ? 0x0008 : 0));
        u16(spec.deflate ? 8 : 0);
        u16(0x6000);  // 12:00
        u16(0x5A21);  // 2025-01-01
        u32(spec.data_descriptor ? 0 : e.crc);
        u32(z64 ? 0xFFFFFFFFu : (spec.data_descriptor ? 0 : static_cast<std::uint32_t>(e.compressed)));
        u32(z64 ? 0xFFFFFFFFu : (spec.data_descriptor ? 0 : static_cast<std::uint32_t>(e.size)));
        std::string extra = spec.extra;
        if (z64) extra = zip64_extra(e, false) + extra;
        u16(name.size());
        u16(extra.size());
        out_ += name;
        out_ += extra;
        out_ += body;
        if (spec.data_descriptor) {
            u32(0x08074b50);
            u32(e.crc);
            if (z64) {
                u64(e.compressed);
                u64(e.size);
            } else {
                u32(static_cast<std::uint32_t>(e.compressed));
                u32(static_cast<std::uint32_t>(e.size));
            }
        }
        entries_.push_back(e);
    }

    /// The finished archive; `zip64_end` adds the Zip64 end of central directory record and locator.
    std::string finish(bool zip64_end = false) {
        const std::string locals = out_;
        const std::size_t cd_start = out_.size();
        for (const Entry& e : entries_) {
            const bool z64 = e.spec.zip64;
            u32(0x02014b50);
            u16(0x031E);  // made by: Unix, 3.0
            u16(z64 ? 45 : 20);
            u16(0x0800 | (e.spec.data_descriptor ? 0x0008 : 0));
            u16(e.spec.deflate ? 8 : 0);
            u16(0x6000);
            u16(0x5A21);
            u32(e.crc);
            u32(z64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(e.compressed));
            u32(z64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(e.size));
            const std::string extra = (z64 ? zip64_extra(e, true) : std::string()) + e.spec.extra;
            u16(e.name.size());
            u16(extra.size());
            u16(0);        // comment
            u16(0);        // disk
            u16(0);        // internal attributes
            u32(0x81A40000u);  // -rw-r--r--
            u32(z64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(e.offset));
            out_ += e.name;
            out_ += extra;
        }
        const std::size_t cd_size = out_.size() - cd_start;
        if (zip64_end) {
            const std::size_t record = out_.size();
            u32(0x06064b50);
            u64(44);
            u16(45);
            u16(45);
            u32(0);
            u32(0);
            u64(entries_.size());
            u64(entries_.size());
            u64(cd_size);
            u64(cd_start);
            u32(0x07064b50);
            u32(0);
            u64(record);
            u32(1);
        }
        u32(0x06054b50);
        u16(0);
        u16(0);
        u16(zip64_end ? 0xFFFF : entries_.size());
        u16(zip64_end ? 0xFFFF : entries_.size());
        u32(zip64_end ? 0xFFFFFFFFu : static_cast<std::uint32_t>(cd_size));
        u32(zip64_end ? 0xFFFFFFFFu : static_cast<std::uint32_t>(cd_start));
        u16(0);
        std::string archive = std::move(out_);
        out_ = locals;
        return archive;
    }

private:
    struct Entry {
        std::string name;
        ZipEntrySpec spec;
        std::uint32_t crc = 0;
        std::uint64_t size = 0, compressed = 0, offset = 0;
    };

    std::string zip64_extra(const Entry& e, bool central) {
        std::string saved;
        std::swap(saved, out_);
        u16(0x0001);
        u16(central ? 24 : 16);
        u64(e.size);
        u64(e.compressed);
        if (central) u64(e.offset);
        std::swap(saved, out_);
        return saved;
    }

    void u16(std::size_t v) {
        out_ += static_cast<char>(v & 0xFF);
        out_ += static_cast<char>((v >> 8) & 0xFF);
    }
    void u32(std::uint32_t v) {
        u16(v & 0xFFFF);
        u16(v >> 16);
    }
    void u64(std::uint64_t v) {
        u32(static_cast<std::uint32_t>(v));
        u32(static_cast<std::uint32_t>(v >> 32));
    }

    std::string out_;
    std::vector<Entry> entries_;
};

/// The files of a fixture folder under tests/fixtures/qdpx/, as (path relative to it, bytes), sorted.
inline std::vector<std::pair<std::string, std::string>> fixture_files(const std::string& folder) {
    const std::filesystem::path root = std::filesystem::path(KODEX_FIXTURES) / "qdpx" / folder;
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        if (e.is_regular_file())
            out.emplace_back(std::filesystem::relative(e.path(), root).generic_string(), read_all(e.path().string()));
    std::sort(out.begin(), out.end());
    REQUIRE_MESSAGE(!out.empty(), "no fixture folder " << root);
    return out;
}

/// Zips a fixture folder the way its producer zips: every entry with `spec`; `more` entries appended.
inline std::string zip_fixture(const std::string& folder, const ZipEntrySpec& spec = {},
                               const std::vector<std::pair<std::string, std::string>>& more = {}) {
    ZipBuilder zip;
    for (const auto& [name, data] : fixture_files(folder)) zip.add(name, data, spec);
    for (const auto& [name, data] : more) zip.add(name, data, spec);
    return zip.finish();
}

struct Validation {
    bool ran = false;  // false when xmllint is missing outside CI
    bool valid = false;
    std::string output;
};

/// Validates XML against the REFI-QDA project schema with xmllint. Missing xmllint fails in CI (which
/// installs libxml2-utils) and only warns on a developer machine.
inline Validation validate_project_xml(const std::string& xml) {
    Validation v;
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
        if (std::getenv("CI") != nullptr) FAIL("xmllint is not on PATH; install libxml2-utils to validate against the schema");
        WARN_MESSAGE(false, "xmllint is not on PATH: schema validation skipped (install libxml2-utils)");
        return v;
    }
    const TempDir dir;
    const std::string file = dir.file("project.qde"), log = dir.file("xmllint.log");
    write_all(file, xml);
    const std::string cmd = "xmllint --noout --schema '" KODEX_SHARED_DIR "/spec/refi-qda/Project-mrt2019.xsd' '" + file +
                            "' >'" + log + "' 2>&1";
    v.ran = true;
    v.valid = std::system(cmd.c_str()) == 0;
    v.output = read_all(log);
    return v;
}

/// The entries of a zip file as (name, bytes).
inline std::vector<std::pair<std::string, std::string>> unzip_all(const std::string& path) {
    int code = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &code);
    REQUIRE_MESSAGE(za, "cannot open " << path);
    std::vector<std::pair<std::string, std::string>> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
        std::string data(static_cast<std::size_t>(st.size), '\0');
        zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        REQUIRE(f);
        if (st.size) REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
        out.emplace_back(st.name, data);
    }
    zip_close(za);
    return out;
}

}  // namespace kodex::test
