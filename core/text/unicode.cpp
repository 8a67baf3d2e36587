// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/unicode.h"

#include <unicode/coll.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>

#include "core/errors.h"

namespace kodex {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence at s[i], or 0 when the bytes there are not one
// (stray continuation bytes, overlong forms, surrogates, values above U+10FFFF, truncation).
std::size_t sequence_length(std::string_view s, std::size_t i, char32_t* out = nullptr) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        if (out) *out = b0;
        return 1;
    }
    std::size_t need;
    char32_t cp;
    if (b0 < 0xC2) return 0;
    if (b0 < 0xE0) { need = 1; cp = b0 & 0x1F; }
    else if (b0 < 0xF0) { need = 2; cp = b0 & 0x0F; }
    else if (b0 < 0xF5) { need = 3; cp = b0 & 0x07; }
    else return 0;
    if (s.size() - i <= need) return 0;
    for (std::size_t k = 1; k <= need; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
    if (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
    if (out) *out = cp;
    return need + 1;
}

struct Utf8Scan {
    std::size_t first_invalid = kNone;
    bool has_multibyte = false;  // at least one well-formed sequence of two or more bytes
};

Utf8Scan scan_utf8(std::string_view s) {
    Utf8Scan r;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = sequence_length(s, i);
        if (len == 0) {
            if (r.first_invalid == kNone) r.first_invalid = i;
            if (r.has_multibyte) break;
            ++i;
        } else {
            if (len > 1) {
                r.has_multibyte = true;
                if (r.first_invalid != kNone) break;
            }
            i += len;
        }
    }
    return r;
}


std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// Decodes `bytes` (which start at `base` in the file) with an ICU converter that stops at the first
// illegal, unmappable or truncated sequence, so nothing is ever replaced silently.
std::string convert_to_utf8(std::string_view bytes, const std::string& converter, const std::string& file,
                            std::size_t base) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr conv(ucnv_open(converter.c_str(), &status));
    if (U_FAILURE(status)) throw InvalidArgument("unknown encoding \"" + converter + "\"");
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) throw InvalidArgument("cannot use encoding \"" + converter + "\"");

    icu::UnicodeString decoded;
    std::array<UChar, 16384> buffer;
    const char* source = bytes.data();
    const char* const limit = bytes.data() + bytes.size();
    for (;;) {
        UChar* target = buffer.data();
        status = U_ZERO_ERROR;
        ucnv_toUnicode(conv.get(), &target, buffer.data() + buffer.size(), &source, limit, nullptr, true, &status);
        decoded.append(buffer.data(), static_cast<int32_t>(target - buffer.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(status)) {
            char bad[32];
            int8_t bad_len = sizeof bad;
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(conv.get(), bad, &bad_len, &ignored);
            std::string what = status == U_TRUNCATED_CHAR_FOUND ? "incomplete character" : "invalid bytes";
            if (bad_len == 1 && status != U_TRUNCATED_CHAR_FOUND) what.pop_back();
            for (int8_t i = 0; i < bad_len; ++i) what += " " + hex_byte(static_cast<unsigned char>(bad[i]));
            const std::size_t offset = static_cast<std::size_t>(source - bytes.data()) - bad_len;
            throw ParseError(file, static_cast<std::int64_t>(base + offset),
                             what + " for encoding " + converter + "; use --encoding to choose another one");
        }
        break;
    }
    std::string utf8;
    decoded.toUTF8String(utf8);
    return utf8;
}

