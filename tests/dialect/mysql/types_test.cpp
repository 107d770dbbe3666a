// The MySQL / MariaDB type mapping (dialects/mysql/types.h), both ways. The catalogue
// spellings below are what MariaDB 10.11 reports in information_schema.COLUMNS
// (COLUMN_TYPE, DATA_TYPE) for a column created from each rendered type.

#include "dialects/mysql/types.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "dialects/mysql/normalize.h"
#include "tests/dialect/dialects.h"

using namespace migrate;
using namespace migrate::mysql;
using migrate::test::type_of;

namespace {

// The message of the InputError that `f` throws ("" when it throws none).
template <typename F>
std::string input_error(F f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

ColumnType dialect_type(const std::string& name) {
    ColumnType t;
    t.kind = TypeKind::Dialect;
    t.name = name;
    return t;
}

}  // namespace

TEST_CASE("mysql types: each portable type renders, and reads back as itself", "[mysql][types]") {
    struct Case {
        const char* portable;
        const char* sql;
        const char* column_type;  // as MariaDB 10.11 reports it
        const char* data_type;
    };
    const Case cases[] = {
        {"integer", "INT", "int(11)", "int"},
        {"bigint", "BIGINT", "bigint(20)", "bigint"},
        {"smallint", "SMALLINT", "smallint(6)", "smallint"},
        {"boolean", "TINYINT(1)", "tinyint(1)", "tinyint"},
        {"string(20)", "VARCHAR(20)", "varchar(20)", "varchar"},
        {"text", "TEXT", "text", "text"},
        {"numeric(12,2)", "DECIMAL(12,2)", "decimal(12,2)", "decimal"},
        {"numeric(5)", "DECIMAL(5)", "decimal(5,0)", "decimal"},
        {"numeric", "DECIMAL", "decimal(10,0)", "decimal"},
        {"float", "FLOAT", "float", "float"},
        {"double", "DOUBLE", "double", "double"},
        {"date", "DATE", "date", "date"},
        {"datetime", "DATETIME", "datetime", "datetime"},
        {"datetime(timezone)", "TIMESTAMP", "timestamp", "timestamp"},
        {"time", "TIME", "time", "time"},
        {"json", "JSON", "longtext", "json"},  // MariaDB: longtext + json_valid check
        {"uuid", "CHAR(36)", "char(36)", "char"},
        {"binary", "BLOB", "blob", "blob"},
        {"longtext", "longtext", "longtext", "longtext"},
        {"int unsigned", "int unsigned", "int(10) unsigned", "int"},
        {"mediumint", "mediumint", "mediumint(9)", "mediumint"},
        {"set('x','y')", "set('x','y')", "set('x','y')", "set"},
    };
    for (const auto& c : cases) {
        INFO(c.portable);
        ColumnType t = type_of(c.portable);
        CHECK(render_type(t) == c.sql);
        ColumnType back = type_from_catalog(c.column_type, c.data_type);
        CHECK(back == normalize_type(t));
        CHECK(normalize_type(back) == back);
    }
    // Where the portable type is exact, it comes back as written.
    CHECK(type_from_catalog("int(11)", "int") == type_of("integer"));
    CHECK(type_from_catalog("varchar(20)", "varchar") == type_of("string(20)"));
    CHECK(type_from_catalog("decimal(12,2)", "decimal") == type_of("numeric(12,2)"));
    CHECK(type_from_catalog("timestamp", "timestamp") == type_of("datetime(timezone)"));
    CHECK(type_from_catalog("longtext", "json") == type_of("json"));
}

TEST_CASE("mysql types: catalogue spellings of MySQL 8 and MariaDB", "[mysql][types]") {
    // MySQL 8.0.19+ drops integer display widths.
    CHECK(type_from_catalog("int", "int") == ColumnType::of(TypeKind::Integer));
    CHECK(type_from_catalog("bigint", "bigint") == ColumnType::of(TypeKind::BigInt));
    CHECK(type_from_catalog("json", "json") == ColumnType::of(TypeKind::Json));
    CHECK(type_from_catalog("uuid", "uuid") == ColumnType::of(TypeKind::Uuid));  // MariaDB 10.7+
    CHECK(type_from_catalog("tinyint(4)", "tinyint") == dialect_type("tinyint"));
    CHECK(type_from_catalog("tinyint(1) unsigned", "tinyint") == dialect_type("tinyint unsigned"));
    CHECK(type_from_catalog("bigint(20) unsigned", "bigint") == dialect_type("bigint unsigned"));
    CHECK(type_from_catalog("int unsigned", "int") == dialect_type("int unsigned"));
    CHECK(type_from_catalog("decimal(10,2) unsigned", "decimal") ==
          dialect_type("decimal(10,2) unsigned"));
    CHECK(type_from_catalog("char(2)", "char") == dialect_type("char(2)"));
    CHECK(type_from_catalog("datetime(6)", "datetime") == dialect_type("datetime(6)"));
    CHECK(type_from_catalog("mediumtext", "mediumtext") == dialect_type("mediumtext"));
    CHECK(type_from_catalog("varbinary(16)", "varbinary") == dialect_type("varbinary(16)"));
    // Enum values keep their case and quoting exactly.
    CHECK(type_from_catalog("enum('Draft','it''s')", "enum") ==
          dialect_type("enum('Draft','it''s')"));
}

TEST_CASE("mysql types: what MySQL cannot hold is an InputError saying what to write",
          "[mysql][types]") {
    CHECK_THAT(input_error([&] { render_type(type_of("string")); }),
               Catch::Matchers::Contains("string(n)"));
    CHECK_THROWS_AS(render_type(type_of("interval")), InputError);
    CHECK_THAT(input_error([&] { render_type(type_of("numeric(70,2)")); }),
               Catch::Matchers::Contains("65"));
    CHECK_THROWS_AS(render_type(type_of("enum(mood)")), InputError);
    // The differ normalises model types without rendering errors.
    CHECK(normalize_type(type_of("string")) == type_of("string"));
}

TEST_CASE("mysql types: inline enum values", "[mysql][types]") {
    CHECK(enum_sql({"a", "it's", "back\\slash"}) == "ENUM('a','it''s','back\\\\slash')");
    auto v = enum_values("enum('a','it''s','back\\\\slash','(x, y)')");
    REQUIRE(v);
    CHECK(*v == std::vector<std::string>{"a", "it's", "back\\slash", "(x, y)"});
    CHECK_FALSE(enum_values("varchar(10)"));
    CHECK_FALSE(enum_values("set('a')"));
    // A named enum and an inline one compare alike: the values live in the models' enums.
    CHECK(normalize_type(type_of("enum(mood)")) ==
          normalize_type(type_from_catalog("enum('happy','sad')", "enum")));
}

TEST_CASE("mysql types: normalize_type reads written MySQL types as the server reports them",
          "[mysql][types]") {
    CHECK(normalize_type(dialect_type("INT(10) UNSIGNED")) == dialect_type("int unsigned"));
    CHECK(normalize_type(dialect_type("int(11)")) == ColumnType::of(TypeKind::Integer));
    CHECK(normalize_type(dialect_type("BOOL")) == ColumnType::of(TypeKind::Boolean));
    CHECK(normalize_type(dialect_type("VARCHAR(20)")) == type_of("string(20)"));
    CHECK(normalize_type(dialect_type("LONGTEXT")) == dialect_type("longtext"));
    CHECK(normalize_type(dialect_type("float(10, 2)")) == dialect_type("float(10,2)"));
    CHECK(normalize_type(type_of("numeric")) == type_of("numeric(10,0)"));
    CHECK_FALSE(normalize_type(type_of("text")) == normalize_type(dialect_type("longtext")));
}
