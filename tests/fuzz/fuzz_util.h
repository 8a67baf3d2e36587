// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the libFuzzer targets: what counts as an expected failure, the invariants of imported text, and
// the test zip writer, so that a target can wrap fuzzed XML into the container its parser expects.
//
// Expected: the documented exceptions (kodex::Error and its subclasses). Everything else ends the run as a
// finding: another exception (std::terminate), a crash, a sanitizer report, a leak, a timeout, or a broken
// invariant (FUZZ_CHECK aborts with a message).
#include <unicode/normalizer2.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/model/document.h"
#include "core/text/unicode.h"
#include "tests/support/zip_builder.h"

#define FUZZ_CHECK(cond, what)                                                                            \
    do {                                                                                                  \
        if (!(cond)) {                                                                                    \
            std::fprintf(stderr, "\nFUZZ_CHECK failed at %s:%d: %s\n  %s\n", __FILE__, __LINE__, #cond, \
                         std::string(what).c_str());                                                     \
            std::abort();                                                                                 \
        }                                                                                                 \
    } while (0)

namespace kodex::fuzz {

using kodex::test::stored_zip;

inline std::string as_string(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

/// Runs `f`, treating Kodex's documented exceptions as the expected way to refuse an input.
template <class F>
void expect_errors(F&& f) {
    try {
        f();
    } catch (const kodex::Error&) {
    }
}

inline bool is_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    FUZZ_CHECK(U_SUCCESS(status), "ICU NFC data unavailable");
    const bool normalized = nfc->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
    FUZZ_CHECK(U_SUCCESS(status), u_errorName(status));
    return normalized;
}

/// Text as Kodex keeps it (names, values): valid UTF-8, NFC, LF only.
inline void check_text(std::string_view text, const char* what) {
    FUZZ_CHECK(is_valid_utf8(text), std::string(what) + " is not valid UTF-8");
    FUZZ_CHECK(text.find('\r') == std::string_view::npos, std::string(what) + " holds a CR");
    FUZZ_CHECK(is_nfc(text), std::string(what) + " is not NFC");
}

/// The stored form of a document's text: as check_text, and no leading byte order mark.
inline void check_stored_text(std::string_view text, const char* what) {
    check_text(text, what);
    FUZZ_CHECK(text.substr(0, 3) != "\xEF\xBB\xBF", std::string(what) + " starts with a byte order mark");
}

/// Turns lie inside the text, in order, without overlapping; the label comes before the body.
inline void check_turns(const std::vector<Turn>& turns, std::string_view text) {
    const std::int64_t length = count_code_points(text);
    std::int64_t previous_end = 0;
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Turn& t = turns[i];
        const std::string where = "turn " + std::to_string(i) + " [" + std::to_string(t.start) + ", " +
                                  std::to_string(t.body_start) + ", " + std::to_string(t.end) + ") of " +
                                  std::to_string(turns.size()) + ", text length " + std::to_string(length);
        FUZZ_CHECK(0 <= t.start && t.start <= t.body_start && t.body_start <= t.end && t.end <= length, where);
        FUZZ_CHECK(t.start >= previous_end, where + ": overlaps the turn before");
        FUZZ_CHECK(!t.timestamp_ms || *t.timestamp_ms >= 0, where + ": negative timestamp");
        previous_end = t.end;
    }
}

inline void check_imported(const ImportedText& imported) {
    check_stored_text(imported.text, "imported text");
    check_turns(imported.turns, imported.text);
    FUZZ_CHECK(!imported.format.empty() && !imported.encoding.empty(), "format or encoding not reported");
}

/// Inputs that start like a zip archive are fuzzed as archives; others are the XML a target wraps itself.
inline bool is_zip(std::string_view input) { return input.substr(0, 2) == "PK"; }

}  // namespace kodex::fuzz
