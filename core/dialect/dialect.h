#pragma once
// The seam between the dialect-free core and the databases. core/ declares these
// interfaces; dialects/sqlite and dialects/postgresql implement them; cli/ picks one
// from the URL (dialects/registry.h). Nothing in core/ includes a dialect header.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dialect/database_url.h"
#include "core/operations/operations.h"
#include "core/schema/naming.h"
#include "core/schema/schema.h"

namespace migrate {

using SqlValue = std::optional<std::string>;  // NULL or text; dialects convert

struct QueryResult {
    std::vector<std::string> columns;
    std::vector<std::vector<SqlValue>> rows;

    size_t column_index(const std::string& name) const;  // throws InternalError if absent
};

// One open database connection. Every method that fails throws DatabaseError carrying
// the database's message, its SQLSTATE (PostgreSQL) or result code name (SQLite), and
// the statement, with any password masked; or LockTimeout when a statement waited for
// another connection's lock longer than the lock wait (SQLite's busy timeout).
class Connection {
  public:
    virtual ~Connection() = default;
    // Runs one or more statements that return no rows.
    virtual void execute(const std::string& sql) = 0;
    // Runs one statement with parameters bound positionally to $1, $2, ... (each
    // placeholder used once, in order).
    virtual QueryResult query(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
    // SQLite begins with BEGIN IMMEDIATE, so concurrent writers queue on the busy timeout.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool in_transaction() const = 0;
    // How many statements this connection has sent (tests assert bulk reflection).
    virtual size_t statements_sent() const = 0;
};

struct ConnectOptions {
    double connect_timeout_seconds = 10;  // PostgreSQL
    double busy_timeout_seconds = 30;     // SQLite
    // For the commands that only read: the connection never creates or writes anything
    // (SQLite opens the file read-only, so a read-only file or folder is fine; PostgreSQL
    // sets default_transaction_read_only). A SQLite file that does not exist is a
    // DatabaseError, "no database at PATH", unless missing_is_empty: then it reads as an
    // empty database, and is still not created.
    bool read_only = false;
    bool missing_is_empty = false;
};

struct ReflectOptions {
    std::vector<std::string> include_schemas;  // PostgreSQL; empty = {"public"}
    std::vector<std::string> exclude_tables;   // names or globs (fnmatch-style)
    std::vector<std::string> hidden_tables;    // never reported at all (the version tables)
};

// Something in the database that models cannot express; listed, never dropped.
struct UnmanagedObject {
    std::string
        kind;  // "view", "materialized view", "trigger", "function", "sequence", "excluded table"
    std::string name;   // qualified where a schema applies
    std::string table;  // the table a trigger belongs to, when the dialect reads it
    std::string sql;    // its CREATE statement, when the dialect reads it (SQLite triggers)

    bool operator==(const UnmanagedObject&) const = default;
};

struct Reflection {
    Schema schema;  // sorted (Schema::sort)
    std::vector<UnmanagedObject> unmanaged;
};

// What rendering an operation may need to know besides the operation itself.
struct RenderContext {
    const Schema& before;            // the schema just before the operation
    const NamingConvention& naming;  // rename_table renames convention-derived names
    // What reflection found besides the schema (online runs); SQLite rebuilds recreate
    // the triggers listed here. nullptr offline: a rebuild then refuses a table that
    // turns out to have triggers.
    const std::vector<UnmanagedObject>* database_objects = nullptr;
};

// What a dialect can do. core/ and cli/ ask these flags, never the dialect's name.
struct Capabilities {
    bool schemas = false;   // CREATE SCHEMA, schema-qualified names
    bool enums = false;     // named enum types
    bool comments = false;  // table and column comments
    // DDL runs inside the migration's transaction, so a failed migration rolls back its
    // schema changes too.
    bool transactional_ddl = false;
    // A session-level advisory lock serialises migration runs (acquire_lock); without it
    // the dialect serialises writers another way (a database-wide write lock).
    bool advisory_locks = false;
    // ALTER COLUMN (type, nullability, default) and constraint changes in place; without
    // it they rebuild the table (create a copy, copy the rows, swap).
    bool alter_column = false;
    // DROP COLUMN in place for any column; without it a column that an index or a
    // constraint uses is dropped by a table rebuild.
    bool drop_column = false;
    // Any integer column can autoincrement (an identity column). Without it only a
    // table's one-column integer primary key can (SQLite's rowid alias).
    bool identity_columns = false;
    bool sequences = false;  // standalone sequences (CREATE SEQUENCE)
    // ADD COLUMN IF NOT EXISTS and DROP COLUMN IF EXISTS (add_column `if_not_exists`,
    // drop_column `if_exists`); without them such an operation is refused before a run.
    bool if_exists_columns = false;
    // A unique constraint is nothing but a unique index: the database keeps no trace of
    // which was declared, and reflection reports a unique index over plain ascending
    // columns as a unique constraint. The differ compares such indexes as constraints.
    bool unique_constraints_are_indexes = false;
    // Index and constraint names belong to their table (MySQL), not to the schema: two
    // tables may each have an index `name_idx`.
    bool index_names_per_table = false;
    // Consecutive migrations may share one transaction, each inside its own savepoint
    // (a failed one is rolled back to it alone), committed together at most every
    // RunnerOptions::group_commit_seconds. For a database where a commit costs several
    // fsyncs (SQLite's rollback journal) and nothing behaves differently before a commit.
    // Not PostgreSQL: a value added to an enum cannot be used until its transaction
    // commits, so a later migration using it must see the earlier one committed.
    bool grouped_commits = false;
};

class Dialect {
  public:
    virtual ~Dialect() = default;

