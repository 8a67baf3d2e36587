// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The invariants of a table of document variables, shared by the CSV and XLSX targets.
#include <set>
#include <string>

#include "core/import/variable_table.h"
#include "tests/fuzz/fuzz_util.h"

namespace kodex::fuzz {

// What a variables import relies on: named, distinct columns; rows exactly as long as the header; stored text.
inline void check_table(const VariableTable& t) {
    FUZZ_CHECK(!t.header.empty(), "a table without columns");
    std::set<std::string> seen;
    for (const std::string& h : t.header) {
        FUZZ_CHECK(!h.empty() && seen.insert(h).second, "an empty or duplicate column name: '" + h + "'");
        check_text(h, "a column name");
    }
    for (const auto& row : t.rows) {
        FUZZ_CHECK(row.size() == t.header.size(), "a row not as long as the header");
        for (const std::string& v : row) check_text(v, "a value");
    }
}

}  // namespace kodex::fuzz
