// A SQLite table rebuild keeps the table's triggers when run online (the runner reads
// them), and an offline script refuses the rebuild rather than drop them silently.

#include <catch2/catch.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

const char* kConfig = "database: sqlite:///app.db\nmodels: models\nversions: migrations/versions\n";

const char* kFirst = R"(revision: "000000000001"
down_revision: null
message: audit trigger
upgrade:
  - create_table:
      name: items
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: name, type: string(50)}
  - create_table:
      name: item_log
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: item_name, type: string(50)}
  - execute:
      sql: CREATE TRIGGER items_log AFTER INSERT ON items BEGIN INSERT INTO item_log (item_name) VALUES (NEW.name); END
      effect: []
downgrade:
  - drop_table: {name: item_log}
  - drop_table: {name: items}
)";

// NOT NULL on a column: SQLite cannot ALTER it, so the table is rebuilt.
const char* kSecond = R"(revision: "000000000002"
down_revision: "000000000001"
message: name required
upgrade:
  - alter_column: {table: items, name: name, nullable: false, existing_type: string(50), existing_nullable: true}
downgrade:
  - alter_column: {table: items, name: name, nullable: true, existing_type: string(50), existing_nullable: false}
)";

std::string sqlite(const TempDir& dir, const std::string& sql) {
    auto r = run_process({"sqlite3", dir / "app.db", sql});
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("sqlite rebuild keeps the table's triggers online; offline refuses",
          "[e2e][sqlite][rebuild]") {
    TempDir dir;
    dir.write("migrate.yaml", kConfig);
    dir.write("migrations/versions/000000000001_audit_trigger.yaml", kFirst);
    dir.write("migrations/versions/000000000002_name_required.yaml", kSecond);

    REQUIRE(run_migrate({"upgrade", "000000000001"}, dir.path()).exit_code == 0);
    sqlite(dir, "INSERT INTO items (name) VALUES ('a')");
    auto up = run_migrate({"upgrade", "head"}, dir.path());
    INFO(up.out << up.err);
    REQUIRE(up.exit_code == 0);

    CHECK(sqlite(
              dir,
              "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'items'") ==
          "1\n");
    CHECK(sqlite(dir, "SELECT \"notnull\" FROM pragma_table_info('items') WHERE name = 'name'") ==
          "1\n");
    sqlite(dir, "INSERT INTO items (name) VALUES ('b')");
    CHECK(sqlite(dir, "SELECT group_concat(item_name, ',') FROM item_log") == "a,b\n");

    // Offline, the script cannot know the triggers: running it refuses the rebuild.
    auto script = run_migrate({"downgrade", "000000000002:000000000001", "--sql"}, dir.path());
    REQUIRE(script.exit_code == 0);
    dir.write("down.sql", script.out);
    auto applied = run_process({"sqlite3", "-bail", dir / "app.db", ".read " + (dir / "down.sql")});
    CHECK(applied.exit_code != 0);
    CHECK_THAT(applied.err,
               Catch::Contains("cannot rebuild a table that has triggers it did not read"));
    CHECK(sqlite(dir, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'") == "1\n");
}
