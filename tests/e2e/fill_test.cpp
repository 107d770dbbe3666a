// A NOT NULL column added to a table that has rows, through the binary on SQLite and
// PostgreSQL: without a server default the ALTER fails, so autogenerate warns and points
// at `fill:`; with `fill:` in the model the revision carries it, existing rows take the
// fill, the column keeps no default, and `check` is clean. A `fill:` written by hand in
// a revision works the same, and a malformed one names the file and line.

#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;

namespace {

const char* kBefore = R"Y(tables:
  - name: accounts
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: email, type: string(100), nullable: false, unique: true}
)Y";

const char* kWithoutFill = R"Y(tables:
  - name: accounts
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: email, type: string(100), nullable: false, unique: true}
      - {name: plan, type: string(20), nullable: false}
)Y";

const char* kWithFill = R"Y(tables:
  - name: accounts
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: email, type: string(100), nullable: false, unique: true}
      - {name: plan, type: string(20), nullable: false, fill: "'free'"}
)Y";

void fill_adds_not_null_column(RunnerProject& p) {
    p.dir().write("models/m.yaml", kBefore);
    p.ok({"revision", "--autogenerate", "-m", "accounts", "--rev-id", "r1"});
    p.ok({"upgrade", "head"});
    p.run_script(
        "INSERT INTO accounts (id, email) VALUES (1, 'a@x');\n"
        "INSERT INTO accounts (id, email) VALUES (2, 'b@x');\n");
    std::string schema_r1 = p.schema_text();

    // Without a fill: a warning that names `fill:`, and the upgrade fails cleanly.
    p.dir().write("models/m.yaml", kWithoutFill);
    auto warned = p.ok({"revision", "--autogenerate", "-m", "plan", "--rev-id", "r2"});
    CHECK_THAT(warned.err, Catch::Contains("accounts.plan") && Catch::Contains("fill:"));
    auto failed = p.run({"upgrade", "head"});
    CHECK(failed.exit_code == 3);
    CHECK(p.schema_text() == schema_r1);
    std::filesystem::remove(p.dir() / "migrations/versions/r2_plan.yaml");

    // With the fill in the model: the revision carries it and applies.
    p.dir().write("models/m.yaml", kWithFill);
    auto gen = p.ok({"revision", "--autogenerate", "-m", "plan", "--rev-id", "r2"});
    CHECK_THAT(gen.err, !Catch::Contains("fill:"));
    std::string text = p.dir().read("migrations/versions/r2_plan.yaml");
    CHECK_THAT(text, Catch::Contains("fill: \"'free'\"") || Catch::Contains("fill: '''free'''"));
    std::string sql = p.ok({"upgrade", "r1:r2", "--sql"}).out;
    p.ok({"upgrade", "head"});
    CHECK(p.query("SELECT id, plan FROM accounts ORDER BY id") == "1|free\n2|free\n");
    CHECK(p.ok({"check"}).out == "No changes detected\n");
    // The fill is not the column's default: the column ends with none.
    std::string schema_r2 = p.schema_text();
    INFO(schema_r2);
    CHECK_THAT(schema_r2, Catch::Contains("plan string(20) not null\n"));

    p.ok({"downgrade", "-1"});
    CHECK(p.schema_text() == schema_r1);
    CHECK(p.query("SELECT count(*) FROM accounts") == "2\n");

    // The --sql script written before gets the same result.
    p.run_script(sql);
    CHECK(p.schema_text() == schema_r2);
    CHECK(p.query("SELECT plan FROM accounts WHERE id = 2") == "free\n");
}

void hand_written_fill(RunnerProject& p) {
    p.revision(
        "h1", "",
        "- create_table: {name: items, columns: [{name: id, type: integer, primary_key: true}]}\n",
        "- drop_table: {name: items}\n");
    p.revision("h2", "h1",
               "- add_column: {table: items, column: {name: qty, type: integer, nullable: false}, "
               "fill: 0}\n",
               "- drop_column: {table: items, name: qty}\n");
    p.ok({"upgrade", "h1"});
    p.run_script("INSERT INTO items (id) VALUES (1);\n");
    p.ok({"upgrade", "h2"});
    CHECK(p.query("SELECT qty FROM items") == "0\n");

    // A fill that is not SQL text is refused with the file and line named, nothing applied.
    p.revision("h3", "h2",
               "- add_column: {table: items, column: {name: n, type: integer, nullable: false}, "
               "fill: [1]}\n",
               "- drop_column: {table: items, name: n}\n");
    std::string before = p.schema_text();
    auto bad = p.run({"upgrade", "head"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("h3_x.yaml:5:") && Catch::Contains("fill"));
    CHECK(p.schema_text() == before);
}

}  // namespace

RUNNER_TEST_BOTH_DIALECTS("fill: a NOT NULL column added to a table with rows", "[e2e][fill]",
                          fill_adds_not_null_column)
RUNNER_TEST_BOTH_DIALECTS("fill: written by hand in add_column", "[e2e][fill]", hand_written_fill)
