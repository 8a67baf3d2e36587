// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <type_traits>
#include <unordered_map>

#include "core/errors.h"
#include "core/file_io.h"
#include "core/import/variable_table.h"
#include "core/memos/memo_table.h"
#include "core/model/palette.h"
#include "core/model/pages.h"
#include "core/refi/guid.h"
#include "core/refi/qdc.h"
#include "core/store/page_table.h"
#include "core/text/boundaries.h"
#include "core/text/unicode.h"

namespace fs = std::filesystem;

namespace kodex {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string checked_name(const std::string& raw, const char* what) {
    const std::string name = trim(raw);
    if (name.empty()) throw InvalidArgument(std::string(what) + " name must not be empty");
    if (!is_valid_utf8(name)) throw InvalidArgument(std::string(what) + " name is not valid UTF-8");
    if (name.find('\n') != std::string::npos) throw InvalidArgument(std::string(what) + " name must be one line");
    return normalize_text(name);
}

std::string checked_color(const std::string& color, std::size_t fallback_index) {
    if (color.empty()) return code_palette()[fallback_index % code_palette().size()];
    const std::string c = canonical_color(color);
    if (c.empty()) throw InvalidArgument("'" + color + "' is not a colour (use #RRGGBB)");
    return c;
}

std::string default_coder() {
    for (const char* var : {"KODEX_CODER", "USER", "USERNAME"})
        if (const char* v = std::getenv(var); v && *v) return v;
    return "coder";
}

Code read_code(Stmt& s) {
    // Column order: id, guid, parent_id, position, name, color, definition, anchor_example, coding_rule, codable
    Code c;
    c.id = CodeId(s.col_int(0));
    c.guid = s.col_text(1);
    c.parent = CodeId(s.col_null(2) ? 0 : s.col_int(2));
    c.position = static_cast<int>(s.col_int(3));
    c.name = s.col_text(4);
    c.color = s.col_text(5);
    c.description = {s.col_text(6), s.col_text(7), s.col_text(8)};
    c.codable = s.col_int(9) != 0;
    return c;
}

constexpr const char* kCodeColumns =
    "id, guid, parent_id, position, name, color, definition, anchor_example, coding_rule, codable";

}  // namespace

std::string escape_code_name(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (c == '/' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::vector<std::string> split_code_path(const std::string& path) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '\\' && i + 1 < path.size()) {
            parts.back() += path[++i];
        } else if (path[i] == '/') {
            parts.emplace_back();
        } else {
            parts.back() += path[i];
        }
    }
    return parts;
}

Session::Session(ProjectStore store) : store_(std::move(store)), undo_(store_.db()), coder_(default_coder()) {}

std::unique_ptr<Session> Session::create(const std::string& path) {
    return std::unique_ptr<Session>(new Session(ProjectStore::create(path)));
}

std::unique_ptr<Session> Session::open(const std::string& path, bool read_only) {
    return std::unique_ptr<Session>(new Session(ProjectStore::open(path, read_only)));
}

void Session::check_writable() const {
    if (store_.read_only()) throw InvalidArgument(store_.path() + ": the project is open read-only");
}

template <class F>
auto Session::edit(const ActionLabel& label, unsigned kinds, F&& body) {
    check_writable();
    Transaction tx(store_.db());
    ChangeRecorder recorder(store_.db());
    auto finish = [&] {
        const std::string cs = recorder.changeset();
        Change change{kinds, label};
        if (!cs.empty()) {
            undo_.push(label.stored(), cs);
            bump_generation();
            describe_changeset(cs, change);
        }
        tx.commit();
        events_.publish(change);
    };
    if constexpr (std::is_void_v<decltype(body())>) {
        body();
        finish();
    } else {
        auto result = body();
        finish();
        return result;
    }
}

// ---------------------------------------------------------------- coders

void Session::set_coder(const std::string& name) { coder_ = checked_name(name, "coder"); }

CoderId Session::ensure_coder() {
    Stmt s(store_.db(), "SELECT id FROM coders WHERE name = ?");
    s.bind(1, coder_);
    if (s.step()) return CoderId(s.col_int(0));
    Stmt ins(store_.db(), "INSERT INTO coders(guid, name) VALUES(?, ?)");
    ins.bind(1, new_guid()).bind(2, coder_).run();
    return CoderId(store_.db().last_insert_id());
}

std::vector<Coder> Session::coders() {
    std::vector<Coder> out;
    Stmt s(store_.db(), "SELECT id, guid, name FROM coders ORDER BY name");
    while (s.step()) out.push_back({CoderId(s.col_int(0)), s.col_text(1), s.col_text(2)});
    return out;
}

// ---------------------------------------------------------------- documents

ImportReport Session::import_files(const ImportRequest& request, const Progress& progress, const CancelToken* cancel) {
    check_writable();
    ImportReport report;
    if (request.paths.empty()) return report;
    if (request.paths.size() > 1) report.backup = store_.backup("before-import");
    const ActionLabel label = request.paths.size() == 1
                                  ? ActionLabel(labels::kImportTranscript, {fs::path(request.paths[0]).stem().string()})
                                  : ActionLabel(labels::kImportTranscripts, {std::to_string(request.paths.size())});

    // Files are converted and stored one at a time inside one transaction, so memory stays at one
    // transcript; any failure without keep_going rolls the whole import back.
    Db& db = store_.db();
    Transaction tx(db);
    ChangeRecorder recorder(db, /*skip_documents=*/true);
    Stmt find_hash(db, "SELECT name FROM documents WHERE content_hash = ?");
    Stmt name_taken(db, "SELECT 1 FROM documents WHERE name = ?");
    Stmt ins(db, "INSERT INTO documents(guid, name, source_file, format, encoding, content_hash, text, length, "
                 "imported_at, position) VALUES(?,?,?,?,?,?,?,?,?,?)");
    Stmt turn(db, "INSERT INTO turns(document_id, seq, speaker, start, body_start, end, timestamp_ms) VALUES(?,?,?,?,?,?,?)");
    std::int64_t position = db.query_int("SELECT COALESCE(MAX(position), -1) + 1 FROM documents");
    const std::string now = utc_now();
    std::vector<std::int64_t> added;
    const auto total = static_cast<std::int64_t>(request.paths.size());
    for (std::size_t i = 0; i < request.paths.size(); ++i) {
        if (cancel) cancel->check();
        const std::string& path = request.paths[i];
        progress.report(static_cast<std::int64_t>(i), total, fs::path(path).filename().string());
        ImportedText text;
        try {
            text = import_transcript(path, request.options);
        } catch (const Error& e) {
            report.failed.push_back({path, e.what()});
            continue;
        }
        if (!report.failed.empty() && !request.keep_going) continue;  // only looking for more failures
        const std::string hash = sha256_hex(text.text);
        find_hash.reset();
        find_hash.bind(1, hash);
        if (find_hash.step()) {
            report.duplicates.push_back({path, "same content as document '" + find_hash.col_text(0) + "'"});
            continue;
        }
        const std::string stem = normalize_text(fs::path(path).stem().string());
        std::string name = stem;
        for (int n = 2;; ++n) {
            name_taken.reset();
            name_taken.bind(1, name);
            if (!name_taken.step()) break;
            name = stem + " (" + std::to_string(n) + ")";
        }
        const std::int64_t length = count_code_points(text.text);
        ins.reset();
        ins.bind(1, new_guid()).bind(2, name).bind(3, fs::path(path).filename().string()).bind(4, text.format);
        ins.bind(5, text.encoding).bind(6, hash).bind(7, text.text).bind(8, length).bind(9, now).bind(10, position++).run();
        const DocumentId id(db.last_insert_id());
        added.push_back(id.value);
        for (std::size_t t = 0; t < text.turns.size(); ++t) {
            const Turn& tr = text.turns[t];
            turn.reset();
            turn.bind(1, id.value).bind(2, static_cast<std::int64_t>(t)).bind(3, tr.speaker).bind(4, tr.start);
            turn.bind(5, tr.body_start).bind(6, tr.end).bind_opt(7, tr.timestamp_ms).run();
        }
        insert_page_starts(db, id, text.page_starts);
        report.imported.push_back({path, id, name, text.format, text.encoding,
                                   static_cast<std::int64_t>(text.turns.size()), length, std::move(text.notes)});
    }
    progress.report(total, total, "");
    if (!report.failed.empty() && !request.keep_going) {
        report.imported.clear();
        report.duplicates.clear();
        return report;  // the transaction rolls back
    }
    const std::string cs = recorder.changeset();
    if (!cs.empty() || !added.empty()) {
        undo_.push(label.stored(), cs, added);
        bump_generation();
    }
    tx.commit();
    if (!added.empty()) events_.publish(Change{Change::Documents, label});
    return report;
}

