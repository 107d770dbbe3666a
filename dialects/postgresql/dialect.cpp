#include "dialects/postgresql/dialect.h"

#include "dialects/postgresql/connection.h"
#include "dialects/postgresql/ddl.h"
#include "dialects/postgresql/normalize.h"
#include "dialects/postgresql/quote.h"
#include "dialects/postgresql/reflect.h"
#include "dialects/postgresql/types.h"

namespace migrate {

Capabilities PostgresqlDialect::capabilities() const {
    Capabilities c;
    c.schemas = c.enums = c.comments = c.native_alter = c.advisory_locks = c.sequences = true;
    c.identity_columns = true;
    return c;
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

bool PostgresqlDialect::table_exists(Connection& connection, const std::string& schema,
                                     const std::string& name) const {
    std::string qualified = pg::qualified(schema.empty() ? "public" : schema, name);
    QueryResult r = connection.query("SELECT to_regclass($1) IS NOT NULL", {qualified});
    return !r.rows.empty() && r.rows[0][0] == SqlValue{"t"};
}

std::unique_ptr<Dialect> make_postgresql_dialect() { return std::make_unique<PostgresqlDialect>(); }

}  // namespace migrate
