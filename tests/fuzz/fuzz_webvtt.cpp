// SPDX-License-Identifier: GPL-3.0-or-later
// WebVTT subtitles as transcripts (import_webvtt).
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = kodex::fuzz::as_string(data, size);
    kodex::fuzz::expect_errors([&] { kodex::fuzz::check_imported(kodex::import_webvtt(bytes, "fuzz.vtt")); });
    return 0;
}
