// SPDX-License-Identifier: GPL-3.0-or-later
// Subtitles as transcripts (WebVTT and SubRip): one paragraph per speaker turn, "Speaker: text", paragraphs
// separated by a blank line. Consecutive cues of one speaker make one turn.
#include <optional>
#include <string_view>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/text/transcript_parse.h"
#include "core/text/unicode.h"

namespace kodex {
namespace {

struct Cue {
    std::string speaker;
    std::string text;
    std::int64_t start_ms = 0;
};

struct Block {
    std::size_t first_line = 0;  // 0-based index of the block's first line
    std::vector<std::string_view> lines;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool is_digits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// "NOTE", "NOTE this is a comment"; not "NOTES".
bool starts_with_word(std::string_view line, std::string_view word) {
    return line.substr(0, word.size()) == word && (line.size() == word.size() || is_space(line[word.size()]));
}

// Runs of non-blank lines of LF-only text.
std::vector<Block> blocks_of(std::string_view text) {
    std::vector<Block> blocks;
    bool in_block = false;
    std::size_t index = 0;
    for (std::size_t pos = 0; pos <= text.size(); ++index) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view line = text.substr(pos, eol - pos);
        if (trim(line).empty()) {
            in_block = false;
        } else {
            if (!in_block) blocks.push_back(Block{index, {}});
            blocks.back().lines.push_back(line);
            in_block = true;
        }
        pos = eol + 1;
    }
    return blocks;
}

// "01:02:03.456" or "02:03.456"; SubRip writes "01:02:03,456".
std::optional<std::int64_t> parse_cue_time(std::string_view s) {
    const std::size_t dot = s.find_last_of(".,");
    if (dot == std::string_view::npos) return std::nullopt;
    const std::string_view fraction = s.substr(dot + 1);
    if (!is_digits(fraction) || fraction.size() > 3) return std::nullopt;
    std::int64_t ms = std::stoll(std::string(fraction));
    for (std::size_t n = fraction.size(); n < 3; ++n) ms *= 10;

    std::vector<std::string_view> fields;
    std::string_view clock = s.substr(0, dot);
    for (std::size_t colon; (colon = clock.find(':')) != std::string_view::npos; clock.remove_prefix(colon + 1))
        fields.push_back(clock.substr(0, colon));
    fields.push_back(clock);
    if (fields.size() < 2 || fields.size() > 3) return std::nullopt;

    std::int64_t total = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const bool hours = fields.size() == 3 && i == 0;
        if (!is_digits(fields[i]) || (!hours && fields[i].size() != 2) || fields[i].size() > 6) return std::nullopt;
        const std::int64_t value = std::stoll(std::string(fields[i]));
        if (!hours && value > 59) return std::nullopt;
        total = total * 60 + value;
    }
    return total * 1000 + ms;
}

// The start time of "00:00:01.000 --> 00:00:04.000 align:start"; cue settings after the end time are ignored.
std::int64_t parse_timing(std::string_view line, std::size_t line_number, const std::string& file_name) {
    const std::size_t arrow = line.find("-->");
    const std::string_view after = trim(line.substr(arrow + 3));
    const auto start = parse_cue_time(trim(line.substr(0, arrow)));
    const auto end = parse_cue_time(after.substr(0, after.find_first_of(" \t")));
    if (!start || !end)
        throw ParseError(file_name, -1, "line " + std::to_string(line_number) + ": malformed cue timing \"" +
                                            std::string(line) + "\"");
    return *start;
}

std::string join_lines(const std::vector<std::string_view>& lines, std::size_t from) {
    std::string joined;
    for (std::size_t i = from; i < lines.size(); ++i) {
        const std::string_view line = trim(lines[i]);
        if (line.empty()) continue;
        if (!joined.empty()) joined += ' ';
        joined += line;
    }
    return joined;
}

// Removes markup: <...> tags, and for SubRip also {\...} override codes. Reports the first WebVTT voice
// (<v Name>, <v.loud Name>) and decodes WebVTT's character references.
std::string strip_markup(std::string_view in, bool webvtt, std::string* voice) {
    static constexpr struct {
        std::string_view reference, text;
    } kReferences[] = {{"&amp;", "&"},           {"&lt;", "<"},           {"&gt;", ">"},
                       {"&nbsp;", "\u00A0"},     {"&lrm;", "\u200E"},     {"&rlm;", "\u200F"}};
    std::string out;
    for (std::size_t i = 0; i < in.size();) {
        const std::string_view rest = in.substr(i);
        const char closing = rest[0] == '<' ? '>' : (!webvtt && rest.substr(0, 2) == "{\\") ? '}' : '\0';
        if (const std::size_t end = closing ? rest.find(closing) : std::string_view::npos;
            end != std::string_view::npos) {
            const std::string_view tag = rest.substr(1, end - 1);
            if (voice && voice->empty() && tag.size() > 2 && tag[0] == 'v' &&
                (is_space(tag[1]) || tag[1] == '.')) {
                if (const std::size_t space = tag.find_first_of(" \t"); space != std::string_view::npos)
                    *voice = std::string(trim(tag.substr(space + 1)));
            }
            i += end + 1;
            continue;
        }
        if (webvtt && rest[0] == '&') {
            bool decoded = false;
            for (const auto& r : kReferences) {
                if (rest.substr(0, r.reference.size()) == r.reference) {
                    out += r.text;
                    i += r.reference.size();
                    decoded = true;
                    break;
                }
            }
            if (decoded) continue;
        }
        out += rest[0];
        ++i;
    }
    return out;
}

// A cue's speaker is its voice tag, else a "Name:" prefix (the label rules of transcripts).
std::optional<Cue> make_cue(const std::string& payload, bool webvtt, std::int64_t start_ms) {
    Cue cue;
    cue.start_ms = start_ms;
    std::string text = strip_markup(payload, webvtt, webvtt ? &cue.speaker : nullptr);
    if (cue.speaker.empty()) {
        if (const auto label = match_speaker_label(trim(text))) {
            cue.speaker = label->speaker;
            text = std::string(trim(text).substr(label->body_start));
        }
    }
    cue.text = std::string(trim(text));
    if (cue.text.empty()) return std::nullopt;
    return cue;
}

ImportedText assemble(const std::vector<Cue>& cues, const DecodedText& decoded, std::string format) {
    // Cues without a speaker stay separate paragraphs: merging them would make one block of the whole file.
    std::vector<Cue> merged;
    for (const Cue& cue : cues) {
        if (!merged.empty() && !cue.speaker.empty() && merged.back().speaker == cue.speaker)
            merged.back().text += ' ' + cue.text;
        else
            merged.push_back(cue);
    }

    std::string raw;
    std::int64_t cp = 0;
    const auto append = [&](std::string_view s) {
        raw += s;
        cp += count_code_points(s);
    };
    ImportedText result;
    for (const Cue& cue : merged) {
        if (!raw.empty()) append("\n\n");
        Turn turn;
        turn.speaker = cue.speaker;
        turn.timestamp_ms = cue.start_ms;
        turn.start = cp;
        if (!cue.speaker.empty()) {
            append(cue.speaker);
            append(": ");
        }
        turn.body_start = cp;
        append(cue.text);
        turn.end = cp;
        result.turns.push_back(std::move(turn));
    }

    // The pieces come from normalised text, but their joins need not be: map positions to be exact.
    NormalizedText stored = normalize_for_storage(raw);
    for (Turn& turn : result.turns) {
        turn.start = stored.map.map(turn.start);
        turn.body_start = stored.map.map(turn.body_start);
        turn.end = stored.map.map(turn.end);
    }
    result.text = std::move(stored.text);
    result.format = std::move(format);
    result.encoding = decoded.encoding;
    if (decoded.encoding != "UTF-8" && !decoded.had_bom)
        result.notes.push_back("encoding assumed: " + decoded.encoding);
    return result;
}

std::string line_ref(std::size_t index) { return "line " + std::to_string(index + 1); }

}  // namespace

