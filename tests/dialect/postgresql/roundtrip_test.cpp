// Round trip on the real server: a rich schema (every portable type, composite keys,
// foreign keys with actions, partial and expression indexes, checks, comments, enums,
// a schema-qualified table, defaults, identifiers that need quoting) rendered through
// CreateEnum/CreateTable, executed, reflected, and compared with the expected schema
// normalised as the differ normalises it.

#include <catch2/catch.hpp>

#include "core/diff/differ.h"
#include "tests/dialect/postgresql/support.h"

using namespace migrate;
using namespace migrate::test;

namespace {

Table users_table() {
    Table t;
    t.name = "users";
    t.comment = "Registered users, it's true";
    Column mood = col("mood", "enum(mood)", true, "'happy'");
    Column bio = col("bio", "text");
    bio.comment = "About the user";
    Column code = col("code", "string(50)");
    code.collation = "C";
    t.columns = {id_col(),
                 col("email", "string(255)", false),
                 col("full name", "string(100)"),
                 col("is_active", "boolean", false, "TRUE"),
                 col("balance", "numeric(12,2)", false, "0"),
                 col("created_at", "datetime(timezone)", false, "CURRENT_TIMESTAMP"),
                 col("updated_at", "datetime", true, "now()"),
                 mood,
                 bio,
                 code,
                 col("score", "float", true, "1.5"),
                 col("ratio", "double"),
                 col("avatar", "binary"),
                 col("token", "uuid", true, "gen_random_uuid()"),
                 col("payload", "json"),
                 col("extra", "jsonb", true, "'{}'::jsonb"),
                 col("tags", "text[]"),
                 col("birthday", "date"),
                 col("alarm", "time"),
                 col("span", "interval"),
                 col("visits", "bigint", false, "-1"),
                 col("level", "smallint", true, "'3'"),
                 col("status", "string(20)", false, "'draft'"),
                 col("price", "numeric(10)")};
    t.primary_key = PrimaryKey{"pk_users", {"id"}};
    t.unique_constraints = {{"uq_users_email", {"email"}}};
    t.checks = {
        {"ck_users_balance", "balance >= 0"},
        {"ck_users_status", "status <> 'bad' AND visits >= -1"},
        {"ck_users_case", "CASE WHEN visits > 0 THEN balance >= 0 ELSE is_active END"},
        {"ck_users_recent", "created_at < now() + interval '1 day' OR \"full name\" LIKE 'x%'"}};
    Index lower_email{
        "ix_users_lower_email", {on_expression("lower(email)")}, true, std::nullopt, ""};
    IndexElement created = on_column("created_at");
    created.order = SortOrder::Desc;
    IndexElement name_nulls = on_column("full name");
    name_nulls.nulls = NullsOrder::First;
    Index active{"ix_users_active", {created, name_nulls}, false, "is_active = true", ""};
    IndexElement pattern = on_column("email");
    pattern.opclass = "text_pattern_ops";
    Index like{"ix_users_email_pattern", {pattern}, false, std::nullopt, ""};
    Index gin{"ix_users_extra", {on_column("extra")}, false, std::nullopt, "gin"};
    t.indexes = {lower_email, active, like, gin};
    return t;
}

Table order_table() {
    Table t;
    t.name = "order";
    t.columns = {col("user_id", "integer", false), col("Line No", "integer", false),
                 col("group", "string(20)", true, "'x'"),
                 col("note \"quoted\"", "text", true, "''"), col("parent_line", "integer")};
    t.primary_key = PrimaryKey{"pk_order", {"user_id", "Line No"}};
    ForeignKey fk{
        "fk_order_user_id_users", {"user_id"}, "", "users", {"id"}, "cascade", "restrict"};
    ForeignKey self{"fk_order_parent",
                    {"user_id", "parent_line"},
                    "",
                    "order",
                    {"user_id", "Line No"},
                    "set null",
                    ""};
    t.foreign_keys = {fk, self};
    t.checks = {{"ck_order_line", "\"Line No\" > 0 AND \"group\" <> 'bad'"}};
    t.unique_constraints = {{"uq_order_group_note", {"group", "note \"quoted\""}}};
    return t;
}

Table sales_table() {
    Table t;
    t.schema = "sales";
    t.name = "Ünïcode tbl";
    t.columns = {id_col("Id"), col("it's", "text"), col("user_id", "integer"),
                 col("state", "enum(status)", false, "'open'")};
    t.primary_key = PrimaryKey{"pk_sales_unicode", {"Id"}};
    t.foreign_keys = {
        {"fk_sales_user", {"user_id"}, "public", "users", {"id"}, "set null", "no action"}};
    t.indexes = {{"ix_sales_state", {on_column("state")}, false, "state <> 'closed'", ""}};
    return t;
}

}  // namespace

TEST_CASE("postgresql: a rich schema round-trips through DDL and reflection",
          "[postgresql][roundtrip]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    auto conn = pg_connect(db.url());

    Schema expected;
    Operations ops;
    Enum mood{"", "mood", {"happy", "sad", "it's complicated"}};
    Enum status{"sales", "status", {"open", "closed"}};
    for (const Enum& e : {mood, status}) {
        ops.push_back(CreateEnum{e});
        expected.enums.push_back(e);
    }
    run_ops(*conn, ops, expected);
    for (const Table& t : {users_table(), order_table(), sales_table()}) {
        run_ops(*conn, {CreateTable{t}}, expected);
        expected.tables.push_back(t);
    }

    Reflection got = pg_reflect(*conn, {"public", "sales"});
    Schema want = normalized(expected);
    // The model says "no action" explicitly; reflection reports the default as "".
    want.find_table("sales", "Ünïcode tbl")->foreign_keys[0].on_update = "";
    CHECK(to_text(got.schema) == to_text(want));
    CHECK(got.schema == want);
    CHECK(got.unmanaged.empty());

    SECTION("the differ finds no change between the model as written and the database") {
        PostgresqlDialect d;
        DiffOptions options;
        options.dialect = &d;
        DiffResult diff = diff_schemas(got.schema, expected, options);
        std::vector<std::string> changes;
        for (const auto& c : diff.changes) changes.push_back(c.description);
        CHECK(changes == std::vector<std::string>{});
    }
    SECTION("normalised forms are what PostgreSQL deparses, cleaned") {
        const Table* users = got.schema.find_table("", "users");
        REQUIRE(users);
        CHECK(users->find_column("created_at")->server_default ==
              std::optional<std::string>("now()"));
        CHECK(users->find_column("is_active")->server_default ==
              std::optional<std::string>("true"));
        CHECK(users->find_column("status")->server_default ==
              std::optional<std::string>("'draft'"));
        CHECK(users->find_column("visits")->server_default == std::optional<std::string>("-1"));
        CHECK(users->find_column("price")->type.to_string() == "numeric(10,0)");
        CHECK(users->checks[0].expression == "balance >= 0");
        CHECK(users->find_column("id")->autoincrement);
    }
    SECTION("only public is reflected by default") {
        Reflection only_public = pg_reflect(*conn);
        CHECK(only_public.schema.tables.size() == 2);
        CHECK(only_public.schema.enums.size() == 1);
    }
}
