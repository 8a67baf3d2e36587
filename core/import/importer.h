// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One entry point that turns a transcript file into the text Kodex stores. One source file per format
// (plain_text.cpp, docx.cpp, odt.cpp, subtitles.cpp, pdf.cpp); this header is their only interface.
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/document.h"

namespace kodex {

struct ImportOptions {
    std::string forced_encoding;  ///< plain text only: skip detection and decode with this ICU converter name
};

/// What an importer made of one file. The text is already in stored form (UTF-8, NFC, LF, no BOM).
struct ImportedText {
    std::string text;
    std::vector<Turn> turns;       ///< code point ranges into text
    std::string format;            ///< "txt", "docx", "odt", "vtt", "srt", "pdf"
    std::string encoding;          ///< encoding of the source as assumed/declared
    std::vector<std::string> notes;///< things the user should know ("assumed windows-1252", "2 footnotes ignored")
    std::vector<std::int64_t> page_starts;  ///< PDF: code point where page 1, 2, ... starts; empty without pages
};

/// Reads a file and converts it by extension (case-insensitive): .txt/.text, .docx, .odt, .vtt, .srt, .pdf.
/// Throws IoError (cannot read), UnsupportedFormat (unknown extension), ParseError (broken content,
/// naming the file and, where known, the byte offset). Files over 256 MiB are refused.
ImportedText import_transcript(const std::string& path, const ImportOptions& options = {});

/// The same for bytes already in memory; `file_name` decides the format and appears in errors.
ImportedText import_transcript_bytes(const std::string& bytes, const std::string& file_name,
                                     const ImportOptions& options = {});

// Per-format converters (bytes in, stored text out), used by import_transcript_bytes.
ImportedText import_plain_text(const std::string& bytes, const std::string& file_name, const ImportOptions& options);
ImportedText import_docx(const std::string& bytes, const std::string& file_name);
ImportedText import_odt(const std::string& bytes, const std::string& file_name);
ImportedText import_webvtt(const std::string& bytes, const std::string& file_name);
ImportedText import_srt(const std::string& bytes, const std::string& file_name);
/// PDF text layer, pages in order (page_starts filled). Refuses scans, password-protected and damaged files.
ImportedText import_pdf(const std::string& bytes, const std::string& file_name);

}  // namespace kodex
