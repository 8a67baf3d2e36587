// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/refi/qdpx_util.h"

#include <cstdint>
#include <cstdio>

#include "core/import/zip_xml.h"
#include "core/refi/guid.h"
#include "core/text/unicode.h"

namespace kodex {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads `n` digits at s[pos]; advances pos.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!is_digit(s[pos + i])) return std::nullopt;
        v = v * 10 + (s[pos + i] - '0');
    }
    pos += n;
    return v;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

bool valid_day(int y, int m, int d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

bool is_guid_token(std::string_view s) {
    if (s.size() == 38 && s.front() == '{' && s.back() == '}') return is_guid(std::string(s.substr(1, 36)));
    return is_guid(std::string(s));
}

std::string guid_key(std::string_view s) {
    std::string k(s.size() == 38 && s.front() == '{' && s.back() == '}' ? s.substr(1, 36) : s);
    for (char& c : k)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return k;
}

std::string derived_guid(std::string_view seed) {
    std::string h = sha256_hex(seed).substr(0, 32);
    for (char& c : h)
        if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    h[12] = '8';  // version 8: custom (RFC 9562)
    static const char variant[] = "89AB";
    const int v = (h[16] >= 'A' ? h[16] - 'A' + 10 : h[16] - '0');
    h[16] = variant[v & 3];  // variant 10xx
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
}

std::optional<std::string> utc_datetime(std::string_view raw) {
    std::size_t b = 0, e = raw.size();
    while (b < e && (raw[b] == ' ' || raw[b] == '\t' || raw[b] == '\n' || raw[b] == '\r')) ++b;
    while (e > b && (raw[e - 1] == ' ' || raw[e - 1] == '\t' || raw[e - 1] == '\n' || raw[e - 1] == '\r')) --e;
    const std::string_view s = raw.substr(b, e - b);

    std::size_t pos = 0;
    const auto year = digits(s, pos, 4);
    if (!year || pos >= s.size() || s[pos++] != '-') return std::nullopt;
    const auto month = digits(s, pos, 2);
    if (!month || pos >= s.size() || s[pos++] != '-') return std::nullopt;
    const auto day = digits(s, pos, 2);
    if (!day || !valid_day(*year, *month, *day)) return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
        ++pos;
        const auto h = digits(s, pos, 2);
        if (!h || pos >= s.size() || s[pos++] != ':') return std::nullopt;
        const auto mi = digits(s, pos, 2);
        if (!mi || pos >= s.size() || s[pos++] != ':') return std::nullopt;
        const auto se = digits(s, pos, 2);
        if (!se || *h > 24 || *mi > 59 || *se > 60) return std::nullopt;
        hour = *h;
        minute = *mi;
        second = std::min(*se, 59);
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            while (pos < s.size() && is_digit(s[pos])) ++pos;
        }
    }
    int offset_minutes = 0;
    if (pos < s.size() && s[pos] == 'Z') {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        const int sign = s[pos++] == '-' ? -1 : 1;
        const auto oh = digits(s, pos, 2);
        if (!oh || pos >= s.size() || s[pos++] != ':') return std::nullopt;
        const auto om = digits(s, pos, 2);
        if (!om || *oh > 14 || *om > 59) return std::nullopt;
        offset_minutes = sign * (*oh * 60 + *om);
    }
    if (pos != s.size()) return std::nullopt;

    std::int64_t t = days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)) * 86400 +
                     hour * 3600 + minute * 60 + second - offset_minutes * 60;
    std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    const std::int64_t secs = t - days * 86400;
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    if (y < 1 || y > 9999) return std::nullopt;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
    return std::string(buf);
}

std::vector<pugi::xml_node> children_named(const pugi::xml_node& parent, std::string_view name) {
    std::vector<pugi::xml_node> out;
    for (const pugi::xml_node& c : parent.children())
        if (c.type() == pugi::node_element && local_name(c) == name) out.push_back(c);
    return out;
}

std::string text_of(const pugi::xml_node& node) {
    std::string out;
    for (const pugi::xml_node& c : node.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return out;
}

}  // namespace kodex
