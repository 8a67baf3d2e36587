// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Thin RAII wrappers over the SQLite C API: a connection, prepared statements, transactions.
// SQLite errors become StoreError with the failing SQL's context; no sqlite3 pointer escapes core/store
// and core/history.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kodex {

class Db {
public:
    Db() = default;
    /// Opens an existing database (create=false) or creates one. Throws StoreError.
    Db(const std::string& path, bool create, bool read_only = false);
    ~Db();
    Db(Db&& o) noexcept;
    Db& operator=(Db&& o) noexcept;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }
    /// Runs one or more statements without results.
    void exec(const std::string& sql);
    std::int64_t last_insert_id() const;
    int changes() const;
    /// Integer result of a one-value query (e.g. "PRAGMA user_version").
    std::int64_t query_int(const std::string& sql);

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

/// Throws the StoreError for SQLite result code `rc` on `db`, with `context` in the message.
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, const std::string& context);

class Stmt {
public:
    Stmt(Db& db, std::string_view sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, std::int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Stmt& bind(int i, double v);
    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Stmt& bind_blob(int i, const void* data, int size);
    Stmt& bind_null(int i);
    /// Binds an id; 0 (invalid) binds NULL.
    Stmt& bind_id(int i, std::int64_t id) { return id > 0 ? bind(i, id) : bind_null(i); }
    template <class T>
    Stmt& bind_opt(int i, const std::optional<T>& v) { return v ? bind(i, *v) : bind_null(i); }

    /// Steps once; true when a row is available.
    bool step();
    /// Steps until done (for statements without results).
    void run();
    void reset();

    std::int64_t col_int(int i) const;
    double col_double(int i) const;
    std::string col_text(int i) const;
    std::string col_blob(int i) const;
    bool col_null(int i) const;
    std::optional<std::int64_t> col_opt_int(int i) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed without commit().
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    void commit();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    Db& db_;
    bool open_ = false;
};

}  // namespace kodex
