// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "core/errors.h"
#include "core/sample_study.h"
#include "core/session.h"
#include "tests/core/test_util.h"

using namespace kodex;

TEST_CASE("sample study: the shipped study builds into a coded project") {
    test::TempDir dir;
    const auto path = dir.file("sample.kodex");
    build_sample_study(KODEX_SOURCE_DIR, path);
    auto s = Session::open(path);
    const auto docs = s->documents();
    CHECK(docs.size() >= 8);
    std::set<std::string> formats;
    for (const auto& d : docs) {
        formats.insert(d.format);
        CHECK(d.turns > 10);
        CHECK(s->variable_values(d.id).count("survey_respondent_id") == 1);
    }
    CHECK(formats.count("docx") == 1);
    CHECK(formats.count("odt") == 1);
    CHECK(formats.count("vtt") == 1);
    CHECK(s->codes().size() >= 25);
    if (std::filesystem::exists(std::string(KODEX_SOURCE_DIR) + "/transcripts/codings.tsv")) {
        CHECK(s->codings().size() > 50);
        CHECK(s->coders().size() >= 2);
    }
}

TEST_CASE("sample study: a missing source folder fails and leaves no project behind") {
    test::TempDir dir;
    const auto path = dir.file("sample.kodex");
    CHECK_THROWS_AS(build_sample_study(dir.file("nowhere"), path), IoError);
    CHECK_FALSE(std::filesystem::exists(path));
}
