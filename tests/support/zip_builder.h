// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A zip writer for tests and fuzz targets that reproduces what real producers (and attackers) put into
// archives byte by byte: stored or deflated entries, data descriptors, Zip64 records, unknown extra fields,
// lying sizes, escaping names. Needs libzip (for deflating) and nothing of a test framework.
#include <zip.h>

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kodex::test {

/// A check that holds unless libzip fails; the writer throws rather than needing a test framework.
inline void zip_require(bool ok) {
    if (!ok) throw std::runtime_error("zip_builder: libzip failed to deflate");
}

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
    zip_require(buffer);
    zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_require(za);
    zip_source_keep(buffer);
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    const zip_int64_t index = zip_file_add(za, "x", s, 0);
    zip_require(index == 0);
    zip_require(zip_set_file_compression(za, 0, ZIP_CM_DEFLATE, 9) == 0);
    zip_require(zip_close(za) == 0);
    zip_require(zip_source_open(buffer) == 0);
    zip_stat_t st;
    zip_stat_init(&st);
    zip_require(zip_source_stat(buffer, &st) == 0);
    std::string archive(static_cast<std::size_t>(st.size), '\0');
    zip_require(zip_source_read(buffer, archive.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_source_close(buffer);
    zip_source_free(buffer);
    const auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(archive[at]) | static_cast<unsigned char>(archive[at + 1]) << 8);
    };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    zip_require(u16(8) == 8);  // libzip did deflate
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

/// A zip archive of the given (name, data) entries, stored uncompressed.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    ZipBuilder zip;
    ZipEntrySpec stored;
    stored.deflate = false;
    for (const auto& [name, data] : entries) zip.add(name, data, stored);
    return zip.finish();
}

}  // namespace kodex::test
