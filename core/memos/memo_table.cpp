// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memos/memo_table.h"

#include "core/refi/guid.h"
#include "core/store/project_store.h"
#include "core/store/sqlite_util.h"

namespace kodex {

namespace {

const char* target_column(MemoTarget t) {
    switch (t) {
    case MemoTarget::Project: return "project";
    case MemoTarget::Document: return "document";
    case MemoTarget::Code: return "code";
    case MemoTarget::Coding: return "coding";
    }
    return "project";
}

MemoTarget target_from(const std::string& s) {
    if (s == "document") return MemoTarget::Document;
    if (s == "code") return MemoTarget::Code;
    if (s == "coding") return MemoTarget::Coding;
    return MemoTarget::Project;
}

constexpr const char* kColumns = "id, guid, target, document_id, code_id, coding_id, text, modified_at";

Memo read_memo(Stmt& s) {
    Memo m;
    m.id = MemoId(s.col_int(0));
    m.guid = s.col_text(1);
    m.target = target_from(s.col_text(2));
    m.document = DocumentId(s.col_null(3) ? 0 : s.col_int(3));
    m.code = CodeId(s.col_null(4) ? 0 : s.col_int(4));
    m.coding = CodingId(s.col_null(5) ? 0 : s.col_int(5));
    m.text = s.col_text(6);
    m.modified_at = s.col_text(7);
    return m;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

std::string memo_key(MemoTarget t, std::int64_t id) {
    switch (t) {
    case MemoTarget::Project: return "project";
    case MemoTarget::Document: return "document:" + std::to_string(id);
    case MemoTarget::Code: return "code:" + std::to_string(id);
    case MemoTarget::Coding: return "coding:" + std::to_string(id);
    }
    return "project";
}

std::optional<Memo> find_memo(Db& db, MemoTarget target, std::int64_t target_id) {
    Stmt s(db, std::string("SELECT ") + kColumns + " FROM memos WHERE target_key = ?");
    s.bind(1, memo_key(target, target_id));
    if (s.step()) return read_memo(s);
    return std::nullopt;
}

std::vector<Memo> all_memos(Db& db) {
    std::vector<Memo> out;
    Stmt s(db, std::string("SELECT ") + kColumns + " FROM memos ORDER BY target, id");
    while (s.step()) out.push_back(read_memo(s));
    return out;
}

void write_memo(Db& db, MemoTarget target, std::int64_t target_id, const std::string& text) {
    const std::string key = memo_key(target, target_id);
    if (blank(text)) {
        Stmt(db, "DELETE FROM memos WHERE target_key = ?").bind(1, key).run();
        return;
    }
    Stmt up(db, "INSERT INTO memos(guid, target, document_id, code_id, coding_id, text, modified_at, target_key) "
                "VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(target_key) DO UPDATE SET text = excluded.text, "
                "modified_at = excluded.modified_at WHERE text != excluded.text");
    up.bind(1, new_guid()).bind(2, target_column(target));
    up.bind_id(3, target == MemoTarget::Document ? target_id : 0);
    up.bind_id(4, target == MemoTarget::Code ? target_id : 0);
    up.bind_id(5, target == MemoTarget::Coding ? target_id : 0);
    up.bind(6, text).bind(7, utc_now()).bind(8, key).run();
}

void append_code_memo(Db& db, CodeId from, CodeId onto, const std::string& from_name) {
    const std::optional<Memo> source = find_memo(db, MemoTarget::Code, from.value);
    if (!source) return;
    const std::optional<Memo> target = find_memo(db, MemoTarget::Code, onto.value);
    const std::string joined = target ? target->text + "\n\n" + from_name + ": " + source->text : source->text;
    Stmt(db, "DELETE FROM memos WHERE target_key = ?").bind(1, memo_key(MemoTarget::Code, from.value)).run();
    Stmt up(db, "INSERT INTO memos(guid, target, code_id, text, modified_at, target_key) VALUES(?, 'code', ?, ?, ?, ?) "
                "ON CONFLICT(target_key) DO UPDATE SET text = excluded.text, modified_at = excluded.modified_at");
    up.bind(1, new_guid()).bind(2, onto.value).bind(3, joined).bind(4, utc_now());
    up.bind(5, memo_key(MemoTarget::Code, onto.value)).run();
}

std::vector<CodingId> codings_with_memos(Db& db, DocumentId doc) {
    std::vector<CodingId> out;
    Stmt s(db, "SELECT m.coding_id FROM memos m JOIN codings c ON c.id = m.coding_id WHERE c.document_id = ? "
               "ORDER BY m.coding_id");
    s.bind(1, doc.value);
    while (s.step()) out.emplace_back(s.col_int(0));
    return out;
}

bool memo_target_exists(Db& db, MemoTarget target, std::int64_t target_id) {
    const char* table = nullptr;
    switch (target) {
    case MemoTarget::Project: return true;
    case MemoTarget::Document: table = "documents"; break;
    case MemoTarget::Code: table = "codes"; break;
    case MemoTarget::Coding: table = "codings"; break;
    }
    Stmt s(db, std::string("SELECT 1 FROM ") + table + " WHERE id = ?");
    s.bind(1, target_id);
    return s.step();
}

}  // namespace kodex
