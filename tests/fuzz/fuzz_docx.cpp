// SPDX-License-Identifier: GPL-3.0-or-later
// Word documents (import_docx). An input that starts with "PK" is a whole .docx; any other input is taken as
// word/document.xml and zipped here, so that most mutations reach the XML walker rather than the zip reader.
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kodex::fuzz;
    const std::string input = as_string(data, size);
    const std::string bytes = is_zip(input) ? input : stored_zip({{"word/document.xml", input}});
    expect_errors([&] { check_imported(kodex::import_docx(bytes, "fuzz.docx")); });
    return 0;
}