std::vector<DocumentSummary> Session::documents() {
    std::vector<DocumentSummary> out;
    Stmt s(store_.db(),
           "SELECT d.id, d.guid, d.name, d.source_file, d.format, d.encoding, d.imported_at, d.length, "
           "(SELECT COUNT(*) FROM turns t WHERE t.document_id = d.id), "
           "(SELECT COUNT(*) FROM codings c WHERE c.document_id = d.id) "
           "FROM documents d ORDER BY d.position, d.name");
    while (s.step()) {
        DocumentSummary d;
        d.id = DocumentId(s.col_int(0));
        d.guid = s.col_text(1);
        d.name = s.col_text(2);
        d.source_file = s.col_text(3);
        d.format = s.col_text(4);
        d.encoding = s.col_text(5);
        d.imported_at = s.col_text(6);
        d.length = s.col_int(7);
        d.turns = s.col_int(8);
        d.codings = s.col_int(9);
        out.push_back(std::move(d));
    }
    return out;
}

Document Session::load_document(DocumentId id, bool with_text) {
    Stmt s(store_.db(),
           std::string("SELECT id, guid, name, source_file, format, encoding, content_hash, ") +
               (with_text ? "text" : "''") + ", length, imported_at FROM documents WHERE id = ?");
    s.bind(1, id.value);
    if (!s.step()) throw InvalidArgument("no document with id " + std::to_string(id.value));
    Document d;
    d.id = DocumentId(s.col_int(0));
    d.guid = s.col_text(1);
    d.name = s.col_text(2);
    d.source_file = s.col_text(3);
    d.format = s.col_text(4);
    d.encoding = s.col_text(5);
    d.content_hash = s.col_text(6);
    d.text = s.col_text(7);
    d.length = s.col_int(8);
    d.imported_at = s.col_text(9);
    Stmt t(store_.db(), "SELECT speaker, start, body_start, end, timestamp_ms FROM turns WHERE document_id = ? ORDER BY seq");
    t.bind(1, id.value);
    while (t.step()) d.turns.push_back({t.col_text(0), t.col_int(1), t.col_int(2), t.col_int(3), t.col_opt_int(4)});
    d.page_starts = load_page_starts(store_.db(), id);
    return d;
}

Document Session::document(DocumentId id) { return load_document(id, true); }

DocumentId Session::find_document(const std::string& name_or_id) {
    {
        Stmt s(store_.db(), "SELECT id FROM documents WHERE name = ?");
        s.bind(1, normalize_text(name_or_id));
        if (s.step()) return DocumentId(s.col_int(0));
    }
    std::string digits = name_or_id;
    if (!digits.empty() && digits[0] == '#') digits.erase(0, 1);
    if (!digits.empty() && digits.size() < 18 && std::all_of(digits.begin(), digits.end(), ::isdigit)) {
        Stmt s(store_.db(), "SELECT id FROM documents WHERE id = ?");
        s.bind(1, static_cast<std::int64_t>(std::stoll(digits)));
        if (s.step()) return DocumentId(s.col_int(0));
    }
    throw InvalidArgument("no document named '" + name_or_id + "'");
}

void Session::rename_document(DocumentId id, const std::string& raw) {
    const std::string name = checked_name(raw, "document");
    const Document old = load_document(id, false);
    edit({labels::kRenameDocument, {old.name, name}}, Change::Documents, [&] {
        Stmt s(store_.db(), "SELECT 1 FROM documents WHERE name = ? AND id != ?");
        s.bind(1, name).bind(2, id.value);
        if (s.step()) throw InvalidArgument("a document named '" + name + "' exists already");
        Stmt(store_.db(), "UPDATE documents SET name = ? WHERE id = ?").bind(1, name).bind(2, id.value).run();
    });
}

void Session::delete_document(DocumentId id) {
    const Document old = load_document(id, false);
    if (store_.db().query_int("SELECT COUNT(*) FROM codings WHERE document_id = " + std::to_string(id.value)) > 0)
        store_.backup("before-delete-document");
    edit({labels::kDeleteDocument, {old.name}}, Change::All, [&] {
        Db& db = store_.db();
        const std::string d = std::to_string(id.value);
        db.exec("DELETE FROM memos WHERE coding_id IN (SELECT id FROM codings WHERE document_id = " + d + ")");
        db.exec("DELETE FROM memos WHERE document_id = " + d);
        db.exec("DELETE FROM codings WHERE document_id = " + d);
        db.exec("DELETE FROM turns WHERE document_id = " + d);
        delete_page_starts(db, id);
        db.exec("DELETE FROM document_variables WHERE document_id = " + d);
        db.exec("DELETE FROM documents WHERE id = " + d);
    });
}

EditReport Session::edit_text(DocumentId id, TextRange range, const std::string& replacement, SwallowedPolicy policy) {
    const Document d = load_document(id, false);
    return edit({labels::kEditText, {d.name}}, Change::Documents | Change::Codings | Change::Memos,
                [&] { return edit_document_text(store_.db(), id, range, replacement, policy, true); });
}

EditReport Session::preview_edit(DocumentId id, TextRange range, const std::string& replacement, SwallowedPolicy policy) {
    return edit_document_text(store_.db(), id, range, replacement, policy, false);
}

// ---------------------------------------------------------------- codebook

