// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/importer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/errors.h"

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
};

const Format& format_of(const std::string& file_name) {
    std::string extension = std::filesystem::path(file_name).extension().string();
    if (!extension.empty()) extension.erase(0, 1);
    for (char& c : extension)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const Format& format : kFormats)
        if (extension == format.extension) return format;
    throw UnsupportedFormat(file_name + ": cannot import \"." + extension +
                            "\" files (Kodex reads .txt, .text, .docx, .odt, .vtt and .srt)");
}

std::string read_file(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError(path, "is a directory");
    // Refuse before reading when the size is known; the read below stops at the limit anyway.
    if (const auto size = fs::file_size(path, ec); !ec && size > kMaxFileSize)
        throw IoError(path, "refusing a file larger than 256 MiB");

    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw IoError(path, std::strerror(errno));
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
        bytes.append(buffer, n);
        if (bytes.size() > kMaxFileSize) throw IoError(path, "refusing a file larger than 256 MiB");
        if (n < sizeof buffer) break;
    }
    if (std::ferror(file.get())) throw IoError(path, std::strerror(errno));
    return bytes;
}

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
