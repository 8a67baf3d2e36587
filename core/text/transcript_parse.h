// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Recognises transcript conventions in stored text: speaker turns ("I:", "B1:", "IP 3:",
// "Interviewer:", "Befragte/r:", "Frau Dr. Weber:") and timestamps ("#00:01:23-4#" as f4/f5 write them,
// "[00:01:23]", "(00:01:23)", "00:01:23"). The patterns live in two tables in transcript_parse.cpp
// (kSpeakerPatterns, kTimestampPatterns) that are easy to extend. The text is never rewritten.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/document.h"

namespace kodex {

struct TimestampMatch {
    std::size_t byte_start = 0;  ///< where the timestamp token starts in the line
    std::size_t byte_end = 0;
    std::int64_t ms = 0;
};

/// Finds the first timestamp token in `s`. Returns nothing when there is none.
std::optional<TimestampMatch> find_timestamp(std::string_view s);
/// Formats milliseconds as "hh:mm:ss.t" (tenths, as f4 does).
std::string format_timestamp(std::int64_t ms);

struct SpeakerLabelMatch {
    std::string speaker;         ///< label as written, without the colon ("IP 3", "Frau Dr. Weber")
    std::size_t body_start = 0;  ///< byte offset after the colon and the spaces that follow it
    bool name_style = false;     ///< a name or role ("Petra Lindner") rather than a short code ("B1")
};

/// Matches a speaker label ("I:", "IP 3:", "Befragte/r:", "Frau Dr. Weber:") at the very start of `line`,
/// followed by a space, a tab or the end of the line. Subtitle importers use it for "Name:" prefixes.
std::optional<SpeakerLabelMatch> match_speaker_label(std::string_view line);

/// Splits stored text (LF, NFC) into turns. A line that starts with a speaker label (optionally after a
/// timestamp) opens a turn that runs until the next labelled line; text before the first label, or a text
/// without any labels, is split into paragraphs at blank lines (speaker empty). A name-style label counts only
/// when it opens at least two lines of the text (speakers speak more than once), so header lines such as
/// "Datum: 14.07.2021" or "Ort: Köln" stay part of a paragraph. A turn's timestamp is the first timestamp at
/// its start or end. Positions are code points.
std::vector<Turn> parse_turns(std::string_view text);

}  // namespace kodex
