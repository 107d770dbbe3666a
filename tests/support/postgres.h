#pragma once
// Access to the throwaway PostgreSQL server that scripts/test.sh starts. Each test gets
// its own fresh database, dropped afterwards. Without a server the test is skipped on
// a developer machine and FAILS under CI=true (a skipped test counts as failed in CI).

#include <catch2/catch.hpp>
#include <optional>
#include <string>

namespace migrate::test {

// MIGRATE_TEST_PG_URL, or nullopt.
std::optional<std::string> pg_server_url();
bool running_in_ci();

// A fresh, empty database on the test server, dropped (with its connections) on
// destruction. Its URL includes the password, as users' URLs do.
class PgTestDatabase {
  public:
    explicit PgTestDatabase(const std::string& server_url);
    ~PgTestDatabase();
    PgTestDatabase(const PgTestDatabase&) = delete;
    PgTestDatabase& operator=(const PgTestDatabase&) = delete;

    const std::string& url() const { return url_; }
    const std::string& name() const { return name_; }
    // Runs SQL through psql (ON_ERROR_STOP) and returns its unaligned, tuples-only output.
    std::string psql(const std::string& sql) const;

  private:
    std::string server_url_;
    std::string name_;
    std::string url_;
};

}  // namespace migrate::test

// Declares `std::string NAME` holding the server URL, or skips/fails the test.
#define MIGRATE_REQUIRE_PG(NAME)                                                        \
    auto NAME##_opt_ = ::migrate::test::pg_server_url();                                \
    if (!NAME##_opt_) {                                                                 \
        if (::migrate::test::running_in_ci())                                           \
            FAIL(                                                                       \
                "MIGRATE_TEST_PG_URL is not set under CI=true: run the suite via "      \
                "scripts/test.sh");                                                     \
        WARN("skipped: no PostgreSQL test server (run the suite via scripts/test.sh)"); \
        return;                                                                         \
    }                                                                                   \
    const std::string NAME = *NAME##_opt_