    virtual std::string name() const = 0;  // "sqlite" or "postgresql"
    virtual Capabilities capabilities() const = 0;
    // The schema that Table::schema == "" stands for ("public"; SQLite: "main").
    virtual std::string default_schema() const = 0;

    virtual std::unique_ptr<Connection> connect(const DatabaseUrl& url,
                                                const ConnectOptions& options) const = 0;

    // Reads the whole database into the schema model with a fixed number of catalog
    // queries, whatever the number of tables.
    virtual Reflection reflect(Connection& connection, const ReflectOptions& options) const = 0;

    // The SQL statements that apply `op` to a database whose schema is ctx.before (the
    // state just before `op`; SQLite rebuilds and enum rewrites read it). Statements are
    // complete, without trailing semicolons, in execution order. Throws InputError for
    // an operation that does not fit ctx.before (a missing table) or that the dialect
    // cannot express, naming the operation.
    virtual std::vector<std::string> render(const Operation& op,
                                            const RenderContext& ctx) const = 0;

    virtual std::string quote_identifier(const std::string& name) const = 0;
    virtual std::string quote_literal(const std::string& value) const = 0;

    // Normalisation the differ applies to both sides before comparing, so that what a
    // model says and what the database reports compare equal ("varchar" vs string(n),
    // "'x'::character varying" vs "'x'", now() vs CURRENT_TIMESTAMP).
    virtual ColumnType normalize_type(const ColumnType& type) const = 0;
    virtual std::optional<std::string> normalize_default(
        const std::optional<std::string>& server_default, const ColumnType& type) const = 0;
    // Check constraint expressions and partial-index predicates.
    virtual std::string normalize_expression(const std::string& sql) const = 0;

    // The database that the migration lock key names (see migration_lock_key): what two
    // runs share exactly when they migrate the same database, without credentials (a
    // file path; host:port/database).
    virtual std::string lock_scope(const DatabaseUrl& url) const = 0;
    // Migration lock held around upgrade/downgrade/stamp. PostgreSQL: a session advisory
    // lock keyed on `key`; throws LockTimeout when not acquired within timeout_seconds
    // (nullopt = wait forever). SQLite: a no-op (BEGIN IMMEDIATE serialises writers).
    // Waiting for a lock is the dialect's to report: a statement that runs out of the
    // lock wait (SQLite's busy timeout) throws LockTimeout from the Connection, never a
    // DatabaseError that core/ would have to recognise by its code.
    virtual void acquire_lock(Connection& connection, const std::string& key,
                              std::optional<double> timeout_seconds) const = 0;
    virtual void release_lock(Connection& connection, const std::string& key) const = 0;

    // Whether a table exists (the version tables), without a full reflection.
    virtual bool table_exists(Connection& connection, const std::string& schema,
                              const std::string& name) const = 0;

    // Offline (--sql) transaction boundaries.
    virtual std::string begin_sql() const { return "BEGIN"; }
    virtual std::string commit_sql() const { return "COMMIT"; }
};

}  // namespace migrate
