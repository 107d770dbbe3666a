#include "core/operations/operations.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"

using namespace migrate;

TEST_CASE("operations reverse exactly when they carry existing details", "[operations]") {
    Column c{"title", ColumnType::of(TypeKind::Text), false, std::string("''")};
    Operation add = AddColumn{"", "posts", c};
    Operation back = reverse(reverse(add));
    CHECK(back == add);
    CHECK(std::string(op_name(reverse(add))) == "drop_column");

    AlterColumn alter;
    alter.table = "users";
    alter.name = "full_name";
    alter.nullable = false;
    alter.existing_nullable = true;
    alter.existing_type = ColumnType::of(TypeKind::Text);
    Operation r = reverse(Operation(alter));
    REQUIRE(r.is<AlterColumn>());
    CHECK(r.as<AlterColumn>()->nullable == true);
    CHECK(reverse(r) == Operation(alter));

    AlterColumn no_existing;
    no_existing.table = "users";
    no_existing.name = "x";
    no_existing.type = ColumnType::of(TypeKind::BigInt);
    CHECK_THROWS_WITH(reverse(Operation(no_existing)), Catch::Contains("existing_type"));
    CHECK_THROWS_AS(reverse(Operation(DropTable{"", "t", std::nullopt})), InputError);
}

TEST_CASE("describe names the object", "[operations]") {
    CHECK(describe(Operation(DropTable{"", "tags", std::nullopt})) == "drop table 'tags'");
    CHECK(describe(Operation(
              AddColumn{"blog", "posts", Column{"x", ColumnType::of(TypeKind::Integer)}})) ==
          "add column 'blog.posts.x'");
}

TEST_CASE("an execute reverses only when it gives its reverse SQL", "[operations]") {
    Operation plain = Execute{"UPDATE t SET x = 1", "", {}};
    CHECK_THROWS_WITH(reverse(plain), Catch::Contains("how to undo its SQL (no `reverse`)"));

    Execute e{"CREATE TABLE t (id INTEGER)", "", {}};
    e.reverse = "DROP TABLE t";
    Table t;
    t.name = "t";
    e.effect = {CreateTable{t}};
    e.effect_declared = true;
    Operation r = reverse(Operation(e));
    REQUIRE(r.is<Execute>());
    CHECK(r.as<Execute>()->sql == "DROP TABLE t");
    CHECK(r.as<Execute>()->reverse == std::optional<std::string>("CREATE TABLE t (id INTEGER)"));
    REQUIRE(r.as<Execute>()->effect.size() == 1);
    CHECK(r.as<Execute>()->effect[0].is<DropTable>());
    CHECK(reverse(r) == Operation(e));

    // An effect that cannot be reversed leaves the reverse's effect unknown.
    Execute d{"DROP TABLE t", "", {DropTable{"", "t", std::nullopt}}, true};
    d.reverse = "CREATE TABLE t (id INTEGER)";
    Operation rd = reverse(Operation(d));
    CHECK(rd.as<Execute>()->sql == "CREATE TABLE t (id INTEGER)");
    CHECK_FALSE(rd.as<Execute>()->has_effect());
}
