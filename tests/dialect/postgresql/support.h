#pragma once
// Helpers shared by the PostgreSQL dialect tests: connect to a PgTestDatabase, run
// operations through the dialect, and normalise an expected schema the way the differ
// does, so that it can be compared with what reflection returns.

#include <memory>
#include <string>

#include "core/dialect/database_url.h"
#include "core/dialect/dialect.h"
#include "dialects/postgresql/dialect.h"
#include "tests/dialect/dialects.h"
#include "tests/support/postgres.h"

namespace migrate::test {

inline std::unique_ptr<Connection> pg_connect(const std::string& url) {
    return PostgresqlDialect().connect(parse_database_url(url), ConnectOptions{});
}

// Renders and executes `ops` in order; `before` is kept up to date by the caller's
// `apply` (tests build expected schemas by hand).
inline void run_ops(Connection& conn, const Operations& ops, const Schema& before) {
    PostgresqlDialect d;
    NamingConvention naming;
    for (const auto& op : ops)
        for (const auto& sql : d.render(op, RenderContext{before, naming})) conn.execute(sql);
}

// What the differ compares: types, defaults and expressions normalised, sorted.
inline Schema normalized(Schema s) {
    PostgresqlDialect d;
    for (auto& t : s.tables) {
        for (auto& c : t.columns) {
            c.type = d.normalize_type(c.type);
            c.server_default = d.normalize_default(c.server_default, c.type);
        }
        for (auto& ck : t.checks) ck.expression = d.normalize_expression(ck.expression);
        for (auto& i : t.indexes) {
            if (i.where) i.where = d.normalize_expression(*i.where);
            for (auto& e : i.elements)
                if (e.is_expression()) e.expression = d.normalize_expression(e.expression);
        }
    }
    s.sort();
    return s;
}

inline Reflection pg_reflect(Connection& conn, std::vector<std::string> schemas = {}) {
    ReflectOptions o;
    o.include_schemas = std::move(schemas);
    return PostgresqlDialect().reflect(conn, o);
}

// The conformance builders (column, id_col, on_column, ...) under the names these
// tests use.
inline Column col(const std::string& name, const std::string& type, bool nullable = true,
                  std::optional<std::string> server_default = std::nullopt) {
    return column(name, type, nullable, std::move(server_default));
}

}  // namespace migrate::test
