// SQLite rebuild details on tables holding rows: a rebuilt referenced table keeps the
// rows referring to it, impossible operations fail clearly, the rebuild's statements.
// (Each operation on every dialect: ../conformance/operations_test.cpp.)
#include <catch2/catch.hpp>
#include <functional>

#include "core/base/errors.h"
#include "tests/dialect/sqlite/support.h"

using namespace migrate;
using namespace migrate::test;

namespace {

// users(id, email, name) <- posts(id, user_id ON DELETE CASCADE, title), with rows.
void seed(SqliteDb& db) {
    Table users;
    users.name = "users";
    Column id = column("id", "integer", false);
    id.autoincrement = true;
    users.columns = {id, column("email", "string(100)", false), column("name", "text")};
    users.primary_key = PrimaryKey{"pk_users", {"id"}};
    users.unique_constraints = {{"uq_users_email", {"email"}}};
    users.indexes = {Index{"ix_users_name", {IndexElement{"name"}}}};
    users.checks = {{"ck_users_email", "email <> ''"}};
    Table posts;
    posts.name = "posts";
    Column pid = column("id", "integer", false);
    pid.autoincrement = true;
    posts.columns = {pid, column("user_id", "integer", false), column("title", "text")};
    posts.primary_key = PrimaryKey{"pk_posts", {"id"}};
    posts.foreign_keys = {
        ForeignKey{"fk_posts_user_id_users", {"user_id"}, "", "users", {"id"}, "cascade", ""}};
    Table notes;  // no primary key
    notes.name = "notes";
    notes.columns = {column("id", "integer", false), column("body", "text")};
    db.apply(CreateTable{users});
    db.apply(CreateTable{posts});
    db.apply(CreateTable{notes});
    db.conn->execute(
        "INSERT INTO users (id, email, name) VALUES (1, 'a@x', 'Ann'), (2, 'b@x', 'Bob');"
        "INSERT INTO posts (id, user_id, title) VALUES (10, 1, 'one'), (11, 2, 'two'), (12, 2, "
        "'three');"
        "INSERT INTO notes VALUES (1, 'n1'), (2, 'n2')");
}

AlterColumn alter(const std::string& table, const std::string& name,
                  std::function<void(AlterColumn&)> f) {
    AlterColumn a;
    a.table = table;
    a.name = name;
    f(a);
    return a;
}

int count(SqliteDb& db, const std::string& table) {
    return std::stoi(db.scalar("SELECT count(*) FROM \"" + table + "\""));
}

}  // namespace

TEST_CASE("sqlite operations: a rebuild of a referenced table keeps the rows that refer to it",
          "[sqlite]") {
    SqliteDb db;
    seed(db);
    // users is referenced by posts with ON DELETE CASCADE: dropping the old users table
    // inside the rebuild must not cascade.
    db.apply(
        alter("users", "email", [](AlterColumn& a) { a.type = *parse_type("text", nullptr); }));
    CHECK(count(db, "posts") == 3);
    CHECK(db.conn->query("PRAGMA foreign_key_check").rows.empty());
    // The foreign key still works, in both directions.
    CHECK_THROWS_WITH(db.conn->execute("INSERT INTO posts (user_id) VALUES (99)"),
                      Catch::Contains("FOREIGN KEY constraint failed"));
    db.conn->execute("DELETE FROM users WHERE id = 2");
    CHECK(count(db, "posts") == 1);
    // A view naming the table survives the rebuild.
    db.conn->execute("CREATE VIEW v AS SELECT email FROM users");
    db.apply(alter("users", "name", [](AlterColumn& a) { a.nullable = false; }));
    CHECK(db.scalar("SELECT count(*) FROM v") == "1");
}

