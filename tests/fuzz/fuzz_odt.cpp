// SPDX-License-Identifier: GPL-3.0-or-later
// OpenDocument text (import_odt). An input that starts with "PK" is a whole .odt; any other input is taken as
// content.xml and zipped here with the OpenDocument mimetype, so that most mutations reach the XML walker.
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kodex::fuzz;
    const std::string input = as_string(data, size);
    const std::string bytes =
        is_zip(input) ? input
                      : stored_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", input}});
    expect_errors([&] { check_imported(kodex::import_odt(bytes, "fuzz.odt")); });
    return 0;
}
