// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/boundaries.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

#include "core/errors.h"
#include "core/text/unicode.h"

namespace kodex {

namespace {

// ICU iterators work in UTF-16 units; the code points of the range are converted at the edges only.
struct Utf16Text {
    icu::UnicodeString text;
    std::vector<std::int32_t> cp_to_unit;  // size = code points + 1
    explicit Utf16Text(std::string_view utf8) : text(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))) {
        for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) cp_to_unit.push_back(i);
        cp_to_unit.push_back(text.length());
    }
    std::int64_t to_cp(std::int32_t unit) const {
        const auto it = std::lower_bound(cp_to_unit.begin(), cp_to_unit.end(), unit);
        return it - cp_to_unit.begin();
    }
    std::int64_t size() const { return static_cast<std::int64_t>(cp_to_unit.size()) - 1; }
    UChar32 at(std::int64_t cp) const { return text.char32At(cp_to_unit[static_cast<std::size_t>(cp)]); }
};

std::unique_ptr<icu::BreakIterator> make(bool words, const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(words ? icu::BreakIterator::createWordInstance(icu::Locale::getGerman(), status)
                                                 : icu::BreakIterator::createSentenceInstance(icu::Locale::getGerman(), status));
    if (U_FAILURE(status)) throw Error(std::string("ICU break iterator: ") + u_errorName(status));
    it->setText(text);
    return it;
}

bool is_space(UChar32 c) { return u_isUWhiteSpace(c); }

}  // namespace

TextRange snap_to_words(std::string_view text, TextRange range) {
    const Utf16Text t(text);
    std::int64_t start = std::max<std::int64_t>(0, std::min(range.start, t.size()));
    std::int64_t end = std::max(start, std::min(range.end, t.size()));
    while (start < end && is_space(t.at(start))) ++start;
    while (end > start && is_space(t.at(end - 1))) --end;
    if (start == end) return {start, end};
    auto it = make(true, t.text);
    const auto start_unit = t.cp_to_unit[static_cast<std::size_t>(start)];
    if (!it->isBoundary(start_unit)) start = t.to_cp(it->preceding(start_unit));
    const auto end_unit = t.cp_to_unit[static_cast<std::size_t>(end)];
    if (!it->isBoundary(end_unit)) end = t.to_cp(it->following(end_unit));
    return {start, end};
}

TextRange sentence_at(std::string_view text, std::int64_t pos) {
    const Utf16Text t(text);
    if (t.size() == 0) return {0, 0};
    pos = std::max<std::int64_t>(0, std::min(pos, t.size() - 1));
    auto it = make(false, t.text);
    const auto unit = t.cp_to_unit[static_cast<std::size_t>(pos)];
    const std::int32_t last = it->isBoundary(unit) ? unit : it->preceding(unit);
    std::int64_t start = t.to_cp(last);
    std::int64_t end = t.to_cp(it->following(unit));
    // Sentence rules end a "sentence" at a line break too: a transcript turn's paragraphs stay separate.
    while (end > start && is_space(t.at(end - 1))) --end;
    while (start < end && is_space(t.at(start))) ++start;
    return {start, end};
}

std::string in_vivo_name(std::string_view selected) {
    std::string out;
    bool space = false;
    std::int64_t cps = 0;
    const std::string norm = normalize_text(selected);
    for (std::size_t i = 0; i < norm.size();) {
        UChar32 c = 0;
        const std::size_t from = i;
        U8_NEXT(norm.data(), i, norm.size(), c);
        if (c < 0) continue;
        if (u_isUWhiteSpace(c) || u_iscntrl(c)) {
            space = !out.empty();
            continue;
        }
        if (cps >= 60) {
            out += "…";
            return out;
        }
        if (space) {
            out += ' ';
            ++cps;
            space = false;
        }
        out.append(norm, from, i - from);
        ++cps;
    }
    return out;
}

}  // namespace kodex
