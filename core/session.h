// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Session: the facade over one open project that the editor and kodex-cli both use. Every method that
// changes data is one user action: one SQLite transaction, one undo entry with a label, one change
// message to subscribers. Not thread-safe: use a Session from one thread at a time.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/text_edit.h"
#include "core/history/undo_stack.h"
#include "core/import/importer.h"
#include "core/model/code.h"
#include "core/model/coding.h"
#include "core/model/document.h"
#include "core/model/memo.h"
#include "core/model/variable.h"
#include "core/observer.h"
#include "core/progress.h"
#include "core/store/project_store.h"

namespace kodex {

struct DocumentSummary {
    DocumentId id;
    std::string guid, name, source_file, format, encoding, imported_at;
    std::int64_t length = 0;
    std::int64_t turns = 0;
    std::int64_t codings = 0;
};

struct CodeSummary {
    Code code;
    std::string path;           ///< "Parent/Child", with '/' in names escaped as "\/"
    int depth = 0;              ///< 0 for top-level codes
    std::int64_t codings = 0;   ///< codings of this code alone
    std::int64_t documents = 0; ///< documents with at least one coding of this code
};

/// Which codings to list. Empty lists mean "all".
struct CodingFilter {
    std::vector<DocumentId> documents;
    std::vector<CodeId> codes;
    bool include_subcodes = false;  ///< with `codes`: also their subcodes
    std::optional<std::string> coder;
    std::vector<CodingId> ids{};  ///< only these codings (all when empty)
};

/// A coding with what a reader needs to see it.
struct CodingView {
    Coding coding;
    std::string document_name;
    std::string code_path;
    std::string coder_name;
    std::string text;
    std::string memo;
    std::string speaker;                       ///< speaker of the turn the coding starts in
    std::optional<std::int64_t> timestamp_ms;  ///< that turn's timestamp
    std::string page;                          ///< "p. 4" / "pp. 4–5" for documents with pages (PDF), else empty
};

struct ImportRequest {
    std::vector<std::string> paths;
    ImportOptions options;
    bool keep_going = false;  ///< import the good files and report the bad ones instead of importing nothing
};

struct ImportReport {
    struct Imported {
        std::string path;
        DocumentId id;
        std::string name, format, encoding;
        std::int64_t turns = 0, length = 0;
        std::vector<std::string> notes;
    };
    struct Problem {
        std::string path;
        std::string reason;
    };
    std::vector<Imported> imported;
    std::vector<Problem> duplicates;  ///< same content as a document already in the project (not imported)
    std::vector<Problem> failed;      ///< could not be read; without keep_going nothing was imported
    std::string backup;               ///< path of the backup made before a multi-file import
    bool ok() const { return failed.empty(); }
};

struct CodebookImportReport {
    int added = 0, updated = 0, unchanged = 0;
    std::vector<std::string> warnings;
};

enum class DeleteCodings { Refuse, Delete, MoveToParent };

/// One coding of a bulk action (auto-coding, sample data, exchange imports).
struct NewCoding {
    DocumentId document;
    CodeId code;
    TextRange range;
    std::string coder;  ///< empty: the session's coder
};

struct BulkCodingReport {
    std::vector<CodingId> added;
    int duplicates = 0;  ///< already there (same document, code, coder and range): skipped
};

struct VariablesImportReport {
    struct Column {
        std::string name;
        std::string type;  ///< the variable's type (inferred when it is new)
        bool is_new = false;
    };
    std::vector<Column> columns;
    int matched_rows = 0;
    int values_set = 0;
    std::vector<std::string> unmatched_rows;         ///< key values that match no document
    std::vector<std::string> documents_without_row;  ///< documents no row matched
    std::vector<std::string> problems;               ///< values that do not fit their column's type (not set)
};

struct VariableTable;

class Session {
public:
    /// Creates a new project file.
    static std::unique_ptr<Session> create(const std::string& path);
    /// Opens a project (see ProjectStore::open for the errors).
    static std::unique_ptr<Session> open(const std::string& path, bool read_only = false);

    const std::string& path() const { return store_.path(); }
    ProjectStore& store() { return store_; }
    Publisher& events() { return events_; }

    /// The coder that new codings are attributed to (created on first use).
    void set_coder(const std::string& name);
    const std::string& coder() const { return coder_; }
    std::vector<Coder> coders();

    // --- documents
    ImportReport import_files(const ImportRequest& request, const Progress& progress = {}, const CancelToken* cancel = nullptr);
    std::vector<DocumentSummary> documents();
    Document document(DocumentId id);
    /// Finds a document by name, or by numeric id written as "#12" or "12". Throws InvalidArgument.
    DocumentId find_document(const std::string& name_or_id);
    void rename_document(DocumentId id, const std::string& name);
    void delete_document(DocumentId id);
    /// Replaces `range` of a document's text with `replacement` as one undoable action; codings, turns and
    /// page starts follow (core/edit/text_edit.h). Codings entirely inside the range are handled by `policy`.
    EditReport edit_text(DocumentId id, TextRange range, const std::string& replacement,
                         SwallowedPolicy policy = SwallowedPolicy::Refuse);
    /// What edit_text would do, without changing anything (swallowed codings are listed, not refused).
    EditReport preview_edit(DocumentId id, TextRange range, const std::string& replacement,
                            SwallowedPolicy policy = SwallowedPolicy::Refuse);

