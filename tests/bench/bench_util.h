// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the benchmarks: generated German interview transcripts, wall time and peak memory.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace kodex::bench {

/// How a generated transcript looks: its words, first line, line ends and whether turns end in an f4-style
/// timestamp ("#00:01:23-4#").
struct TranscriptStyle {
    std::vector<const char*> words;
    std::string heading;
    std::string line_end = "\n";
    bool timestamps = false;
};

/// Alternating I:/B: turns of random words from the style's list (short questions, long answers, a full stop
/// every eleventh word), until the text is at least `bytes` long. The same generator state gives the same text.
inline std::string make_transcript(std::mt19937& rng, std::size_t bytes, const TranscriptStyle& style) {
    std::uniform_int_distribution<std::size_t> word(0, style.words.size() - 1);
    std::uniform_int_distribution<int> len(8, 90);
    std::string out = style.heading + style.line_end + style.line_end;
    int seconds = 0;
    bool interviewer = true;
    while (out.size() < bytes) {
        out += interviewer ? "I: " : "B: ";
        const int n = interviewer ? len(rng) / 4 + 4 : len(rng);
        for (int i = 0; i < n; ++i) {
            out += style.words[word(rng)];
            out += (i % 11 == 10) ? ". " : " ";
        }
        if (style.timestamps) {
            seconds += n / 2 + 3;
            char ts[32];
            std::snprintf(ts, sizeof ts, "#%02d:%02d:%02d-%d#", seconds / 3600, seconds / 60 % 60, seconds % 60,
                          seconds % 10);
            out += ts;
        }
        out += style.line_end + style.line_end;
        interviewer = !interviewer;
    }
    return out;
}

/// The process's peak memory so far (max RSS), in KB.
inline long peak_rss_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

inline double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace kodex::bench