// Picks the legacy 8-bit encoding of text that is not UTF-8. ICU's detector only tells ISO-8859-1 from
// windows-1252 (by the presence of bytes 0x80-0x9F, printable only in windows-1252); it never reports
// ISO-8859-15. The two Latin-1 variants differ mostly in 0xA4: the rarely used generic currency sign in
// ISO-8859-1, the euro sign in ISO-8859-15, so a text with 0xA4 and no 0x80-0x9F bytes is read as ISO-8859-15.
std::string detect_legacy_encoding(std::string_view bytes, const std::string& file) {
    bool has_c1 = false;
    bool has_a4 = false;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D)
            throw ParseError(file, static_cast<std::int64_t>(i),
                             "byte " + hex_byte(b) +
                                 " is not a character in windows-1252 or ISO-8859-1 (a binary file or another "
                                 "encoding?); use --encoding to choose one");
        has_c1 = has_c1 || (b >= 0x80 && b <= 0x9F);
        has_a4 = has_a4 || b == 0xA4;
    }

    std::string detected;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    // The detector's verdict is settled by the first few pages; the byte checks above saw everything.
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 65536)),
                   &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count && detected.empty(); ++i) {
        const std::string name = ucsdet_getName(matches[i], &status);
        if (name == "windows-1252" || name == "ISO-8859-1" || name == "ISO-8859-15") detected = name;
    }
    if (has_c1 || detected.empty()) return "windows-1252";
    if (has_a4) return "ISO-8859-15";
    return detected;
}

// Removes a leading U+FEFF from decoded text.
bool strip_bom(std::string& utf8) {
    if (!starts_with(utf8, "\xEF\xBB\xBF")) return false;
    utf8.erase(0, 3);
    return true;
}

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("ICU NFC data unavailable: ") + u_errorName(status));
    return *n;
}

// Every code point below U+0300 is NFC-stable on its own and starts a normalisation chunk.
constexpr char32_t kFirstUnstable = 0x300;

bool is_nfc_on_its_own(char32_t cp) {
    return cp < kFirstUnstable ||
           u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) != UNORM_NO;
}

}  // namespace

DecodedText decode_bytes(std::string_view bytes, const std::string& file_name, const std::string& forced_encoding) {
    DecodedText result;
    if (!forced_encoding.empty()) {
        result.utf8 = convert_to_utf8(bytes, forced_encoding, file_name, 0);
        result.had_bom = strip_bom(result.utf8);
        result.encoding = forced_encoding;
        return result;
    }

    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        result.encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        result.utf8 = convert_to_utf8(bytes.substr(2), result.encoding, file_name, 2);
        result.had_bom = true;
        return result;
    }
    if (const std::size_t nul = bytes.find('\0'); nul != kNone)
        throw ParseError(file_name, static_cast<std::int64_t>(nul),
                         "contains NUL bytes: binary file or UTF-16 without BOM");
    if (starts_with(bytes, "\xEF\xBB\xBF")) {
        const std::string_view rest = bytes.substr(3);
        const Utf8Scan scan = scan_utf8(rest);
        if (scan.first_invalid != kNone)
            throw ParseError(file_name, static_cast<std::int64_t>(3 + scan.first_invalid),
                             "invalid UTF-8 after a UTF-8 byte order mark; use --encoding to choose an encoding");
        result.utf8 = std::string(rest);
        result.encoding = "UTF-8";
        result.had_bom = true;
        return result;
    }

    const Utf8Scan scan = scan_utf8(bytes);
    if (scan.first_invalid == kNone) {
        result.utf8 = std::string(bytes);
        result.encoding = "UTF-8";
        return result;
    }
    if (scan.has_multibyte)
        throw ParseError(file_name, static_cast<std::int64_t>(scan.first_invalid),
                         "mixed or invalid UTF-8: valid UTF-8 characters next to bytes that are not UTF-8; "
                         "use --encoding to choose an encoding");

    result.encoding = detect_legacy_encoding(bytes, file_name);
    result.utf8 = convert_to_utf8(bytes, result.encoding, file_name, 0);
    return result;
}

std::int64_t OffsetMap::map(std::int64_t source_pos) const {
    if (source_to_stored.empty()) return 0;
    const auto last = static_cast<std::int64_t>(source_to_stored.size()) - 1;
    return source_to_stored[static_cast<std::size_t>(std::clamp<std::int64_t>(source_pos, 0, last))];
}

