// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <thread>

#include "core/errors.h"
#include "core/session.h"
#include "core/store/project_store.h"
#include "tests/core/test_util.h"

using namespace kodex;
using kodex::test::read_all;
using kodex::test::TempDir;
using kodex::test::write_all;

namespace {
void raw_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}
}  // namespace

TEST_CASE("store: a new project is a WAL database with foreign keys, application id and schema version") {
    TempDir dir;
    const auto path = dir.file("study.kodex");
    {
        auto store = ProjectStore::create(path);
        CHECK(store.db().query_int("PRAGMA foreign_keys") == 1);
        Stmt s(store.db(), "PRAGMA journal_mode");
        REQUIRE(s.step());
        CHECK(s.col_text(0) == "wal");
    }
    auto store = ProjectStore::open(path);
    CHECK(store.db().query_int("PRAGMA application_id") == ProjectStore::kApplicationId);
    CHECK(store.db().query_int("PRAGMA user_version") == ProjectStore::kSchemaVersion);
    CHECK_THROWS_AS(ProjectStore::create(path), IoError);
}

TEST_CASE("store: a missing file is an I/O error") {
    TempDir dir;
    CHECK_THROWS_AS(ProjectStore::open(dir.file("nope.kodex")), IoError);
    CHECK_THROWS_AS(ProjectStore::open(dir.path().string()), IoError);
}

TEST_CASE("store: a text file is refused as not a project and left unchanged") {
    TempDir dir;
    const auto path = dir.file("notes.kodex");
    write_all(path, "I: Das ist kein Projekt.\n");
    try {
        ProjectStore::open(path);
        FAIL("opened a text file");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::NotAProject);
        CHECK(std::string(e.what()).find("notes.kodex") != std::string::npos);
    }
    CHECK(read_all(path) == "I: Das ist kein Projekt.\n");
    write_all(path, "");
    CHECK_THROWS_AS(ProjectStore::open(path), StoreError);
}

TEST_CASE("store: another program's SQLite database is refused and not switched to WAL") {
    TempDir dir;
    const auto path = dir.file("other.db");
    raw_sql(path, "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    const std::string before = read_all(path);
    try {
        ProjectStore::open(path);
        FAIL("opened a foreign database");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::NotAProject);
    }
    CHECK(read_all(path) == before);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_CASE("store: a project from a newer Kodex is refused without being modified") {
    TempDir dir;
    const auto path = dir.file("future.kodex");
    { ProjectStore::create(path); }
    raw_sql(path, "PRAGMA user_version = 99;");
    const std::string before = read_all(path);
    try {
        ProjectStore::open(path);
        FAIL("opened a newer project");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::TooNew);
        CHECK(std::string(e.what()).find("newer") != std::string::npos);
    }
    CHECK(read_all(path) == before);
}

TEST_CASE("store: a schema 2 project gets the pages table on opening, after a backup, and then takes PDFs") {
    TempDir dir;
    const auto path = dir.file("old.kodex");
    {
        auto session = Session::create(path);
        write_all(dir.file("C01.txt"), "I: Wie war das?\n\nB: Wir haben Webinare gemacht.\n");
        session->import_files({{dir.file("C01.txt")}, {}, false});
    }
    raw_sql(path, "DROP TABLE pages; PRAGMA user_version = 2;");
    {
        auto store = ProjectStore::open(path);
        CHECK(store.db().query_int("PRAGMA user_version") == 3);
        CHECK(store.db().query_int("SELECT count(*) FROM sqlite_master WHERE name = 'pages'") == 1);
        REQUIRE(store.backups().size() == 1);
        CHECK(store.backups()[0].find("before-upgrade") != std::string::npos);
    }
    auto session = Session::open(path);
    const auto report =
        session->import_files({{std::string(KODEX_FIXTURES) + "/import/pdf/multipage.pdf"}, {}, false});
    REQUIRE(report.imported.size() == 1);
    CHECK(session->document(report.imported[0].id).page_starts.size() == 3);
    CHECK(session->document(session->documents()[0].id).page_starts.empty());
}

