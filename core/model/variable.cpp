// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/variable.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/errors.h"

namespace kodex {

const char* to_string(VariableType t) {
    switch (t) {
    case VariableType::Text: return "text";
    case VariableType::Integer: return "integer";
    case VariableType::Decimal: return "decimal";
    case VariableType::Date: return "date";
    case VariableType::Boolean: return "boolean";
    }
    return "text";
}

VariableType variable_type_from_string(const std::string& s) {
    for (auto t : {VariableType::Text, VariableType::Integer, VariableType::Decimal, VariableType::Date, VariableType::Boolean})
        if (s == to_string(t)) return t;
    throw InvalidArgument("unknown variable type '" + s + "' (use text, integer, decimal, date or boolean)");
}

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool all_digits(const std::string& s, std::size_t from = 0) {
    return from < s.size() && std::all_of(s.begin() + static_cast<long>(from), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

[[noreturn]] void bad(const std::string& v, VariableType t) {
    throw InvalidArgument("'" + v + "' is not a valid " + to_string(t) + " value");
}

bool valid_date(int y, int m, int d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

std::string canonical_value(VariableType t, const std::string& raw) {
    const std::string v = trim(raw);
    switch (t) {
    case VariableType::Text:
        return raw;
    case VariableType::Integer: {
        const std::size_t from = (!v.empty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
        if (!all_digits(v, from) || v.size() - from > 18) bad(raw, t);
        const long long n = std::strtoll(v.c_str(), nullptr, 10);
        return std::to_string(n);
    }
    case VariableType::Decimal: {
        std::string s = v;
        // Accept a decimal comma (German "1,5") when there is no decimal point.
        if (s.find('.') == std::string::npos) std::replace(s.begin(), s.end(), ',', '.');
        const std::size_t from = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
        const auto dot = s.find('.');
        const std::string ip = s.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
        const std::string fp = dot == std::string::npos ? std::string() : s.substr(dot + 1);
        if ((ip.empty() && fp.empty()) || (!ip.empty() && !all_digits(ip)) || (dot != std::string::npos && !all_digits(fp)))
            bad(raw, t);
        std::string out = (s[0] == '-' ? "-" : "") + (ip.empty() ? std::string("0") : ip);
        std::string frac = fp;
        while (!frac.empty() && frac.back() == '0') frac.pop_back();
        if (!frac.empty()) out += "." + frac;
        return out;
    }
    case VariableType::Date: {
        int y = 0, m = 0, d = 0;
        char a = 0, b = 0;
        if (v.size() == 10 && std::sscanf(v.c_str(), "%4d%c%2d%c%2d", &y, &a, &m, &b, &d) == 5 && a == '-' && b == '-') {
        } else if (v.size() == 10 && std::sscanf(v.c_str(), "%2d%c%2d%c%4d", &d, &a, &m, &b, &y) == 5 && a == '.' && b == '.') {
        } else {
            bad(raw, t);
        }
        if (!valid_date(y, m, d)) bad(raw, t);
        char buf[40];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
    }
    case VariableType::Boolean: {
        const std::string l = lower(v);
        if (l == "true" || l == "1" || l == "yes" || l == "ja" || l == "wahr") return "true";
        if (l == "false" || l == "0" || l == "no" || l == "nein" || l == "falsch") return "false";
        bad(raw, t);
    }
    }
    bad(raw, t);
}

}  // namespace kodex
