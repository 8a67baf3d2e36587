// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <filesystem>

#include "core/errors.h"
#include "core/session.h"
#include "core/store/consistency.h"
#include "core/store/project_lock.h"
#include "core/store/restore.h"
#include "tests/core/test_util.h"

using namespace kodex;
namespace fs = std::filesystem;

namespace {

// A project with one document, codes A and B, and one coding of A; returns the path.
std::string make_project(test::TempDir& dir) {
    const std::string p = dir.file("s.kodex");
    auto s = Session::create(p);
    test::write_all(dir.file("A.txt"), "I: Frage?\n\nB: Antwort.\n");
    const auto d = s->import_files({{dir.file("A.txt")}, {}, false}).imported.at(0).id;
    s->apply_code(d, s->add_code(CodeId(), "A"), {0, 5});
    s->add_code(CodeId(), "B");
    return p;
}

std::vector<std::string> code_names(const std::string& project) {
    auto s = Session::open(project, true);
    std::vector<std::string> out;
    for (const auto& c : s->codes()) out.push_back(c.path);
    return out;
}

// The project's bytes as a reader sees them: main file and write-ahead log.
std::string file_state(const std::string& project) {
    std::error_code ec;
    return test::read_all(project) + "|" + (fs::exists(project + "-wal", ec) ? test::read_all(project + "-wal") : "");
}

std::string take_backup(const std::string& project, const std::string& why) {
    auto s = Session::open(project);
    return s->store().backup(why);
}

}  // namespace

TEST_CASE("restore: the backup becomes the project and the state before is kept as a new backup") {
    test::TempDir dir;
    const std::string p = make_project(dir);
    const std::string b = take_backup(p, "manual");
    {
        auto s = Session::open(p);
        s->add_code(CodeId(), "C");
        s->delete_code(s->find_code("A"), DeleteCodings::Delete);
    }
    CHECK(code_names(p) == std::vector<std::string>{"B", "C"});

    const RestoreReport r = restore_backup(p, b);
    CHECK(r.restored_from == b);
    CHECK_FALSE(r.current_was_damaged);
    REQUIRE_FALSE(r.saved_current.empty());
    CHECK(r.saved_current.find("before-restore") != std::string::npos);
    CHECK(code_names(p) == std::vector<std::string>{"A", "B"});
    CHECK_FALSE(fs::exists(p + ".restoring"));
    {
        auto s = Session::open(p);
        CHECK(check_project(s->store()).ok());
        CHECK(s->codings({}).size() == 1);
        s->add_code(CodeId(), "D");  // the restored project is writable and back in WAL mode
        Stmt m(s->store().db(), "PRAGMA journal_mode");
        REQUIRE(m.step());
        CHECK(m.col_text(0) == "wal");
    }

    // Restoring the saved state undoes the restore.
    const RestoreReport back = restore_backup(p, r.saved_current);
    CHECK(code_names(p) == std::vector<std::string>{"B", "C"});
    CHECK_FALSE(back.saved_current.empty());
}

TEST_CASE("restore: a broken backup is refused and the project is left unchanged") {
    test::TempDir dir;
    const std::string p = make_project(dir);
    const std::string good = take_backup(p, "manual");
    const std::string before = file_state(p);
    const auto backups_before = Session::open(p, true)->store().backups();

    SUBCASE("truncated") {
        const std::string bytes = test::read_all(good);
        test::write_all(dir.file("cut.kodex"), bytes.substr(0, bytes.size() / 2));
        CHECK_THROWS_AS(restore_backup(p, dir.file("cut.kodex")), StoreError);
    }
    SUBCASE("a page overwritten with garbage") {
        std::string bytes = test::read_all(good);
        for (std::size_t i = 4096 * 2; i < 4096 * 3 && i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
        test::write_all(dir.file("garbage.kodex"), bytes);
        try {
            restore_backup(p, dir.file("garbage.kodex"));
            FAIL("restored a damaged backup");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::Corrupt);
            CHECK(std::string(e.what()).find("garbage.kodex") != std::string::npos);
            CHECK(std::string(e.what()).find("not restored") != std::string::npos);
        }
    }
    SUBCASE("not a project at all") {
        test::write_all(dir.file("notes.kodex"), "I: kein Projekt\n");
        try {
            restore_backup(p, dir.file("notes.kodex"));
            FAIL("restored a text file");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::NotAProject);
        }
    }
    SUBCASE("an SQLite database that passes the integrity check but not Kodex's consistency check") {
        fs::copy_file(good, dir.file("inconsistent.kodex"));
        {
            auto s = Session::open(dir.file("inconsistent.kodex"));
            s->store().db().exec("UPDATE codings SET end = 500");
        }
        try {
            restore_backup(p, dir.file("inconsistent.kodex"));
            FAIL("restored an inconsistent backup");
        } catch (const StoreError& e) {
            CHECK(std::string(e.what()).find("consistency check") != std::string::npos);
        }
    }
    SUBCASE("missing") {
        CHECK_THROWS_AS(restore_backup(p, dir.file("nope.kodex")), IoError);
    }
    SUBCASE("the project itself") {
        CHECK_THROWS_AS(restore_backup(p, p), InvalidArgument);
    }
    CHECK(file_state(p) == before);
    CHECK(Session::open(p, true)->store().backups() == backups_before);
    CHECK_FALSE(fs::exists(p + ".restoring"));
}

TEST_CASE("restore: refused while the project is open in the editor") {
    test::TempDir dir;
    const std::string p = make_project(dir);
    const std::string b = take_backup(p, "manual");
    const std::string before = file_state(p);
    {
        const auto lock = ProjectLock::try_acquire(p);
        REQUIRE(lock);
        try {
            restore_backup(p, b);
            FAIL("restored under the editor's feet");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::Locked);
            CHECK(std::string(e.what()).find("close it") != std::string::npos);
        }
        CHECK(file_state(p) == before);
    }
    CHECK_NOTHROW(restore_backup(p, b));
}

TEST_CASE("restore: refused while another connection has the project open, and nothing is replaced") {
    test::TempDir dir;
    const std::string p = make_project(dir);
    const std::string b = take_backup(p, "manual");
    auto other = Session::open(p);
    other->add_code(CodeId(), "Offen");
    Stmt reading(other->store().db(), "SELECT name FROM codes");
    REQUIRE(reading.step());  // holds a read transaction on the log
    try {
        restore_backup(p, b);
        FAIL("replaced a project in use");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Locked);
    }
    reading.reset();
    CHECK(other->find_code("Offen").valid());
    CHECK_FALSE(fs::exists(p + ".restoring"));
}

TEST_CASE("restore: a project that no longer opens is saved byte for byte and replaced") {
    test::TempDir dir;
    const std::string p = make_project(dir);
    const std::string b = take_backup(p, "manual");
    {
        // Check-pointed, so the damage below is in the only copy of the data.
        auto s = Session::open(p);
        s->store().db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::string bytes = test::read_all(p);
    for (std::size_t i = 4096; i < 4096 * 2 && i < bytes.size(); ++i) bytes[i] = 'x';
    test::write_all(p, bytes);
    CHECK_THROWS_AS(Session::open(p, true), StoreError);

    const RestoreReport r = restore_backup(p, b);
    CHECK(r.current_was_damaged);
    REQUIRE(fs::exists(r.saved_current));
    CHECK(test::read_all(r.saved_current) == bytes);
    CHECK(code_names(p) == std::vector<std::string>{"A", "B"});
}
