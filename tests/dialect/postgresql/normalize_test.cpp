// PostgreSQL type mapping and normalisation: normalize_type(t) equals what reflection
// returns after rendering t (checked on the real server for portable and verbatim
// types), and defaults / expressions as written compare equal to how PostgreSQL
// deparses them.

#include <catch2/catch.hpp>

#include "tests/dialect/postgresql/support.h"

using namespace migrate;
using namespace migrate::test;

TEST_CASE("postgresql: normalize_type equals what reflection returns for the rendered type",
          "[postgresql][types]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    auto conn = pg_connect(db.url());
    std::vector<std::string> types = {"integer",
                                      "bigint",
                                      "smallint",
                                      "string(20)",
                                      "string",
                                      "text",
                                      "boolean",
                                      "date",
                                      "datetime",
                                      "datetime(timezone)",
                                      "time",
                                      "numeric(12,2)",
                                      "numeric(7)",
                                      "numeric",
                                      "float",
                                      "double",
                                      "binary",
                                      "uuid",
                                      "json",
                                      "interval",
                                      "enum(mood)",
                                      "int4",
                                      "INT8",
                                      "int2",
                                      "varchar(10)",
                                      "VARCHAR",
                                      "timestamptz",
                                      "timestamp(3)",
                                      "timestamp(3) with time zone",
                                      "timetz",
                                      "decimal(7,2)",
                                      "float8",
                                      "float4",
                                      "bool",
                                      "char(3)",
                                      "character",
                                      "jsonb",
                                      "inet",
                                      "tsvector",
                                      "integer[]",
                                      "INT[]",
                                      "varchar(5)[]",
                                      "double precision",
                                      "bit varying(5)",
                                      "serial",
                                      "bigserial"};
    conn->execute("CREATE TYPE mood AS ENUM ('a')");
    Table t;
    t.name = "typed";
    for (size_t i = 0; i < types.size(); ++i)
        t.columns.push_back(col("c" + std::to_string(i), types[i]));
    Schema before;
    before.enums.push_back({"", "mood", {"a"}});
    run_ops(*conn, {CreateTable{t}}, before);
    Reflection r = pg_reflect(*conn);
    const Table* got = r.schema.find_table("", "typed");
    REQUIRE(got);
    PostgresqlDialect d;
    for (size_t i = 0; i < types.size(); ++i) {
        INFO("type " << types[i]);
        CHECK(d.normalize_type(type_of(types[i])) == got->columns[i].type);
    }
    CHECK(got->columns[0].type.to_string() == "integer");
    CHECK(got->find_column("c21")->type.to_string() == "integer");  // int4 reads back as portable
    CHECK(got->find_column("c24")->type.to_string() == "string(10)");  // varchar(10)
    CHECK(got->find_column("c26")->type.to_string() == "datetime(timezone)");
}

TEST_CASE("postgresql: defaults as written compare equal to defaults as deparsed",
          "[postgresql][types]") {
    PostgresqlDialect d;
    auto def = [&](const std::string& sql, const std::string& type) {
        return *d.normalize_default(sql, type_of(type));
    };
    CHECK(def("'draft'::character varying", "string(20)") == def("'draft'", "string(20)"));
    CHECK(def("CURRENT_TIMESTAMP", "datetime(timezone)") == "now()");
    CHECK(def("now()", "datetime") == "now()");
    CHECK(def("TRUE", "boolean") == "true");
    CHECK(def("'t'", "boolean") == "true");
    CHECK(def("false", "boolean") == "false");
    CHECK(def("'0'::numeric", "numeric(12,2)") == "0");
    CHECK(def("'-1'::integer", "integer") == "-1");
    CHECK(def("(-1)", "integer") == "-1");
    CHECK(def("''::text", "text") == "''");
    CHECK(def("'it''s'::text", "text") == "'it''s'");
    CHECK(def("'{}'::jsonb", "jsonb") == "'{}'");
    CHECK(def("(('x'))", "text") == "'x'");
    CHECK(def("now() + interval '1 day'", "datetime") ==
          def("(now() + '1 day'::interval)", "datetime"));
    CHECK_FALSE(d.normalize_default(std::nullopt, type_of("text")));
}

TEST_CASE("postgresql: check expressions and predicates as written vs as deparsed",
          "[postgresql][types]") {
    PostgresqlDialect d;
    auto same = [&](const std::string& written, const std::string& deparsed) {
        INFO(written << "  vs  " << deparsed);
        CHECK(d.normalize_expression(written) == d.normalize_expression(deparsed));
    };
    same("balance >= 0", "(balance >= (0)::numeric)");
    same("a > 0 AND b > 0 AND c > 0", "((a > 0) AND (b > 0) AND (c > 0))");
    same("(a > 0 OR b > 0) AND c", "(((a > 0) OR (b > 0)) AND c)");
    same("\"Line No\" > 0 AND \"group\" <> 'bad'",
         "((\"Line No\" > 0) AND ((\"group\")::text <> 'bad'::text))");
    same("name LIKE 'a%'", "((name)::text ~~ 'a%'::text)");
    same("x != 1", "(x <> 1)");
    same("lower(email)", "lower((email)::text)");
    same("a + b = c", "((a + b) = c)");
    same("price IS NULL OR price > 0", "((price IS NULL) OR (price > (0)::numeric))");
    same("NOT deleted", "(NOT deleted)");
    same("CASE WHEN a > 0 THEN 1 ELSE 0 END = 1", "(CASE WHEN (a > 0) THEN 1 ELSE 0 END = 1)");
    same("created_at > now() - interval '1 day'", "(created_at > (now() - '1 day'::interval))");
    CHECK(d.normalize_expression("(a + b) * c") == "(a + b) * c");
    CHECK(d.normalize_expression("coalesce(a, 0) > f(b, c)") == "coalesce(a, 0) > f(b, c)");
    CHECK(d.normalize_expression("\"Mixed\" = 1") == "\"Mixed\" = 1");
    CHECK(d.normalize_expression("a OR (b AND c)") == "a or (b and c)");
}

TEST_CASE("postgresql: identifiers and literals are quoted by one function",
          "[postgresql][types]") {
    PostgresqlDialect d;
    CHECK(d.quote_identifier("user") == "\"user\"");
    CHECK(d.quote_identifier("Mixed Case") == "\"Mixed Case\"");
    CHECK(d.quote_identifier("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(d.quote_identifier("Ünïcode") == "\"Ünïcode\"");
    CHECK(d.quote_literal("it's") == "'it''s'");
}
