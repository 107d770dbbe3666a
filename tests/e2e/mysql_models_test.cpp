// `migrate models` follows the configured database's rules for index names: MySQL keeps
// them per table (two tables may each have `x_idx`), SQLite and PostgreSQL per schema.
// The URL only picks the dialect: nothing connects, so no server is needed.

#include <catch2/catch.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

TEST_CASE("models allows an index name in two tables on a MySQL URL only", "[e2e][models][mysql]") {
    TempDir dir;
    dir.write("migrate.yaml", "database: ${DATABASE_URL:-sqlite:///app.db}\nmodels: models\n");
    dir.write("models/m.yaml", R"y(tables:
  - name: a
    columns: [{name: id, type: int unsigned, primary_key: true, autoincrement: true},
              {name: x, type: "enum('on','off')"}]
    indexes: [{name: x_idx, columns: [x]}]
  - name: b
    columns: [{name: id, type: integer, primary_key: true}, {name: x, type: "float(10,3)"}]
    indexes: [{name: x_idx, columns: [x]}]
)y");
    auto sqlite = run_migrate({"models"}, dir.path(), {{"DATABASE_URL", ""}});
    CHECK(sqlite.exit_code == 2);
    CHECK_THAT(sqlite.err, Catch::Contains("models/m.yaml:8:"));
    CHECK_THAT(sqlite.err, Catch::Contains("the name 'x_idx' of table 'b' is already used"));

    auto mysql = run_migrate({"models"}, dir.path(),
                             {{"DATABASE_URL", "mysql://app:secret@127.0.0.1:1/app"}});
    INFO(mysql.err);
    CHECK(mysql.exit_code == 0);
    CHECK_THAT(mysql.err + mysql.out, Catch::Contains("2 table(s)"));
    CHECK_THAT(mysql.out, Catch::Contains("x_idx"));
}
