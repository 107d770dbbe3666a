#pragma once
// The SQLite connection: the only file (with connection.cpp) that calls sqlite3_*.
// A move-only RAII owner of the sqlite3* handle; statements are prepared, stepped and
// finalized by a private RAII owner of sqlite3_stmt*. Opening sets the busy timeout,
// turns off double-quoted string literals in DDL (a quoted name that names no column is
// an error, as on PostgreSQL) and PRAGMA foreign_keys=ON; begin() turns foreign keys off for the
// transaction (BEGIN IMMEDIATE) and commit()/rollback() turn them back on (rebuild.h says why).
// Errors carry SQLite's message, its result code name
// ("SQLITE_CONSTRAINT_FOREIGNKEY") and the statement.

#include <memory>
#include <string>
#include <vector>

#include "core/dialect/dialect.h"

struct sqlite3;

namespace migrate {

class SqliteConnection : public Connection {
  public:
    // Opens (creating if needed) the file `path`, or an in-memory database when
    // `memory`. Throws DatabaseError with a clear message for a missing directory or a
    // file that cannot be written. `read_only` opens with SQLITE_OPEN_READONLY: nothing
    // is created or written, a read-only file or folder is fine, and a missing file is
    // "no database at PATH". Running out of the busy timeout is a LockTimeout.
    SqliteConnection(const std::string& path, bool memory, double busy_timeout_seconds,
                     bool read_only = false);
    ~SqliteConnection() override;
    SqliteConnection(SqliteConnection&& other) noexcept;
    SqliteConnection& operator=(SqliteConnection&& other) noexcept;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    void execute(const std::string& sql) override;
    QueryResult query(const std::string& sql, const std::vector<SqlValue>& params = {}) override;
    void begin() override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override;
    size_t statements_sent() const override { return statements_sent_; }
    // Whether the main database has a table (not a view) `name`: a look-up in SQLite's
    // in-memory schema, where a query of sqlite_schema reads every row of it.
    bool has_table(const std::string& name) const;

    const std::string& path() const { return path_; }

  private:
    [[noreturn]] void fail(int rc, const std::string& sql) const;

    sqlite3* db_ = nullptr;
    std::string path_;
    double busy_timeout_seconds_ = 0;
    size_t statements_sent_ = 0;
};

}  // namespace migrate
