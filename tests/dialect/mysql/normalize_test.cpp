// MySQL / MariaDB normalisation (dialects/mysql/normalize.h): a model's spelling and
// what MariaDB 10.11 prints back (CHECK_CONSTRAINTS.CHECK_CLAUSE, COLUMNS.COLUMN_DEFAULT)
// normalise to the same text. The server spellings were read from a live server.

#include "dialects/mysql/normalize.h"

#include <catch2/catch.hpp>

#include "tests/dialect/dialects.h"

using namespace migrate;
using namespace migrate::mysql;
using migrate::test::type_of;

TEST_CASE("mysql normalize: check expressions as written and as MariaDB prints them",
          "[mysql][normalize]") {
    struct Pair {
        const char* model;
        const char* server;
    };
    const Pair pairs[] = {
        {"(a > 0) AND (b < 5)", "`a` > 0 and `b` < 5"},
        {"a + b * c > 0", "`a` + `b` * `c` > 0"},
        {"a BETWEEN 1 AND 5", "`a` between 1 and 5"},
        {"a <> 1 and b != 2", "`a` <> 1 and `b` <> 2"},
        {"NOT (a = 1)", "`a` <> 1"},
        {"LOWER(f) = 'x'", "lcase(`f`) = 'x'"},
        {"a IN (1, 2) OR (b > 1 AND c > 2)", "`a` in (1,2) or `b` > 1 and `c` > 2"},
        {"CHAR_LENGTH(f) > 2", "char_length(`f`) > 2"},
        {"(a + b) * c > 0", "(`a` + `b`) * `c` > 0"},
        {"`Weird Name` > 0 AND f <> \"dq\"", "`Weird Name` > 0 and `f` <> 'dq'"},
        {"a IS NOT NULL", "`a` is not null"},
        {"f NOT LIKE 'a%' AND a NOT IN (3)", "`f`  not like 'a%' and `a` <> 3"},
        {"a > -1 AND b = TRUE", "`a` > -1 and `b` = 1"},
        {"CASE WHEN a > 1 THEN b ELSE c END > 0", "case when `a` > 1 then `b` else `c` end > 0"},
        {"a % 2 = 0 and a div 2 > 0", "`a` MOD 2 = 0 and `a` DIV 2 > 0"},
        {"a = 1 || b = 2", "`a` = 1 or `b` = 2"},
        {"qty >= 0", "`qty` >= 0"},
        {"status in ('a','b')", "`status` in ('a','b')"},
        {"name <> 'it''s'", "`name` <> 'it''s'"},
    };
    for (const auto& p : pairs) {
        INFO(p.model << "  vs  " << p.server);
        CHECK(normalize_expression(p.model) == normalize_expression(p.server));
    }
    CHECK(normalize_expression("`a` in (1,2) or `b` > 1 and `c` > 2") ==
          "a in (1,2) or b > 1 and c > 2");
}

TEST_CASE("mysql normalize: expressions that differ stay different", "[mysql][normalize]") {
    CHECK(normalize_expression("(a + b) * c > 0") != normalize_expression("a + b * c > 0"));
    CHECK(normalize_expression("a > 0 and (b > 0 or c > 0)") !=
          normalize_expression("a > 0 and b > 0 or c > 0"));
    CHECK(normalize_expression("a - (b - c) > 0") != normalize_expression("a - b - c > 0"));
    CHECK(normalize_expression("f = 'X'") != normalize_expression("f = 'x'"));
    CHECK(normalize_expression("a >= 0") != normalize_expression("a > 0"));
}

TEST_CASE("mysql normalize: defaults as written and as MariaDB reports them",
          "[mysql][normalize]") {
    struct Case {
        const char* type;
        std::optional<std::string> model;
        std::optional<std::string> server;  // COLUMN_DEFAULT
    };
    const Case cases[] = {
        {"string(20)", "'abc'", "'abc'"},
        {"string(20)", "'it''s'", "'it''s'"},
        {"string(10)", "'a\\\\b'", "'a\\\\b'"},
        {"string(10)", "0", "'0'"},
        {"string(10)", "''", "''"},
        {"string(10)", "'NULL'", "'NULL'"},
        {"integer", "0", "0"},
        {"integer", "'7'", "7"},
        {"integer", "-5", "-5"},
        {"integer", "(1+2)", "(1 + 2)"},
        {"numeric(12,2)", "0", "0.00"},
        {"numeric(6,2)", "-0.5", "-0.50"},
        {"float", "1.50", "1.5"},
        {"double", "1e3", "1000"},
        {"boolean", "true", "1"},
        {"boolean", "FALSE", "0"},
        {"boolean", "'1'", "1"},
        {"datetime", "CURRENT_TIMESTAMP", "current_timestamp()"},
        {"datetime", "now()", "current_timestamp()"},
        {"datetime(timezone)", "CURRENT_TIMESTAMP", "current_timestamp()"},
        {"datetime", "CURRENT_TIMESTAMP(6)", "current_timestamp(6)"},
        {"datetime", "'2020-01-01 10:00:00'", "'2020-01-01 10:00:00'"},
        {"date", "'2020-01-01'", "'2020-01-01'"},
        {"uuid", "uuid()", "uuid()"},
        {"uuid", "(UUID())", "uuid()"},
        {"string(20)", "concat('a', 'b')", "concat('a','b')"},
        {"integer", "round(rand() * 10, 0)", "round(rand() * 10,0)"},
        {"text", "'x'", "'x'"},
        {"enum(mood)", "'ok'", "'ok'"},
        {"string(10)", std::nullopt, "NULL"},
        {"string(10)", "NULL", std::nullopt},
    };
    for (const auto& c : cases) {
        INFO(c.type << ": " << c.model.value_or("(none)") << " vs " << c.server.value_or("(none)"));
        ColumnType t = normalize_type(type_of(c.type));
        CHECK(normalize_default(c.model, t) == normalize_default(c.server, t));
    }
    CHECK(normalize_default(std::string("NULL"), type_of("integer")) == std::nullopt);
    CHECK(normalize_default(std::string("current_timestamp()"), type_of("datetime")) ==
          "current_timestamp()");
    CHECK(normalize_default(std::string("0.00"), type_of("numeric(12,2)")) == "0");
}

TEST_CASE("mysql normalize: defaults that differ stay different", "[mysql][normalize]") {
    ColumnType s = type_of("string(10)");
    ColumnType n = normalize_type(type_of("numeric(12,2)"));
    CHECK(normalize_default(std::string("'a'"), s) != normalize_default(std::string("'b'"), s));
    CHECK(normalize_default(std::string("'A'"), s) != normalize_default(std::string("'a'"), s));
    CHECK(normalize_default(std::string("1.5"), n) != normalize_default(std::string("1.05"), n));
    CHECK(normalize_default(std::string("10"), n) != normalize_default(std::string("1"), n));
    CHECK(normalize_default(std::string("'NULL'"), s) != normalize_default(std::nullopt, s));
    CHECK(normalize_default(std::string("''"), s) != normalize_default(std::nullopt, s));
}
