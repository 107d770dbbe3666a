// PostgresqlDialect (see dialect.h): each method hands over to this folder's files.
#include "dialects/postgresql/dialect.h"

#include "dialects/postgresql/connection.h"
#include "dialects/postgresql/ddl.h"
#include "dialects/postgresql/lock.h"
#include "dialects/postgresql/normalize.h"
#include "dialects/postgresql/quote.h"
#include "dialects/postgresql/reflect.h"
#include "dialects/postgresql/types.h"

namespace migrate {

Capabilities PostgresqlDialect::capabilities() const {
    return Capabilities{.schemas = true,
                        .enums = true,
                        .comments = true,
                        .transactional_ddl = true,
                        .advisory_locks = true,
                        .alter_column = true,
                        .drop_column = true,
                        .identity_columns = true,
                        .sequences = true,
                        .if_exists_columns = true};
}

std::unique_ptr<Connection> PostgresqlDialect::connect(const DatabaseUrl& url,
                                                       const ConnectOptions& options) const {
    return std::make_unique<PgConnection>(url, options);
}

Reflection PostgresqlDialect::reflect(Connection& connection, const ReflectOptions& options) const {
    return pg::reflect(connection, options);
}

std::vector<std::string> PostgresqlDialect::render(const Operation& op,
                                                   const RenderContext& ctx) const {
    return pg::render(op, ctx);
}

std::string PostgresqlDialect::quote_identifier(const std::string& name) const {
    return pg::quote_identifier(name);
}
std::string PostgresqlDialect::quote_literal(const std::string& value) const {
    return pg::quote_literal(value);
}

ColumnType PostgresqlDialect::normalize_type(const ColumnType& type) const {
    return pg::normalize_type(type);
}

std::optional<std::string> PostgresqlDialect::normalize_default(
    const std::optional<std::string>& server_default, const ColumnType& type) const {
    return pg::normalize_default(server_default, type);
}

std::string PostgresqlDialect::normalize_expression(const std::string& sql) const {
    return pg::normalize_expression(sql);
}

std::string PostgresqlDialect::lock_scope(const DatabaseUrl& url) const {
    return pg::lock_scope(url);
}

void PostgresqlDialect::acquire_lock(Connection& connection, const std::string& key,
                                     std::optional<double> timeout_seconds) const {
    pg::acquire_lock(connection, key, timeout_seconds);
}

void PostgresqlDialect::release_lock(Connection& connection, const std::string& key) const {
    pg::release_lock(connection, key);
}

bool PostgresqlDialect::table_exists(Connection& connection, const std::string& schema,
                                     const std::string& name) const {
    std::string qualified = pg::qualified(schema.empty() ? "public" : schema, name);
    QueryResult r = connection.query("SELECT to_regclass($1) IS NOT NULL", {qualified});
    return !r.rows.empty() && r.rows[0][0] == SqlValue{"t"};
}

std::unique_ptr<Dialect> make_postgresql_dialect() { return std::make_unique<PostgresqlDialect>(); }

}  // namespace migrate
