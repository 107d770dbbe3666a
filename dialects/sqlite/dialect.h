#pragma once
// The SQLite dialect: ties connection, reflection, types, normalisation, quoting, DDL
// and the migration lock of this folder together behind the core Dialect interface.
// make_sqlite_dialect() (namespace migrate) is its factory.

#include "core/dialect/dialect.h"

namespace migrate {

class SqliteDialect : public Dialect {
  public:
    std::string name() const override { return "sqlite"; }
    Capabilities capabilities() const override;
    std::string default_schema() const override { return "main"; }
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
    // No-ops: BEGIN IMMEDIATE serialises writers (lock.h).
    std::string lock_scope(const DatabaseUrl& url) const override;
    void acquire_lock(Connection& connection, const std::string& key,
                      std::optional<double> timeout_seconds) const override;
    void release_lock(Connection& connection, const std::string& key) const override;
    bool table_exists(Connection& connection, const std::string& schema,
                      const std::string& name) const override;
    // Migration transactions run with foreign keys off (see rebuild.h).
    std::string begin_sql() const override { return "PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE"; }
    std::string commit_sql() const override { return "COMMIT;\nPRAGMA foreign_keys = ON"; }
};

std::unique_ptr<Dialect> make_sqlite_dialect();

}  // namespace migrate
