// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/zip_xml.h"

#include <zip.h>

#include <array>
#include <cctype>

#include "core/errors.h"
#include "core/text/transcript_parse.h"
#include "core/text/unicode.h"

namespace kodex {
namespace {

constexpr zip_uint64_t kMaxEntrySize = 256u << 20;
constexpr zip_uint64_t kMaxCompressionRatio = 200;
// Small entries cannot do harm whatever their ratio; XML below this size may legitimately compress well.
constexpr zip_uint64_t kRatioCheckFrom = 64u << 10;

bool too_compressed(zip_uint64_t size, zip_uint64_t compressed) {
    return size > kRatioCheckFrom && size > kMaxCompressionRatio * compressed;
}

struct DepthCheck : pugi::xml_tree_walker {
    explicit DepthCheck(int max_depth) : max_depth_(max_depth) {}
    std::ptrdiff_t too_deep_at = -1;
    bool for_each(pugi::xml_node& node) override {
        if (depth() < max_depth_) return true;
        too_deep_at = node.offset_debug();
        return false;
    }

private:
    int max_depth_;
};

}  // namespace

ZipReader::ZipReader(const std::string& bytes, std::string file_name) : file_name_(std::move(file_name)) {
    // libzip opens zero bytes as an empty archive.
    if (bytes.empty()) throw ParseError(file_name_, -1, "cannot open as a zip archive: the file is empty");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
        archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!archive_) zip_source_free(source);
    }
    if (!archive_) {
        std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
        throw ParseError(file_name_, -1, "cannot open as a zip archive: " + reason);
    }
    zip_error_fini(&error);
}

ZipReader::~ZipReader() { zip_discard(archive_); }

bool ZipReader::contains(const std::string& entry) const { return zip_name_locate(archive_, entry.c_str(), 0) >= 0; }

std::string ZipReader::read(const std::string& entry) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_, entry.c_str(), 0, &stat) != 0) throw ParseError(file_name_, -1, entry + " missing");
    if (!(stat.valid & ZIP_STAT_SIZE) || !(stat.valid & ZIP_STAT_COMP_SIZE) || !(stat.valid & ZIP_STAT_INDEX))
        throw ParseError(file_name_, -1, "refusing: " + entry + " does not declare its size");
    return read(ZipEntry{stat.index, entry, stat.size, stat.comp_size}, kMaxEntrySize);
}

std::uint64_t ZipReader::entry_count() const {
    const zip_int64_t n = zip_get_num_entries(archive_, 0);
    return n < 0 ? 0 : static_cast<std::uint64_t>(n);
}

std::vector<ZipEntry> ZipReader::entries() const {
    std::vector<ZipEntry> out;
    const std::uint64_t n = entry_count();
    out.reserve(static_cast<std::size_t>(n));
    for (std::uint64_t i = 0; i < n; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive_, i, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME))
            throw ParseError(file_name_, -1, "entry " + std::to_string(i) + " of the archive is unreadable: " +
                                                 zip_strerror(archive_));
        if (!(stat.valid & ZIP_STAT_SIZE) || !(stat.valid & ZIP_STAT_COMP_SIZE))
            throw ParseError(file_name_, -1, std::string("refusing: ") + stat.name + " does not declare its size");
        out.push_back({i, stat.name, stat.size, stat.comp_size});
    }
    return out;
}

std::string ZipReader::read(const ZipEntry& entry, std::uint64_t max_size) const {
    if (entry.size > max_size)
        throw ParseError(file_name_, -1, "refusing: " + entry.name + " is larger than " +
                                             std::to_string(max_size >> 20) + " MiB uncompressed");
    if (too_compressed(entry.size, entry.compressed_size))
        throw ParseError(file_name_, -1, "refusing: " + entry.name + " is compressed more than 200:1 (a zip bomb?)");

    zip_file_t* file = zip_fopen_index(archive_, entry.index, 0);
    if (!file) throw ParseError(file_name_, -1, "cannot open " + entry.name + ": " + zip_strerror(archive_));
    std::string content;
    content.reserve(static_cast<std::size_t>(entry.size));
    std::array<char, 65536> buffer;
    for (;;) {
        const zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
        if (n < 0) {
            const std::string reason = zip_file_strerror(file);
            zip_fclose(file);
            throw ParseError(file_name_, -1, entry.name + " is corrupt: " + reason);
        }
        if (n == 0) break;
        content.append(buffer.data(), static_cast<std::size_t>(n));
        // The header may lie: never read more than it declared.
        if (content.size() > entry.size) {
            zip_fclose(file);
            throw ParseError(file_name_, -1, "refusing: " + entry.name + " is longer than its declared size");
        }
    }
    zip_fclose(file);
    return content;
}

void parse_xml_entry(pugi::xml_document& doc, const std::string& xml, const std::string& file_name,
                     const std::string& entry, int max_depth) {
    // pugixml never expands entities beyond the predefined ones; refusing any DOCTYPE keeps entity tricks
    // (billion laughs, external entities) out altogether. Word and OpenDocument files never carry one.
    const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype;
    const pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size(), options, pugi::encoding_auto);
    if (!result)
        throw ParseError(file_name, -1,
                         entry + ": malformed XML at byte " + std::to_string(result.offset) + ": " +
                             result.description());
    for (const pugi::xml_node& node : doc.children())
        if (node.type() == pugi::node_doctype)
            throw ParseError(file_name, -1, "refusing: " + entry + " has a DOCTYPE declaration");
    // The importers walk the element tree recursively: bounding the nesting bounds the stack they need.
    DepthCheck depth(max_depth);
    doc.traverse(depth);
    if (depth.too_deep_at >= 0)
        throw ParseError(file_name, -1,
                         entry + ": elements are nested deeper than " + std::to_string(max_depth) +
                             " levels (at byte " + std::to_string(depth.too_deep_at) + ")");
}

std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child_element(const pugi::xml_node& parent, std::string_view name) {
    for (const pugi::xml_node& node : parent.children())
        if (node.type() == pugi::node_element && local_name(node) == name) return node;
    return {};
}

ImportedText finish_office_import(const std::string& raw, const std::string& file_name, const std::string& entry,
                                  std::string format) {
    // pugixml passes bytes through without checking them.
    if (!is_valid_utf8(raw)) throw ParseError(file_name, -1, entry + ": text is not valid UTF-8");
    ImportedText result;
    result.text = normalize_text(raw);
    result.turns = parse_turns(result.text);
    result.format = std::move(format);
    result.encoding = "UTF-8";
    return result;
}

void note_ignored(std::vector<std::string>& notes, int count, const std::string& what) {
    if (count > 0) notes.push_back(std::to_string(count) + " " + what + (count == 1 ? "" : "s") + " ignored");
}

}  // namespace kodex
