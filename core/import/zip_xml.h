// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to core/import: XML entries of zip containers (docx, odt) held in memory. Entries are read with
// hard limits against zip bombs, and XML with a DOCTYPE is refused, so no entity is ever expanded.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/import/importer.h"

struct zip;  // libzip's zip_t

namespace kodex {

/// One entry of an archive as its central directory declares it.
struct ZipEntry {
    std::uint64_t index = 0;
    std::string name;                  ///< as stored (UTF-8; CP437 names are converted)
    std::uint64_t size = 0;            ///< declared uncompressed size
    std::uint64_t compressed_size = 0;
};

/// A read-only zip archive over bytes the caller owns and keeps alive. Errors are ParseErrors naming the file.
class ZipReader {
public:
    ZipReader(const std::string& bytes, std::string file_name);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    /// True when the archive holds an entry of that name.
    bool contains(const std::string& entry) const;
    /// The entry's content. Refuses entries over 256 MiB, compressed more than 200:1, or longer than declared.
    std::string read(const std::string& entry) const;
    /// Number of entries in the central directory.
    std::uint64_t entry_count() const;
    /// Every entry, in archive order.
    std::vector<ZipEntry> entries() const;
    /// The content of a listed entry, refused like read(name) but with `max_size` as the size limit.
    std::string read(const ZipEntry& entry, std::uint64_t max_size) const;

private:
    ::zip* archive_ = nullptr;
    std::string file_name_;
};

/// Elements nested deeper are refused. Real documents stay far below it (a table in a table adds three levels).
constexpr int kMaxXmlDepth = 1000;

/// Parses the XML of `entry` into `doc`, keeping whitespace-only text nodes. Throws ParseError for malformed
/// XML, for any DOCTYPE declaration, and for elements nested deeper than `max_depth` levels.
void parse_xml_entry(pugi::xml_document& doc, const std::string& xml, const std::string& file_name,
                     const std::string& entry, int max_depth = kMaxXmlDepth);

/// The element name without its namespace prefix ("w:p" -> "p").
std::string_view local_name(const pugi::xml_node& node);
/// The first child element with that local name, or an empty node.
pugi::xml_node child_element(const pugi::xml_node& parent, std::string_view name);

/// The result of an office document import: `raw` (text taken from `entry`) in stored form, with its turns.
ImportedText finish_office_import(const std::string& raw, const std::string& file_name, const std::string& entry,
                                  std::string format);

/// Adds "N <what>s ignored" to `notes` when `count` is not zero ("1 footnote ignored", "2 footnotes ignored").
void note_ignored(std::vector<std::string>& notes, int count, const std::string& what);

}  // namespace kodex
