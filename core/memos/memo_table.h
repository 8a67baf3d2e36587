// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `memos` table: at most one memo per target (the project, a document, a code or a coding), keyed by
// `target_key`. All SQL on memos is here; Session wraps these in undoable actions.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/memo.h"

namespace kodex {

class Db;

/// The unique key of a memo's target: "project", "document:12", "code:3", "coding:40".
std::string memo_key(MemoTarget target, std::int64_t target_id);
/// The memo of a target, if it has one.
std::optional<Memo> find_memo(Db& db, MemoTarget target, std::int64_t target_id);
/// Every memo, by target kind and id.
std::vector<Memo> all_memos(Db& db);
/// Writes a target's memo (NFC text, already checked); blank text deletes it.
void write_memo(Db& db, MemoTarget target, std::int64_t target_id, const std::string& text);
/// Moves a code's memo onto another code's, after its text as "NAME: text" (merging codes).
void append_code_memo(Db& db, CodeId from, CodeId onto, const std::string& from_name);
/// The codings of a document that have a memo.
std::vector<CodingId> codings_with_memos(Db& db, DocumentId doc);
/// Whether the target of a memo exists (the project always does).
bool memo_target_exists(Db& db, MemoTarget target, std::int64_t target_id);

}  // namespace kodex
