#pragma once
// The PostgreSQL dialect: wires the connection, reflection, DDL, type mapping and
// normalisation, quoting and migration lock (a session advisory lock, lock.h) of this
// folder behind core's Dialect interface.

#include <memory>

#include "core/dialect/dialect.h"

namespace migrate {

class PostgresqlDialect : public Dialect {
  public:
    std::string name() const override { return "postgresql"; }
    Capabilities capabilities() const override;
    std::string default_schema() const override { return "public"; }

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
};

std::unique_ptr<Dialect> make_postgresql_dialect();

}  // namespace migrate
