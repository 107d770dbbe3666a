// apply_operation: each operation applied to an in-memory schema, and the errors for
// operations that do not fit.
#include "core/operations/apply_operation.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"

using namespace migrate;

namespace {

Column col(const std::string& name, TypeKind kind, bool nullable = true) {
    Column c;
    c.name = name;
    c.type = ColumnType::of(kind);
    c.nullable = nullable;
    return c;
}

Schema blog() {
    Table users;
    users.name = "users";
    users.columns = {col("id", TypeKind::Integer, false), col("email", TypeKind::Text, false)};
    users.primary_key = PrimaryKey{"pk_users", {"id"}};
    users.unique_constraints = {{"uq_users_email", {"email"}}};
    users.indexes = {Index{"ix_users_email", {IndexElement{"email"}}}};
    users.checks = {{"ck_users_email", "email <> ''"}};
    Table posts;
    posts.name = "posts";
    posts.columns = {col("id", TypeKind::Integer, false), col("user_id", TypeKind::Integer)};
    posts.primary_key = PrimaryKey{"pk_posts", {"id"}};
    posts.foreign_keys = {
        ForeignKey{"fk_posts_user_id_users", {"user_id"}, "", "users", {"id"}, "cascade", ""}};
    Schema s;
    s.tables = {users, posts};
    return s;
}

const NamingConvention naming;

}  // namespace

TEST_CASE("apply_operation: tables and columns", "[apply_operation]") {
    Schema s = blog();
    apply_operation(s, AddColumn{"", "users", col("age", TypeKind::SmallInt)}, naming);
    CHECK(s.find_table("", "users")->find_column("age"));

    AlterColumn alter;
    alter.table = "users";
    alter.name = "age";
    alter.type = ColumnType::of(TypeKind::BigInt);
    alter.nullable = false;
    alter.server_default = std::optional<std::string>("0");
    apply_operation(s, alter, naming);
    const Column* age = s.find_table("", "users")->find_column("age");
    CHECK(age->type.kind == TypeKind::BigInt);
    CHECK_FALSE(age->nullable);
    CHECK(age->server_default == "0");

    apply_operation(s, DropColumn{"", "users", "email", std::nullopt}, naming);
    const Table* users = s.find_table("", "users");
    CHECK(users->columns.size() == 2);
    CHECK(users->indexes.empty());
    CHECK(users->unique_constraints.empty());
    CHECK(users->checks.empty());

    apply_operation(s, DropTable{"", "posts", std::nullopt}, naming);
    CHECK(s.tables.size() == 1);
}

TEST_CASE("apply_operation: renaming a column follows it into keys and references",
          "[apply_operation]") {
    Schema s = blog();
    AlterColumn alter;
    alter.table = "users";
    alter.name = "id";
    alter.new_name = "user_id";
    apply_operation(s, alter, naming);
    CHECK(s.find_table("", "users")->primary_key->columns == std::vector<std::string>{"user_id"});
    CHECK(s.find_table("", "posts")->foreign_keys[0].referred_columns ==
          std::vector<std::string>{"user_id"});
}

TEST_CASE("apply_operation: rename_table renames convention-derived names only",
          "[apply_operation]") {
    Schema s = blog();
    s.find_table("", "users")->indexes.push_back(Index{"my_index", {IndexElement{"email"}}});
    apply_operation(s, RenameTable{"", "users", "accounts"}, naming);
    const Table* t = s.find_table("", "accounts");
    REQUIRE(t);
    CHECK(t->primary_key->name == "pk_accounts");
    CHECK(t->unique_constraints[0].name == "uq_accounts_email");
    CHECK(t->indexes[0].name == "ix_accounts_email");
    CHECK(t->indexes[1].name == "my_index");
    CHECK(t->checks[0].name == "ck_accounts_email");
    CHECK(s.find_table("", "posts")->foreign_keys[0].referred_table == "accounts");
    CHECK(s.find_table("", "posts")->foreign_keys[0].name == "fk_posts_user_id_accounts");

    apply_operation(s, RenameTable{"", "posts", "articles"}, naming);
    CHECK(s.find_table("", "articles")->foreign_keys[0].name == "fk_articles_user_id_accounts");
}

