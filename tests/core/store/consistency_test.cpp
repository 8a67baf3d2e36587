// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "core/session.h"
#include "core/store/consistency.h"
#include "tests/core/test_util.h"

using namespace kodex;

TEST_CASE("consistency: a healthy project passes") {
    test::TempDir dir;
    auto s = Session::create(dir.file("s.kodex"));
    test::write_all(dir.file("A.txt"), "I: Frage?\n\nB: Antwort.\n");
    const auto d = s->import_files({{dir.file("A.txt")}, {}, false}).imported.at(0).id;
    s->apply_code(d, s->add_code(CodeId(), "X"), {0, 5});
    const auto r = check_project(s->store());
    CHECK(r.integrity == "ok");
    CHECK(r.ok());
}

TEST_CASE("consistency: damage done behind Kodex's back is found and the safe part repaired") {
    test::TempDir dir;
    auto s = Session::create(dir.file("s.kodex"));
    test::write_all(dir.file("A.txt"), "I: Frage?\n\nB: Antwort.\n");
    const auto d = s->import_files({{dir.file("A.txt")}, {}, false}).imported.at(0).id;
    const CodeId a = s->add_code(CodeId(), "A");
    const CodeId b = s->add_code(a, "B");
    s->apply_code(d, a, {0, 5});
    Db& db = s->store().db();
    // Another program edits the file: a coding past the end, a parent cycle, a wrong length, an orphan memo.
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec("UPDATE codings SET end = 500");
    db.exec("UPDATE codes SET parent_id = " + std::to_string(b.value) + " WHERE id = " + std::to_string(a.value));
    db.exec("UPDATE documents SET length = 3");
    db.exec("INSERT INTO memos(guid, target, code_id, text, modified_at, target_key) VALUES('G', 'code', 999, 'x', 'now', 'code:999')");
    db.exec("PRAGMA foreign_keys = ON");
    auto r = check_project(s->store());
    CHECK_FALSE(r.ok());
    CHECK(r.issues.size() == 4);
    r = check_project(s->store(), true);
    int repaired = 0;
    for (const auto& i : r.issues) repaired += i.repaired;
    CHECK(repaired == 3);
    const auto after = check_project(s->store());
    REQUIRE(after.issues.size() == 1);  // the coding past the end is reported, never moved
    CHECK(after.issues[0].what.find("outside the text") != std::string::npos);
    CHECK_FALSE(s->store().backups().empty());
}