ImportedText import_webvtt(const std::string& bytes, const std::string& file_name) {
    const DecodedText decoded = decode_bytes(bytes, file_name);
    const std::string text = normalize_text(decoded.utf8);
    const std::vector<Block> blocks = blocks_of(text);
    // The first block is the "WEBVTT" line and its header lines.
    if (blocks.empty() || blocks[0].first_line != 0 || !starts_with_word(blocks[0].lines[0], "WEBVTT"))
        throw ParseError(file_name, -1, "line 1: not a WebVTT file: it must start with \"WEBVTT\"");

    std::vector<Cue> cues;
    for (std::size_t b = 1; b < blocks.size(); ++b) {
        const Block& block = blocks[b];
        const std::string_view first = block.lines[0];
        if (starts_with_word(first, "NOTE") || starts_with_word(first, "STYLE") || starts_with_word(first, "REGION"))
            continue;
        const std::size_t timing = first.find("-->") != std::string_view::npos ? 0 : 1;  // else an identifier
        if (timing >= block.lines.size() || block.lines[timing].find("-->") == std::string_view::npos)
            throw ParseError(file_name, -1,
                             line_ref(block.first_line + timing) +
                                 ": expected a cue timing line like \"00:00:01.000 --> 00:00:04.000\"");
        const std::int64_t start = parse_timing(block.lines[timing], block.first_line + timing + 1, file_name);
        if (auto cue = make_cue(join_lines(block.lines, timing + 1), true, start)) cues.push_back(std::move(*cue));
    }
    return assemble(cues, decoded, "vtt");
}

ImportedText import_srt(const std::string& bytes, const std::string& file_name) {
    const DecodedText decoded = decode_bytes(bytes, file_name);
    const std::string text = normalize_text(decoded.utf8);

    std::vector<Cue> cues;
    for (const Block& block : blocks_of(text)) {
        const std::size_t timing = is_digits(trim(block.lines[0])) ? 1 : 0;  // the cue number
        if (timing >= block.lines.size() || block.lines[timing].find("-->") == std::string_view::npos)
            throw ParseError(file_name, -1,
                             line_ref(block.first_line + timing) +
                                 ": expected a subtitle timing line like \"00:00:01,000 --> 00:00:04,000\"");
        const std::int64_t start = parse_timing(block.lines[timing], block.first_line + timing + 1, file_name);
        if (auto cue = make_cue(join_lines(block.lines, timing + 1), false, start)) cues.push_back(std::move(*cue));
    }
    return assemble(cues, decoded, "srt");
}

}  // namespace kodex