std::vector<CodeSummary> Session::codes() {
    std::vector<Code> all;
    {
        Stmt s(store_.db(), std::string("SELECT ") + kCodeColumns + " FROM codes ORDER BY position, id");
        while (s.step()) all.push_back(read_code(s));
    }
    std::unordered_map<std::int64_t, std::pair<std::int64_t, std::int64_t>> counts;
    {
        Stmt s(store_.db(), "SELECT code_id, COUNT(*), COUNT(DISTINCT document_id) FROM codings GROUP BY code_id");
        while (s.step()) counts[s.col_int(0)] = {s.col_int(1), s.col_int(2)};
    }
    std::unordered_map<std::int64_t, std::vector<const Code*>> children;
    for (const Code& c : all) children[c.parent.value].push_back(&c);
    std::vector<CodeSummary> out;
    out.reserve(all.size());
    // Depth-first, siblings by position: the order a tree view shows.
    std::function<void(std::int64_t, const std::string&, int)> walk = [&](std::int64_t parent, const std::string& prefix,
                                                                          int depth) {
        for (const Code* c : children[parent]) {
            CodeSummary cs;
            cs.code = *c;
            cs.path = prefix + escape_code_name(c->name);
            cs.depth = depth;
            if (auto it = counts.find(c->id.value); it != counts.end()) {
                cs.codings = it->second.first;
                cs.documents = it->second.second;
            }
            out.push_back(cs);
            walk(c->id.value, out.back().path + "/", depth + 1);
        }
    };
    walk(0, "", 0);
    return out;
}

Code Session::code(CodeId id) {
    Stmt s(store_.db(), std::string("SELECT ") + kCodeColumns + " FROM codes WHERE id = ?");
    s.bind(1, id.value);
    if (!s.step()) throw InvalidArgument("no code with id " + std::to_string(id.value));
    return read_code(s);
}

std::string Session::code_path(CodeId id) {
    std::string path;
    std::set<std::int64_t> seen;
    for (CodeId cur = id; cur.valid();) {
        if (!seen.insert(cur.value).second) throw StoreError(StoreError::Kind::Corrupt, "code parents form a cycle");
        const Code c = code(cur);
        path = escape_code_name(c.name) + (path.empty() ? "" : "/" + path);
        cur = c.parent;
    }
    return path;
}

CodeId Session::find_code(const std::string& path) {
    CodeId parent;
    for (const std::string& raw : split_code_path(path)) {
        const std::string name = normalize_text(trim(raw));
        Stmt s(store_.db(), "SELECT id FROM codes WHERE parent_id IS ? AND name = ?");
        if (parent.valid())
            s.bind(1, parent.value);
        else
            s.bind_null(1);
        s.bind(2, name);
        if (!s.step()) throw InvalidArgument("no code '" + path + "'");
        parent = CodeId(s.col_int(0));
    }
    if (!parent.valid()) throw InvalidArgument("no code '" + path + "'");
    return parent;
}

std::vector<CodeId> Session::subtree(CodeId root) {
    std::vector<CodeId> out{root};
    for (std::size_t i = 0; i < out.size(); ++i) {
        Stmt s(store_.db(), "SELECT id FROM codes WHERE parent_id = ? ORDER BY position");
        s.bind(1, out[i].value);
        while (s.step()) {
            out.emplace_back(s.col_int(0));
            if (out.size() > 1000000) throw StoreError(StoreError::Kind::Corrupt, "code parents form a cycle");
        }
    }
    return out;
}

namespace {

void check_sibling_name(Db& db, CodeId parent, const std::string& name, CodeId self) {
    Stmt s(db, "SELECT 1 FROM codes WHERE parent_id IS ? AND name = ? AND id != ?");
    if (parent.valid())
        s.bind(1, parent.value);
    else
        s.bind_null(1);
    s.bind(2, name).bind(3, self.value);
    if (s.step()) throw InvalidArgument("a code named '" + name + "' exists already at that place");
}

// Rewrites sibling positions as 0..n-1 in the given order.
void write_positions(Db& db, const std::vector<std::int64_t>& ids) {
    Stmt s(db, "UPDATE codes SET position = ? WHERE id = ? AND position != ?");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        s.reset();
        s.bind(1, static_cast<std::int64_t>(i)).bind(2, ids[i]).bind(3, static_cast<std::int64_t>(i)).run();
    }
}

std::vector<std::int64_t> sibling_ids(Db& db, CodeId parent, CodeId except) {
    Stmt s(db, "SELECT id FROM codes WHERE parent_id IS ? AND id != ? ORDER BY position, id");
    if (parent.valid())
        s.bind(1, parent.value);
    else
        s.bind_null(1);
    s.bind(2, except.value);
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.col_int(0));
    return out;
}

}  // namespace

CodeId Session::add_code(CodeId parent, const std::string& raw_name, const std::string& color,
                         const CodeDescription& description) {
    const std::string name = checked_name(raw_name, "code");
    if (parent.valid()) code(parent);
    const auto n = static_cast<std::size_t>(store_.db().query_int("SELECT COUNT(*) FROM codes"));
    const std::string col = checked_color(color, n);
    return edit({labels::kAddCode, {name}}, Change::Codes, [&] {
        Db& db = store_.db();
        check_sibling_name(db, parent, name, CodeId());
        Stmt s(db, "INSERT INTO codes(guid, parent_id, position, name, color, definition, anchor_example, coding_rule) "
                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, new_guid()).bind_id(2, parent.value);
        s.bind(3, static_cast<std::int64_t>(sibling_ids(db, parent, CodeId()).size()));
        s.bind(4, name).bind(5, col).bind(6, description.definition).bind(7, description.anchor_example);
        s.bind(8, description.coding_rule).run();
        return CodeId(db.last_insert_id());
    });
}

void Session::rename_code(CodeId id, const std::string& raw) {
    const std::string name = checked_name(raw, "code");
    const Code c = code(id);
    if (c.name == name) return;
    edit({labels::kRenameCode, {c.name, name}}, Change::Codes, [&] {
        check_sibling_name(store_.db(), c.parent, name, id);
        Stmt(store_.db(), "UPDATE codes SET name = ? WHERE id = ?").bind(1, name).bind(2, id.value).run();
    });
}

void Session::set_code_color(CodeId id, const std::string& color) {
    const Code c = code(id);
    const std::string col = checked_color(color, 0);
    if (col == c.color) return;
    edit({labels::kRecolourCode, {c.name}}, Change::Codes, [&] {
        Stmt(store_.db(), "UPDATE codes SET color = ? WHERE id = ?").bind(1, col).bind(2, id.value).run();
    });
}

void Session::set_code_description(CodeId id, const CodeDescription& d) {
    const Code c = code(id);
    if (c.description == d) return;
    edit({labels::kDescribeCode, {c.name}}, Change::Codes, [&] {
        Stmt(store_.db(), "UPDATE codes SET definition = ?, anchor_example = ?, coding_rule = ? WHERE id = ?")
            .bind(1, d.definition)
            .bind(2, d.anchor_example)
            .bind(3, d.coding_rule)
            .bind(4, id.value)
            .run();
    });
}