NormalizedText normalize_for_storage(std::string_view utf8) {
    if (!is_valid_utf8(utf8)) throw InvalidArgument("text to normalise is not valid UTF-8");
    const icu::Normalizer2& normalizer = nfc();
    NormalizedText result;
    result.text.reserve(utf8.size());
    std::vector<std::int64_t>& map = result.map.source_to_stored;
    map.reserve(static_cast<std::size_t>(count_code_points(utf8)) + 1);
    std::int64_t out_cp = 0;

    // NFC chunk by chunk: a chunk starts at a code point with a normalisation boundary before it, so chunks
    // normalise independently. An unchanged chunk maps one to one; every position inside a changed chunk
    // maps to the chunk's first stored position (the composed character).
    std::u32string chunk;
    const auto flush = [&] {
        if (chunk.empty()) return;
        if (chunk.size() == 1 && is_nfc_on_its_own(chunk[0])) {
            map.push_back(out_cp++);
            append_utf8(result.text, chunk[0]);
            chunk.clear();
            return;
        }
        icu::UnicodeString source;
        for (const char32_t c : chunk) source.append(static_cast<UChar32>(c));
        UErrorCode status = U_ZERO_ERROR;
        if (normalizer.isNormalized(source, status)) {
            for (const char32_t c : chunk) {
                map.push_back(out_cp++);
                append_utf8(result.text, c);
            }
        } else {
            const icu::UnicodeString composed = normalizer.normalize(source, status);
            if (U_FAILURE(status)) throw Error(std::string("NFC normalisation failed: ") + u_errorName(status));
            map.insert(map.end(), chunk.size(), out_cp);
            composed.toUTF8String(result.text);
            out_cp += composed.countChar32();
        }
        chunk.clear();
    };

    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = 0;
        // Every U+FEFF before the text goes, not only the first: otherwise the stored text would start with one
        // that normalising it again would drop, shifting every position.
        const bool at_start = out_cp == 0 && chunk.empty();
        i += sequence_length(utf8, i, &cp);
        if (cp < kFirstUnstable || normalizer.hasBoundaryBefore(static_cast<UChar32>(cp))) flush();
        if (cp == 0xFEFF && at_start) {
            map.push_back(0);
        } else if (cp == '\r') {
            map.push_back(out_cp);
            if (i < utf8.size() && utf8[i] == '\n') {  // the LF of a CRLF shares the CR's stored position
                map.push_back(out_cp);
                ++i;
            }
            result.text += '\n';
            ++out_cp;
        } else {
            chunk += cp;
        }
    }
    flush();
    map.push_back(out_cp);
    return result;
}

std::string normalize_text(std::string_view utf8) {
    if (!is_valid_utf8(utf8)) throw InvalidArgument("text to normalise is not valid UTF-8");
    while (starts_with(utf8, "\xEF\xBB\xBF")) utf8.remove_prefix(3);
    std::string folded;
    folded.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (utf8[i] != '\r') {
            folded += utf8[i];
        } else if (i + 1 >= utf8.size() || utf8[i + 1] != '\n') {
            folded += '\n';
        }
    }
    const icu::Normalizer2& normalizer = nfc();
    UErrorCode status = U_ZERO_ERROR;
    if (normalizer.isNormalizedUTF8(folded, status) && U_SUCCESS(status)) return folded;
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(folded.size()));
    status = U_ZERO_ERROR;
    normalizer.normalizeUTF8(0, folded, sink, nullptr, status);
    if (U_FAILURE(status)) throw Error(std::string("NFC normalisation failed: ") + u_errorName(status));
    return out;
}

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = sequence_length(s, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::int64_t count_code_points(std::string_view utf8) {
    const auto lead_bytes = std::count_if(utf8.begin(), utf8.end(), [](char c) { return !is_continuation(c); });
    return static_cast<std::int64_t>(lead_bytes);
}

std::size_t byte_offset_of(std::string_view utf8, std::int64_t cp) {
    if (cp < 0) throw InvalidArgument("code point position " + std::to_string(cp) + " is negative");
    std::int64_t seen = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (is_continuation(utf8[i])) continue;
        if (seen == cp) return i;
        ++seen;
    }
    if (seen == cp) return utf8.size();
    throw InvalidArgument("code point position " + std::to_string(cp) + " is past the end of the text (" +
                          std::to_string(seen) + ")");
}

std::int64_t code_point_of(std::string_view utf8, std::size_t byte) {
    if (byte > utf8.size())
        throw InvalidArgument("byte offset " + std::to_string(byte) + " is past the end of the text");
    if (byte < utf8.size() && is_continuation(utf8[byte]))
        throw InvalidArgument("byte offset " + std::to_string(byte) + " is inside a UTF-8 sequence");
    return count_code_points(utf8.substr(0, byte));
}

