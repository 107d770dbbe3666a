// SQLite connection (see connection.h). Every sqlite3_* call of migrate is in this file.
#include "dialects/sqlite/connection.h"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <utility>

#include "core/base/duration_text.h"
#include "core/base/errors.h"

namespace migrate {

namespace {

// Owns one prepared statement.
class Statement {
  public:
    Statement(sqlite3* db, const char* sql, const char** tail) {
        rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, tail);
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    int prepare_rc() const { return rc_; }
    sqlite3_stmt* get() const { return stmt_; }

  private:
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
};

std::string result_code_name(int rc) {
    const char* name = nullptr;
    switch (rc & 0xff) {
        case SQLITE_ERROR:
            name = "SQLITE_ERROR";
            break;
        case SQLITE_PERM:
            name = "SQLITE_PERM";
            break;
        case SQLITE_BUSY:
            name = "SQLITE_BUSY";
            break;
        case SQLITE_LOCKED:
            name = "SQLITE_LOCKED";
            break;
        case SQLITE_READONLY:
            name = "SQLITE_READONLY";
            break;
        case SQLITE_IOERR:
            name = "SQLITE_IOERR";
            break;
        case SQLITE_CORRUPT:
            name = "SQLITE_CORRUPT";
            break;
        case SQLITE_FULL:
            name = "SQLITE_FULL";
            break;
        case SQLITE_CANTOPEN:
            name = "SQLITE_CANTOPEN";
            break;
        case SQLITE_CONSTRAINT:
            name = "SQLITE_CONSTRAINT";
            break;
        case SQLITE_MISMATCH:
            name = "SQLITE_MISMATCH";
            break;
        case SQLITE_RANGE:
            name = "SQLITE_RANGE";
            break;
        case SQLITE_NOTADB:
            name = "SQLITE_NOTADB";
            break;
        default:
            name = "SQLITE_ERROR";
            break;
    }
    std::string base = name;
    switch (rc) {
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return base + "_FOREIGNKEY";
        case SQLITE_CONSTRAINT_NOTNULL:
            return base + "_NOTNULL";
        case SQLITE_CONSTRAINT_UNIQUE:
            return base + "_UNIQUE";
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return base + "_PRIMARYKEY";
        case SQLITE_CONSTRAINT_CHECK:
            return base + "_CHECK";
        default:
            return base;
    }
}

void check_location(const std::string& path) {
    namespace fs = std::filesystem;
    fs::path p(path);
    fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw DatabaseError("cannot open SQLite database '" + path + "': the directory '" +
                                dir.string() + "' does not exist; create it first",
                            "SQLITE_CANTOPEN");
    if (fs::is_directory(p, ec))
        throw DatabaseError(
            "cannot open SQLite database '" + path + "': it is a directory, not a file",
            "SQLITE_CANTOPEN");
    bool exists = fs::exists(p, ec);
    if ((exists && ::access(path.c_str(), R_OK | W_OK) != 0) ||
        (!exists && ::access(dir.c_str(), W_OK) != 0))
        throw DatabaseError(
            "cannot open SQLite database '" + path +
                "': " + (exists ? "the file is not writable" : "the directory is not writable") +
                "; check its permissions",
            "SQLITE_READONLY");
}

// For a read-only open: the file must be there and readable; nothing else matters.
void check_readable(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw DatabaseError(
            "cannot open SQLite database '" + path + "': it is a directory, not a file",
            "SQLITE_CANTOPEN");
    if (!fs::exists(path, ec))
        throw DatabaseError(
            "no database at " + path +
                ": the file does not exist (this command only reads; `migrate upgrade` creates "
                "it); check the URL",
            "SQLITE_CANTOPEN");
    if (::access(path.c_str(), R_OK) != 0)
        throw DatabaseError("cannot open SQLite database '" + path +
                                "': the file is not readable; check its permissions",
                            "SQLITE_CANTOPEN");
}

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, bool memory,
                                   double busy_timeout_seconds, bool read_only)
    : path_(memory ? ":memory:" : path), busy_timeout_seconds_(busy_timeout_seconds) {
    if (!memory) read_only ? check_readable(path) : check_location(path);
    int flags =
        read_only && !memory ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw DatabaseError("cannot open SQLite database '" + path_ + "': " + msg,
                            result_code_name(rc));
    }
    sqlite3_extended_result_codes(db_, 1);
    // No double-quoted string literals in DDL: CREATE INDEX ... ("missing") must fail
    // with "no such column", not index the constant 'missing' (SQLite's legacy misfeature).
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    sqlite3_busy_timeout(db_, static_cast<int>(busy_timeout_seconds * 1000));
    if (!read_only && sqlite3_db_readonly(db_, "main") == 1) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw DatabaseError("cannot open SQLite database '" + path_ + "': the file is not writable",
                            "SQLITE_READONLY");
    }
    try {
        execute("PRAGMA foreign_keys = ON");
        // Every schema change makes SQLite scan its schema table (to load the new
        // entry). Past SQLite's default 2 MB page cache (~12,000 tables) each scan reads
        // the file again, and the pages of newly created tables crowd the schema out of a
        // small cache; 32 MB keeps the schema of ~18,000 tables in memory. Pages are only
        // allocated as they are read: a small database uses what it needs.
        execute("PRAGMA cache_size = -32768");
        // Reading the schema proves the file is a database (an unrelated file fails here).
        query("SELECT count(*) FROM sqlite_schema");
    } catch (...) {
        // A constructor that throws runs no destructor: close the handle here.
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw;
    }
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

