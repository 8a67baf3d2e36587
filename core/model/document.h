// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/ids.h"
#include "core/model/text_range.h"

namespace kodex {

/// One speaker turn (or paragraph) of a transcript. Positions are code points into the stored text.
struct Turn {
    std::string speaker;                      ///< label as written ("I", "B1", "Interviewer"); empty for plain paragraphs
    std::int64_t start = 0;                   ///< first code point of the turn, label included
    std::int64_t body_start = 0;              ///< first code point after the label and its colon/space
    std::int64_t end = 0;                     ///< one past the last code point (trailing newlines excluded)
    std::optional<std::int64_t> timestamp_ms; ///< time the turn starts, when the source gives one
};

struct Document {
    DocumentId id;
    std::string guid;
    std::string name;         ///< unique within the project; defaults to the file name without extension
    std::string source_file;  ///< original file name (no directory)
    std::string format;       ///< "txt", "docx", "odt", "vtt", "srt", "pdf"
    std::string encoding;     ///< encoding the importer assumed ("UTF-8", "windows-1252", ...)
    std::string content_hash; ///< SHA-256 (hex) of the stored text
    std::string text;         ///< UTF-8, NFC, LF line ends, no BOM
    std::int64_t length = 0;  ///< text length in code points
    std::string imported_at;  ///< UTC, ISO 8601
    std::vector<Turn> turns;
    std::vector<std::int64_t> page_starts;  ///< paged sources (PDF): where page 1, 2, ... starts; else empty
};

}  // namespace kodex
