// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/undo_stack.h"

// The session extension is compiled into Debian's libsqlite3 but declared only with these set.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include <cstring>
#include <string_view>

#include "core/errors.h"
#include "core/store/project_store.h"

namespace kodex {

namespace {

int record_table(void* skip_documents, const char* table) {
    if (*static_cast<bool*>(skip_documents) && std::strcmp(table, "documents") == 0) return 0;
    return std::strcmp(table, "undo_log") != 0 && std::strcmp(table, "meta") != 0;
}

int record_documents_only(void*, const char* table) { return std::strcmp(table, "documents") == 0; }

std::string session_changeset(sqlite3_session* session) {
    int n = 0;
    void* data = nullptr;
    const int rc = sqlite3session_changeset(session, &n, &data);
    if (rc != SQLITE_OK) throw StoreError(StoreError::Kind::Other, std::string("recording changes failed: ") + sqlite3_errstr(rc));
    std::string out(static_cast<const char*>(data), static_cast<std::size_t>(n));
    sqlite3_free(data);
    return out;
}

int abort_on_conflict(void* ctx, int, sqlite3_changeset_iter*) {
    *static_cast<bool*>(ctx) = true;
    return SQLITE_CHANGESET_ABORT;
}

}  // namespace

ChangeRecorder::ChangeRecorder(Db& db, bool skip_documents) : skip_documents_(skip_documents) {
    const int rc = sqlite3session_create(db.handle(), "main", &session_);
    if (rc != SQLITE_OK) throw_sqlite(db.handle(), rc, "start recording changes");
    sqlite3session_table_filter(session_, record_table, &skip_documents_);
    sqlite3session_attach(session_, nullptr);
}

ChangeRecorder::~ChangeRecorder() { sqlite3session_delete(session_); }

std::string ChangeRecorder::changeset() { return session_changeset(session_); }

namespace {

std::string join_ids(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (std::int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}

}  // namespace

void UndoStack::push(const std::string& label, const std::string& changeset, const std::vector<std::int64_t>& added_documents) {
    Stmt(db_, "DELETE FROM undo_log WHERE undone = 1").run();
    Stmt ins(db_, "INSERT INTO undo_log(label, changeset, created_at, added_documents) VALUES(?, ?, ?, ?)");
    ins.bind(1, label).bind_blob(2, changeset.data(), static_cast<int>(changeset.size())).bind(3, utc_now());
    if (added_documents.empty())
        ins.bind_null(4);
    else
        ins.bind(4, join_ids(added_documents));
    ins.run();
    Stmt trim(db_, "DELETE FROM undo_log WHERE seq <= (SELECT MAX(seq) FROM undo_log) - ?");
    trim.bind(1, kMaxEntries).run();
    // Large actions (imports carry whole transcripts) push the oldest entries out; the newest always stays.
    Stmt size(db_, "SELECT seq, SUM(length(changeset)) OVER (ORDER BY seq DESC) AS running FROM undo_log "
                   "ORDER BY seq DESC LIMIT -1 OFFSET 1");
    while (size.step()) {
        if (size.col_int(1) > kMaxBytes) {
            Stmt(db_, "DELETE FROM undo_log WHERE seq <= ?").bind(1, size.col_int(0)).run();
            break;
        }
    }
}

std::optional<std::string> UndoStack::undo_label() {
    Stmt s(db_, "SELECT label FROM undo_log WHERE undone = 0 ORDER BY seq DESC LIMIT 1");
    if (s.step()) return s.col_text(0);
    return std::nullopt;
}

std::optional<std::string> UndoStack::redo_label() {
    Stmt s(db_, "SELECT label FROM undo_log WHERE undone = 1 ORDER BY seq ASC LIMIT 1");
    if (s.step()) return s.col_text(0);
    return std::nullopt;
}

void UndoStack::apply(const std::string& changeset, bool invert, const std::string& label) {
    std::string cs = changeset;
    if (invert) {
        int n = 0;
        void* out = nullptr;
        const int rc = sqlite3changeset_invert(static_cast<int>(changeset.size()), const_cast<char*>(changeset.data()), &n, &out);
        if (rc != SQLITE_OK) throw StoreError(StoreError::Kind::Corrupt, "cannot invert the change '" + label + "'");
        cs.assign(static_cast<const char*>(out), static_cast<std::size_t>(n));
        sqlite3_free(out);
    }
    if (cs.empty()) return;
    bool conflict = false;
    const int rc = sqlite3changeset_apply(db_.handle(), static_cast<int>(cs.size()), cs.data(), nullptr,
                                          abort_on_conflict, &conflict);
    if (conflict || rc != SQLITE_OK)
        throw StoreError(StoreError::Kind::Other, std::string("cannot ") + (invert ? "undo" : "redo") + " '" + label +
                                                      "': the project no longer matches it");
}

namespace {

unsigned kind_of_table(std::string_view table) {
    if (table == "documents" || table == "turns" || table == "pages") return Change::Documents;
    if (table == "codes") return Change::Codes;
    if (table == "codings" || table == "coders") return Change::Codings;
    if (table == "memos") return Change::Memos;
    if (table == "variables" || table == "document_variables") return Change::Variables;
    return Change::All;
}

}  // namespace

void describe_changeset(const std::string& changeset, Change& change) {
    sqlite3_changeset_iter* it = nullptr;
    if (sqlite3changeset_start(&it, static_cast<int>(changeset.size()), const_cast<char*>(changeset.data())) != SQLITE_OK) {
        change.kinds = Change::All;
        change.codings_listed = false;
        return;
    }
    bool listed = true;
    std::vector<std::int64_t> codings;
    while (sqlite3changeset_next(it) == SQLITE_ROW) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        const std::string_view name = table ? table : "";
        change.kinds |= kind_of_table(name);
        if (name == "coders") listed = false;  // a new coder: views need more than the coding rows
        if (name != "codings") continue;
        sqlite3_value* id = nullptr;
        const int rc = op == SQLITE_INSERT ? sqlite3changeset_new(it, 0, &id) : sqlite3changeset_old(it, 0, &id);
        if (rc == SQLITE_OK && id)
            codings.push_back(sqlite3_value_int64(id));
        else
            listed = false;
    }
    sqlite3changeset_finalize(it);
    change.codings_listed = listed;
    change.codings = listed ? std::move(codings) : std::vector<std::int64_t>();
}

std::string UndoStack::undo(const std::function<void()>& inside, Change* change) {
    Transaction tx(db_);
    Stmt s(db_, "SELECT seq, label, changeset, added_documents FROM undo_log WHERE undone = 0 ORDER BY seq DESC LIMIT 1");
    if (!s.step()) throw InvalidArgument("nothing to undo");
    const std::int64_t seq = s.col_int(0);
    const std::string label = s.col_text(1);
    apply(s.col_blob(2), true, label);  // removes the rows that reference the added documents first
    if (change) describe_changeset(s.col_blob(2), *change);
    std::string stash;
    if (!s.col_null(3)) {
        if (change) {
            change->kinds = Change::All;
            change->codings_listed = false;
        }
        sqlite3_session* rec = nullptr;
        if (sqlite3session_create(db_.handle(), "main", &rec) != SQLITE_OK) throw_sqlite(db_.handle(), SQLITE_ERROR, "undo");
        sqlite3session_table_filter(rec, record_documents_only, nullptr);
        sqlite3session_attach(rec, nullptr);
        try {
            db_.exec("DELETE FROM documents WHERE id IN (" + s.col_text(3) + ")");
            stash = session_changeset(rec);
        } catch (...) {
            sqlite3session_delete(rec);
            throw;
        }
        sqlite3session_delete(rec);
    }
    Stmt up(db_, "UPDATE undo_log SET undone = 1, stash = ? WHERE seq = ?");
    if (stash.empty())
        up.bind_null(1);
    else
        up.bind_blob(1, stash.data(), static_cast<int>(stash.size()));
    up.bind(2, seq).run();
    if (inside) inside();
    tx.commit();
    return label;
}

std::string UndoStack::redo(const std::function<void()>& inside, Change* change) {
    Transaction tx(db_);
    Stmt s(db_, "SELECT seq, label, changeset, stash FROM undo_log WHERE undone = 1 ORDER BY seq ASC LIMIT 1");
    if (!s.step()) throw InvalidArgument("nothing to redo");
    const std::int64_t seq = s.col_int(0);
    const std::string label = s.col_text(1);
    if (!s.col_null(3)) apply(s.col_blob(3), true, label);  // the documents rows first: others reference them
    apply(s.col_blob(2), false, label);
    if (change) {
        describe_changeset(s.col_blob(2), *change);
        if (!s.col_null(3)) {
            change->kinds = Change::All;
            change->codings_listed = false;
        }
    }
    Stmt(db_, "UPDATE undo_log SET undone = 0, stash = NULL WHERE seq = ?").bind(1, seq).run();
    if (inside) inside();
    tx.commit();
    return label;
}

}  // namespace kodex
