// Indexes that mix columns and expressions, through the binary on SQLite and
// PostgreSQL:
//   database first: an index made by hand (`(lower(name), disabled)`) is reflected with
//   both elements, the adopted database checks clean (no drop + create), and the models
//   recreate it in an empty database that then checks clean too;
//   model first: a mixed index in a model file is written into the revision, created,
//   and a second autogenerate finds nothing.

#include <catch2/catch.hpp>
#include <memory>

#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

const char* kTable =
    "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, disabled BOOLEAN "
    "NOT NULL);";
const char* kIndexes =
    "CREATE INDEX ix_accounts_login ON accounts (lower(name), disabled);"
    "CREATE INDEX ix_accounts_recent ON accounts (disabled, lower(name) DESC);";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Project {
    TempDir dir;
    std::unique_ptr<PgTestDatabase> pg;
    std::string url;

    Project(const std::string& dialect, const std::string& server) {
        if (dialect == "postgresql") {
            pg = std::make_unique<PgTestDatabase>(server);
            url = pg->url();
        } else {
            url = "sqlite:///" + dir.path() + "/app.db";
        }
        dir.write("migrate.yaml",
                  "database: " + url + "\nmodels: models\nversions: migrations/versions\n");
    }
    void sql(const std::string& statements) const {
        if (pg) {
            pg->psql(statements);
            return;
        }
        REQUIRE(run_process({"sqlite3", dir / "app.db"}, "", {}, statements).exit_code == 0);
    }
    // The CREATE INDEX statement the database keeps for `name`.
    std::string index_definition(const std::string& name) const {
        if (pg) return pg->psql("SELECT indexdef FROM pg_indexes WHERE indexname = '" + name + "'");
        return run_process({"sqlite3", dir / "app.db",
                            "SELECT sql FROM sqlite_schema WHERE name = '" + name + "'"})
            .out;
    }
    ProcessResult ok(const std::vector<std::string>& args) const {
        ProcessResult r = run_migrate(args, dir.path());
        std::string cmd;
        for (const auto& a : args) cmd += " " + a;
        INFO("migrate" << cmd << "\nexit " << r.exit_code << "\n" << r.out << r.err);
        REQUIRE(r.exit_code == 0);
        return r;
    }
    void expect_clean() const {
        CHECK(contains(ok({"check"}).out, "No changes detected"));
        CHECK(
            contains(ok({"revision", "--autogenerate", "-m", "again"}).out, "No changes detected"));
    }
};

void database_first(const std::string& dialect, const std::string& server) {
    Project original(dialect, server);
    original.sql(std::string(kTable) + kIndexes);
    original.ok({"reflect", "-q"});
    std::string model = original.dir.read("models/accounts.yaml");
    INFO(model);
    CHECK(contains(model,
                   "{name: ix_accounts_login, columns: [{expression: lower(name)}, disabled]}"));
    CHECK(contains(
        model,
        "{name: ix_accounts_recent, columns: [disabled, {expression: lower(name), order: desc}]}"));
    original.ok({"models"});
    // Adopted as it is: the models and the database agree, index by index.
    original.ok({"revision", "--autogenerate", "--offline", "-m", "baseline", "--rev-id", "0001"});
    original.ok({"stamp", "head"});
    original.expect_clean();

    // The same models and revision create the indexes in an empty database.
    Project copy(dialect, server);
    copy.dir.write("models/accounts.yaml", model);
    copy.dir.write("migrations/versions/0001_baseline.yaml",
                   original.dir.read("migrations/versions/0001_baseline.yaml"));
    copy.ok({"upgrade", "head"});
    std::string login = copy.index_definition("ix_accounts_login");
    INFO(login);
    CHECK((contains(login, "lower(") && contains(login, "disabled")));
    copy.expect_clean();
}

void model_first(const std::string& dialect, const std::string& server) {
    Project p(dialect, server);
    p.dir.write("models/accounts.yaml",
                "tables:\n  - name: accounts\n    columns:\n"
                "      - {name: id, type: integer, primary_key: true}\n"
                "      - {name: name, type: string(50), nullable: false}\n"
                "      - {name: disabled, type: boolean, nullable: false}\n"
                "    indexes:\n"
                "      - {columns: [{expression: lower(name)}, disabled]}\n"
                "      - {name: ix_accounts_recent, columns: [disabled, {expression: lower(name), "
                "order: desc}]}\n");
    auto made = p.ok({"revision", "--autogenerate", "-m", "accounts", "--rev-id", "0001"});
    std::string file = p.dir.read("migrations/versions/0001_accounts.yaml");
    INFO(file);
    CHECK(
        contains(file,
                 "  - create_index:\n      name: ix_accounts_name_disabled\n      table: accounts\n"
                 "      columns: [{expression: lower(name)}, disabled]\n"));
    CHECK(contains(file,
                   "      name: ix_accounts_recent\n      table: accounts\n"
                   "      columns: [disabled, {expression: lower(name), order: desc}]\n"));
    CHECK(contains(file, "      existing: {columns: [{expression: lower(name)}, disabled]}\n"));
    p.ok({"upgrade", "head"});
    std::string index = p.index_definition("ix_accounts_name_disabled");
    INFO(index);
    CHECK((contains(index, "lower(") && contains(index, "disabled")));
    p.expect_clean();
    CHECK(contains(p.ok({"check", "--offline"}).out, "No changes detected"));
    p.ok({"downgrade", "base"});
    CHECK(p.index_definition("ix_accounts_name_disabled").empty());
}

}  // namespace

TEST_CASE("mixed column/expression indexes: database first, SQLite", "[e2e][index][sqlite]") {
    database_first("sqlite", "");
}

TEST_CASE("mixed column/expression indexes: model first, SQLite", "[e2e][index][sqlite]") {
    model_first("sqlite", "");
}

TEST_CASE("mixed column/expression indexes: database first, PostgreSQL",
          "[e2e][index][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    database_first("postgresql", server);
}

TEST_CASE("mixed column/expression indexes: model first, PostgreSQL", "[e2e][index][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    model_first("postgresql", server);
}
