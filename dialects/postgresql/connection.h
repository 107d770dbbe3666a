#pragma once
// The PostgreSQL connection: move-only RAII owners of libpq's PGconn* and PGresult*.
// This file and connection.cpp are the only place in migrate that calls PQ* functions,
// through the table of libpq.h (libpq is loaded when the first connection opens).

#include <memory>
#include <string>
#include <vector>

#include "core/dialect/database_url.h"
#include "core/dialect/dialect.h"

struct pg_conn;
struct pg_result;

namespace migrate {

// Owns one PGresult*; cleared on destruction.
class PgResult {
  public:
    explicit PgResult(pg_result* result = nullptr) : result_(result) {}
    PgResult(PgResult&& other) noexcept : result_(other.release()) {}
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult();

    pg_result* get() const { return result_; }
    pg_result* release();

  private:
    pg_result* result_;
};

// Owns one PGconn*; finished on destruction.
class PgConnection : public Connection {
  public:
    // Connects with keyword/value parameters from `url`; throws DatabaseError with a
    // message that says what to do (server not running, bad password, missing database).
    PgConnection(const DatabaseUrl& url, const ConnectOptions& options);
    PgConnection(PgConnection&&) noexcept;
    PgConnection& operator=(PgConnection&&) = delete;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;
    ~PgConnection() override;

    void execute(const std::string& sql) override;
    QueryResult query(const std::string& sql, const std::vector<SqlValue>& params = {}) override;
    void begin() override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override;
    size_t statements_sent() const override { return statements_sent_; }

  private:
    PgResult run(const std::string& sql, const std::vector<SqlValue>* params);

    pg_conn* conn_ = nullptr;
    std::string masked_url_;
    size_t statements_sent_ = 0;
};

}  // namespace migrate
