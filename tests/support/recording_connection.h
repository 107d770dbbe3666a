#pragma once
// A recording fake connection for unit tests of the runner loop. It implements core's
// Connection by passing every call on to a real connection (a SQLite file in the tests)
// and records what was sent; it can be told to fail at the N-th statement, or to let
// "another run" move the version rows just before the runner reads them. It tests the
// loop's decisions (re-planning, rollback) in isolation; it never replaces the tests
// against real databases.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/dialect/dialect.h"

namespace migrate::test {

class RecordingConnection : public Connection {
  public:
    explicit RecordingConnection(Connection& inner) : inner_(inner) {}

    // Everything sent, in order: each statement (execute and query), and "BEGIN",
    // "COMMIT", "ROLLBACK" for the transaction calls.
    const std::vector<std::string>& log() const { return log_; }
    // The recorded entries containing `fragment`.
    std::vector<std::string> matching(const std::string& fragment) const;
    // Statements sent so far (execute and query calls, the failed one included).
    size_t statement_count() const { return statements_; }

    // The n-th statement (1-based) throws DatabaseError instead of running.
    void fail_at(size_t n) { fail_at_ = n; }
    // The first statement containing `fragment` throws DatabaseError instead of running
    // (each fragment given fails once; several may be pending).
    void fail_on(std::string fragment) { fail_on_.push_back(std::move(fragment)); }
    // The index in log() of the first statement that failed (npos while none did).
    size_t failed_entry() const { return failed_entry_; }
    // Before the k-th read of the version rows (1-based; a query "SELECT version_num
    // ..."), runs `sql` on the real connection, as a concurrent run would have.
    void before_rows_read(size_t k, std::vector<std::string> sql) { moves_[k] = std::move(sql); }

    void execute(const std::string& sql) override;
    QueryResult query(const std::string& sql, const std::vector<SqlValue>& params = {}) override;
    void begin() override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override { return inner_.in_transaction(); }
    size_t statements_sent() const override { return inner_.statements_sent(); }

  private:
    void record(const std::string& sql);

    Connection& inner_;
    std::vector<std::string> log_;
    size_t statements_ = 0;
    size_t fail_at_ = 0;
    std::vector<std::string> fail_on_;
    size_t failed_entry_ = static_cast<size_t>(-1);
    size_t rows_reads_ = 0;
    std::map<size_t, std::vector<std::string>> moves_;
};

}  // namespace migrate::test
