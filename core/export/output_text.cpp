// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/output_text.h"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "core/errors.h"
#include "core/export/report_writers.h"

namespace kodex {
namespace {

// Decodes one code point at `s[i]`; returns its length in bytes, or 0 for an invalid sequence (overlong
// forms, surrogates and values above U+10FFFF included).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char b0 = byte(0);
    std::size_t n;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(k) & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

bool xml_allowed(char32_t cp) {
    if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
    return cp != 0xFFFE && cp != 0xFFFF;
}

std::string escape(std::string_view s, bool attribute) {
    const std::string text = repair_utf8(s);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp;
        const std::size_t n = decode_utf8(text, i, cp);
        if (!xml_allowed(cp)) {
            i += n;
            continue;
        }
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\r': out += "&#13;"; break;  // a literal CR would be read back as LF
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            default: out.append(text, i, n);
        }
        i += n;
    }
    return out;
}

}  // namespace

int clamp_decimals(int decimals) { return std::clamp(decimals, 0, 15); }

std::string format_decimal(double value, int decimals, char point) {
    if (!std::isfinite(value)) return {};
    decimals = clamp_decimals(decimals);
    // Rounding starts from the shortest decimal form that reads back as `value`, half away from zero, so
    // 0.25 and 1.005 round the way people (and Excel's display) do, not the way their binary forms would.
    std::array<char, 400> buffer;  // 309 integer digits or 324 decimals at most
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
    std::string text(buffer.data(), result.ptr);
    std::size_t point_at = text.find('.');
    if (point_at == std::string::npos) {
        point_at = text.size();
        text += '.';
    }
    text.resize(point_at + 1 + static_cast<std::size_t>(decimals), '0');
    const char* const shortest = buffer.data() + point_at + 1 + decimals;
    if (shortest < result.ptr && *shortest >= '5') {
        std::size_t i = text.size();
        for (;;) {
            if (i == 0 || text[i - 1] == '-') {
                text.insert(i, "1");
                break;
            }
            char& digit = text[--i];
            if (digit == '.') continue;
            if (digit != '9') {
                ++digit;
                break;
            }
            digit = '0';
        }
    }
    if (decimals == 0) text.pop_back();
    if (text[0] == '-' && text.find_first_not_of("0.", 1) == std::string::npos) text.erase(0, 1);
    if (point != '.') std::replace(text.begin(), text.end(), '.', point);
    return text;
}

std::string format_short(double value) {
    std::string text = format_decimal(value, 2);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp;
        const std::size_t n = decode_utf8(s, i, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s, i, n);
            i += n;
        }
    }
    return out;
}

std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

std::string ellipsize(std::string_view s, std::size_t max_code_points) {
    if (utf8_length(s) <= max_code_points) return std::string(s);
    if (max_code_points == 0) return {};
    std::size_t kept = 0, end = 0;
    while (end < s.size()) {
        if ((static_cast<unsigned char>(s[end]) & 0xC0) != 0x80 && kept++ == max_code_points - 1) break;
        ++end;
    }
    std::string out(s.substr(0, end));
    // Rather end on a whole word, when one ends in the last third.
    if (s[end] != ' ') {
        const std::size_t space = out.find_last_of(' ');
        if (space != std::string::npos && utf8_length(out.substr(0, space)) * 3 >= (max_code_points - 1) * 2)
            out.erase(space);
    }
    out.erase(out.find_last_not_of(" \t\n") + 1);
    return out + "…";
}

std::string xml_escape(std::string_view s) { return escape(s, false); }
std::string xml_attribute(std::string_view s) { return escape(s, true); }

std::string deterministic_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) throw Error("cannot create a zip archive in memory");
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    const auto fail = [&](const std::string& reason) {
        if (archive) zip_discard(archive);
        zip_source_free(buffer);
        zip_error_fini(&error);
        throw Error("cannot create a zip archive in memory: " + reason);
    };
    if (!archive) fail(zip_error_strerror(&error));
    for (const auto& [name, content] : entries) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        const zip_int64_t index = source ? zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            fail(zip_strerror(archive));
        }
        const auto i = static_cast<zip_uint64_t>(index);
        // DOS time 00:00:00, date 1980-01-01: the zip epoch, the same in every time zone.
        if (zip_file_set_dostime(archive, i, 0, (0 << 9) | (1 << 5) | 1, 0) != 0 ||
            zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) != 0)
            fail(zip_strerror(archive));
    }
    if (zip_close(archive) != 0) fail(zip_strerror(archive));
    archive = nullptr;
    std::string bytes;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_open(buffer) != 0) fail("cannot read back the archive");
    if (zip_source_stat(buffer, &stat) == 0) {
        bytes.resize(static_cast<std::size_t>(stat.size));
        if (zip_source_read(buffer, bytes.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) bytes.clear();
    }
    zip_source_close(buffer);
    if (bytes.empty()) fail("cannot read back the archive");
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

void write_text_file(const std::string& path, const std::string& text) {
    namespace fs = std::filesystem;
    // The temporary file sits beside the target so that the rename stays on one file system.
    std::random_device random;
    const std::string tmp = path + ".tmp" + std::to_string(random() % 1000000);
    std::FILE* file = std::fopen(tmp.c_str(), "wb");
    if (!file) throw IoError(path, std::string("cannot write: ") + std::strerror(errno));
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    const int write_errno = errno;
    const bool closed = std::fclose(file) == 0;
    std::error_code ec;
    if (!written || !closed) {
        fs::remove(tmp, ec);
        throw IoError(path, std::string("cannot write: ") + std::strerror(written ? errno : write_errno));
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw IoError(path, "cannot write: " + ec.message());
    }
}

}  // namespace kodex
