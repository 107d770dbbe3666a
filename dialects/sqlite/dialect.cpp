// SqliteDialect (see dialect.h).
#include "dialects/sqlite/dialect.h"

#include <filesystem>

#include "core/base/errors.h"
#include "dialects/sqlite/connection.h"
#include "dialects/sqlite/ddl.h"
#include "dialects/sqlite/lock.h"
#include "dialects/sqlite/normalize.h"
#include "dialects/sqlite/quote.h"
#include "dialects/sqlite/reflect.h"
#include "dialects/sqlite/types.h"

namespace migrate {

Capabilities SqliteDialect::capabilities() const {
    return Capabilities{.schemas = false,
                        .enums = false,
                        .comments = false,
                        .transactional_ddl = true,
                        .advisory_locks = false,
                        .alter_column = false,  // a table rebuild (rebuild.h)
                        .drop_column = false,   // in place only when nothing else uses it
                        .identity_columns = false,
                        .sequences = false,
                        .grouped_commits = true};
}

std::unique_ptr<Connection> SqliteDialect::connect(const DatabaseUrl& url,
                                                   const ConnectOptions& options) const {
    if (url.dialect != "sqlite")
        throw InternalError("SqliteDialect::connect given a " + url.dialect + " URL");
    bool memory = url.memory || url.path.empty();
    std::error_code ec;
    if (!memory && options.read_only && options.missing_is_empty &&
        !std::filesystem::exists(url.path, ec))
        memory = true;  // nothing there yet: an empty database, and no file is created
    return std::make_unique<SqliteConnection>(url.path, memory, options.busy_timeout_seconds,
                                              options.read_only);
}

Reflection SqliteDialect::reflect(Connection& connection, const ReflectOptions& options) const {
    return sqlite::reflect_database(connection, options);
}

std::vector<std::string> SqliteDialect::render(const Operation& op,
                                               const RenderContext& ctx) const {
    return sqlite::render_operation(op, ctx);
}

std::string SqliteDialect::quote_identifier(const std::string& name) const {
    return sqlite::quote_identifier(name);
}
std::string SqliteDialect::quote_literal(const std::string& value) const {
    return sqlite::quote_literal(value);
}
ColumnType SqliteDialect::normalize_type(const ColumnType& type) const {
    return sqlite::normalize_type(type);
}

std::optional<std::string> SqliteDialect::normalize_default(
    const std::optional<std::string>& server_default, const ColumnType&) const {
    return sqlite::normalize_default(server_default);
}

std::string SqliteDialect::normalize_expression(const std::string& sql) const {
    return sqlite::normalize_expression(sql);
}

std::string SqliteDialect::lock_scope(const DatabaseUrl& url) const {
    return sqlite::lock_scope(url);
}

void SqliteDialect::acquire_lock(Connection& connection, const std::string& key,
                                 std::optional<double> timeout_seconds) const {
    sqlite::acquire_lock(connection, key, timeout_seconds);
}

void SqliteDialect::release_lock(Connection& connection, const std::string& key) const {
    sqlite::release_lock(connection, key);
}

// The runner asks before every migration: a look-up in the loaded schema keeps that
// cost flat however many tables the database has.
bool SqliteDialect::table_exists(Connection& connection, const std::string&,
                                 const std::string& name) const {
    // A table found in the loaded schema is there. One not found is asked of the file:
    // the loaded schema can be stale when another process has just created it (two
    // concurrent first upgrades both creating the version table).
    if (auto* sqlite = dynamic_cast<SqliteConnection*>(&connection))
        if (sqlite->has_table(name)) return true;
    QueryResult r =
        connection.query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = $1", {name});
    return !r.rows.empty();
}

std::unique_ptr<Dialect> make_sqlite_dialect() { return std::make_unique<SqliteDialect>(); }

}  // namespace migrate
