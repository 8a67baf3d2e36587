// SPDX-License-Identifier: GPL-3.0-or-later
// CSV tables of document variables (read_csv_table).
#include <set>

#include "tests/fuzz/fuzz_util.h"

#include "core/import/variable_table.h"

using namespace kodex;

namespace {

// What a variables import relies on: named, distinct columns; rows exactly as long as the header; stored text.
void check_table(const VariableTable& t) {
    FUZZ_CHECK(!t.header.empty(), "a table without columns");
    std::set<std::string> seen;
    for (const std::string& h : t.header) {
        FUZZ_CHECK(!h.empty() && seen.insert(h).second, "an empty or duplicate column name: '" + h + "'");
        fuzz::check_text(h, "a column name");
    }
    for (const auto& row : t.rows) {
        FUZZ_CHECK(row.size() == t.header.size(), "a row not as long as the header");
        for (const std::string& v : row) fuzz::check_text(v, "a value");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = fuzz::as_string(data, size);
    fuzz::expect_errors([&] { check_table(read_csv_table(bytes, "fuzz.csv")); });
    return 0;
}
