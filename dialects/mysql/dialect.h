#pragma once
// The MySQL/MariaDB dialect: wires the connection, reflection, DDL, type mapping and
// normalisation, quoting and migration lock (GET_LOCK, lock.h) of this folder behind
// core's Dialect interface. MySQL commits at every DDL statement: capabilities() says
// so (no transactional DDL), and the runner undoes a failed migration by its reverse
// operations instead of a rollback.

#include <memory>

#include "core/dialect/dialect.h"

namespace migrate {

class MysqlDialect : public Dialect {
  public:
    std::string name() const override { return "mysql"; }
    Capabilities capabilities() const override;
    // A MySQL database is what other databases call a schema; within one there is none.
    std::string default_schema() const override { return ""; }

    std::unique_ptr<Connection> connect(const DatabaseUrl& url,
                                        const ConnectOptions& options) const override;
    Reflection reflect(Connection& connection, const ReflectOptions& options) const override;
    std::vector<std::string> render(const Operation& op, const RenderContext& ctx) const override;

    std::string quote_identifier(const std::string& name) const override;
    std::string quote_literal(const std::string& value) const override;

    ColumnType normalize_type(const ColumnType& type) const override;
    std::optional<std::string> normalize_default(const std::optional<std::string>& server_default,
                                                 const ColumnType& type) const override;
    std::string normalize_expression(const std::string& sql) const override;

    std::string lock_scope(const DatabaseUrl& url) const override;
    void acquire_lock(Connection& connection, const std::string& key,
                      std::optional<double> timeout_seconds) const override;
    void release_lock(Connection& connection, const std::string& key) const override;

    bool table_exists(Connection& connection, const std::string& schema,
                      const std::string& name) const override;
    std::string begin_sql() const override { return "START TRANSACTION"; }
};

std::unique_ptr<Dialect> make_mysql_dialect();

}  // namespace migrate
