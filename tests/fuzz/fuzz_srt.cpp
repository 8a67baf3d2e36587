// SPDX-License-Identifier: GPL-3.0-or-later
// SubRip subtitles as transcripts (import_srt).
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = kodex::fuzz::as_string(data, size);
    kodex::fuzz::expect_errors([&] { kodex::fuzz::check_imported(kodex::import_srt(bytes, "fuzz.srt")); });
    return 0;
}
