// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/edit/edit_map.h"

#include <algorithm>

#include "core/errors.h"
#include "core/text/unicode.h"

namespace kodex {

namespace {

std::string span_text(std::int64_t s, std::int64_t e) { return std::to_string(s) + ":" + std::to_string(e); }

std::u32string decode(std::string_view utf8) {
    if (!is_valid_utf8(utf8)) throw InvalidArgument("text is not valid UTF-8");
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(n);
    }
    return out;
}

std::string encode(const char32_t* p, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) append_utf8(out, p[i]);
    return out;
}

// Myers' greedy O(ND) diff of a and b (no common prefix or suffix expected, but correct without). Returns
// false when more than max_d edits are needed. Otherwise `out` gets the replacements, in a's positions.
bool myers(const std::u32string_view a, const std::u32string_view b, std::int64_t max_d, std::int64_t base,
           std::vector<TextReplacement>& out) {
    const auto n = static_cast<std::int64_t>(a.size());
    const auto m = static_cast<std::int64_t>(b.size());
    const std::int64_t limit = std::min(max_d, n + m);
    const std::int64_t off = limit + 1;
    std::vector<std::int32_t> v(static_cast<std::size_t>(2 * limit + 3), 0);
    std::vector<std::vector<std::int32_t>> trace;  // trace[d][k + d]: furthest x on diagonal k after d edits
    auto at = [&](std::int64_t k) -> std::int32_t& { return v[static_cast<std::size_t>(k + off)]; };
    std::int64_t found = -1;
    for (std::int64_t d = 0; d <= limit && found < 0; ++d) {
        for (std::int64_t k = -d; k <= d; k += 2) {
            std::int64_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            std::int64_t y = x - k;
            while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y;
            at(k) = static_cast<std::int32_t>(x);
            if (x >= n && y >= m) found = d;
        }
        trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
    }
    if (found < 0) return false;

    // Walk back from (n, m) and note each edit: (old x, new y, deletion?).
    struct Op {
        std::int64_t x, y;
        bool del;
    };
    std::vector<Op> ops;
    std::int64_t x = n, y = m;
    for (std::int64_t d = found; d > 0; --d) {
        const auto& vp = trace[static_cast<std::size_t>(d - 1)];
        auto prev = [&](std::int64_t k) { return static_cast<std::int64_t>(vp[static_cast<std::size_t>(k + d - 1)]); };
        const std::int64_t k = x - y;
        const bool down = k == -d || (k != d && prev(k - 1) < prev(k + 1));  // down: an insertion
        const std::int64_t pk = down ? k + 1 : k - 1;
        const std::int64_t px = prev(pk);
        const std::int64_t py = px - pk;
        ops.push_back({px, py, !down});
        x = px;
        y = py;
    }
    std::reverse(ops.begin(), ops.end());
    // Group edits that touch into one replacement each.
    for (std::size_t i = 0; i < ops.size();) {
        TextReplacement r;
        r.start = ops[i].x;
        r.end = ops[i].x;
        std::int64_t y0 = -1, y1 = -1;
        while (i < ops.size() && ops[i].x == r.end) {
            if (ops[i].del) {
                ++r.end;
            } else {
                if (y0 < 0) y0 = ops[i].y;
                y1 = ops[i].y + 1;
            }
            ++i;
        }
        if (y0 >= 0) r.text = encode(b.data() + y0, static_cast<std::size_t>(y1 - y0));
        r.start += base;
        r.end += base;
        out.push_back(std::move(r));
    }
    return true;
}

}  // namespace

