// Adopting an existing database, as docs/adopting.md walks it, through the binary:
// reflect the models, write a baseline revision offline, stamp it, and `check` finds
// the database and the models in agreement.

#include <catch2/catch.hpp>

#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

const char* kSchemaSql =
    "CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE);"
    "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors "
    "(id) ON DELETE CASCADE,"
    " title VARCHAR(200) NOT NULL, pages INTEGER CHECK (pages > 0));"
    "CREATE INDEX ix_books_title ON books (title);"
    "CREATE VIEW long_books AS SELECT title FROM books WHERE pages > 500;";

void adopt(const TempDir& dir, const std::string& url) {
    dir.write("migrate.yaml",
              "database: " + url + "\nmodels: models\nversions: migrations/versions\n");
    auto reflected = run_migrate({"reflect"}, dir.path());
    INFO(reflected.out << reflected.err);
    REQUIRE(reflected.exit_code == 0);
    CHECK_THAT(reflected.out, Catch::Contains("view") && Catch::Contains("long_books"));

    // Not under version control yet: check says so.
    auto before = run_migrate({"check"}, dir.path());
    CHECK(before.exit_code == 1);

    auto baseline = run_migrate(
        {"revision", "--autogenerate", "--offline", "-m", "baseline", "--rev-id", "0001"},
        dir.path());
    INFO(baseline.out << baseline.err);
    REQUIRE(baseline.exit_code == 0);
    CHECK_THAT(baseline.out, Catch::Contains("Detected added table 'books'"));
    REQUIRE(run_migrate({"stamp", "head"}, dir.path()).exit_code == 0);

    auto check = run_migrate({"check"}, dir.path());
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK_THAT(check.out, Catch::Contains("No changes detected"));
    auto current = run_migrate({"current"}, dir.path());
    CHECK_THAT(current.out, Catch::Contains("0001 (head)"));
}

}  // namespace

TEST_CASE("adopting an existing database: reflect, baseline, stamp, check (sqlite)",
          "[e2e][reflect][adopt]") {
    TempDir dir;
    auto made = run_process({"sqlite3", dir / "app.db", kSchemaSql});
    REQUIRE(made.exit_code == 0);
    adopt(dir, "sqlite:///app.db");
}

TEST_CASE("adopting an existing database: reflect, baseline, stamp, check (postgresql)",
          "[e2e][reflect][adopt]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    db.psql(kSchemaSql);
    TempDir dir;
    adopt(dir, db.url());
}
