#pragma once
// The MySQL/MariaDB connection on MariaDB Connector/C (which also talks to MySQL 8
// servers). This file and connection.cpp are the only place in migrate that calls
// mysql_* functions.

#include <string>
#include <vector>

#include "core/dialect/database_url.h"
#include "core/dialect/dialect.h"

struct st_mysql;

namespace migrate {

class MysqlConnection : public Connection {
  public:
    // Connects with the URL's user, password, host, port, database, charset (utf8mb4
    // unless ?charset= says otherwise), unix socket and SSL settings, within the connect
    // timeout; sets a known sql_mode (strict, no engine substitution, backticks for
    // identifiers) and, for read_only, SET SESSION TRANSACTION READ ONLY. Throws
    // DatabaseError with a message that says what to do.
    MysqlConnection(const DatabaseUrl& url, const ConnectOptions& options);
    MysqlConnection(const MysqlConnection&) = delete;
    MysqlConnection& operator=(const MysqlConnection&) = delete;
    ~MysqlConnection() override;

    // Runs one or more statements (separated by ';') that return no rows.
    void execute(const std::string& sql) override;
    // $1, $2, ... outside quotes and comments are replaced by the parameters as escaped
    // string literals (NULL for nullopt) before the statement is sent.
    QueryResult query(const std::string& sql, const std::vector<SqlValue>& params = {}) override;
    void begin() override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override;
    size_t statements_sent() const override { return statements_sent_; }

    // Server error numbers that mean "waited for a lock too long" (1205 lock wait
    // timeout, 3572 NOWAIT): LockTimeout instead of DatabaseError.
    static bool is_lock_wait_error(unsigned error_number);

  private:
    void send(const std::string& sql);  // runs `sql`; throws on the first failing statement
    [[noreturn]] void throw_error(const std::string& sql);
    std::string escape(const std::string& value);

    st_mysql* conn_ = nullptr;
    std::string masked_url_;
    size_t statements_sent_ = 0;
};

namespace mysql {
// `sql` with $1, $2, ... replaced by literals(i) (0-based), skipping quoted strings,
// quoted identifiers and comments. Throws InternalError for a placeholder with no value.
std::string bind_placeholders(const std::string& sql, const std::vector<std::string>& literals);
}  // namespace mysql

}  // namespace migrate
