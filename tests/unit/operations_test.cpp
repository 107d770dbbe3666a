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
