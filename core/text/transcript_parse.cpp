// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/transcript_parse.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <map>

#include "core/text/unicode.h"

namespace kodex {
namespace {

// ---- Speaker labels ------------------------------------------------------------------------------------

// A label longer than this is more likely a sentence with a colon than a speaker.
constexpr std::size_t kMaxLabelCodePoints = 40;

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_upper(char32_t c) { return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }
bool is_lower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool is_letter(char32_t c) {
    return u_isalpha(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

std::u32string to_code_points(std::string_view utf8) {
    std::u32string out;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        out += c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
    }
    return out;
}

std::vector<std::u32string_view> split_words(std::u32string_view s) {
    std::vector<std::u32string_view> words;
    for (std::size_t start = 0;;) {
        const std::size_t space = s.find(U' ', start);
        if (space == std::u32string_view::npos) {
            words.push_back(s.substr(start));
            return words;
        }
        words.push_back(s.substr(start, space - start));
        start = space + 1;
    }
}

bool all_digits(std::u32string_view s, std::size_t max) {
    if (s.empty() || s.size() > max) return false;
    for (const char32_t c : s)
        if (!is_digit(c)) return false;
    return true;
}

// Letters with inner hyphens or apostrophes: "Müller-Lüdenscheidt", "O'Brien".
bool is_word_body(std::u32string_view s) {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        if (is_letter(c)) continue;
        const bool joiner = c == U'-' || c == U'\'' || c == U'\u2019';
        if (!joiner || i == 0 || i + 1 == s.size() || !is_letter(s[i + 1])) return false;
    }
    return true;
}

// "Petra", "Interviewerin", "Dr.", "Prof.", "Befragte/r", "Interviewer/in".
bool is_capitalised_word(std::u32string_view w) {
    if (w.empty() || !is_upper(w[0])) return false;
    if (const std::size_t slash = w.find(U'/'); slash != std::u32string_view::npos) {
        const std::u32string_view suffix = w.substr(slash + 1);
        const bool gender_suffix = suffix == U"r" || suffix == U"e" || suffix == U"n" || suffix == U"in" ||
                                   suffix == U"innen";
        return gender_suffix && is_word_body(w.substr(0, slash));
    }
    if (w.back() == U'.') return w.size() <= 6 && is_word_body(w.substr(0, w.size() - 1));
    return is_word_body(w);
}

// Lower-case words that may stand between the capitalised words of a name: "von", "de", "med.".
bool is_name_particle(std::u32string_view w) {
    static constexpr std::u32string_view particles[] = {U"von", U"vom", U"van", U"de", U"der", U"den", U"di", U"da",
                                                        U"du",  U"la",  U"le",  U"zu", U"zur", U"ten", U"ter"};
    for (const auto p : particles)
        if (w == p) return true;
    if (w.size() >= 3 && w.size() <= 6 && w.back() == U'.' && is_lower(w[0]))
        return is_word_body(w.substr(0, w.size() - 1));
    return false;
}

// "I", "B", "B1", "IP 3", "IP3", "T2": up to three capital letters, optionally with a number.
bool is_code_label(std::u32string_view s) {
    std::size_t letters = 0;
    while (letters < s.size() && s[letters] >= U'A' && s[letters] <= U'Z') ++letters;
    if (letters == 0 || letters > 3) return false;
    std::u32string_view rest = s.substr(letters);
    if (rest.empty()) return true;
    if (rest[0] == U' ') rest.remove_prefix(1);
    return all_digits(rest, 3);
}

// Names and roles: one to four capitalised words or abbreviations with optional particles between them,
// optionally followed by a number: "Interviewer", "Befragte/r", "Petra Lindner", "Frau Dr. Weber", "Person 2".
bool is_name_label(std::u32string_view s) {
    std::vector<std::u32string_view> words = split_words(s);
    if (words.size() > 1 && all_digits(words.back(), 3)) words.pop_back();
    if (words.size() > 4) return false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool inner = i > 0 && i + 1 < words.size();
        if (!is_capitalised_word(words[i]) && !(inner && is_name_particle(words[i]))) return false;
    }
    return true;
}

struct SpeakerPattern {
    const char* name;
    bool (*matches)(std::u32string_view label);  // the label without its colon
    bool name_style;                              // must open two or more lines to count in parse_turns
};

// The speaker conventions Kodex recognises; a new one is one more line here.
constexpr SpeakerPattern kSpeakerPatterns[] = {
    {"code", is_code_label, false},  // I:  B1:  IP 3:  T2:
    {"name", is_name_label, true},   // Interviewerin:  Befragte/r:  Petra Lindner:  Frau Dr. Weber:
};

// ---- Timestamps ----------------------------------------------------------------------------------------

struct TimestampPattern {
    const char* name;
    // H = hours (1-2 digits), M = minutes and S = seconds (2 digits, below 60), t = tenths (1 digit),
    // f = optional fraction ('.' or ',' and 1-3 digits); any other character stands for itself.
    const char* shape;
};

// The timestamp conventions Kodex recognises; a new one is one more line here.
constexpr TimestampPattern kTimestampPatterns[] = {
    {"f4/f5", "#H:M:S-t#"},           // #00:01:23-4#
    {"f4/f5 without tenths", "#H:M:S#"},  // #00:01:23#
    {"brackets", "[H:M:Sf]"},         // [00:01:23]  [00:01:23.4]
    {"parentheses", "(H:M:Sf)"},      // (00:01:23)
    {"bare", "H:M:Sf"},               // 00:01:23 (parse_turns only takes it at a turn's start or end)
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A clock that is part of a longer number or time ("100:01:23", "00:01:23:45") is not a timestamp.
bool is_clock_boundary(char c) { return !is_ascii_digit(c) && c != ':'; }

std::optional<TimestampMatch> match_shape(std::string_view s, std::size_t pos, const char* shape) {
    std::size_t i = pos;
    std::int64_t hours = 0, minutes = 0, seconds = 0, millis = 0;
    const auto digits = [&](std::size_t min, std::size_t max, std::int64_t& value) {
        std::size_t n = 0;
        value = 0;
        while (n < max && i < s.size() && is_ascii_digit(s[i])) {
            value = value * 10 + (s[i++] - '0');
            ++n;
        }
        return n >= min;
    };
    for (const char* p = shape; *p; ++p) {
        switch (*p) {
        case 'H':
            if (!digits(1, 2, hours)) return std::nullopt;
            break;
        case 'M':
            if (!digits(2, 2, minutes) || minutes > 59) return std::nullopt;
            break;
        case 'S':
            if (!digits(2, 2, seconds) || seconds > 59) return std::nullopt;
            break;
        case 't':
            if (!digits(1, 1, millis)) return std::nullopt;
            millis *= 100;
            break;
        case 'f':
            if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && is_ascii_digit(s[i + 1])) {
                ++i;
                const std::size_t from = i;
                digits(1, 3, millis);
                for (std::size_t n = i - from; n < 3; ++n) millis *= 10;
            }
            break;
        default:
            if (i >= s.size() || s[i] != *p) return std::nullopt;
            ++i;
        }
    }
    if (shape[0] == 'H' && pos > 0 && !is_clock_boundary(s[pos - 1])) return std::nullopt;
    if (i < s.size() && !is_clock_boundary(s[i])) return std::nullopt;
    return TimestampMatch{pos, i, ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis};
}

std::optional<TimestampMatch> timestamp_at(std::string_view s, std::size_t pos) {
    for (const auto& pattern : kTimestampPatterns)
        if (auto m = match_shape(s, pos, pattern.shape)) return m;
    return std::nullopt;
}

std::optional<TimestampMatch> timestamp_ending_at(std::string_view s, std::size_t end) {
    constexpr std::size_t kLongestToken = 24;
    for (std::size_t pos = end > kLongestToken ? end - kLongestToken : 0; pos < end; ++pos)
        if (auto m = timestamp_at(s.substr(0, end), pos); m && m->byte_end == end) return m;
    return std::nullopt;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::size_t skip_blanks(std::string_view s, std::size_t pos) {
    while (pos < s.size() && is_blank(s[pos])) ++pos;
    return pos;
}

std::size_t trim_end(std::string_view s) {
    std::size_t end = s.size();
    while (end > 0 && is_blank(s[end - 1])) --end;
    return end;
}

// A speaker label at the start of a line (after indentation), optionally preceded by a timestamp.
struct LabelledLine {
    std::size_t start = 0;       // timestamp or label
    std::size_t body_start = 0;  // after "label:" and its spaces
    std::string speaker;
    std::optional<std::int64_t> timestamp_ms;
    bool name_style = false;
};

std::optional<LabelledLine> match_labelled_line(std::string_view line) {
    LabelledLine result;
    result.start = skip_blanks(line, 0);
    std::size_t label_pos = result.start;
    if (const auto ts = timestamp_at(line, result.start)) {
        result.timestamp_ms = ts->ms;
        label_pos = skip_blanks(line, ts->byte_end);
    }
    const auto label = match_speaker_label(line.substr(label_pos));
    if (!label) return std::nullopt;
    result.speaker = label->speaker;
    result.body_start = label_pos + label->body_start;
    result.name_style = label->name_style;
    return result;
}

}  // namespace

std::optional<SpeakerLabelMatch> match_speaker_label(std::string_view line) {
    const std::size_t colon = line.find(':');
    // Four bytes per code point at most: a quick bound before decoding.
    if (colon == std::string_view::npos || colon == 0 || colon > 4 * kMaxLabelCodePoints) return std::nullopt;
    if (colon + 1 < line.size() && !is_blank(line[colon + 1])) return std::nullopt;
    const std::u32string label = to_code_points(line.substr(0, colon));
    if (label.size() > kMaxLabelCodePoints) return std::nullopt;
    for (const auto& pattern : kSpeakerPatterns)
        if (pattern.matches(label))
            return SpeakerLabelMatch{std::string(line.substr(0, colon)), skip_blanks(line, colon + 1), pattern.name_style};
    return std::nullopt;
}

std::optional<TimestampMatch> find_timestamp(std::string_view s) {
    for (std::size_t pos = 0; pos < s.size(); ++pos) {
        const char c = s[pos];
        if (c != '#' && c != '[' && c != '(' && !is_ascii_digit(c)) continue;
        if (auto m = timestamp_at(s, pos)) return m;
    }
    return std::nullopt;
}

std::string format_timestamp(std::int64_t ms) {
    if (ms < 0) ms = 0;
    const long long tenths = ms / 100;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%lld", tenths / 36000, tenths / 600 % 60, tenths / 10 % 60,
                  tenths % 10);
    return buf;
}

