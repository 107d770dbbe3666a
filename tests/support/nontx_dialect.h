#pragma once
// A test dialect for the runner without transactional DDL: it passes everything on to a
// real dialect (SQLite in the unit tests) but says, in its capabilities, that DDL is not
// transactional, so the runner applies each migration operation by operation in
// autocommit and undoes a failed one by the reverse operations. Combined with the
// recording connection's fail_at (tests/support/recording_connection.h), it fails at
// a chosen statement.

#include <memory>

#include "core/dialect/dialect.h"

namespace migrate::test {

class NonTransactionalDialect : public Dialect {
  public:
    explicit NonTransactionalDialect(std::unique_ptr<Dialect> inner) : inner_(std::move(inner)) {}

    std::string name() const override { return inner_->name(); }
    Capabilities capabilities() const override;
    std::string default_schema() const override { return inner_->default_schema(); }
    std::unique_ptr<Connection> connect(const DatabaseUrl& url,
                                        const ConnectOptions& options) const override {
        return inner_->connect(url, options);
    }
    Reflection reflect(Connection& connection, const ReflectOptions& options) const override {
        return inner_->reflect(connection, options);
    }
    std::vector<std::string> render(const Operation& op, const RenderContext& ctx) const override {
        return inner_->render(op, ctx);
    }
    std::string quote_identifier(const std::string& name) const override {
        return inner_->quote_identifier(name);
    }
    std::string quote_literal(const std::string& value) const override {
        return inner_->quote_literal(value);
    }
    ColumnType normalize_type(const ColumnType& type) const override {
        return inner_->normalize_type(type);
    }
    std::optional<std::string> normalize_default(const std::optional<std::string>& server_default,
                                                 const ColumnType& type) const override {
        return inner_->normalize_default(server_default, type);
    }
    std::string normalize_expression(const std::string& sql) const override {
        return inner_->normalize_expression(sql);
    }
    std::string lock_scope(const DatabaseUrl& url) const override {
        return inner_->lock_scope(url);
    }
    void acquire_lock(Connection& connection, const std::string& key,
                      std::optional<double> timeout_seconds) const override {
        inner_->acquire_lock(connection, key, timeout_seconds);
    }
    void release_lock(Connection& connection, const std::string& key) const override {
        inner_->release_lock(connection, key);
    }
    bool table_exists(Connection& connection, const std::string& schema,
                      const std::string& name) const override {
        return inner_->table_exists(connection, schema, name);
    }
    std::string begin_sql() const override { return inner_->begin_sql(); }
    std::string commit_sql() const override { return inner_->commit_sql(); }

  private:
    std::unique_ptr<Dialect> inner_;
};

}  // namespace migrate::test
