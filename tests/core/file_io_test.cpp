// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "core/errors.h"
#include "core/file_io.h"
#include "core/import/importer.h"
#include "core/import/variable_table.h"
#include "core/session.h"
#include "core/store/project_store.h"
#include "tests/core/test_util.h"

using namespace kodex;

TEST_CASE("file io: pipes and devices are refused before reading, so an import never blocks or runs forever") {
    // Regression: importing a FIFO named like a transcript, codebook or table blocked forever, and a table that
    // was a link to /dev/zero was read until the memory ran out.
    test::TempDir dir;
    for (const char* name : {"pipe.txt", "pipe.csv", "pipe.qdc", "pipe.kodex", "pipe.qdpx"})
        REQUIRE(mkfifo(dir.file(name).c_str(), 0600) == 0);
    std::filesystem::create_symlink("/dev/zero", dir.file("zero.csv"));
    CHECK_THROWS_WITH_AS(import_transcript(dir.file("pipe.txt"), {}), doctest::Contains("not a regular file"), IoError);
    CHECK_THROWS_WITH_AS(read_variable_table(dir.file("pipe.csv")), doctest::Contains("pipe.csv"), IoError);
    CHECK_THROWS_AS(read_variable_table(dir.file("zero.csv")), IoError);
    CHECK_THROWS_AS(ProjectStore::open(dir.file("pipe.kodex")), IoError);
    auto s = Session::create(dir.file("s.kodex"));
    CHECK_THROWS_AS(s->import_codebook(dir.file("pipe.qdc")), IoError);
}

TEST_CASE("file io: a regular file is read whole, a folder or a file over the limit is refused with the path") {
    test::TempDir dir;
    test::write_all(dir.file("a.txt"), "I: Hallo\n");
    CHECK(read_regular_file(dir.file("a.txt"), 100) == "I: Hallo\n");
    CHECK_THROWS_WITH_AS(read_regular_file(dir.file("a.txt"), 4, "a table"), doctest::Contains("larger than"), IoError);
    CHECK_THROWS_WITH_AS(read_regular_file(dir.path().string(), 100), doctest::Contains("folder"), IoError);
    CHECK_THROWS_WITH_AS(read_regular_file(dir.file("missing.txt"), 100), doctest::Contains("missing.txt"), IoError);
}
