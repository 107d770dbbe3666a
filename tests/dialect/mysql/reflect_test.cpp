// MySQL/MariaDB reflection of what real schemas hold (the corpus's ejabberd, freeradius,
// bacula): column collations other than utf8mb4's default, tables whose default
// collation differs (not managed), and indexes over column prefixes (each prefix the
// element's `length`), which the dialect's DDL creates again as they were.

#include <catch2/catch.hpp>

#include "dialects/mysql/dialect.h"
#include "tests/support/mariadb.h"

using namespace migrate;
using namespace migrate::test;

TEST_CASE("MySQL reflection reads collations and prefix lengths", "[dialect][mysql][reflect]") {
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
    // body_prefix and name_prefix carry their prefixes; a unique key over a prefix is
    // an index (a UNIQUE constraint covers whole columns)
    REQUIRE(t.indexes.size() == 4);
    const Index& body = t.indexes[0];
    CHECK(body.name == "body_prefix");
    CHECK(body.unique);
    REQUIRE(body.elements.size() == 2);
    CHECK(body.elements[0].column == "body");
    CHECK(body.elements[0].length == 32);
    CHECK_FALSE(body.elements[1].length);
    CHECK(t.indexes[1].name == "name_prefix");
    CHECK(t.indexes[1].elements.at(0).length == 20);
    CHECK(t.indexes[2].name == "notes_idx");
    CHECK(t.indexes[2].elements.at(0).column == "notes");
    CHECK_FALSE(t.indexes[2].elements.at(0).length);
    CHECK(t.indexes[3].name == "plain_idx");
    CHECK(t.unique_constraints.empty());
    CHECK(r.unmanaged == std::vector<UnmanagedObject>{{"table collation", "u", "u"}});

    // The DDL creates them again as they were: the same reflection from a new table.
    db.sql("CREATE TABLE t2 LIKE t; DROP INDEX body_prefix ON t2; DROP INDEX name_prefix ON t2");
    Schema before = dialect.reflect(*conn, {}).schema;
    NamingConvention naming;
    for (const Index& ix : {t.indexes[0], t.indexes[1]})
        for (const auto& sql :
             dialect.render(Operation{CreateIndex{"", "t2", ix}}, RenderContext{before, naming}))
            conn->execute(sql);
    Reflection again = dialect.reflect(*conn, {});
    const Table* t2 = again.schema.find_table("", "t2");
    REQUIRE(t2);
    CHECK(t2->indexes == t.indexes);
    // a column takes its table's collation: that one is the column's own
    CHECK(r.schema.tables[1].find_column("label")->collation == "utf8mb4_unicode_ci");
}
