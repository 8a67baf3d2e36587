// SPDX-License-Identifier: GPL-3.0-or-later
// PDF (import_pdf): whole files. Besides the text invariants, page starts must be ascending positions inside
// the text, the first at 0, so that every position has a page.
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kodex::fuzz;
    const std::string input = as_string(data, size);
    expect_errors([&] {
        const kodex::ImportedText imported = kodex::import_pdf(input, "fuzz.pdf");
        check_imported(imported);
        const std::int64_t length = kodex::count_code_points(imported.text);
        const auto& starts = imported.page_starts;
        FUZZ_CHECK(!starts.empty(), "a PDF import without pages");
        FUZZ_CHECK(starts.front() == 0, "page 1 starts at " + std::to_string(starts.front()));
        for (std::size_t i = 0; i < starts.size(); ++i) {
            FUZZ_CHECK(starts[i] <= length, "page " + std::to_string(i + 1) + " starts after the text");
            FUZZ_CHECK(i == 0 || starts[i - 1] <= starts[i], "page " + std::to_string(i + 1) + " starts before page " +
                                                                 std::to_string(i));
        }
    });
    return 0;
}
