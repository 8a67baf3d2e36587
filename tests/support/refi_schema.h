// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Validation against the official REFI-QDA schemas (Codebook.xsd, Project-mrt2019.xsd). They are not Kodex's
// own files, so the build takes their folder from the CMake option KODEX_REFI_SCHEMA_DIR. Without it, or
// without xmllint outside CI, a validation is not run: it is counted as skipped, and the test binary then
// exits with kSkipExitCode, which CTest reports as "Skipped" (SKIP_RETURN_CODE), never as passed. The other
// checks of the same test case still run, and a failed one still fails it.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#ifndef KODEX_REFI_SCHEMA_DIR
#define KODEX_REFI_SCHEMA_DIR ""
#endif

namespace kodex::test {

/// The exit code of a test run whose checks passed but skipped some (CTest's SKIP_RETURN_CODE).
constexpr int kSkipExitCode = 77;

/// How many checks this run skipped for want of a schema or xmllint.
inline std::atomic<int>& skipped_checks() {
    static std::atomic<int> n{0};
    return n;
}

struct Validation {
    bool ran = false;  // false: skipped (no schema folder, or no xmllint outside CI)
    bool valid = false;
    std::string output;
};

/// Validates `xml` against `schema` (a file name in KODEX_REFI_SCHEMA_DIR) with xmllint.
inline Validation validate_against(const std::string& schema, const std::string& xml) {
    Validation v;
    const std::string dir = KODEX_REFI_SCHEMA_DIR;
    if (dir.empty()) {
        MESSAGE("skipped: validation against " << schema << " (configure with -DKODEX_REFI_SCHEMA_DIR=<folder>)");
        ++skipped_checks();
        return v;
    }
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
        if (std::getenv("CI") != nullptr) FAIL("xmllint is not on PATH; install libxml2-utils to validate against " << schema);
        MESSAGE("skipped: validation against " << schema << " (xmllint is not on PATH; install libxml2-utils)");
        ++skipped_checks();
        return v;
    }
    std::random_device rd;
    const auto base = std::filesystem::temp_directory_path() / ("kodex-xsd-" + std::to_string(rd()) + std::to_string(rd()));
    const std::string file = base.string() + ".xml", log = base.string() + ".log";
    {
        std::ofstream out(file, std::ios::binary);
        out << xml;
    }
    const std::string cmd = "xmllint --noout --schema '" + dir + "/" + schema + "' '" + file + "' >'" + log + "' 2>&1";
    v.ran = true;
    v.valid = std::system(cmd.c_str()) == 0;
    std::ifstream in(log, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    v.output = ss.str();
    std::error_code ec;
    std::filesystem::remove(file, ec);
    std::filesystem::remove(log, ec);
    return v;
}

}  // namespace kodex::test