void Session::move_code(CodeId id, CodeId parent, int position) {
    const Code c = code(id);
    if (parent.valid()) {
        code(parent);
        const auto sub = subtree(id);
        if (std::find(sub.begin(), sub.end(), parent) != sub.end())
            throw InvalidArgument("cannot move code '" + c.name + "' into itself or one of its subcodes");
    }
    edit({labels::kMoveCode, {c.name}}, Change::Codes, [&] {
        Db& db = store_.db();
        if (parent != c.parent) check_sibling_name(db, parent, c.name, id);
        auto siblings = sibling_ids(db, parent, id);
        const std::size_t at = position < 0 ? siblings.size() : std::min<std::size_t>(static_cast<std::size_t>(position), siblings.size());
        siblings.insert(siblings.begin() + static_cast<long>(at), id.value);
        Stmt(db, "UPDATE codes SET parent_id = ? WHERE id = ?").bind_id(1, parent.value).bind(2, id.value).run();
        write_positions(db, siblings);
        if (parent != c.parent) write_positions(db, sibling_ids(db, c.parent, id));
    });
}

namespace {

// Moves codings from one code to another; a coding that the target already has (same document, coder and
// range) is deleted instead, with its memo.
void move_codings(Db& db, const std::vector<CodeId>& from, CodeId to) {
    for (CodeId f : from) {
        const std::string src = std::to_string(f.value), dst = std::to_string(to.value);
        const std::string dup = "SELECT id FROM codings c WHERE c.code_id = " + src +
                                " AND EXISTS (SELECT 1 FROM codings t WHERE t.code_id = " + dst +
                                " AND t.document_id = c.document_id AND t.coder_id = c.coder_id"
                                " AND t.start = c.start AND t.end = c.end)";
        db.exec("DELETE FROM memos WHERE coding_id IN (" + dup + ")");
        db.exec("DELETE FROM codings WHERE id IN (" + dup + ")");
        db.exec("UPDATE codings SET code_id = " + dst + " WHERE code_id = " + src);
    }
}

}  // namespace

void Session::merge_codes(CodeId source, CodeId target) {
    const Code s = code(source), t = code(target);
    if (source == target) throw InvalidArgument("cannot merge code '" + s.name + "' into itself");
    const auto sub = subtree(source);
    if (std::find(sub.begin(), sub.end(), target) != sub.end())
        throw InvalidArgument("cannot merge code '" + s.name + "' into its own subcode '" + t.name + "'");
    store_.backup("before-merge");
    edit({labels::kMergeCode, {s.name, t.name}}, Change::Codes | Change::Codings | Change::Memos, [&] {
        Db& db = store_.db();
        move_codings(db, {source}, target);
        // Subcodes move under the target, after its own children.
        auto target_children = sibling_ids(db, target, CodeId());
        for (std::int64_t child : sibling_ids(db, source, CodeId())) {
            const Code cc = code(CodeId(child));
            check_sibling_name(db, target, cc.name, CodeId(child));
            Stmt(db, "UPDATE codes SET parent_id = ? WHERE id = ?").bind(1, target.value).bind(2, child).run();
            target_children.push_back(child);
        }
        write_positions(db, target_children);
        // The source's memo is appended to the target's.
        append_code_memo(db, source, target, s.name);
        Stmt(db, "DELETE FROM codes WHERE id = ?").bind(1, source.value).run();
        write_positions(db, sibling_ids(db, s.parent, CodeId()));
    });
}

void Session::delete_code(CodeId id, DeleteCodings mode) {
    const Code c = code(id);
    const auto ids = subtree(id);
    std::string list;
    for (CodeId x : ids) list += (list.empty() ? "" : ",") + std::to_string(x.value);
    const std::int64_t n = store_.db().query_int("SELECT COUNT(*) FROM codings WHERE code_id IN (" + list + ")");
    if (n > 0 && mode == DeleteCodings::Refuse)
        throw InvalidArgument("code '" + c.name + "' has " + std::to_string(n) +
                              " codings: choose to delete them or to move them to the parent code");
    if (n > 0 && mode == DeleteCodings::MoveToParent && !c.parent.valid())
        throw InvalidArgument("code '" + c.name + "' is a top-level code: its codings cannot move to a parent");
    if (n > 0) store_.backup("before-delete-code");
    edit({labels::kDeleteCode, {c.name}}, Change::Codes | Change::Codings | Change::Memos, [&] {
        Db& db = store_.db();
        if (n > 0 && mode == DeleteCodings::MoveToParent) {
            move_codings(db, ids, c.parent);
        } else {
            db.exec("DELETE FROM memos WHERE coding_id IN (SELECT id FROM codings WHERE code_id IN (" + list + "))");
            db.exec("DELETE FROM codings WHERE code_id IN (" + list + ")");
        }
        db.exec("DELETE FROM memos WHERE code_id IN (" + list + ")");
        // Deepest first, so no child outlives its parent even for a moment.
        for (auto it = ids.rbegin(); it != ids.rend(); ++it)
            Stmt(db, "DELETE FROM codes WHERE id = ?").bind(1, it->value).run();
        write_positions(db, sibling_ids(db, c.parent, CodeId()));
    });
}

namespace {

std::string read_file(const std::string& path, std::size_t limit) {
    require_regular_file(path);  // a pipe would block the import forever
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path, "cannot open for reading");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(in.tellg());
    if (size > limit) throw IoError(path, "file too large (" + std::to_string(size) + " bytes)");
    in.seekg(0);
    std::string data(size, '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    if (!in) throw IoError(path, "read failed");
    return data;
}

}  // namespace

