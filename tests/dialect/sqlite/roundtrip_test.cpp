// A rich schema rendered with CreateTable operations, executed on a real SQLite file,
// reflected, and compared with the expected normalised schema.
#include <catch2/catch.hpp>

#include "tests/dialect/sqlite/support.h"

using namespace migrate;
using namespace migrate::test;

namespace {

Schema rich_schema() {
    Table user;
    user.name = "user";
    Column id = column("id", "integer", false);
    id.autoincrement = true;
    Column email = column("Email Address", "string(255)", false);
    email.collation = "nocase";
    user.columns = {id,
                    email,
                    column("is_active", "boolean", false, "true"),
                    column("balance", "numeric(12,2)", false, "0"),
                    column("created_at", "datetime(timezone)", false, "now()"),
                    column("seen_at", "datetime", true, "CURRENT_TIMESTAMP"),
                    column("born", "date"),
                    column("wakes", "time"),
                    column("score", "float", true, "1.5"),
                    column("ratio", "double", true, "-2"),
                    column("big", "bigint"),
                    column("small", "smallint", true, "(7)"),
                    column("avatar", "binary"),
                    column("token", "uuid"),
                    column("prefs", "json"),
                    column("mood", "enum(mood)", true, "'ok'"),
                    column("span", "interval"),
                    column("status", "string", false, "'draft'"),
                    column("naïve ünïcode", "text"),
                    column("we\"ird 'name'", "text"),
                    column("Order", "text"),
                    column("tags", "jsonb")};
    user.comment = "people";
    user.primary_key = PrimaryKey{"pk_user", {"id"}};
    user.unique_constraints = {{"uq_user_token", {"token"}}};
    user.checks = {{"ck_user_balance", "balance >= 0"},
                   {"ck_user_status", "status IN ('draft', 'live')"}};
    user.indexes = {
        Index{"ix_user_active_email", {IndexElement{"Email Address"}}, false, "is_active = 1"},
        Index{"ix_user_lower_email", {IndexElement{"", "lower(\"Email Address\")"}}, true},
        Index{"ix_user_big_desc",
              {IndexElement{"big", "", SortOrder::Desc}, IndexElement{"small"}}}};

    Table order;
    order.name = "order";
    order.columns = {column("user_id", "integer", false), column("seq", "integer", false),
                     column("total", "numeric(10,2)", false, "0.00")};
    order.primary_key = PrimaryKey{"pk_order", {"user_id", "seq"}};
    order.foreign_keys = {ForeignKey{
        "fk_order_user_id_user", {"user_id"}, "", "user", {"id"}, "cascade", "set null"}};

    Table line;
    line.name = "Order Line";
    line.columns = {column("user_id", "integer", false), column("seq", "integer", false),
                    column("n", "integer", false), column("qty", "integer", false, "1")};
    line.primary_key = PrimaryKey{"pk_order_line", {"user_id", "seq", "n"}};
    line.foreign_keys = {ForeignKey{
        "fk_line_order", {"user_id", "seq"}, "", "order", {"user_id", "seq"}, "restrict", ""}};

    Table nokey;  // a table without a primary key
    nokey.name = "group";
    nokey.columns = {column("id", "integer", false), column("label", "text")};

    Schema s;
    s.tables = {user, order, line, nokey};
    s.enums = {Enum{"", "mood", {"sad", "ok"}}};
    return s;
}

}  // namespace

TEST_CASE("sqlite round trip: a rich schema reflects as it was declared", "[sqlite]") {
    SqliteDb db;
    Schema model = rich_schema();
    db.apply(CreateEnum{model.enums[0]});
    for (const Table& t : model.tables) db.apply(CreateTable{t});
    Schema reflected = db.reflect();
    Schema expected = db.expected(model);
    INFO("expected:\n" << to_text(expected) << "\nreflected:\n" << to_text(reflected));
    CHECK(reflected == expected);

    // The normalisation choices this asserts, spelled out.
    const Table* user = reflected.find_table("", "user");
    REQUIRE(user);
    CHECK(user->find_column("is_active")->server_default == "1");
    CHECK(user->find_column("created_at")->server_default == "CURRENT_TIMESTAMP");
    CHECK(user->find_column("small")->server_default == "7");
    CHECK(user->find_column("mood")->type == ColumnType::of(TypeKind::Text));
    CHECK(user->find_column("tags")->type.name == "jsonb");
    CHECK(user->find_column("id")->autoincrement);
    CHECK_FALSE(reflected.find_table("", "group")->find_column("id")->autoincrement);

    // Rows obey what was declared: the autoincrement key, defaults, the checks, the FK.
    db.conn->execute("INSERT INTO \"user\" (\"Email Address\") VALUES ('A@x.org')");
    CHECK(db.scalar("SELECT id || ' ' || is_active || ' ' || status FROM \"user\"") == "1 1 draft");
    CHECK_THROWS_WITH(
        db.conn->execute("INSERT INTO \"user\" (\"Email Address\") VALUES ('a@X.ORG')"),
        Catch::Contains("UNIQUE constraint failed"));  // nocase expression index
    CHECK_THROWS_WITH(
        db.conn->execute("INSERT INTO \"user\" (\"Email Address\", balance) VALUES ('b', -1)"),
        Catch::Contains("CHECK constraint failed: ck_user_balance"));
    CHECK_THROWS_WITH(db.conn->execute("INSERT INTO \"order\" (user_id, seq) VALUES (9, 1)"),
                      Catch::Contains("FOREIGN KEY constraint failed"));
}

