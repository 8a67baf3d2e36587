// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/importer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/errors.h"
#include "core/file_io.h"

namespace kodex {
namespace {

constexpr std::size_t kMaxFileSize = std::size_t{256} << 20;

using Converter = ImportedText (*)(const std::string& bytes, const std::string& file_name, const ImportOptions&);

struct Format {
    const char* extension;
    Converter convert;
};

constexpr Format kFormats[] = {
    {"txt", import_plain_text},
    {"text", import_plain_text},
    {"docx", [](const std::string& b, const std::string& f, const ImportOptions&) { return import_docx(b, f); }},
    {"odt", [](const std::string& b, const std::string& f, const ImportOptions&) { return import_odt(b, f); }},
    {"vtt", [](const std::string& b, const std::string& f, const ImportOptions&) { return import_webvtt(b, f); }},
    {"srt", [](const std::string& b, const std::string& f, const ImportOptions&) { return import_srt(b, f); }},
    {"pdf", [](const std::string& b, const std::string& f, const ImportOptions&) { return import_pdf(b, f); }},
};

const Format& format_of(const std::string& file_name) {
    std::string extension = std::filesystem::path(file_name).extension().string();
    if (!extension.empty()) extension.erase(0, 1);
    for (char& c : extension)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const Format& format : kFormats)
        if (extension == format.extension) return format;
    throw UnsupportedFormat(file_name + ": cannot import \"." + extension +
                            "\" files (Kodex reads .txt, .text, .docx, .odt, .vtt, .srt and .pdf)");
}

std::string read_file(const std::string& path) { return read_regular_file(path, kMaxFileSize, "a file"); }

}  // namespace

ImportedText import_transcript(const std::string& path, const ImportOptions& options) {
    const Format& format = format_of(path);
    return format.convert(read_file(path), path, options);
}

ImportedText import_transcript_bytes(const std::string& bytes, const std::string& file_name,
                                     const ImportOptions& options) {
    const Format& format = format_of(file_name);
    if (bytes.size() > kMaxFileSize) throw ParseError(file_name, -1, "refusing a file larger than 256 MiB");
    return format.convert(bytes, file_name, options);
}

}  // namespace kodex