EditMap::EditMap(std::vector<Replacement> replacements) : reps_(std::move(replacements)) {
    std::sort(reps_.begin(), reps_.end(), [](const Replacement& a, const Replacement& b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    std::vector<Replacement> merged;
    for (std::size_t i = 0; i < reps_.size(); ++i) {
        const Replacement& r = reps_[i];
        if (r.start < 0 || r.end < r.start || r.length < 0)
            throw InvalidArgument("replacement " + span_text(r.start, r.end) + " is not a range");
        if (i > 0 && r.start < reps_[i - 1].end)
            throw InvalidArgument("replacements " + span_text(reps_[i - 1].start, reps_[i - 1].end) + " and " +
                                  span_text(r.start, r.end) + " overlap");
        // Touching replacements act as one: a range from one into the next would otherwise map to nothing
        // when both are deletions.
        if (!merged.empty() && r.start == merged.back().end) {
            merged.back().end = r.end;
            merged.back().length += r.length;
        } else {
            merged.push_back(r);
        }
    }
    reps_ = std::move(merged);
    shift_before_.reserve(reps_.size() + 1);
    std::int64_t shift = 0;
    for (const Replacement& r : reps_) {
        shift_before_.push_back(shift);
        shift += r.delta();
    }
    shift_before_.push_back(shift);
}

std::int64_t EditMap::map_start(std::int64_t p) const {
    if (reps_.empty()) return p;
    // Replacements ending at or before p are behind it (ends ascend, as the spans do not overlap).
    const auto k = static_cast<std::size_t>(
        std::upper_bound(reps_.begin(), reps_.end(), p, [](std::int64_t v, const Replacement& r) { return v < r.end; }) -
        reps_.begin());
    if (k < reps_.size() && reps_[k].start < p) return reps_[k].start + shift_before_[k];  // inside: to its start
    return p + shift_before_[k];
}

std::int64_t EditMap::map_end(std::int64_t p) const {
    if (reps_.empty()) return p;
    // Replacements starting before p are behind it unless p lies inside the last of them.
    const auto k = static_cast<std::size_t>(
        std::lower_bound(reps_.begin(), reps_.end(), p, [](const Replacement& r, std::int64_t v) { return r.start < v; }) -
        reps_.begin());
    if (k > 0 && reps_[k - 1].end > p) return reps_[k - 1].start + shift_before_[k - 1] + reps_[k - 1].length;
    return p + shift_before_[k];
}

MappedRange EditMap::map_range(TextRange r) const {
    MappedRange out{{map_start(r.start), map_end(r.end)}, RangeFate::Unchanged};
    if (reps_.empty()) return out;
    // Swallowed: the last replacement starting at or before r.start holds all of r.
    const auto last = std::upper_bound(reps_.begin(), reps_.end(), r.start,
                                       [](std::int64_t v, const Replacement& x) { return v < x.start; });
    if (last != reps_.begin()) {
        const Replacement& c = *(last - 1);
        if (c.start < c.end && c.end >= r.end) {
            out.fate = RangeFate::Swallowed;
            return out;
        }
    }
    // Grown: a replacement overlaps the range's inside (an insertion strictly inside it).
    const auto first_after = std::upper_bound(reps_.begin(), reps_.end(), r.start,
                                              [](std::int64_t v, const Replacement& x) { return v < x.end; });
    const auto past = std::lower_bound(reps_.begin(), reps_.end(), r.end,
                                       [](const Replacement& x, std::int64_t v) { return x.start < v; });
    if (first_after < past)
        out.fate = RangeFate::Grown;
    else if (!(out.range == r))
        out.fate = RangeFate::Moved;
    return out;
}

std::int64_t EditMap::new_length(std::int64_t old_length) const {
    return old_length + (shift_before_.empty() ? 0 : shift_before_.back());
}

std::vector<TextReplacement> diff_texts(std::string_view old_text, std::string_view new_text, std::int64_t max_edits) {
    const std::u32string a = decode(old_text);
    const std::u32string b = decode(new_text);
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    const std::u32string_view am(a.data() + pre, a.size() - pre - suf);
    const std::u32string_view bm(b.data() + pre, b.size() - pre - suf);
    std::vector<TextReplacement> out;
    if (am.empty() && bm.empty()) return out;
    const auto base = static_cast<std::int64_t>(pre);
    if (am.empty() || bm.empty() || !myers(am, bm, max_edits, base, out)) {
        out.clear();
        out.push_back({base, base + static_cast<std::int64_t>(am.size()), encode(bm.data(), bm.size())});
    }
    return out;
}

std::string apply_replacements(std::string_view text, const std::vector<TextReplacement>& replacements) {
    const PositionIndex index(text);
    std::string out;
    out.reserve(text.size());
    std::int64_t at = 0;
    for (const TextReplacement& r : replacements) {
        if (r.start < at || r.end < r.start || r.end > index.code_points())
            throw InvalidArgument("replacement " + span_text(r.start, r.end) + " is outside the text (0:" +
                                  std::to_string(index.code_points()) + ") or out of order");
        out.append(text.substr(index.to_byte(at), index.to_byte(r.start) - index.to_byte(at)));
        out += r.text;
        at = r.end;
    }
    out.append(text.substr(index.to_byte(at)));
    return out;
}

std::vector<Replacement> replacement_lengths(const std::vector<TextReplacement>& replacements) {
    std::vector<Replacement> out;
    out.reserve(replacements.size());
    for (const TextReplacement& r : replacements) out.push_back({r.start, r.end, count_code_points(r.text)});
    return out;
}

}  // namespace kodex