std::string substring_cp(std::string_view utf8, std::int64_t start, std::int64_t end) {
    if (start > end)
        throw InvalidArgument("range [" + std::to_string(start) + ", " + std::to_string(end) + ") is reversed");
    const std::size_t from = byte_offset_of(utf8, start);
    const std::size_t to = from + byte_offset_of(utf8.substr(from), end - start);
    return std::string(utf8.substr(from, to - from));
}

std::vector<std::int64_t> find_all_cp(std::string_view haystack, std::string_view needle) {
    std::vector<std::int64_t> hits;
    if (needle.empty()) return hits;
    std::int64_t cp = 0;
    std::size_t counted = 0;
    for (std::size_t pos = haystack.find(needle); pos != kNone; pos = haystack.find(needle, pos + needle.size())) {
        cp += count_code_points(haystack.substr(counted, pos - counted));
        counted = pos;
        hits.push_back(cp);
    }
    return hits;
}

// SHA-256 as specified in FIPS 180-4.
std::string sha256_hex(std::string_view bytes) {
    static constexpr std::array<std::uint32_t, 64> k = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };

    std::string message(bytes);
    const std::uint64_t bit_length = static_cast<std::uint64_t>(bytes.size()) * 8;
    message += '\x80';
    while (message.size() % 64 != 56) message += '\0';
    for (int i = 7; i >= 0; --i) message += static_cast<char>((bit_length >> (i * 8)) & 0xFF);

    std::array<std::uint32_t, 64> w{};
    for (std::size_t block = 0; block < message.size(); block += 64) {
        for (int i = 0; i < 16; ++i) {
            const auto* p = reinterpret_cast<const unsigned char*>(message.data() + block + 4 * i);
            w[i] = (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
        }
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
            const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d;
        h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    std::string hex;
    for (const std::uint32_t word : h) {
        char buf[9];
        std::snprintf(buf, sizeof buf, "%08x", word);
        hex += buf;
    }
    return hex;
}

PositionIndex::PositionIndex(std::string_view utf8) : text_(utf8) {
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (is_continuation(text_[i])) continue;
        if (total_cp_ % 256 == 0) checkpoints_.push_back(i);
        ++total_cp_;
    }
}

std::size_t PositionIndex::to_byte(std::int64_t cp) const {
    if (cp < 0 || cp > total_cp_)
        throw InvalidArgument("code point position " + std::to_string(cp) + " is outside the text (0.." +
                              std::to_string(total_cp_) + ")");
    if (cp == total_cp_) return text_.size();
    std::size_t byte = checkpoints_[static_cast<std::size_t>(cp / 256)];
    for (std::int64_t rest = cp % 256; rest > 0; --rest) {
        ++byte;
        while (byte < text_.size() && is_continuation(text_[byte])) ++byte;
    }
    return byte;
}

std::int64_t PositionIndex::to_cp(std::size_t byte) const {
    if (byte > text_.size() || (byte < text_.size() && is_continuation(text_[byte])))
        throw InvalidArgument("byte offset " + std::to_string(byte) + " is not a code point boundary of the text");
    if (byte == text_.size()) return total_cp_;
    const auto block = static_cast<std::size_t>(
        std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte) - checkpoints_.begin() - 1);
    const std::size_t from = checkpoints_[block];
    return static_cast<std::int64_t>(block) * 256 + count_code_points(text_.substr(from, byte - from));
}

}  // namespace kodex

namespace kodex {

bool collate_less(const std::string& a, const std::string& b) {
    // One collator per thread: ICU collators are not thread-safe for concurrent use.
    thread_local std::unique_ptr<icu::Collator> collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale::getGerman(), status));
        return U_SUCCESS(status) ? std::move(c) : nullptr;
    }();
    if (!collator) return a < b;
    UErrorCode status = U_ZERO_ERROR;
    const auto r = collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                         icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    if (U_FAILURE(status) || r == UCOL_EQUAL) return a < b;
    return r == UCOL_LESS;
}

}  // namespace kodex

namespace kodex {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace kodex