    // --- codebook
    std::vector<CodeSummary> codes();
    Code code(CodeId id);
    std::string code_path(CodeId id);
    /// Finds a code by its path ("Resilienz/Krisenmanagement"). Throws InvalidArgument.
    CodeId find_code(const std::string& path);
    CodeId add_code(CodeId parent, const std::string& name, const std::string& color = {},
                    const CodeDescription& description = {});
    void rename_code(CodeId id, const std::string& name);
    void set_code_color(CodeId id, const std::string& color);
    void set_code_description(CodeId id, const CodeDescription& description);
    /// Moves a code under `parent` (invalid id: top level) at `position` among its new siblings (-1: last).
    void move_code(CodeId id, CodeId parent, int position = -1);
    /// Moves all codings, subcodes and the memo of `source` to `target`, then deletes `source`.
    void merge_codes(CodeId source, CodeId target);
    /// Deletes a code and its subcodes. With codings, `mode` must say what happens to them.
    void delete_code(CodeId id, DeleteCodings mode = DeleteCodings::Refuse);
    CodebookImportReport import_codebook(const std::string& qdc_path);
    void export_codebook(const std::string& qdc_path);

    // --- coding
    CodingId apply_code(DocumentId doc, CodeId code, TextRange range);
    /// Applies many codings as one undoable action; identical existing codings are skipped and counted.
    BulkCodingReport apply_codes(const std::vector<NewCoding>& codings, const ActionLabel& label);
    /// In-vivo coding: a new code under `parent` named after the selected words, applied to the range;
    /// one undoable action.
    CodingId code_in_vivo(DocumentId doc, TextRange range, CodeId parent = CodeId());
    /// The turn containing code point `pos`, if any.
    std::optional<Turn> turn_at(DocumentId doc, std::int64_t pos);
    /// Applies `code` to the body (after the speaker label) of the turn containing `pos`.
    CodingId code_turn(DocumentId doc, std::int64_t pos, CodeId code);
    void remove_coding(CodingId id);
    void set_coding_range(CodingId id, TextRange range);
    /// Gives a coding another code; range, coder and memo stay. One undoable action.
    void set_coding_code(CodingId id, CodeId code);
    std::vector<CodingView> codings(const CodingFilter& filter = {});
    /// The codings of one document without text, memo or turn (for views that draw them), by start.
    std::vector<Coding> document_codings(DocumentId doc);
    CodingView coding(CodingId id);
    /// The coding's row without its text, or nothing if there is no such coding (cheap: one lookup).
    std::optional<Coding> find_coding(CodingId id);

    // --- memos
    /// Sets the memo of a target; empty text removes it.
    void set_memo(MemoTarget target, std::int64_t target_id, const std::string& text);
    std::optional<Memo> memo(MemoTarget target, std::int64_t target_id);
    std::vector<Memo> memos();
    /// Whether a memo's target still exists (undo or delete can remove a code, coding or document).
    bool memo_target_exists(MemoTarget target, std::int64_t target_id);
    /// The codings of a document that have a memo (for the marks beside the text).
    std::vector<CodingId> codings_with_memos(DocumentId doc);

    // --- document variables
    VariableId define_variable(const std::string& name, VariableType type);
    std::vector<Variable> variables();
    /// Sets a value (checked against the type), in one action. A new name is defined as a variable of `type`
    /// (text when not given), also when the value is empty; `type` differing from an existing variable's is an
    /// error. An empty value clears.
    void set_variable(DocumentId doc, const std::string& name, const std::string& value,
                      std::optional<VariableType> type = std::nullopt);
    /// name -> value for one document.
    std::map<std::string, std::string> variable_values(DocumentId doc);
    /// Sets document variables from a table (survey export) in one action. Rows are matched to documents by
    /// `key_column`: its value equals a document's name, or the value of a document variable named like the
    /// column. New columns become variables of the inferred type. Nothing is dropped silently: see the report.
    VariablesImportReport import_variables(const VariableTable& table, const std::string& key_column,
                                           const ActionLabel& label);

    // --- per-project settings (not undoable)
    /// Quick keys 1..9 assigned to codes (Ctrl+1..9 in the editor).
    void set_quick_key(int key, CodeId code);
    std::map<int, CodeId> quick_keys();

    /// Writes a consistent copy of the project to `path` (SQLite online backup).
    void save_copy(const std::string& path);
    /// Increases with every change of data, undo and redo included; caches (the search index) compare it.
    std::int64_t generation();

    // --- undo
    std::optional<ActionLabel> undo_label();
    std::optional<ActionLabel> redo_label();
    /// Reverts the newest action and returns its label; the change message lists what it touched.
    ActionLabel undo();
    ActionLabel redo();

private:
    explicit Session(ProjectStore store);
    /// Runs `body` as one labelled, undoable action.
    template <class F>
    auto edit(const ActionLabel& label, unsigned kinds, F&& body);
    CoderId ensure_coder();
    std::vector<CodeId> subtree(CodeId root);
    void check_writable() const;
    void bump_generation();
    Document load_document(DocumentId id, bool with_text);

    ProjectStore store_;
    UndoStack undo_;
    Publisher events_;
    std::string coder_;
};

/// Escapes one code name for use in a path ("a/b" -> "a\/b").
std::string escape_code_name(const std::string& name);
/// Splits a code path into names, undoing the escapes.
std::vector<std::string> split_code_path(const std::string& path);

}  // namespace kodex
