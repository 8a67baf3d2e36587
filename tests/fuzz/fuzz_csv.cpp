// SPDX-License-Identifier: GPL-3.0-or-later
// CSV tables of document variables (read_csv_table).
#include "tests/fuzz/fuzz_table.h"

using namespace kodex;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = fuzz::as_string(data, size);
    fuzz::expect_errors([&] { fuzz::check_table(read_csv_table(bytes, "fuzz.csv")); });
    return 0;
}
