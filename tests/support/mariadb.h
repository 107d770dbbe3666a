#pragma once
// Access to the throwaway MariaDB server that scripts/test.sh starts
// (scripts/mariadb_test_server.sh). Each test gets its own fresh database, dropped
// afterwards. Without a server the test is skipped on a developer machine and FAILS
// under CI=true (a skipped test counts as failed in CI), as for PostgreSQL.

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "tests/support/postgres.h"  // running_in_ci

namespace migrate::test {

// MIGRATE_TEST_MYSQL_URL (mysql://USER:PW@HOST:PORT/DB), or nullopt.
std::optional<std::string> mysql_server_url();

// A fresh, empty database on the test server, dropped on destruction. Its URL includes
// the password, as users' URLs do.
class MysqlTestDatabase {
  public:
    explicit MysqlTestDatabase(const std::string& server_url);
    ~MysqlTestDatabase();
    MysqlTestDatabase(const MysqlTestDatabase&) = delete;
    MysqlTestDatabase& operator=(const MysqlTestDatabase&) = delete;

    const std::string& url() const { return url_; }
    const std::string& name() const { return name_; }
    // Runs SQL through the mariadb client in this database and returns its batch output
    // (tab-separated, no column names); throws on an error.
    std::string sql(const std::string& statements) const;

  private:
    std::string server_url_;
    std::string name_;
    std::string url_;
};

// Runs SQL through the mariadb client against the database that `url` names.
std::string run_mariadb_client(const std::string& url, const std::string& statements);

}  // namespace migrate::test

// Declares `std::string NAME` holding the server URL, or skips/fails the test.
#define MIGRATE_REQUIRE_MYSQL(NAME)                                                   \
    auto NAME##_opt_ = ::migrate::test::mysql_server_url();                           \
    if (!NAME##_opt_) {                                                               \
        if (::migrate::test::running_in_ci())                                         \
            FAIL(                                                                     \
                "MIGRATE_TEST_MYSQL_URL is not set under CI=true: run the suite via " \
                "scripts/test.sh");                                                   \
        WARN("skipped: no MariaDB test server (run the suite via scripts/test.sh)");  \
        return;                                                                       \
    }                                                                                 \
    const std::string NAME = *NAME##_opt_