CodebookImportReport Session::import_codebook(const std::string& qdc_path) {
    const Codebook book = read_qdc(read_file(qdc_path, 64u << 20), qdc_path);
    CodebookImportReport report;
    report.warnings = book.warnings;
    edit({labels::kImportCodebook, {fs::path(qdc_path).filename().string()}}, Change::Codes, [&] {
        Db& db = store_.db();
        std::size_t count = static_cast<std::size_t>(db.query_int("SELECT COUNT(*) FROM codes"));
        std::function<void(const CodebookEntry&, CodeId)> add = [&](const CodebookEntry& e, CodeId parent) {
            const std::string name = checked_name(e.name, "code");
            CodeId id;
            // Match by GUID first (a codebook read back), then by name at the same place.
            if (!e.guid.empty()) {
                Stmt s(db, "SELECT id FROM codes WHERE guid = ?");
                s.bind(1, e.guid);
                if (s.step()) id = CodeId(s.col_int(0));
            }
            if (!id.valid()) {
                Stmt s(db, "SELECT id FROM codes WHERE parent_id IS ? AND name = ?");
                if (parent.valid())
                    s.bind(1, parent.value);
                else
                    s.bind_null(1);
                s.bind(2, name);
                if (s.step()) id = CodeId(s.col_int(0));
            }
            if (id.valid()) {
                const Code old = code(id);
                const std::string color = e.color.empty() ? old.color : e.color;
                const CodeDescription d = e.description.empty() ? old.description : e.description;
                if (old.name == name && old.color == color && old.description == d && old.codable == e.codable) {
                    ++report.unchanged;
                } else {
                    check_sibling_name(db, old.parent, name, id);
                    Stmt up(db, "UPDATE codes SET name = ?, color = ?, definition = ?, anchor_example = ?, coding_rule = ?, "
                                "codable = ? WHERE id = ?");
                    up.bind(1, name).bind(2, color).bind(3, d.definition).bind(4, d.anchor_example).bind(5, d.coding_rule);
                    up.bind(6, e.codable ? 1 : 0).bind(7, id.value).run();
                    ++report.updated;
                }
            } else {
                Stmt ins(db, "INSERT INTO codes(guid, parent_id, position, name, color, definition, anchor_example, "
                             "coding_rule, codable) VALUES(?,?,?,?,?,?,?,?,?)");
                ins.bind(1, e.guid.empty() ? new_guid() : e.guid).bind_id(2, parent.value);
                ins.bind(3, static_cast<std::int64_t>(sibling_ids(db, parent, CodeId()).size()));
                ins.bind(4, name).bind(5, checked_color(e.color, count++)).bind(6, e.description.definition);
                ins.bind(7, e.description.anchor_example).bind(8, e.description.coding_rule).bind(9, e.codable ? 1 : 0).run();
                id = CodeId(db.last_insert_id());
                ++report.added;
            }
            for (const auto& child : e.children) add(child, id);
        };
        for (const auto& e : book.codes) add(e, CodeId());
    });
    return report;
}

void Session::export_codebook(const std::string& qdc_path) {
    Codebook book;
    book.origin = "Kodex";
    const auto all = codes();
    std::unordered_map<std::int64_t, std::vector<const CodeSummary*>> children;
    for (const auto& c : all) children[c.code.parent.value].push_back(&c);
    std::function<CodebookEntry(const CodeSummary&)> build = [&](const CodeSummary& c) {
        CodebookEntry e{c.code.guid, c.code.name, c.code.color, c.code.codable, c.code.description, {}};
        for (const auto* child : children[c.code.id.value]) e.children.push_back(build(*child));
        return e;
    };
    for (const auto* top : children[0]) book.codes.push_back(build(*top));
    const std::string xml = write_qdc(book);
    const std::string tmp = qdc_path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError(qdc_path, "cannot write");
        out.write(xml.data(), static_cast<std::streamsize>(xml.size()));
        out.close();
        if (!out) throw IoError(qdc_path, "write failed");
    }
    std::error_code ec;
    fs::rename(tmp, qdc_path, ec);
    if (ec) throw IoError(qdc_path, "cannot write: " + ec.message());
}

// ---------------------------------------------------------------- coding

CodingId Session::apply_code(DocumentId doc, CodeId code_id, TextRange range) {
    const Document d = load_document(doc, false);
    const Code c = code(code_id);
    if (!c.codable) throw InvalidArgument("code '" + c.name + "' is a folder and cannot be applied");
    if (range.start < 0 || range.end > d.length || range.empty())
        throw InvalidArgument("range " + std::to_string(range.start) + ":" + std::to_string(range.end) +
                              " is outside the text of '" + d.name + "' (0:" + std::to_string(d.length) + ")");
    return edit({labels::kApplyCode, {c.name}}, Change::Codings, [&] {
        Db& db = store_.db();
        const CoderId coder = ensure_coder();
        Stmt dup(db, "SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND end = ?");
        dup.bind(1, doc.value).bind(2, code_id.value).bind(3, coder.value).bind(4, range.start).bind(5, range.end);
        if (dup.step())
            throw InvalidArgument("'" + d.name + "' " + std::to_string(range.start) + ":" + std::to_string(range.end) +
                                  " is already coded with '" + c.name + "' by " + coder_);
        Stmt ins(db, "INSERT INTO codings(guid, document_id, code_id, coder_id, start, end, created_at) VALUES(?,?,?,?,?,?,?)");
        ins.bind(1, new_guid()).bind(2, doc.value).bind(3, code_id.value).bind(4, coder.value);
        ins.bind(5, range.start).bind(6, range.end).bind(7, utc_now()).run();
        return CodingId(db.last_insert_id());
    });
}

CodingView Session::coding(CodingId id) {
    CodingFilter only;
    only.ids = {id};
    auto found = codings(only);
    if (found.empty()) throw InvalidArgument("no coding with id " + std::to_string(id.value));
    return std::move(found.front());
}

std::optional<Coding> Session::find_coding(CodingId id) {
    Stmt s(store_.db(), "SELECT id, guid, document_id, code_id, coder_id, start, end, created_at FROM codings WHERE id = ?");
    s.bind(1, id.value);
    if (!s.step()) return std::nullopt;
    return Coding{CodingId(s.col_int(0)), s.col_text(1), DocumentId(s.col_int(2)), CodeId(s.col_int(3)),
                  CoderId(s.col_int(4)), {s.col_int(5), s.col_int(6)}, s.col_text(7)};
}

void Session::set_coding_code(CodingId id, CodeId code_id) {
    const CodingView v = coding(id);
    const Code c = code(code_id);
    if (!c.codable) throw InvalidArgument("code '" + c.name + "' is a folder and cannot be applied");
    if (code_id == v.coding.code) return;
    edit({labels::kChangeCode, {v.code_path, c.name}}, Change::Codings, [&] {
        Stmt dup(store_.db(), "SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? "
                              "AND end = ?");
        dup.bind(1, v.coding.document.value).bind(2, code_id.value).bind(3, v.coding.coder.value);
        dup.bind(4, v.coding.range.start).bind(5, v.coding.range.end);
        if (dup.step())
            throw InvalidArgument("'" + v.document_name + "' " + std::to_string(v.coding.range.start) + ":" +
                                  std::to_string(v.coding.range.end) + " is already coded with '" + c.name + "' by " +
                                  v.coder_name);
        Stmt(store_.db(), "UPDATE codings SET code_id = ? WHERE id = ?").bind(1, code_id.value).bind(2, id.value).run();
    });
}

void Session::remove_coding(CodingId id) {
    const CodingView v = coding(id);
    edit({labels::kRemoveCoding, {v.code_path}}, Change::Codings | Change::Memos, [&] {
        Stmt(store_.db(), "DELETE FROM memos WHERE coding_id = ?").bind(1, id.value).run();
        Stmt(store_.db(), "DELETE FROM codings WHERE id = ?").bind(1, id.value).run();
    });
}

