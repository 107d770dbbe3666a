// What a user met when following the docs as written, checked through the binary:
// several heads in CI (`upgrade heads`), reflect's next steps and the scaffold's
// example model, `current --verbose` naming its database, the SQL shown once in a
// failing statement, revision errors with project-relative paths, and the hint for an
// unquoted two-parameter type giving the type as written.

#include <catch2/catch.hpp>

#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

struct Project {
    TempDir dir;
    Project() {
        dir.write("migrate.yaml",
                  "database: sqlite:///app.db\nmodels: models\nversions: migrations/versions\n");
        dir.write("models/users.yaml",
                  "tables:\n  - name: users\n    columns:\n      - {name: id, type: integer, "
                  "primary_key: true}\n");
    }
    ProcessResult run(std::vector<std::string> args) const { return run_migrate(args, dir.path()); }
};

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a failing statement shows its SQL once", "[e2e][docs_followed]") {
    Project p;
    p.dir.write("migrations/versions/a1_bad.yaml",
                "revision: a1\ndown_revision: null\nmessage: bad\n"
                "upgrade:\n  - execute: SELEC 42\ndowngrade: []\n");
    auto r = p.run({"upgrade", "head"});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("\n  SQL: SELEC 42\n  database said: SQLite error"));
    CHECK_FALSE(Catch::Contains("statement:").match(r.err));
    CHECK(count(r.err, "\n  SQL: ") == 1);
    CHECK(count(r.err, "SELEC 42\n") == 1);
}

TEST_CASE("a failing statement shows its SQL once on PostgreSQL",
          "[e2e][docs_followed][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    Project p;
    p.dir.write("migrations/versions/a1_bad.yaml",
                "revision: a1\ndown_revision: null\nmessage: bad\n"
                "upgrade:\n  - execute: SELEC 42\ndowngrade: []\n");
    auto r = p.run({"upgrade", "head", "--url", db.url()});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("\n  SQL: SELEC 42\n  database said: PostgreSQL error "
                                      "42601: syntax error at or near \"SELEC\"\n"));
    CHECK_FALSE(Catch::Contains("statement:").match(r.err));
    CHECK(count(r.err, "SELEC 42\n") == 1);
}

TEST_CASE("revision file errors name the file relative to the project", "[e2e][docs_followed]") {
    Project p;
    p.dir.write("migrations/versions/a1_bad.yaml",
                "revision: a1\ndown_revision: null\nmessage: bad\n"
                "upgrade:\n  - drop_tabel: {name: users}\ndowngrade: []\n");
    for (std::vector<std::string> args :
         {std::vector<std::string>{"show", "a1"}, {"upgrade", "head"}, {"check", "--offline"}}) {
        auto r = p.run(args);
        INFO(args.front() << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("migrations/versions/a1_bad.yaml:5:"));
        CHECK_FALSE(Catch::Contains(p.dir.path()).match(r.err));
    }
    // From a subfolder with -c, the path is as the user reaches it from there.
    p.dir.write("sub/.keep", "");
    auto sub = run_migrate({"-c", "../migrate.yaml", "show", "a1"}, p.dir / "sub");
    CHECK(sub.exit_code == 2);
    CHECK_THAT(sub.err, Catch::Contains(p.dir / "migrations/versions/a1_bad.yaml:5:"));
}

TEST_CASE("the hint for an unquoted numeric(p,s) gives the type as written",
          "[e2e][docs_followed]") {
    Project p;
    p.dir.write("models/prices.yaml",
                "tables:\n  - name: prices\n    columns:\n"
                "      - {name: id, type: integer, primary_key: true}\n"
                "      - {name: amount, type: numeric(10,4), nullable: false}\n");
    auto r = p.run({"models"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("type 'numeric(10' has an unbalanced parenthesis; in a "
                                      "flow mapping {...} YAML splits at commas, so quote a type "
                                      "with two parameters: \"numeric(10,4)\""));
    CHECK_FALSE(Catch::Contains("12,2").match(r.err));
}

TEST_CASE("current --verbose names the database it read", "[e2e][docs_followed]") {
    Project p;
    p.dir.write("migrations/versions/a1_users.yaml",
                "revision: a1\ndown_revision: null\nmessage: users\nupgrade: []\ndowngrade: []\n");
    REQUIRE(p.run({"upgrade", "head"}).exit_code == 0);
    auto r = p.run({"current", "--verbose"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("Database: sqlite:///" + (p.dir / "app.db") + "\n"));
    CHECK_THAT(r.out, Catch::Contains("Rev: a1 (head)"));
    CHECK_FALSE(Catch::Contains("Database:").match(p.run({"current"}).out));
}

TEST_CASE("with several heads, check names `upgrade heads`, which works", "[e2e][docs_followed]") {
    Project p;
    p.dir.write("migrations/versions/a1.yaml",
                "revision: a1\ndown_revision: null\nbranch_labels: [main]\nmessage: users\n"
                "upgrade:\n  - create_table: {name: users, columns: [{name: id, type: integer, "
                "primary_key: true}]}\ndowngrade:\n  - drop_table: {name: users}\n");
    p.dir.write("migrations/versions/b1.yaml",
                "revision: b1\ndown_revision: null\nbranch_labels: [billing]\nmessage: billing\n"
                "upgrade: []\ndowngrade: []\n");
    p.dir.write("app.db", "");
    auto check = p.run({"check"});
    CHECK(check.exit_code == 1);
    CHECK_THAT(check.out, Catch::Contains("run `migrate upgrade heads` first"));
    CHECK(p.run({"upgrade", "head"}).exit_code == 2);
    REQUIRE(p.run({"upgrade", "heads"}).exit_code == 0);
    CHECK(p.run({"check"}).exit_code == 0);
    CHECK(p.run({"current", "--check-heads"}).exit_code == 0);
}

TEST_CASE("reflect's help leads to an offline baseline; the init example is flagged",
          "[e2e][docs_followed]") {
    auto help = run_migrate({"reflect", "--help"});
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("migrate revision --autogenerate --offline -m baseline"));
    CHECK_THAT(help.out, Catch::Contains("migrate stamp head"));

    TempDir dir;
    REQUIRE(run_process({"sqlite3", dir / "app.db",
                         "CREATE TABLE accounts (id integer primary key, name text)"})
                .exit_code == 0);
    REQUIRE(run_migrate({"init"}, dir.path()).exit_code == 0);
    REQUIRE(dir.exists("models/example.yaml"));
    auto r = run_migrate({"reflect", "--url", "sqlite:///app.db"}, dir.path());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("warning: models/example.yaml (the example `migrate init` "
                                      "writes) is still next to the reflected files"));
    CHECK_THAT(r.err, Catch::Contains("rm models/example.yaml"));
    REQUIRE(run_process({"rm", dir / "models/example.yaml"}).exit_code == 0);
    auto again = run_migrate({"reflect", "--url", "sqlite:///app.db", "--force"}, dir.path());
    CHECK(again.exit_code == 0);
    CHECK_FALSE(Catch::Contains("example.yaml").match(again.err));
}
