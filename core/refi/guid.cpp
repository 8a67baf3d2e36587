// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/refi/guid.h"

#include <array>
#include <cstdint>
#include <random>

namespace kodex {

namespace {

// One engine per thread: no locking, and a 64-bit seed alone would allow only 2^64 streams, so the
// engine state is filled from several random_device draws.
std::mt19937_64& engine() {
    thread_local std::mt19937_64 eng = [] {
        std::random_device rd;
        std::array<std::uint32_t, 8> seed{};
        for (auto& s : seed) s = rd();
        std::seed_seq seq(seed.begin(), seed.end());
        return std::mt19937_64(seq);
    }();
    return eng;
}

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

std::string new_guid() {
    std::array<unsigned char, 16> bytes{};
    auto& eng = engine();
    for (std::size_t i = 0; i < bytes.size(); i += 8) {
        std::uint64_t r = eng();
        for (std::size_t j = 0; j < 8; ++j) bytes[i + j] = static_cast<unsigned char>(r >> (8 * j));
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // variant 10xx (RFC 4122)

    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0x0F];
    }
    return out;
}

bool is_guid(const std::string& s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash_position ? s[i] != '-' : !is_hex(s[i])) return false;
    }
    return true;
}

}  // namespace kodex