SqliteConnection::SqliteConnection(SqliteConnection&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      busy_timeout_seconds_(other.busy_timeout_seconds_),
      statements_sent_(other.statements_sent_) {}

SqliteConnection& SqliteConnection::operator=(SqliteConnection&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        busy_timeout_seconds_ = other.busy_timeout_seconds_;
        statements_sent_ = other.statements_sent_;
    }
    return *this;
}

void SqliteConnection::fail(int rc, const std::string& sql) const {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "no connection";
    std::string where = path_ == ":memory:" ? "in-memory database" : "'" + path_ + "'";
    // The busy timeout is the lock wait (--lock-timeout): running out of it, at any
    // statement, is a lock timeout, not a database error.
    if ((rc & 0xff) == SQLITE_BUSY)
        throw LockTimeout("could not get the lock on SQLite database " + where + " within " +
                          seconds_phrase(busy_timeout_seconds_) +
                          ": another migrate run (or another "
                          "writer) holds it (" +
                          msg + "); wait for it to finish or raise --lock-timeout");
    throw DatabaseError("SQLite error on " + where + ": " + msg + " (" + result_code_name(rc) +
                            ")\nstatement: " + sql,
                        result_code_name(rc), sql);
}

void SqliteConnection::execute(const std::string& sql) {
    const char* next = sql.c_str();
    while (next && *next) {
        const char* tail = nullptr;
        Statement stmt(db_, next, &tail);
        std::string text(next, tail ? static_cast<size_t>(tail - next) : std::string::npos);
        if (stmt.prepare_rc() != SQLITE_OK) fail(stmt.prepare_rc(), text);
        next = tail;
        if (!stmt.get()) continue;  // only whitespace or comments
        ++statements_sent_;
        int rc;
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        }
        if (rc != SQLITE_DONE) fail(rc, text);
    }
}

QueryResult SqliteConnection::query(const std::string& sql, const std::vector<SqlValue>& params) {
    Statement stmt(db_, sql.c_str(), nullptr);
    if (stmt.prepare_rc() != SQLITE_OK) fail(stmt.prepare_rc(), sql);
    if (!stmt.get()) return {};
    ++statements_sent_;
    for (size_t i = 0; i < params.size(); ++i) {
        std::string name = "$" + std::to_string(i + 1);
        int index = sqlite3_bind_parameter_index(stmt.get(), name.c_str());
        if (index == 0) throw InternalError("query has no parameter " + name + ": " + sql);
        int rc = params[i]
                     ? sqlite3_bind_text(stmt.get(), index, params[i]->data(),
                                         static_cast<int>(params[i]->size()), SQLITE_TRANSIENT)
                     : sqlite3_bind_null(stmt.get(), index);
        if (rc != SQLITE_OK) fail(rc, sql);
    }
    QueryResult result;
    int n = sqlite3_column_count(stmt.get());
    for (int c = 0; c < n; ++c) result.columns.emplace_back(sqlite3_column_name(stmt.get(), c));
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        std::vector<SqlValue> row;
        row.reserve(n);
        for (int c = 0; c < n; ++c) {
            const unsigned char* text = sqlite3_column_text(stmt.get(), c);
            if (text)
                row.emplace_back(
                    std::string(reinterpret_cast<const char*>(text),
                                static_cast<size_t>(sqlite3_column_bytes(stmt.get(), c))));
            else
                row.emplace_back(std::nullopt);
        }
        result.rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) fail(rc, sql);
    return result;
}

// Foreign keys are off inside a migration transaction (see dialects/sqlite/rebuild.h:
// the pragma cannot change inside one, and table rebuilds need it off); they are back
// on as soon as the transaction ends.
void SqliteConnection::begin() {
    execute("PRAGMA foreign_keys = OFF");
    try {
        execute("BEGIN IMMEDIATE");
    } catch (...) {
        execute("PRAGMA foreign_keys = ON");
        throw;
    }
}

void SqliteConnection::commit() {
    execute("COMMIT");
    execute("PRAGMA foreign_keys = ON");
}

void SqliteConnection::rollback() {
    if (in_transaction()) execute("ROLLBACK");
    execute("PRAGMA foreign_keys = ON");
}
bool SqliteConnection::has_table(const std::string& name) const {
    int rc = sqlite3_table_column_metadata(db_, "main", name.c_str(), nullptr, nullptr, nullptr,
                                           nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return true;
    if (rc == SQLITE_ERROR) return false;  // no such table, or a view
    fail(rc, "table_column_metadata " + name);
}

bool SqliteConnection::in_transaction() const { return db_ && sqlite3_get_autocommit(db_) == 0; }

}  // namespace migrate
