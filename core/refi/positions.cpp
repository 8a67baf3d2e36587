// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/refi/positions.h"

#include <algorithm>
#include <array>

#include "core/text/unicode.h"

namespace kodex {

namespace {

bool contains_nocase(std::string_view s, std::string_view lower) {
    if (lower.size() > s.size()) return false;
    for (std::size_t i = 0; i + lower.size() <= s.size(); ++i) {
        std::size_t k = 0;
        while (k < lower.size()) {
            char c = s[i + k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != lower[k]) break;
            ++k;
        }
        if (k == lower.size()) return true;
    }
    return false;
}

// Lead byte of a UTF-8 sequence: its length (the text is valid UTF-8).
std::size_t utf8_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// NFC, whitespace runs as one space, trimmed: how a quote and a name attribute are compared.
std::string collapse(std::string_view s) {
    const std::string nfc = is_valid_utf8(s) ? normalize_text(s) : std::string(s);
    std::string out;
    out.reserve(nfc.size());
    bool pending_space = false;
    for (char c : nfc) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

// A name as a comparable prefix: collapsed, with the ellipsis that marks a shortened quote removed.
std::string name_prefix(std::string_view name) {
    std::string n = collapse(name);
    for (std::string_view tail : {std::string_view("\xE2\x80\xA6"), std::string_view("...")}) {
        if (n.size() >= tail.size() && n.compare(n.size() - tail.size(), tail.size(), tail) == 0) {
            n.erase(n.size() - tail.size());
            while (!n.empty() && n.back() == ' ') n.pop_back();
            break;
        }
    }
    return n;
}

struct Evaluation {
    ModelChoice choice;
    int confirmed = 0;  // matching named selections plus fitting unnamed ones
};

}  // namespace

std::string CountingModel::describe() const {
    return std::string(utf16 ? "UTF-16 code units" : "code points") + (crlf_as_one ? ", CRLF as one" : ", CRLF as two");
}

CountingModel default_counting_model(std::string_view origin) {
    if (contains_nocase(origin, "nvivo")) return {true, false};
    if (contains_nocase(origin, "atlas.ti") || contains_nocase(origin, "atlasti") || contains_nocase(origin, "maxqda"))
        return {false, true};
    return {false, false};
}

bool counting_matters(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0xF0) return true;
        if (b == '\r' && i + 1 < text.size() && text[i + 1] == '\n') return true;
    }
    return false;
}

PositionCounter::PositionCounter(std::string_view text, CountingModel model) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t len = std::min(utf8_length(lead), text.size() - i);
        if (model.utf16 && len == 4) {
            steps_.push_back({units_, units_ + 2, cps_, cps_ + 1});
            units_ += 2;
            cps_ += 1;
        } else if (model.crlf_as_one && lead == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            steps_.push_back({units_, units_ + 1, cps_, cps_ + 2});
            units_ += 1;
            cps_ += 2;
            i += 2;
            continue;
        } else {
            units_ += 1;
            cps_ += 1;
        }
        i += len;
    }
}

std::optional<std::int64_t> PositionCounter::to_code_point(std::int64_t units) const {
    if (units < 0 || units > units_) return std::nullopt;
    // The first step that ends after `units`; the one before it is the last that ends at or before it.
    const auto next = std::upper_bound(steps_.begin(), steps_.end(), units,
                                       [](std::int64_t u, const Step& s) { return u < s.unit_end; });
    if (next != steps_.end() && next->unit_begin < units) return std::nullopt;  // between two surrogates
    if (next == steps_.begin()) return units;
    const Step& prev = *(next - 1);
    return prev.cp_end + (units - prev.unit_end);
}

std::int64_t PositionCounter::to_units(std::int64_t cp) const {
    cp = std::clamp<std::int64_t>(cp, 0, cps_);
    const auto next = std::upper_bound(steps_.begin(), steps_.end(), cp,
                                       [](std::int64_t c, const Step& s) { return c < s.cp_end; });
    if (next != steps_.end() && next->cp_begin < cp) return next->unit_end;  // between CR and LF
    if (next == steps_.begin()) return cp;
    const Step& prev = *(next - 1);
    return prev.unit_end + (cp - prev.cp_end);
}

bool name_matches_quote(std::string_view name, std::string_view text) {
    const std::string prefix = name_prefix(name);
    if (prefix.empty()) return true;
    const std::string quote = collapse(text);
    return quote.compare(0, prefix.size(), prefix) == 0;
}

ModelChoice choose_counting_model(std::string_view text, const std::vector<SelectionProbe>& selections,
                                  CountingModel preferred) {
    std::vector<std::string> prefixes;
    prefixes.reserve(selections.size());
    for (const SelectionProbe& s : selections) prefixes.push_back(name_prefix(s.name));

    const PositionIndex index(text);
    const auto evaluate = [&](CountingModel model) {
        Evaluation e;
        e.choice.model = model;
        const PositionCounter counter(text, model);
        for (std::size_t i = 0; i < selections.size(); ++i) {
            const bool named = !prefixes[i].empty();
            if (named) ++e.choice.named;
            const auto start = counter.to_code_point(selections[i].start);
            const auto end = counter.to_code_point(selections[i].end);
            if (!start || !end || *end < *start) continue;
            ++e.choice.fitting;
            if (!named) {
                ++e.confirmed;
                continue;
            }
            const std::size_t from = index.to_byte(*start), to = index.to_byte(*end);
            const std::string quote = collapse(text.substr(from, to - from));
            if (quote.compare(0, prefixes[i].size(), prefixes[i]) == 0) {
                ++e.choice.matching;
                ++e.confirmed;
            }
        }
        return e;
    };

    Evaluation best = evaluate(preferred);
    const auto total = static_cast<int>(selections.size());
    if (!counting_matters(text) || (best.choice.fitting == total && best.choice.matching == best.choice.named))
        return best.choice;

    static const std::array<CountingModel, 4> kOrder = {
        CountingModel{false, false}, CountingModel{false, true}, CountingModel{true, false}, CountingModel{true, true}};
    for (const CountingModel& m : kOrder) {
        if (m == preferred) continue;
        const Evaluation e = evaluate(m);
        if (e.confirmed > best.confirmed || (e.confirmed == best.confirmed && e.choice.fitting > best.choice.fitting))
            best = e;
    }
    best.choice.tried_others = true;
    return best.choice;
}

}  // namespace kodex