TEST_CASE("store: a schema 1 project is upgraded on opening, after a backup, and its codings stay") {
    TempDir dir;
    const auto path = dir.file("old.kodex");
    {
        auto session = Session::create(path);
        write_all(dir.file("C01.txt"), "I: Wie war das?\n\nB: Wir haben Webinare gemacht.\n");
        const DocumentId doc = session->import_files({{dir.file("C01.txt")}, {}, false}).imported.at(0).id;
        session->apply_code(doc, session->add_code(CodeId(), "Formate"), {30, 38});
    }
    // What schema 1 had: the codings' code index without the document.
    raw_sql(path, "DROP INDEX codings_code_document; CREATE INDEX codings_code ON codings(code_id); DROP TABLE pages; "
                  "PRAGMA user_version = 1;");
    {
        auto store = ProjectStore::open(path);
        CHECK(store.db().query_int("PRAGMA user_version") == ProjectStore::kSchemaVersion);
        CHECK(store.db().query_int("SELECT count(*) FROM sqlite_master WHERE name = 'codings_code_document'") == 1);
        CHECK(store.db().query_int("SELECT count(*) FROM sqlite_master WHERE name = 'codings_code'") == 0);
        // The codebook's counts read the index alone.
        Stmt plan(store.db(), "EXPLAIN QUERY PLAN SELECT code_id, COUNT(*), COUNT(DISTINCT document_id) FROM codings "
                              "GROUP BY code_id");
        std::string steps;
        while (plan.step()) steps += plan.col_text(3) + "\n";
        CHECK(steps.find("COVERING INDEX codings_code_document") != std::string::npos);
        REQUIRE(store.backups().size() == 1);
        CHECK(store.backups()[0].find("before-upgrade") != std::string::npos);
    }
    auto session = Session::open(path);
    REQUIRE(session->codings().size() == 1);
    CHECK(session->codings()[0].text == "Webinare");
    CHECK(session->codes()[0].codings == 1);
}

TEST_CASE("store: a damaged project is reported as corrupt and left as it is") {
    TempDir dir;
    const auto path = dir.file("broken.kodex");
    {
        auto store = ProjectStore::create(path);
        Transaction tx(store.db());
        for (int i = 0; i < 300; ++i)
            store.db().exec("INSERT INTO meta(key, value) VALUES('k" + std::to_string(i) + "', '" + std::string(200, 'x') + "')");
        tx.commit();
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::string bytes = read_all(path);
    REQUIRE(bytes.size() > 3 * 4096);
    // Scribble over the second and third pages (table b-tree pages), keep the header intact.
    for (std::size_t i = 4096; i < 3 * 4096; ++i) bytes[i] = static_cast<char>(0xA5);
    write_all(path, bytes);
    try {
        ProjectStore::open(path);
        FAIL("opened a damaged project");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Corrupt);
    }
    CHECK(read_all(path) == bytes);
}

TEST_CASE("store: a checkpoint torn half-way (an index older than its table) is refused as damaged") {
    // Regression: opening ran quick_check, which does not compare indexes with their tables, so a copy taken
    // without its -wal file in mid-checkpoint opened as if it were fine (found by the power-loss test).
    TempDir dir;
    const auto path = dir.file("torn.kodex");
    std::string before, after;
    std::int64_t root = 0;
    {
        auto store = ProjectStore::create(path);
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        before = read_all(path);
        Transaction tx(store.db());
        // Few enough that the index stays one page, so the file's structure stays whole and quick_check passes.
        for (int i = 0; i < 20; ++i)
            store.db().exec("INSERT INTO meta(key, value) VALUES('k" + std::to_string(i) + "', 'v')");
        tx.commit();
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        root = store.db().query_int("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_meta_1'");
        after = read_all(path);
    }
    // The meta table's index page as it was before the inserts, everything else after them.
    REQUIRE(root > 0);
    const std::size_t at = static_cast<std::size_t>(root - 1) * 4096;
    REQUIRE(at + 4096 <= before.size());
    std::string torn = after;
    torn.replace(at, 4096, before.substr(at, 4096));
    write_all(path, torn);
    try {
        ProjectStore::open(path, true);
        FAIL("opened a project whose index disagrees with its table");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Corrupt);
        CHECK(std::string(e.what()).find("kodex-cli restore") != std::string::npos);
    }
    CHECK(read_all(path) == torn);
}

TEST_CASE("store: backups are real projects and only the newest ones are kept") {
    TempDir dir;
    const auto path = dir.file("study.kodex");
    auto store = ProjectStore::create(path);
    store.set_meta("title", "Cluster und Corona");
    std::string first;
    for (int i = 0; i < 7; ++i) {
        const auto b = store.backup("test", 5);
        if (i == 0) first = b;
    }
    const auto list = store.backups();
    CHECK(list.size() == 5);
    CHECK_FALSE(std::filesystem::exists(first));
    auto copy = ProjectStore::open(list.front());
    CHECK(copy.meta("title") == "Cluster und Corona");
}
