// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/consistency.h"

#include <map>
#include <set>

#include "core/store/project_store.h"
#include "core/text/unicode.h"

namespace kodex {

namespace {

void add(ConsistencyReport& r, std::string what, bool repairable) { r.issues.push_back({std::move(what), repairable, false}); }

}  // namespace

ConsistencyReport check_project(ProjectStore& store, bool repair) {
    Db& db = store.db();
    ConsistencyReport r;
    {
        Stmt s(db, "PRAGMA integrity_check");
        r.integrity = s.step() ? s.col_text(0) : "no answer";
    }
    std::vector<std::string> fixes;
    std::map<std::int64_t, std::pair<std::string, std::int64_t>> docs;  // id -> name, length
    {
        Stmt s(db, "SELECT id, name, length, content_hash, text FROM documents");
        while (s.step()) {
            const std::int64_t id = s.col_int(0);
            const std::string name = s.col_text(1), text = s.col_text(4);
            const std::int64_t stored = s.col_int(2);
            if (!is_valid_utf8(text)) {
                add(r, "document '" + name + "' holds invalid UTF-8", false);
                docs[id] = {name, stored};
                continue;
            }
            const std::int64_t length = count_code_points(text);
            docs[id] = {name, length};
            if (length != stored) {
                add(r, "document '" + name + "' says it has " + std::to_string(stored) + " characters, its text has " +
                           std::to_string(length), true);
                fixes.push_back("UPDATE documents SET length = " + std::to_string(length) + " WHERE id = " + std::to_string(id));
            }
            const std::string hash = sha256_hex(text);
            if (hash != s.col_text(3)) {
                add(r, "document '" + name + "' has a stale content hash", true);
                fixes.push_back("UPDATE documents SET content_hash = '" + hash + "' WHERE id = " + std::to_string(id));
            }
        }
    }
    {
        Stmt s(db, "SELECT id, document_id, start, end FROM codings");
        while (s.step()) {
            const auto d = docs.find(s.col_int(1));
            if (d == docs.end()) continue;  // reported by the foreign key check below
            if (s.col_int(2) < 0 || s.col_int(3) > d->second.second || s.col_int(2) >= s.col_int(3))
                add(r, "coding " + std::to_string(s.col_int(0)) + " (" + std::to_string(s.col_int(2)) + ":" +
                           std::to_string(s.col_int(3)) + ") lies outside the text of '" + d->second.first + "' (0:" +
                           std::to_string(d->second.second) + ")", false);
        }
    }
    {
        Stmt s(db, "SELECT t.id, t.document_id, t.start, t.end FROM turns t");
        while (s.step()) {
            const auto d = docs.find(s.col_int(1));
            if (d == docs.end()) continue;
            if (s.col_int(2) < 0 || s.col_int(3) > d->second.second) {
                add(r, "turn " + std::to_string(s.col_int(0)) + " lies outside the text of '" + d->second.first + "'", true);
                fixes.push_back("DELETE FROM turns WHERE id = " + std::to_string(s.col_int(0)));
            }
        }
    }
    {
        Stmt s(db, "SELECT p.document_id, p.page, p.start FROM pages p");
        while (s.step()) {
            const auto d = docs.find(s.col_int(0));
            if (d == docs.end()) continue;
            if (s.col_int(2) > d->second.second) {
                add(r, "page " + std::to_string(s.col_int(1)) + " of '" + d->second.first + "' starts outside its text", true);
                fixes.push_back("DELETE FROM pages WHERE document_id = " + std::to_string(s.col_int(0)));
            }
        }
    }
    {
        // Every code must reach the top through its parents.
        std::map<std::int64_t, std::int64_t> parent;
        std::map<std::int64_t, std::string> names;
        Stmt s(db, "SELECT id, COALESCE(parent_id, 0), name FROM codes");
        while (s.step()) {
            parent[s.col_int(0)] = s.col_int(1);
            names[s.col_int(0)] = s.col_text(2);
        }
        std::set<std::int64_t> reported;
        for (const auto& [id, p] : parent) {
            std::set<std::int64_t> seen{id};
            for (std::int64_t cur = p; cur != 0; cur = parent.count(cur) ? parent[cur] : 0) {
                if (!seen.insert(cur).second) {
                    if (!reported.count(cur)) {
                        // One issue per cycle: remember every member, break the cycle at this code.
                        for (std::int64_t m = cur; reported.insert(m).second;) m = parent[m];
                        add(r, "code '" + names[cur] + "' is its own ancestor (a cycle of parents)", true);
                        fixes.push_back("UPDATE codes SET parent_id = NULL WHERE id = " + std::to_string(cur));
                    }
                    break;
                }
            }
        }
    }
    {
        Stmt s(db, "PRAGMA foreign_key_check");
        while (s.step()) {
            const std::string table = s.col_text(0);
            const std::string row = std::to_string(s.col_int(1));
            const bool removable = table == "memos" || table == "turns" || table == "pages" || table == "document_variables";
            add(r, table + " row " + row + " refers to a missing " + s.col_text(2) + " row", removable);
            if (removable) fixes.push_back("DELETE FROM " + table + " WHERE rowid = " + row);
        }
    }
    {
        Stmt s(db, "SELECT m.id, m.target FROM memos m WHERE (m.target = 'document' AND m.document_id IS NULL) OR "
                   "(m.target = 'code' AND m.code_id IS NULL) OR (m.target = 'coding' AND m.coding_id IS NULL)");
        while (s.step()) {
            add(r, "memo " + std::to_string(s.col_int(0)) + " belongs to no " + s.col_text(1), true);
            fixes.push_back("DELETE FROM memos WHERE id = " + std::to_string(s.col_int(0)));
        }
    }
    if (repair && !fixes.empty() && r.integrity == "ok") {
        store.backup("before-repair");
        Transaction tx(db);
        for (const auto& sql : fixes) db.exec(sql);
        tx.commit();
        for (auto& i : r.issues)
            if (i.repairable) i.repaired = true;
    }
    return r;
}

}  // namespace kodex
