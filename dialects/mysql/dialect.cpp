// MysqlDialect (see dialect.h): each method hands over to this folder's files.
#include "dialects/mysql/dialect.h"

#include "dialects/mysql/connection.h"
#include "dialects/mysql/ddl.h"
#include "dialects/mysql/lock.h"
#include "dialects/mysql/normalize.h"
#include "dialects/mysql/quote.h"
#include "dialects/mysql/reflect.h"
#include "dialects/mysql/types.h"

namespace migrate {

Capabilities MysqlDialect::capabilities() const {
    // No schemas within a database, enums only inline (ENUM is a column type, not a
    // named type), AUTO_INCREMENT only on a key column, no standalone sequences; a
    // UNIQUE constraint is a unique index; index names are per table.
    return Capabilities{.schemas = false,
                        .enums = false,
                        .comments = true,
                        .transactional_ddl = false,
                        .advisory_locks = true,
                        .alter_column = true,
                        .drop_column = true,
                        .identity_columns = false,
                        .sequences = false,
                        .if_exists_columns = true,  // MariaDB; MySQL 8 refuses the DDL
                        .unique_constraints_are_indexes = true,
                        .index_names_per_table = true};
}

std::unique_ptr<Connection> MysqlDialect::connect(const DatabaseUrl& url,
                                                  const ConnectOptions& options) const {
    return std::make_unique<MysqlConnection>(url, options);
}

Reflection MysqlDialect::reflect(Connection& connection, const ReflectOptions& options) const {
    return mysql::reflect(connection, options);
}

std::vector<std::string> MysqlDialect::render(const Operation& op, const RenderContext& ctx) const {
    return mysql::render(op, ctx);
}

std::string MysqlDialect::quote_identifier(const std::string& name) const {
    return mysql::quote_identifier(name);
}
std::string MysqlDialect::quote_literal(const std::string& value) const {
    return mysql::quote_literal(value);
}

ColumnType MysqlDialect::normalize_type(const ColumnType& type) const {
    return mysql::normalize_type(type);
}

std::optional<std::string> MysqlDialect::normalize_default(
    const std::optional<std::string>& server_default, const ColumnType& type) const {
    return mysql::normalize_default(server_default, type);
}

std::string MysqlDialect::normalize_expression(const std::string& sql) const {
    return mysql::normalize_expression(sql);
}

std::string MysqlDialect::lock_scope(const DatabaseUrl& url) const {
    return mysql::lock_scope(url);
}

void MysqlDialect::acquire_lock(Connection& connection, const std::string& key,
                                std::optional<double> timeout_seconds) const {
    mysql::acquire_lock(connection, key, timeout_seconds);
}

void MysqlDialect::release_lock(Connection& connection, const std::string& key) const {
    mysql::release_lock(connection, key);
}

bool MysqlDialect::table_exists(Connection& connection, const std::string& schema,
                                const std::string& name) const {
    QueryResult r = schema.empty()
                        ? connection.query(
                              "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                              "DATABASE() AND TABLE_NAME = $1",
                              {name})
                        : connection.query(
                              "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = $1 "
                              "AND TABLE_NAME = $2",
                              {schema, name});
    return !r.rows.empty();
}

std::unique_ptr<Dialect> make_mysql_dialect() { return std::make_unique<MysqlDialect>(); }

}  // namespace migrate
