// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test helpers for .qdpx: the vendor-style fixture folders zipped with the test zip writer
// (tests/support/zip_builder.h), and schema validation.
#include <doctest/doctest.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/refi/guid.h"
#include "tests/core/test_util.h"
#include "tests/support/refi_schema.h"
#include "tests/support/zip_builder.h"

namespace kodex::test {

/// The files of a fixture folder under tests/fixtures/qdpx/, as (path relative to it, bytes), sorted.
inline std::vector<std::pair<std::string, std::string>> fixture_files(const std::string& folder) {
    const std::filesystem::path root = std::filesystem::path(KODEX_FIXTURES) / "qdpx" / folder;
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        if (e.is_regular_file())
            out.emplace_back(std::filesystem::relative(e.path(), root).generic_string(), read_all(e.path().string()));
    std::sort(out.begin(), out.end());
    REQUIRE_MESSAGE(!out.empty(), "no fixture folder " << root);
    return out;
}

/// Zips a fixture folder the way its producer zips: every entry with `spec`; `more` entries appended.
inline std::string zip_fixture(const std::string& folder, const ZipEntrySpec& spec = {},
                               const std::vector<std::pair<std::string, std::string>>& more = {}) {
    ZipBuilder zip;
    for (const auto& [name, data] : fixture_files(folder)) zip.add(name, data, spec);
    for (const auto& [name, data] : more) zip.add(name, data, spec);
    return zip.finish();
}

/// Validates XML against the REFI-QDA project schema (tests/support/refi_schema.h).
inline Validation validate_project_xml(const std::string& xml) { return validate_against("Project-mrt2019.xsd", xml); }

/// The entries of a zip file as (name, bytes).
inline std::vector<std::pair<std::string, std::string>> unzip_all(const std::string& path) {
    int code = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &code);
    REQUIRE_MESSAGE(za, "cannot open " << path);
    std::vector<std::pair<std::string, std::string>> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
        std::string data(static_cast<std::size_t>(st.size), '\0');
        zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        REQUIRE(f);
        if (st.size) REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
        out.emplace_back(st.name, data);
    }
    zip_close(za);
    return out;
}

}  // namespace kodex::test
