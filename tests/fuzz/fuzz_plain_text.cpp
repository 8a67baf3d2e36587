// SPDX-License-Identifier: GPL-3.0-or-later
// Plain text transcripts: encoding detection (decode_bytes), the stored form (normalize_for_storage and
// normalize_text must agree), transcript conventions (parse_turns, timestamps, speaker labels) and the whole
// import_plain_text. Every input is also decoded once with a forced encoding picked by its length.
#include "tests/fuzz/fuzz_util.h"

#include "core/text/transcript_parse.h"

using namespace kodex;

namespace {

const char* const kForced[] = {"UTF-8", "windows-1252", "ISO-8859-15", "UTF-16LE", "UTF-16BE", "IBM437", "Shift_JIS"};

void check_normalized(const std::string& utf8) {
    const NormalizedText stored = normalize_for_storage(utf8);
    fuzz::check_stored_text(stored.text, "normalize_for_storage");
    FUZZ_CHECK(stored.text == normalize_text(utf8), "normalize_for_storage and normalize_text disagree");
    // The offset map has one entry per source code point plus one, never decreases and ends at the stored length.
    const auto& map = stored.map.source_to_stored;
    FUZZ_CHECK(static_cast<std::int64_t>(map.size()) == count_code_points(utf8) + 1, "offset map has the wrong size");
    for (std::size_t i = 1; i < map.size(); ++i) FUZZ_CHECK(map[i - 1] <= map[i], "offset map decreases");
    FUZZ_CHECK(map.front() == 0 && map.back() == count_code_points(stored.text), "offset map does not span the text");

    const std::vector<Turn> turns = parse_turns(stored.text);
    fuzz::check_turns(turns, stored.text);
    if (const auto ts = find_timestamp(stored.text)) {
        FUZZ_CHECK(ts->byte_start < ts->byte_end && ts->byte_end <= stored.text.size() && ts->ms >= 0,
                   "timestamp match outside the text");
        FUZZ_CHECK(!format_timestamp(ts->ms).empty(), "empty formatted timestamp");
    }
    if (const auto label = match_speaker_label(stored.text))
        FUZZ_CHECK(!label->speaker.empty() && label->body_start <= stored.text.size(), "speaker label outside the line");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = fuzz::as_string(data, size);
    fuzz::expect_errors([&] {
        const DecodedText decoded = decode_bytes(bytes, "fuzz.txt");
        FUZZ_CHECK(is_valid_utf8(decoded.utf8), "decode_bytes returned invalid UTF-8 (" + decoded.encoding + ")");
        check_normalized(decoded.utf8);
    });
    fuzz::expect_errors([&] {
        const DecodedText decoded = decode_bytes(bytes, "fuzz.txt", kForced[size % std::size(kForced)]);
        FUZZ_CHECK(is_valid_utf8(decoded.utf8), "decode_bytes returned invalid UTF-8 (" + decoded.encoding + ")");
        check_normalized(decoded.utf8);
    });
    fuzz::expect_errors([&] { fuzz::check_imported(import_plain_text(bytes, "fuzz.txt", {})); });
    return 0;
}
