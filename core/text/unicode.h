// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything Kodex does with raw bytes and Unicode text, with ICU underneath: decoding files,
// normalisation to the stored form (UTF-8, NFC, LF, no BOM) and conversions between code point
// positions (what core stores) and UTF-8 byte offsets (what std::string, Scintilla and Xapian use).
// This is the only place in core that converts positions.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kodex {

struct DecodedText {
    std::string utf8;      ///< decoded text as UTF-8 (not yet normalised; BOM removed)
    std::string encoding;  ///< what was assumed: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-15", ...
    bool had_bom = false;
};

/// Decodes a file's bytes. Without `forced_encoding`: BOM (UTF-8, UTF-16 LE/BE) first; else valid UTF-8;
/// else a legacy 8-bit encoding detected with ICU (windows-1252, ISO-8859-1, ISO-8859-15).
/// Throws ParseError(file, byte offset, reason) for mixed or invalid bytes (valid UTF-8 sequences next to
/// invalid ones), NUL bytes (binary or UTF-16 without BOM), or bytes invalid in `forced_encoding`.
DecodedText decode_bytes(std::string_view bytes, const std::string& file_name, const std::string& forced_encoding = {});

/// Maps code point positions of a source text to positions in its normalised form.
/// source_to_stored[i] is the stored position of source code point i; it has source length + 1 entries.
struct OffsetMap {
    std::vector<std::int64_t> source_to_stored;
    /// Stored position for a source position (clamped into range).
    std::int64_t map(std::int64_t source_pos) const;
};

struct NormalizedText {
    std::string text;  ///< UTF-8, NFC, LF only, no leading BOM
    OffsetMap map;     ///< source code point -> stored code point
};

/// The stored form of a text: leading U+FEFFs dropped, CRLF and CR turned into LF, NFC. Everything else kept.
/// The input must be valid UTF-8 (throws InvalidArgument otherwise).
NormalizedText normalize_for_storage(std::string_view utf8);
/// Same without the offset map (fast path when nothing needs mapping).
std::string normalize_text(std::string_view utf8);

/// Appends code point `cp` (a Unicode scalar value) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);
/// Number of code points in valid UTF-8.
std::int64_t count_code_points(std::string_view utf8);
/// Byte offset of code point `cp` (0..count). Throws InvalidArgument when cp is out of range.
std::size_t byte_offset_of(std::string_view utf8, std::int64_t cp);
/// Code point index of byte offset `byte`, which must sit on a code point boundary (0..size).
std::int64_t code_point_of(std::string_view utf8, std::size_t byte);
/// The substring for code point range [start, end).
std::string substring_cp(std::string_view utf8, std::int64_t start, std::int64_t end);
/// Every occurrence (code point start) of `needle` in `haystack`, non-overlapping scan from left.
std::vector<std::int64_t> find_all_cp(std::string_view haystack, std::string_view needle);

/// Orders texts as a German reader expects (ICU collation: case and umlauts sort with their base letters).
bool collate_less(const std::string& a, const std::string& b);

/// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

/// Per-document table for many conversions in one text (editor views, exports): O(log n) each way.
class PositionIndex {
public:
    explicit PositionIndex(std::string_view utf8);
    std::size_t to_byte(std::int64_t cp) const;
    std::int64_t to_cp(std::size_t byte) const;
    std::int64_t code_points() const { return total_cp_; }

private:
    std::string_view text_;
    std::vector<std::size_t> checkpoints_;  // byte offset of every 256th code point
    std::int64_t total_cp_ = 0;
};

}  // namespace kodex