TEST_CASE("apply_operation: indexes and constraints", "[apply_operation]") {
    Schema s = blog();
    apply_operation(
        s, CreateIndex{"", "posts", Index{"ix_posts_user_id", {IndexElement{"user_id"}}}}, naming);
    apply_operation(s, CreateUniqueConstraint{"", "posts", {"uq_posts_user_id", {"user_id"}}},
                    naming);
    apply_operation(s, CreateCheckConstraint{"", "posts", {"ck_posts_id", "id > 0"}}, naming);
    const Table* posts = s.find_table("", "posts");
    CHECK(posts->indexes.size() == 1);
    CHECK(posts->unique_constraints.size() == 1);
    CHECK(posts->checks.size() == 1);

    apply_operation(s, DropConstraint{"", "posts", "pk_posts", ConstraintType::PrimaryKey}, naming);
    CHECK_FALSE(s.find_table("", "posts")->primary_key);
    apply_operation(s, CreatePrimaryKey{"", "posts", {"pk_posts", {"id", "user_id"}}}, naming);
    CHECK_FALSE(s.find_table("", "posts")->find_column("user_id")->nullable);
    apply_operation(
        s, DropConstraint{"", "posts", "fk_posts_user_id_users", ConstraintType::ForeignKey},
        naming);
    CHECK(s.find_table("", "posts")->foreign_keys.empty());
    apply_operation(s, DropIndex{"", "posts", "ix_posts_user_id", std::nullopt}, naming);
    CHECK(s.find_table("", "posts")->indexes.empty());
}

TEST_CASE("apply_operation: enums, comments and execute effects", "[apply_operation]") {
    Schema s = blog();
    apply_operation(s, CreateEnum{Enum{"", "mood", {"sad", "happy"}}}, naming);
    apply_operation(s, AlterEnumAddValue{"", "mood", "ok", "happy", std::nullopt}, naming);
    CHECK(s.find_enum("", "mood")->values == std::vector<std::string>{"sad", "ok", "happy"});
    apply_operation(s, AlterEnumDropValue{"", "mood", "sad"}, naming);
    CHECK(s.find_enum("", "mood")->values == std::vector<std::string>{"ok", "happy"});
    apply_operation(s, SetTableComment{"", "users", std::string("people"), std::nullopt}, naming);
    CHECK(s.find_table("", "users")->comment == "people");
    apply_operation(s, Execute{"drop table posts", "", {DropTable{"", "posts", std::nullopt}}},
                    naming);
    CHECK_FALSE(s.find_table("", "posts"));
    apply_operation(s, Execute{"select 1", "", {}}, naming);
    apply_operation(s, DropEnum{"", "mood", std::nullopt}, naming);
    CHECK(s.enums.empty());
}

TEST_CASE("apply_operation: operations that do not fit give clear errors", "[apply_operation]") {
    Schema s = blog();
    CHECK_THROWS_WITH(
        apply_operation(s, DropTable{"", "user", std::nullopt}, naming),
        "cannot apply drop table 'user': table 'user' does not exist (did you mean 'users'?)");
    CHECK_THROWS_WITH(
        apply_operation(s, DropColumn{"", "users", "emial", std::nullopt}, naming),
        Catch::Contains("column 'emial' does not exist in table 'users' (did you mean 'email'?)"));
    CHECK_THROWS_WITH(
        apply_operation(s, AddColumn{"", "users", col("email", TypeKind::Text)}, naming),
        Catch::Contains("already exists"));
    CHECK_THROWS_WITH(apply_operation(s, CreateTable{*s.find_table("", "users")}, naming),
                      Catch::Contains("table 'users' already exists"));
    CHECK_THROWS_WITH(
        apply_operation(s, CreateIndex{"", "posts", Index{"ix_users_email", {IndexElement{"id"}}}},
                        naming),
        Catch::Contains("already exists on table 'users'"));
    CHECK_THROWS_WITH(
        apply_operation(s, DropConstraint{"", "users", "nope", ConstraintType::Check}, naming),
        Catch::Contains("check constraint 'nope' does not exist"));
    CHECK_THROWS_WITH(apply_operation(s, CreatePrimaryKey{"", "users", {"pk2", {"email"}}}, naming),
                      Catch::Contains("already has primary key 'pk_users'"));
    CHECK_THROWS_WITH(
        apply_operation(
            s, CreateForeignKey{"", "posts", {"fk", {"user_id"}, "", "nobody", {"id"}, "", ""}},
            naming),
        Catch::Contains("table 'nobody' does not exist"));
    CHECK_THROWS_WITH(apply_operation(s, RenameTable{"", "users", "posts"}, naming),
                      Catch::Contains("table 'posts' already exists"));
    CHECK_THROWS_AS(
        apply_operation(s, AlterEnumAddValue{"", "mood", "x", std::nullopt, std::nullopt}, naming),
        InputError);
    CHECK(s == blog());  // failed operations changed nothing
}