TEST_CASE("sqlite round trip: normalize_type equals reflection for every portable type",
          "[sqlite]") {
    const char* types[] = {
        "integer",  "bigint",        "smallint",   "string(20)", "string",
        "text",     "boolean",       "date",       "datetime",   "datetime(timezone)",
        "time",     "numeric(12,2)", "numeric(5)", "numeric",    "float",
        "double",   "binary",        "uuid",       "json",       "enum(mood)",
        "interval", "jsonb",         "varchar(9)", "INT"};
    SqliteDb db;
    Table t;
    t.name = "t";
    for (size_t i = 0; i < std::size(types); ++i)
        t.columns.push_back(column("c" + std::to_string(i), types[i]));
    db.apply(CreateTable{t});
    Schema reflected = db.reflect();
    for (size_t i = 0; i < std::size(types); ++i) {
        INFO(types[i]);
        CHECK(reflected.tables[0].columns[i].type ==
              db.dialect.normalize_type(*parse_type(types[i], nullptr)));
    }
}

TEST_CASE("sqlite round trip: a bigint or smallint key without autoincrement keeps its type",
          "[sqlite]") {
    SqliteDb db;
    for (const char* type : {"bigint", "smallint", "integer"}) {
        Table t;
        t.name = std::string("t_") + type;
        Column id = column("id", type, false);
        id.autoincrement = false;
        t.columns = {id};
        t.primary_key = PrimaryKey{"pk_" + t.name, {"id"}};
        db.apply(CreateTable{t});
        Schema s = db.reflect();
        const Column* reflected = s.find_table("", t.name)->find_column("id");
        INFO(type);
        CHECK(reflected->type == db.dialect.normalize_type(*parse_type(type, nullptr)));
        CHECK_FALSE(reflected->autoincrement);
    }
    // Not a rowid alias: the key is not filled in.
    CHECK_THROWS_WITH(db.conn->execute("INSERT INTO t_bigint DEFAULT VALUES"),
                      Catch::Contains("NOT NULL"));
}

TEST_CASE("sqlite round trip: sqlite_autoincrement keeps AUTOINCREMENT, through a rebuild too",
          "[sqlite]") {
    SqliteDb db;
    Table t;
    t.name = "archive";
    Column id = column("id", "integer", false);
    id.autoincrement = true;
    t.columns = {id, column("txt", "text")};
    t.primary_key = PrimaryKey{"pk_archive", {"id"}};
    t.sqlite_autoincrement = true;
    db.apply(CreateTable{t});
    CHECK_THAT(db.scalar("SELECT sql FROM sqlite_master WHERE name = 'archive'"),
               Catch::Contains(
                   "\"id\" INTEGER NOT NULL CONSTRAINT \"pk_archive\" PRIMARY KEY AUTOINCREMENT"));
    CHECK(db.reflect() == db.expected(db.schema));

    // A rebuild (SQLite cannot ALTER a column's type) recreates the keyword.
    AlterColumn alter;
    alter.table = "archive";
    alter.name = "txt";
    alter.type = *parse_type("string(20)", nullptr);
    alter.existing_type = *parse_type("text", nullptr);
    db.apply(alter);
    Schema after = db.reflect();
    CHECK(after.tables[0].sqlite_autoincrement);
    CHECK(after.tables[0].primary_key->name == "pk_archive");

    // What the keyword means: the id of a deleted last row is not given again.
    db.conn->execute(
        "INSERT INTO archive (txt) VALUES ('a'), ('b'); DELETE FROM archive WHERE id = 2");
    db.conn->execute("INSERT INTO archive (txt) VALUES ('c')");
    CHECK(db.scalar("SELECT max(id) FROM archive") == "3");
}
