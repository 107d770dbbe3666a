// MySQL/MariaDB reflection of what real schemas hold (the corpus's ejabberd, freeradius,
// bacula): column collations other than utf8mb4's default, tables whose default
// collation differs (not managed), and indexes over column prefixes (not managed, whole).

#include <catch2/catch.hpp>

#include "dialects/mysql/dialect.h"
#include "tests/support/mariadb.h"

using namespace migrate;
using namespace migrate::test;

TEST_CASE("MySQL reflection reads collations and leaves prefix indexes to the database",
          "[dialect][mysql][reflect]") {
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    db.sql(R"(
        CREATE TABLE t (
          id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
          name VARCHAR(100) COLLATE utf8mb4_unicode_ci,
          old VARCHAR(10) COLLATE utf8mb3_general_ci,
          plain VARCHAR(10),
          body BLOB,
          notes TEXT,
          KEY name_prefix (name(20)),
          UNIQUE KEY body_prefix (body(32), plain),
          KEY plain_idx (plain),
          KEY notes_idx (notes)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
        CREATE TABLE u (id INT PRIMARY KEY, label VARCHAR(10))
          ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
    )");
    MysqlDialect dialect;
    auto conn = dialect.connect(parse_database_url(db.url()), {});
    Reflection r = dialect.reflect(*conn, {});
    REQUIRE(r.schema.tables.size() == 2);
    const Table& t = r.schema.tables[0];
    CHECK(t.find_column("name")->collation == "utf8mb4_unicode_ci");
    CHECK(t.find_column("old")->collation == "utf8mb3_general_ci");
    CHECK_FALSE(t.find_column("plain")->collation);  // utf8mb4's default
    // notes_idx was declared over the whole TEXT column (MariaDB gives it the longest
    // prefix the row format allows): it is managed, as declared
    REQUIRE(t.indexes.size() == 2);
    CHECK(t.indexes[0].name == "notes_idx");
    CHECK(t.indexes[0].elements.at(0).column == "notes");
    CHECK(t.indexes[1].name == "plain_idx");
    CHECK(t.unique_constraints.empty());
    CHECK(r.unmanaged == std::vector<UnmanagedObject>{
                             {"index with prefix lengths", "t.body_prefix (body(32))", "t"},
                             {"index with prefix lengths", "t.name_prefix (name(20))", "t"},
                             {"table collation", "u", "u"}});
    // a column takes its table's collation: that one is the column's own
    CHECK(r.schema.tables[1].find_column("label")->collation == "utf8mb4_unicode_ci");
}