std::vector<Turn> parse_turns(std::string_view text) {
    std::vector<Turn> turns;
    Turn current;
    bool open = false;
    std::string_view last_line;  // the current turn's last non-blank line
    bool labelled = false;       // from the first label on, unlabelled lines continue the current turn

    // A turn's timestamp is the first one at the start of its first line (before or after the label),
    // otherwise one at the end of its last line. f4/f5 write "#00:01:23-4#" at the end of a paragraph, where
    // it marks the time the turn ends; it is stored all the same, because it is the only time the source
    // gives for the turn and players seek to it well enough.
    const auto close = [&] {
        if (!open) return;
        if (!current.timestamp_ms) {
            if (const auto ts = timestamp_ending_at(last_line, trim_end(last_line))) current.timestamp_ms = ts->ms;
        }
        turns.push_back(std::move(current));
        current = Turn{};
        open = false;
    };
    const auto begin = [&](std::string_view line, std::int64_t start, std::int64_t body_start) {
        close();
        current.start = start;
        current.body_start = body_start;
        last_line = line;
        open = true;
    };

    // First pass: how many lines each name-style label opens.
    std::map<std::string, int> name_labels;
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        if (auto label = match_labelled_line(text.substr(pos, eol - pos)); label && label->name_style)
            ++name_labels[label->speaker];
        pos = eol + 1;
    }
    const auto is_label = [&](const std::optional<LabelledLine>& l) {
        return l && (!l->name_style || name_labels[l->speaker] >= 2);
    };

    std::int64_t line_cp = 0;
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view line = text.substr(pos, eol - pos);
        const std::int64_t line_end_cp = line_cp + count_code_points(line);
        const auto cp_at = [&](std::size_t byte) { return line_cp + count_code_points(line.substr(0, byte)); };
        const std::size_t first = skip_blanks(line, 0);

        if (auto label = match_labelled_line(line); is_label(label)) {
            begin(line, cp_at(label->start), cp_at(label->body_start));
            labelled = true;
            current.speaker = std::move(label->speaker);
            current.timestamp_ms = label->timestamp_ms;
            if (!current.timestamp_ms) {
                if (const auto ts = timestamp_at(line, label->body_start)) current.timestamp_ms = ts->ms;
            }
            current.end = line_end_cp;
        } else if (first == line.size()) {
            if (!labelled) close();
        } else {
            if (!open) {
                begin(line, cp_at(first), cp_at(first));
                if (const auto ts = timestamp_at(line, first)) current.timestamp_ms = ts->ms;
            }
            last_line = line;
            current.end = line_end_cp;
        }
        line_cp = line_end_cp + 1;
        pos = eol + 1;
    }
    close();
    return turns;
}

}  // namespace kodex