void Session::set_coding_range(CodingId id, TextRange range) {
    const CodingView v = coding(id);
    const Document d = load_document(v.coding.document, false);
    if (range.start < 0 || range.end > d.length || range.empty())
        throw InvalidArgument("range " + std::to_string(range.start) + ":" + std::to_string(range.end) +
                              " is outside the text of '" + d.name + "' (0:" + std::to_string(d.length) + ")");
    if (range == v.coding.range) return;
    edit({labels::kChangeRange, {v.code_path}}, Change::Codings, [&] {
        Stmt dup(store_.db(), "SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? "
                              "AND end = ? AND id != ?");
        dup.bind(1, v.coding.document.value).bind(2, v.coding.code.value).bind(3, v.coding.coder.value);
        dup.bind(4, range.start).bind(5, range.end).bind(6, id.value);
        if (dup.step()) throw InvalidArgument("that range is already coded with '" + v.code_path + "' by " + v.coder_name);
        Stmt(store_.db(), "UPDATE codings SET start = ?, end = ? WHERE id = ?").bind(1, range.start).bind(2, range.end).bind(3, id.value).run();
    });
}

std::vector<CodingView> Session::codings(const CodingFilter& f) {
    // Paths of just the codes that occur, found through their parents: the codebook summary would count the
    // codings of every code first, which for one coding of 300,000 cost more than everything else.
    std::unordered_map<std::int64_t, std::string> paths;
    std::string sql =
        "SELECT c.id, c.guid, c.document_id, c.code_id, c.coder_id, c.start, c.end, c.created_at, d.name, k.name, "
        "COALESCE(m.text, '') "
        "FROM codings c JOIN documents d ON d.id = c.document_id JOIN coders k ON k.id = c.coder_id "
        "LEFT JOIN memos m ON m.coding_id = c.id WHERE 1";
    std::vector<std::int64_t> code_ids;
    for (CodeId c : f.codes) {
        if (f.include_subcodes)
            for (CodeId x : subtree(c)) code_ids.push_back(x.value);
        else
            code_ids.push_back(c.value);
    }
    const auto in_list = [](const std::string& column, std::size_t n) {
        std::string out = " AND " + column + " IN (";
        for (std::size_t i = 0; i < n; ++i) out += (i ? ",?" : "?");
        return out + ")";
    };
    if (!code_ids.empty()) sql += in_list("c.code_id", code_ids.size());
    if (!f.documents.empty()) sql += in_list("c.document_id", f.documents.size());
    if (!f.ids.empty()) sql += in_list("c.id", f.ids.size());
    if (f.coder) sql += " AND k.name = ?";
    sql += " ORDER BY d.position, d.name, c.start, c.end, c.id";
    Stmt s(store_.db(), sql);
    int i = 1;
    for (std::int64_t id : code_ids) s.bind(i++, id);
    for (DocumentId d : f.documents) s.bind(i++, d.value);
    for (CodingId c : f.ids) s.bind(i++, c.value);
    if (f.coder) s.bind(i++, *f.coder);
    std::vector<CodingView> out;
    while (s.step()) {
        CodingView v;
        v.coding = {CodingId(s.col_int(0)), s.col_text(1), DocumentId(s.col_int(2)), CodeId(s.col_int(3)),
                    CoderId(s.col_int(4)), {s.col_int(5), s.col_int(6)}, s.col_text(7)};
        v.document_name = s.col_text(8);
        v.coder_name = s.col_text(9);
        v.memo = s.col_text(10);
        auto path = paths.find(v.coding.code.value);
        if (path == paths.end()) path = paths.emplace(v.coding.code.value, code_path(v.coding.code)).first;
        v.code_path = path->second;
        out.push_back(std::move(v));
    }
    // Each document's text and turns are read once: cutting the text in SQL re-read the whole text for
    // every coding, and finding the turn scanned the document's turns for every coding.
    struct Source {
        Document document;
        std::unique_ptr<PositionIndex> index;
    };
    std::unordered_map<std::int64_t, std::unique_ptr<Source>> sources;
    for (CodingView& v : out) {
        auto& src = sources[v.coding.document.value];
        if (!src) {
            src = std::make_unique<Source>();
            src->document = load_document(v.coding.document, true);
            src->index = std::make_unique<PositionIndex>(src->document.text);
        }
        const std::size_t from = src->index->to_byte(v.coding.range.start);
        v.text = src->document.text.substr(from, src->index->to_byte(v.coding.range.end) - from);
        const auto& turns = src->document.turns;
        const auto after = std::upper_bound(turns.begin(), turns.end(), v.coding.range.start,
                                            [](std::int64_t pos, const Turn& t) { return pos < t.start; });
        if (after != turns.begin()) {
            v.speaker = std::prev(after)->speaker;
            v.timestamp_ms = std::prev(after)->timestamp_ms;
        }
        v.page = page_citation(src->document.page_starts, v.coding.range);
    }
    return out;
}

std::vector<Coding> Session::document_codings(DocumentId doc) {
    std::vector<Coding> out;
    Stmt s(store_.db(), "SELECT id, guid, document_id, code_id, coder_id, start, end, created_at FROM codings "
                        "WHERE document_id = ? ORDER BY start, end, id");
    s.bind(1, doc.value);
    while (s.step())
        out.push_back({CodingId(s.col_int(0)), s.col_text(1), DocumentId(s.col_int(2)), CodeId(s.col_int(3)),
                       CoderId(s.col_int(4)), {s.col_int(5), s.col_int(6)}, s.col_text(7)});
    return out;
}

BulkCodingReport Session::apply_codes(const std::vector<NewCoding>& list, const ActionLabel& label) {
    // Check everything before the action starts, so a bad entry changes nothing.
    std::unordered_map<std::int64_t, std::int64_t> lengths;
    for (const auto& c : list) {
        auto it = lengths.find(c.document.value);
        if (it == lengths.end()) it = lengths.emplace(c.document.value, load_document(c.document, false).length).first;
        const Code code_row = code(c.code);
        if (!code_row.codable) throw InvalidArgument("code '" + code_row.name + "' is a folder and cannot be applied");
        if (c.range.start < 0 || c.range.end > it->second || c.range.empty())
            throw InvalidArgument("range " + std::to_string(c.range.start) + ":" + std::to_string(c.range.end) +
                                  " is outside the text of document #" + std::to_string(c.document.value));
    }
    BulkCodingReport report;
    edit(label, Change::Codings, [&] {
        Db& db = store_.db();
        const std::string own = coder_;
        Stmt ins(db, "INSERT OR IGNORE INTO codings(guid, document_id, code_id, coder_id, start, end, created_at) "
                     "VALUES(?,?,?,?,?,?,?)");
        const std::string now = utc_now();
        std::map<std::string, CoderId> coder_ids;
        for (const auto& c : list) {
            const std::string who = c.coder.empty() ? own : checked_name(c.coder, "coder");
            auto it = coder_ids.find(who);
            if (it == coder_ids.end()) {
                coder_ = who;
                it = coder_ids.emplace(who, ensure_coder()).first;
                coder_ = own;
            }
            ins.reset();
            ins.bind(1, new_guid()).bind(2, c.document.value).bind(3, c.code.value).bind(4, it->second.value);
            ins.bind(5, c.range.start).bind(6, c.range.end).bind(7, now).run();
            if (db.changes() == 1)
                report.added.emplace_back(db.last_insert_id());
            else
                ++report.duplicates;
        }
    });
    return report;
}