TEST_CASE("sqlite operations: impossible operations fail clearly and change nothing", "[sqlite]") {
    SqliteDb db;
    seed(db);
    Schema before = db.reflect();

    // A NOT NULL column added without a default to a table with rows.
    CHECK_THROWS_WITH(db.apply(AddColumn{"", "users", column("age", "integer", false)}),
                      Catch::Contains("NOT NULL constraint failed"));
    // A foreign key that the rows violate: the rebuild's guard names the problem.
    CHECK_THROWS_WITH(db.apply(CreateForeignKey{
                          "", "notes", {"fk_notes_body", {"id"}, "", "posts", {"id"}, "", ""}}),
                      Catch::Contains("foreign key violation after rebuilding the table"));
    // A column another table's foreign key refers to.
    CHECK_THROWS_WITH(
        db.apply(DropColumn{"", "users", "id", std::nullopt}),
        Catch::Contains("foreign key 'fk_posts_user_id_users' of table 'posts' refers to it"));
    // A table with a trigger cannot be rebuilt without losing it.
    db.conn->execute("CREATE TRIGGER tr AFTER INSERT ON users BEGIN SELECT 1; END");
    CHECK_THROWS_WITH(db.apply(alter("users", "name", [](AlterColumn& a) { a.nullable = false; })),
                      Catch::Contains("cannot rebuild a table that has triggers"));
    db.conn->execute("DROP TRIGGER tr");
    // Operations that do not fit the schema: SQLite refuses the statement, as PostgreSQL does.
    CHECK_THROWS_WITH(db.apply(DropIndex{"", "users", "ix_nope", std::nullopt}),
                      Catch::Contains("no such index: ix_nope"));
    CHECK_THROWS_WITH(db.apply(DropTable{"", "userz", std::nullopt}),
                      Catch::Contains("no such table: userz"));
    CHECK_THROWS_AS(db.apply(DropTable{"", "userz", std::nullopt}), DatabaseError);
    // One that needs a rebuild cannot be rendered without its table.
    CHECK_THROWS_WITH(db.apply(CreateCheckConstraint{"", "userz", {"ck_userz", "1"}}),
                      Catch::Contains("table 'userz' does not exist"));

    CHECK(db.reflect() == before);
    CHECK(count(db, "users") == 2);
    CHECK(count(db, "posts") == 3);
    CHECK_FALSE(db.conn->in_transaction());
}

TEST_CASE("sqlite operations: the rebuild statement sequence", "[sqlite]") {
    SqliteDb db;
    seed(db);
    std::vector<std::string> sql =
        db.dialect.render(alter("users", "name", [](AlterColumn& a) { a.nullable = false; }),
                          RenderContext{db.schema, db.naming});
    REQUIRE(sql.size() == 12);
    CHECK_THAT(sql[0],
               Catch::StartsWith("CREATE TEMP TABLE IF NOT EXISTS \"_migrate_rebuild_guard\""));
    CHECK_THAT(sql[1], Catch::Contains("'trigger'") && Catch::Contains("tbl_name = 'users'"));
    CHECK(sql[2] ==
          "INSERT INTO temp.\"_migrate_rebuild_guard\" SELECT 'generated', count(*) FROM "
          "pragma_table_xinfo('users') WHERE hidden IN (2, 3)");
    CHECK(sql[3] ==
          "CREATE TABLE \"_migrate_tmp_users\" (\n"
          "    \"id\" INTEGER NOT NULL,\n"
          "    \"email\" VARCHAR(100) NOT NULL,\n"
          "    \"name\" TEXT NOT NULL,\n"
          "    CONSTRAINT \"pk_users\" PRIMARY KEY (\"id\"),\n"
          "    CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"),\n"
          "    CONSTRAINT \"ck_users_email\" CHECK (email <> '')\n"
          ")");
    CHECK(sql[4] ==
          "INSERT INTO \"_migrate_tmp_users\" (\"id\", \"email\", \"name\") SELECT \"id\", "
          "\"email\", \"name\" FROM \"users\"");
    CHECK(sql[5] == "DROP TABLE \"users\"");
    CHECK(sql[6] == "PRAGMA legacy_alter_table = ON");
    CHECK(sql[7] == "ALTER TABLE \"_migrate_tmp_users\" RENAME TO \"users\"");
    CHECK(sql[8] == "PRAGMA legacy_alter_table = OFF");
    CHECK(sql[9] == "CREATE INDEX \"ix_users_name\" ON \"users\" (\"name\")");
    CHECK(sql[10] ==
          "INSERT INTO temp.\"_migrate_rebuild_guard\" SELECT 'foreign_key', (SELECT count(*) FROM "
          "pragma_foreign_key_check('users')) + (SELECT count(*) FROM "
          "pragma_foreign_key_check('posts'))");
    CHECK(sql[11] == "DROP TABLE temp.\"_migrate_rebuild_guard\"");
    CHECK(db.dialect.begin_sql() == "PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE");
}
