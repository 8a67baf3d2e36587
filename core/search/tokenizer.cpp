// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace kodex {
namespace {

constexpr char32_t kIgnore = 0xFFFFFFFF;
constexpr char32_t kEnd = 0xFFFFFFFE;

bool is_ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }

bool is_digit(char32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

// Characters that are invisible inside a word: zero-width space/joiners, word joiner, BOM, soft hyphen.
bool is_invisible_joiner(char32_t c) {
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

// A character between two word characters that keeps them one word: returns what the word gets
// (the character, its replacement, kIgnore for nothing) or 0 when the word ends there.
char32_t infix(char32_t c, bool between_digits) {
    if (is_invisible_joiner(c)) return kIgnore;
    if (between_digits) {
        switch (c) {
        case ',': case '.': case ';': case 0x037E: case 0x0589: case 0x060D: case 0x07F8:
        case 0x2044: case 0xFE10: case 0xFE13: case 0xFE14:
            return c;
        default:
            return 0;
        }
    }
    if (c == '\'' || c == '&' || c == 0x00B7 || c == 0x05F4 || c == 0x2027) return c;
    if (c == 0x2019 || c == 0x201B) return '\'';
    return 0;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
        return;
    }
    char buf[4];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
    out.append(buf, static_cast<std::size_t>(n));
}

char32_t fold(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

// Decodes the code point at `i` (kEnd at the end, U+FFFD for an invalid byte) and sets `next`.
char32_t decode(std::string_view s, std::size_t i, std::size_t& next) {
    if (i >= s.size()) {
        next = i;
        return kEnd;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        next = i + 1;
        return b;
    }
    std::int32_t j = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(s.data(), j, static_cast<std::int32_t>(s.size()), c);
    next = static_cast<std::size_t>(j);
    return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool starts_with_gender_ending(std::string_view s, std::size_t i, std::size_t& after) {
    auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
    for (const std::string_view ending : {std::string_view("innen"), std::string_view("in")}) {
        if (s.size() - i < ending.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < ending.size() && same; ++k) same = lower(s[i + k]) == ending[k];
        if (!same) continue;
        std::size_t next = 0;
        const char32_t c = decode(s, i + ending.size(), next);
        if (c == kEnd || !is_word_char(c)) {
            after = i + ending.size();
            return true;
        }
    }
    return false;
}

bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return u_isalpha(static_cast<UChar32>(c));
}

// The code point ending just before byte `i`.
char32_t previous(std::string_view s, std::size_t i) {
    if (i == 0) return kEnd;
    std::int32_t j = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_PREV(s.data(), 0, j, c);
    return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

// "MitarbeiterInnen", "KollegIn": a lower-case letter, then "In" or "Innen" ending the word.
std::string binnen_i_stem(std::string_view word, const std::string& term) {
    for (const std::string_view ending : {std::string_view("Innen"), std::string_view("In")}) {
        if (word.size() < ending.size() + 2 || word.substr(word.size() - ending.size()) != ending) continue;
        const std::size_t i = word.size() - ending.size();
        const char32_t before = previous(word, i);
        if (before == kEnd || !u_islower(static_cast<UChar32>(before))) continue;
        if (term.size() <= ending.size()) continue;
        return term.substr(0, term.size() - ending.size());
    }
    return {};
}

}  // namespace

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (c == kEnd || c == kIgnore) return false;
    switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER: case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER: case U_CONNECTOR_PUNCTUATION:
        return true;
    default:
        return false;
    }
}

std::string fold_gender(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 1; i < text.size(); ++i) {
        std::size_t marker = 0;
        const char c = text[i];
        if (c == '/' && i + 1 < text.size() && text[i + 1] == '-') marker = 2;
        else if (c == '*' || c == '_' || c == ':' || c == '/') marker = 1;
        else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xB7') marker = 2;
        if (!marker) continue;
        std::size_t after = 0;
        if (!is_letter(previous(text, i)) || !starts_with_gender_ending(text, i + marker, after)) continue;
        for (std::size_t k = 0; k < marker; ++k) out[i + k] = ':';
        i = after - 1;
    }
    return out;
}

std::vector<WordToken> tokenize(std::string_view s) {
    std::vector<WordToken> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t next = 0;
        char32_t c = decode(s, i, next);
        if (!is_word_char(c)) {
            i = next;
            continue;
        }
        WordToken tok;
        tok.begin = static_cast<std::uint32_t>(i);

        // Initials separated by dots ("U.S.A.", "E.U") are one word; one letter alone is not.
        if (is_ascii_upper(c)) {
            std::size_t p = i;
            std::size_t last_end = i;
            std::string term;
            while (true) {
                term.push_back(static_cast<char>(s[p] + 32));
                last_end = ++p;
                if (p < s.size() && s[p] == '.' && ++p < s.size() && is_ascii_upper(static_cast<unsigned char>(s[p]))) continue;
                break;
            }
            std::size_t after = 0;
            if (term.size() > 1 && (p >= s.size() || !is_word_char(decode(s, p, after)))) {
                tok.end = static_cast<std::uint32_t>(last_end);
                tok.term = std::move(term);
                out.push_back(std::move(tok));
                i = p;
                continue;
            }
        }

        std::string& term = tok.term;
        std::size_t end = i;
        bool prev_digit = false;
        while (true) {
            // A run of word characters.
            while (c != kEnd && is_word_char(c)) {
                append_utf8(term, fold(c));
                prev_digit = is_digit(c);
                end = next;
                c = decode(s, next, next);
            }
            if (c == kEnd) break;
            // A joining character between two word characters?
            std::size_t after = 0;
            const char32_t following = decode(s, next, after);
            if (following == kEnd || !is_word_char(following)) break;
            const char32_t keep = infix(c, prev_digit && is_digit(following));
            if (!keep) break;
            if (keep != kIgnore) append_utf8(term, keep);
            c = following;
            next = after;
        }
        // Up to three '+' or '#' belong to the word ("C++", "C#") unless a word character follows.
        std::size_t p = end;
        std::size_t count = 0;
        while (p < s.size() && (s[p] == '+' || s[p] == '#') && count < 4) {
            ++p;
            ++count;
        }
        std::size_t after = 0;
        const bool suffix = count > 0 && count <= 3 && (p >= s.size() || !is_word_char(decode(s, p, after)));
        if (suffix) {
            term.append(s.substr(end, count));
            end = p;
        }
        tok.end = static_cast<std::uint32_t>(end);
        i = end;
        if (term.size() > kMaxWordBytes) continue;
        if (!suffix) tok.stem_part = binnen_i_stem(s.substr(tok.begin, end - tok.begin), term);
        out.push_back(std::move(tok));
    }
    return out;
}

std::string fold_case(std::string_view text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace kodex
