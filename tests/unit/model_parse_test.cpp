// The shared model-shape parser as the revision files use it: a lone column
// (add_column), an index with the caller's own keys (create_index), an enum.

#include "core/model/model_parse.h"

#include <catch2/catch.hpp>

using namespace migrate;

namespace {

struct Fixture {
    std::vector<Diagnostic> diagnostics;
    NamingConvention naming;
    ParseContext ctx{"r.yaml", &diagnostics, &naming};
};

}  // namespace

TEST_CASE("parse_column expands shorthands named for the table", "[model_parse]") {
    Fixture f;
    auto c = parse_column(
        yaml::parse("{name: owner_id, type: bigint, nullable: false, references: users.id, "
                    "on_delete: SET_NULL, unique: true}"),
        "posts", f.ctx);
    REQUIRE(c);
    CHECK(f.diagnostics.empty());
    CHECK(c->column.type.kind == TypeKind::BigInt);
    CHECK_FALSE(c->column.nullable);
    REQUIRE(c->foreign_key);
    CHECK(c->foreign_key->name == "fk_posts_owner_id_users");
    CHECK(c->foreign_key->on_delete == "set null");
    REQUIRE(c->unique);
    CHECK(c->unique->name == "uq_posts_owner_id");
    CHECK_FALSE(c->index);

    auto pk = parse_column(yaml::parse("{name: id, type: integer, primary_key: true}"), "t", f.ctx);
    REQUIRE(pk);
    CHECK(pk->primary_key);
    CHECK(pk->column.autoincrement);
    CHECK_FALSE(pk->column.nullable);
}

TEST_CASE("parse_column reports problems and returns nothing", "[model_parse]") {
    Fixture f;
    CHECK_FALSE(
        parse_column(yaml::parse("{name: x, type: \"numeric(3,4)\", uniqe: true}"), "t", f.ctx));
    REQUIRE(f.diagnostics.size() == 2);
    CHECK(f.diagnostics[0].where.to_string() == "r.yaml:1:33");
    CHECK_THAT(f.diagnostics[0].message, Catch::Contains("did you mean 'unique'?"));
    CHECK(f.diagnostics[1].where.to_string() == "r.yaml:1:17");
    CHECK_THAT(f.diagnostics[1].message, Catch::Contains("cannot exceed precision"));
}

TEST_CASE("parse_index accepts the caller's extra keys only when asked", "[model_parse]") {
    Fixture f;
    yaml::Node node = yaml::parse("{table: t, columns: [a, {name: b, order: desc}], where: a > 0}");
    CHECK_FALSE(parse_index(node, "t", f.ctx));
    REQUIRE(f.diagnostics.size() == 1);
    CHECK_THAT(f.diagnostics[0].message, Catch::Contains("unknown key 'table'"));
    f.diagnostics.clear();
    auto index = parse_index(node, "t", f.ctx, {"table", "schema"});
    REQUIRE(index);
    CHECK(f.diagnostics.empty());
    CHECK(index->name == "ix_t_a_b");
    CHECK(index->elements[1].order == SortOrder::Desc);
    CHECK(index->where == std::optional<std::string>("a > 0"));
    auto expr =
        parse_index(yaml::parse("{expressions: [lower(email)], unique: true}"), "users", f.ctx);
    REQUIRE(expr);
    CHECK(expr->name == "ix_users_email");
    CHECK(expr->elements[0].expression == "lower(email)");
}

TEST_CASE("parse_enum and parse_type_node", "[model_parse]") {
    Fixture f;
    auto e = parse_enum(yaml::parse("{name: mood, values: [happy, sad], schema: app}"), f.ctx);
    REQUIRE(e);
    CHECK(e->qualified_name() == "app.mood");
    CHECK(e->values == std::vector<std::string>{"happy", "sad"});
    CHECK(parse_type_node(yaml::parse("jsonb"), f.ctx)->kind == TypeKind::Dialect);
    CHECK(parse_type_node(yaml::parse("timetz"), f.ctx)->name == "timetz");
    CHECK(parse_type_node(yaml::parse("integer[]"), f.ctx)->name == "integer[]");
    CHECK(f.diagnostics.empty());
    CHECK_FALSE(parse_type_node(yaml::parse("boolen"), f.ctx));
    CHECK_FALSE(parse_type_node(yaml::parse("[integer]"), f.ctx));
    REQUIRE(f.diagnostics.size() == 2);
    CHECK(f.diagnostics[0].message == "unknown type 'boolen' (did you mean 'boolean'?)");
}