CodingId Session::code_in_vivo(DocumentId doc, TextRange range, CodeId parent) {
    const Document d = load_document(doc, true);
    if (range.start < 0 || range.end > d.length || range.empty())
        throw InvalidArgument("range " + std::to_string(range.start) + ":" + std::to_string(range.end) +
                              " is outside the text of '" + d.name + "'");
    const std::string name = in_vivo_name(substring_cp(d.text, range.start, range.end));
    if (name.empty()) throw InvalidArgument("the selection has no words to name a code after");
    if (parent.valid()) code(parent);
    const auto n = static_cast<std::size_t>(store_.db().query_int("SELECT COUNT(*) FROM codes"));
    return edit({labels::kCodeInVivo, {name}}, Change::Codes | Change::Codings, [&] {
        Db& db = store_.db();
        check_sibling_name(db, parent, name, CodeId());
        Stmt ins(db, "INSERT INTO codes(guid, parent_id, position, name, color) VALUES(?, ?, ?, ?, ?)");
        ins.bind(1, new_guid()).bind_id(2, parent.value);
        ins.bind(3, static_cast<std::int64_t>(sibling_ids(db, parent, CodeId()).size()));
        ins.bind(4, name).bind(5, checked_color({}, n)).run();
        const std::int64_t code_id = db.last_insert_id();
        const CoderId coder = ensure_coder();
        Stmt c(db, "INSERT INTO codings(guid, document_id, code_id, coder_id, start, end, created_at) VALUES(?,?,?,?,?,?,?)");
        c.bind(1, new_guid()).bind(2, doc.value).bind(3, code_id).bind(4, coder.value);
        c.bind(5, range.start).bind(6, range.end).bind(7, utc_now()).run();
        return CodingId(db.last_insert_id());
    });
}

std::optional<Turn> Session::turn_at(DocumentId doc, std::int64_t pos) {
    Stmt t(store_.db(), "SELECT speaker, start, body_start, end, timestamp_ms FROM turns WHERE document_id = ? "
                        "AND start <= ? AND ? < end ORDER BY start DESC LIMIT 1");
    t.bind(1, doc.value).bind(2, pos).bind(3, pos);
    if (!t.step()) return std::nullopt;
    return Turn{t.col_text(0), t.col_int(1), t.col_int(2), t.col_int(3), t.col_opt_int(4)};
}

CodingId Session::code_turn(DocumentId doc, std::int64_t pos, CodeId code_id) {
    const auto turn = turn_at(doc, pos);
    if (!turn) throw InvalidArgument("position " + std::to_string(pos) + " is not inside a speaker turn");
    return apply_code(doc, code_id, {turn->body_start, turn->end});
}

void Session::set_quick_key(int key, CodeId code_id) {
    if (key < 1 || key > 9) throw InvalidArgument("quick keys are 1 to 9");
    check_writable();
    const std::string guid = code_id.valid() ? code(code_id).guid : std::string();
    Transaction tx(store_.db());
    // A code has at most one key: assigning it elsewhere moves it.
    if (!guid.empty()) Stmt(store_.db(), "DELETE FROM meta WHERE key LIKE 'quick_key.%' AND value = ?").bind(1, guid).run();
    if (guid.empty())
        Stmt(store_.db(), "DELETE FROM meta WHERE key = ?").bind(1, "quick_key." + std::to_string(key)).run();
    else
        store_.set_meta("quick_key." + std::to_string(key), guid);
    tx.commit();
    events_.publish(Change{Change::Codes, labels::kAssignQuickKey});
}

std::map<int, CodeId> Session::quick_keys() {
    std::map<int, CodeId> out;
    Stmt s(store_.db(), "SELECT substr(m.key, 11), c.id FROM meta m JOIN codes c ON c.guid = m.value "
                        "WHERE m.key LIKE 'quick_key.%'");
    while (s.step()) {
        const std::string k = s.col_text(0);
        if (k.size() == 1 && k[0] >= '1' && k[0] <= '9') out[k[0] - '0'] = CodeId(s.col_int(1));
    }
    return out;
}

void Session::save_copy(const std::string& path) { store_.save_copy(path); }

std::int64_t Session::generation() {
    const std::string g = store_.meta("generation", "0");
    return std::stoll(g);
}

// ---------------------------------------------------------------- memos

void Session::set_memo(MemoTarget target, std::int64_t target_id, const std::string& text) {
    ActionLabel label = labels::kEditProjectMemo;
    switch (target) {
    case MemoTarget::Project: break;
    case MemoTarget::Document: label = {labels::kEditDocumentMemo, {load_document(DocumentId(target_id), false).name}}; break;
    case MemoTarget::Code: label = {labels::kEditCodeMemo, {code(CodeId(target_id)).name}}; break;
    case MemoTarget::Coding: label = {labels::kEditCodingMemo, {coding(CodingId(target_id)).code_path}}; break;
    }
    if (!is_valid_utf8(text)) throw InvalidArgument("memo text is not valid UTF-8");
    const std::string body = normalize_text(text);
    edit(label, Change::Memos, [&] { write_memo(store_.db(), target, target_id, body); });
}

std::optional<Memo> Session::memo(MemoTarget target, std::int64_t target_id) {
    return find_memo(store_.db(), target, target_id);
}

std::vector<Memo> Session::memos() { return all_memos(store_.db()); }

std::vector<CodingId> Session::codings_with_memos(DocumentId doc) { return kodex::codings_with_memos(store_.db(), doc); }

bool Session::memo_target_exists(MemoTarget target, std::int64_t target_id) {
    return kodex::memo_target_exists(store_.db(), target, target_id);
}

// ---------------------------------------------------------------- variables

VariableId Session::define_variable(const std::string& raw, VariableType type) {
    const std::string name = checked_name(raw, "variable");
    {
        Stmt s(store_.db(), "SELECT id, type FROM variables WHERE name = ?");
        s.bind(1, name);
        if (s.step()) {
            if (s.col_text(1) != to_string(type))
                throw InvalidArgument("variable '" + name + "' exists already with type " + s.col_text(1));
            return VariableId(s.col_int(0));
        }
    }
    return edit({labels::kDefineVariable, {name}}, Change::Variables, [&] {
        Stmt(store_.db(), "INSERT INTO variables(guid, name, type) VALUES(?, ?, ?)")
            .bind(1, new_guid())
            .bind(2, name)
            .bind(3, to_string(type))
            .run();
        return VariableId(store_.db().last_insert_id());
    });
}

std::vector<Variable> Session::variables() {
    std::vector<Variable> out;
    Stmt s(store_.db(), "SELECT id, guid, name, type FROM variables ORDER BY name");
    while (s.step())
        out.push_back({VariableId(s.col_int(0)), s.col_text(1), s.col_text(2), variable_type_from_string(s.col_text(3))});
    return out;
}

