#pragma once
// A project on a real database for the runner's end-to-end tests: a temporary folder
// with migrate.yaml (database: ${DATABASE_URL}) and revision files, on a SQLite file or a
// fresh PostgreSQL database, with helpers to query and reflect it in-process.

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/dialect/dialect.h"
#include "tests/support/mariadb.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace migrate::test {

enum class DbKind { Sqlite, Postgresql, Mysql };

class RunnerProject {
  public:
    // For PostgreSQL and MySQL, `server_url` is the test server's.
    explicit RunnerProject(DbKind kind, const std::string& server_url = "");

    DbKind kind() const { return kind_; }
    bool pg() const { return kind_ == DbKind::Postgresql; }
    const std::string& url() const { return url_; }
    TempDir& dir() { return dir_; }

    // Writes migrations/versions/<id>_x.yaml.
    void revision(const std::string& id, const std::string& down, const std::string& upgrade,
                  const std::string& downgrade, const std::string& message = "");
    // A revision without operations: `down` as written after `down_revision: `
    // ("" for none), `extra` header lines ending in a newline.
    void empty_revision(const std::string& id, const std::string& down,
                        const std::string& extra = "");
    std::string revision_path(const std::string& id) const {
        return "migrations/versions/" + id + "_x.yaml";
    }

    ProcessResult run(const std::vector<std::string>& args) const;
    ProcessResult ok(const std::vector<std::string>& args) const;  // REQUIREs exit 0

    // Runs SQL with sqlite3 / psql / mariadb; returns the rows, one per line, columns
    // joined by '|'.
    std::string query(const std::string& sql) const;
    // Runs a script (several statements) with sqlite3 / psql on `url`, stopping at the first error.
    void run_script(const std::string& script) const;
    std::vector<std::string> tables() const;        // user tables, sorted (version tables included)
    std::vector<std::string> version_rows() const;  // sorted
    std::string schema_text() const;                // reflection without the version tables

    std::unique_ptr<Dialect> dialect() const;
    std::unique_ptr<Connection> connect() const;

  private:
    DbKind kind_;
    TempDir dir_;
    std::unique_ptr<PgTestDatabase> pg_;
    std::unique_ptr<MysqlTestDatabase> my_;
    std::string url_;
};

// A chain with a branch and a merge: r1 <- r2 <- (r3a, r3b) <- r4 (merge).
void write_branched_chain(RunnerProject& p);
// A linear chain of three: c1 <- c2 <- c3.
void write_linear_chain(RunnerProject& p);

std::vector<std::string> lines(const std::string& text);

}  // namespace migrate::test

// Runs BODY(project) on SQLite, and on PostgreSQL when a test server is available.
#define RUNNER_TEST_BOTH_DIALECTS(NAME, TAGS, BODY)                                          \
    TEST_CASE(NAME " (sqlite)", TAGS "[sqlite]") {                                           \
        ::migrate::test::RunnerProject project(::migrate::test::DbKind::Sqlite);             \
        BODY(project);                                                                       \
    }                                                                                        \
    TEST_CASE(NAME " (postgresql)", TAGS "[postgresql]") {                                   \
        MIGRATE_REQUIRE_PG(server);                                                          \
        ::migrate::test::RunnerProject project(::migrate::test::DbKind::Postgresql, server); \
        BODY(project);                                                                       \
    }

// The same, and on MariaDB.
#define RUNNER_TEST_ALL_DIALECTS(NAME, TAGS, BODY)                                      \
    RUNNER_TEST_BOTH_DIALECTS(NAME, TAGS, BODY)                                         \
    TEST_CASE(NAME " (mysql)", TAGS "[mysql]") {                                        \
        MIGRATE_REQUIRE_MYSQL(server);                                                  \
        ::migrate::test::RunnerProject project(::migrate::test::DbKind::Mysql, server); \
        BODY(project);                                                                  \
    }
