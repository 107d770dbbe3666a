// Types that MySQL schemas carry and no portable name stands for (FLOAT(m,d),
// BINARY(n), an inline ENUM('a','b'), INT UNSIGNED) load from model files verbatim, an
// integer one may autoincrement, and index names may repeat across tables when the
// database keeps them per table (the real-schema corpus meets all of these).

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/model/model_loader.h"
#include "core/schema/types.h"

using namespace migrate;

TEST_CASE("FLOAT(m,d), BINARY(n) and an inline ENUM are verbatim types", "[types]") {
    for (const char* text : {"float(10,3)", "double(8,2)", "binary(1)", "enum('a','b c')",
                             "ENUM('Full','Read-Only')"}) {
        INFO(text);
        std::string err;
        auto t = parse_type(text, &err);
        REQUIRE(t);
        CHECK(t->kind == TypeKind::Dialect);
        CHECK(t->to_string() == text);
    }
    // The portable spellings keep their meaning and their errors.
    CHECK(parse_type("float", nullptr)->kind == TypeKind::Float);
    CHECK(parse_type("enum(mood)", nullptr)->kind == TypeKind::Enum);
    std::string err;
    CHECK_FALSE(parse_type("integer(4)", &err));
    CHECK_FALSE(parse_type("enum()", &err));
}

TEST_CASE("verbatim integer types are integers that may autoincrement", "[types][loader]") {
    for (const char* text : {"int unsigned", "tinyint", "mediumint(8) unsigned", "BIGINT UNSIGNED"})
        CHECK(is_integer_type(*parse_type(text, nullptr)));
    for (const char* text : {"interval", "float(10,3)", "integer[]", "point"})
        CHECK_FALSE(is_integer_type(*parse_type(text, nullptr)));

    Schema s = load_model_documents({{"m.yaml", R"(tables:
  - name: t
    columns: [{name: id, type: int unsigned, primary_key: true, autoincrement: true}]
)"}});
    CHECK(s.tables.at(0).columns.at(0).autoincrement);
    CHECK_THROWS_WITH(load_model_documents({{"m.yaml", R"y(tables:
  - name: t
    columns: [{name: id, type: "float(10,3)", primary_key: true, autoincrement: true}]
)y"}}),
                      Catch::Contains("needs an integer type"));
}

TEST_CASE("index names repeat across tables only where the database allows it", "[loader]") {
    const std::string text = R"(tables:
  - name: a
    columns: [{name: id, type: integer, primary_key: true}, {name: x, type: text}]
    indexes: [{name: x_idx, columns: [x]}]
  - name: b
    columns: [{name: id, type: integer, primary_key: true}, {name: x, type: text}]
    indexes: [{name: x_idx, columns: [x]}]
)";
    CHECK_THROWS_WITH(
        load_model_documents({{"m.yaml", text}}),
        Catch::Contains("the name 'x_idx' of table 'b' is already used by table 'a'"));
    Schema s = load_model_documents({{"m.yaml", text}}, NamingConvention{.names_per_table = true});
    REQUIRE(s.tables.size() == 2);
    CHECK(s.tables[0].indexes.at(0).name == "x_idx");
    CHECK(s.tables[1].indexes.at(0).name == "x_idx");
}
