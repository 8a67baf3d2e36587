// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Undo and redo for every edit, kept inside the project file.
//
// Each user action runs in one SQLite transaction while an SQLite session object records the rows it
// changes. The recorded changeset, with the action's label, is stored in `undo_log` in the same
// transaction. Undo applies the inverted changeset, redo the changeset itself, each again in one
// transaction. Row-level recording means no edit needs a hand-written revert, and undo history
// survives closing the project. A conflict (the rows are not as the changeset expects) aborts the
// undo and leaves the project unchanged.
//
// Imports are the one special case: recording whole transcripts would double the project file and
// halve import speed, so an import leaves the `documents` table out of its changeset and lists the
// ids it added. Undo deletes those rows while recording them (the "stash"); redo restores the stash.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/observer.h"
#include "core/store/sqlite_util.h"

struct sqlite3_session;

namespace kodex {

/// Records row changes on every data table while alive (undo_log and meta excluded; `documents` too
/// when skip_documents is set).
class ChangeRecorder {
public:
    explicit ChangeRecorder(Db& db, bool skip_documents = false);
    ~ChangeRecorder();
    ChangeRecorder(const ChangeRecorder&) = delete;
    ChangeRecorder& operator=(const ChangeRecorder&) = delete;
    /// The changeset recorded so far (empty when nothing changed).
    std::string changeset();

private:
    sqlite3_session* session_ = nullptr;
    bool skip_documents_ = false;
};

/// Adds to `change` the kinds of data a changeset touches and, when it is clear, the ids of the codings it
/// adds, removes or alters (codings_listed).
void describe_changeset(const std::string& changeset, Change& change);

class UndoStack {
public:
    static constexpr int kMaxEntries = 500;
    static constexpr std::int64_t kMaxBytes = 256ll << 20;  ///< total changeset size kept

    explicit UndoStack(Db& db) : db_(db) {}
    /// Stores a finished action's changeset; drops the redo entries. Call inside the action's transaction.
    /// `added_documents`: documents rows the action inserted without recording them (imports).
    void push(const std::string& label, const std::string& changeset,
              const std::vector<std::int64_t>& added_documents = {});
    /// Label of the action undo() would revert, if any.
    std::optional<std::string> undo_label();
    std::optional<std::string> redo_label();
    /// Reverts the newest action in its own transaction; returns its label. Throws StoreError on conflict.
    /// `inside` runs in the same transaction after the change (to keep derived counters in step).
    /// `change`, if given, is told what the undo touched (describe_changeset).
    std::string undo(const std::function<void()>& inside = {}, Change* change = nullptr);
    /// Re-applies the newest undone action; returns its label.
    std::string redo(const std::function<void()>& inside = {}, Change* change = nullptr);

private:
    void apply(const std::string& changeset, bool invert, const std::string& label);
    Db& db_;
};

}  // namespace kodex