void Session::set_variable(DocumentId doc, const std::string& raw, const std::string& value,
                           std::optional<VariableType> wanted) {
    const std::string name = checked_name(raw, "variable");
    const Document d = load_document(doc, false);
    VariableType type = wanted.value_or(VariableType::Text);
    bool known = false;
    {
        Stmt s(store_.db(), "SELECT type FROM variables WHERE name = ?");
        s.bind(1, name);
        if (s.step()) {
            known = true;
            if (wanted && s.col_text(0) != to_string(*wanted))
                throw InvalidArgument("variable '" + name + "' exists already with type " + s.col_text(0));
            type = variable_type_from_string(s.col_text(0));
        }
    }
    const bool clear = trim(value).empty();
    if (clear && !known && !wanted) return;
    const std::string v = clear ? std::string() : canonical_value(type, normalize_text(value));
    edit({labels::kSetVariable, {name, d.name}}, Change::Variables, [&] {
        Db& db = store_.db();
        Stmt find(db, "SELECT id FROM variables WHERE name = ?");
        find.bind(1, name);
        std::int64_t var = 0;
        if (find.step()) {
            var = find.col_int(0);
        } else {
            Stmt(db, "INSERT INTO variables(guid, name, type) VALUES(?, ?, ?)")
                .bind(1, new_guid())
                .bind(2, name)
                .bind(3, to_string(type))
                .run();
            var = db.last_insert_id();
        }
        if (clear) {
            Stmt(db, "DELETE FROM document_variables WHERE document_id = ? AND variable_id = ?").bind(1, doc.value).bind(2, var).run();
        } else {
            Stmt(db, "INSERT INTO document_variables(document_id, variable_id, value) VALUES(?,?,?) "
                     "ON CONFLICT(document_id, variable_id) DO UPDATE SET value = excluded.value WHERE value != excluded.value")
                .bind(1, doc.value)
                .bind(2, var)
                .bind(3, v)
                .run();
        }
    });
}

std::map<std::string, std::string> Session::variable_values(DocumentId doc) {
    std::map<std::string, std::string> out;
    Stmt s(store_.db(), "SELECT v.name, dv.value FROM document_variables dv JOIN variables v ON v.id = dv.variable_id "
                        "WHERE dv.document_id = ?");
    s.bind(1, doc.value);
    while (s.step()) out[s.col_text(0)] = s.col_text(1);
    return out;
}

VariablesImportReport Session::import_variables(const VariableTable& table, const std::string& key_column,
                                                const ActionLabel& label) {
    const auto key_it = std::find(table.header.begin(), table.header.end(), key_column);
    if (key_it == table.header.end())
        throw InvalidArgument(table.file + ": no column '" + key_column + "' (columns: " + [&] {
            std::string all;
            for (const auto& h : table.header) all += (all.empty() ? "" : ", ") + h;
            return all;
        }() + ")");
    const std::size_t key = static_cast<std::size_t>(key_it - table.header.begin());

    // Rows to documents: by name first, then by a variable named like the key column.
    std::map<std::string, DocumentId> by_name, by_var;
    for (const auto& d : documents()) {
        by_name[d.name] = d.id;
        const auto vals = variable_values(d.id);
        if (auto v = vals.find(key_column); v != vals.end()) by_var[v->second] = d.id;
    }
    VariablesImportReport report;
    std::vector<std::pair<DocumentId, const std::vector<std::string>*>> matched;
    std::set<std::int64_t> seen_docs;
    for (const auto& row : table.rows) {
        const std::string& k = row[key];
        if (k.empty()) continue;
        DocumentId id;
        if (auto it = by_name.find(normalize_text(k)); it != by_name.end()) id = it->second;
        else if (auto jt = by_var.find(k); jt != by_var.end()) id = jt->second;
        if (!id.valid()) {
            report.unmatched_rows.push_back(k);
            continue;
        }
        matched.emplace_back(id, &row);
        seen_docs.insert(id.value);
    }
    report.matched_rows = static_cast<int>(matched.size());
    for (const auto& d : documents())
        if (!seen_docs.count(d.id.value)) report.documents_without_row.push_back(d.name);

    std::map<std::string, VariableType> existing;
    for (const auto& v : variables()) existing[v.name] = v.type;
    std::vector<std::pair<std::size_t, VariableType>> columns;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        if (c == key) continue;
        const std::string name = checked_name(table.header[c], "variable");
        VariableType type;
        const bool is_new = !existing.count(name);
        if (is_new) {
            std::vector<std::string> values;
            for (const auto& m : matched) values.push_back((*m.second)[c]);
            type = infer_type(values);
        } else {
            type = existing[name];
        }
        report.columns.push_back({name, to_string(type), is_new});
        columns.emplace_back(c, type);
    }
    edit(label, Change::Variables, [&] {
        Db& db = store_.db();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto& col = report.columns[i];
            if (col.is_new)
                Stmt(db, "INSERT INTO variables(guid, name, type) VALUES(?, ?, ?)").bind(1, new_guid()).bind(2, col.name).bind(3, col.type).run();
        }
        Stmt set(db, "INSERT INTO document_variables(document_id, variable_id, value) "
                     "VALUES(?, (SELECT id FROM variables WHERE name = ?), ?) "
                     "ON CONFLICT(document_id, variable_id) DO UPDATE SET value = excluded.value WHERE value != excluded.value");
        for (const auto& [doc, row] : matched) {
            for (std::size_t i = 0; i < columns.size(); ++i) {
                const std::string& raw = (*row)[columns[i].first];
                if (raw.empty()) continue;
                std::string value;
                try {
                    value = canonical_value(columns[i].second, raw);
                } catch (const InvalidArgument& e) {
                    report.problems.push_back((*row)[key] + ": " + report.columns[i].name + ": " + e.what());
                    continue;
                }
                set.reset();
                set.bind(1, doc.value).bind(2, report.columns[i].name).bind(3, value).run();
                ++report.values_set;
            }
        }
    });
    return report;
}

// ---------------------------------------------------------------- undo

std::optional<ActionLabel> Session::undo_label() {
    const auto stored = undo_.undo_label();
    if (!stored) return std::nullopt;
    return ActionLabel::from_stored(*stored);
}

std::optional<ActionLabel> Session::redo_label() {
    const auto stored = undo_.redo_label();
    if (!stored) return std::nullopt;
    return ActionLabel::from_stored(*stored);
}

void Session::bump_generation() {
    store_.db().exec("INSERT INTO meta(key, value) VALUES('generation', '1') "
                     "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
}

ActionLabel Session::undo() {
    check_writable();
    Change change{0, {}, {}, false, Change::Via::Undo};
    const ActionLabel label = ActionLabel::from_stored(undo_.undo([this] { bump_generation(); }, &change));
    change.label = label;
    events_.publish(change);
    return label;
}

ActionLabel Session::redo() {
    check_writable();
    Change change{0, {}, {}, false, Change::Via::Redo};
    const ActionLabel label = ActionLabel::from_stored(undo_.redo([this] { bump_generation(); }, &change));
    change.label = label;
    events_.publish(change);
    return label;
}

}  // namespace kodex
