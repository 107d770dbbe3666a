// Each operation applied to tables holding rows, on every dialect: reflection shows
// exactly the change that apply_operation predicts (as the dialect stores it), and the
// rows are intact. Numbered, table-driven cases. Operations on enums, identity columns
// and comments as written by hand: operations_typed_test.cpp.
#include <catch2/catch.hpp>
#include <functional>

#include "tests/dialect/dialects.h"

using namespace migrate;
using namespace migrate::test;

namespace {

// users(id, email, name) <- posts(id, user_id ON DELETE CASCADE, title), with rows.
void seed(TestDb& db) {
    Table users;
    users.name = "users";
    Column id = column("id", "integer", false);
    id.autoincrement = true;
    users.columns = {id, column("email", "string(100)", false), column("name", "text")};
    users.primary_key = PrimaryKey{"pk_users", {"id"}};
    users.unique_constraints = {{"uq_users_email", {"email"}}};
    users.indexes = {Index{"ix_users_name", {IndexElement{"name"}}}};
    users.checks = {{"ck_users_email", "email <> ''"}};
    Table posts;
    posts.name = "posts";
    Column pid = column("id", "integer", false);
    pid.autoincrement = true;
    posts.columns = {pid, column("user_id", "integer", false), column("title", "text")};
    posts.primary_key = PrimaryKey{"pk_posts", {"id"}};
    posts.foreign_keys = {
        ForeignKey{"fk_posts_user_id_users", {"user_id"}, "", "users", {"id"}, "cascade", ""}};
    Table notes;  // no primary key
    notes.name = "notes";
    notes.columns = {column("id", "integer", false), column("body", "text")};
    db.apply(CreateTable{users});
    db.apply(CreateTable{posts});
    db.apply(CreateTable{notes});
    db.conn->execute(
        "INSERT INTO users (id, email, name) VALUES (1, 'a@x', 'Ann'), (2, 'b@x', 'Bob')");
    db.conn->execute(
        "INSERT INTO posts (id, user_id, title) VALUES (10, 1, 'one'), (11, 2, 'two'), (12, 2, "
        "'three')");
    db.conn->execute("INSERT INTO notes VALUES (1, 'n1'), (2, 'n2')");
}

AlterColumn alter(const std::string& table, const std::string& name,
                  std::function<void(AlterColumn&)> f) {
    AlterColumn a;
    a.table = table;
    a.name = name;
    f(a);
    return a;
}

struct Case {
    int number;
    const char* what;
    Operation op;
    // Not run on a dialect with this capability (nullptr: run everywhere).
    bool Capabilities::*not_with = nullptr;
    // Run only where the database accepts this (TargetDialect's flags; nullptr: all).
    bool TargetDialect::*needs = nullptr;
};

// A dialect name other than `self`: an Execute for it must be skipped.
std::string other_dialect(const std::string& self) {
    for (const auto& t : target_dialects())
        if (t.name != self) return t.name;
    return "other";
}

std::vector<Case> cases(const std::string& dialect) {
    using S = std::optional<std::string>;
    return {
        {1, "add a nullable column", AddColumn{"", "users", column("bio", "text")}},
        {2, "add a NOT NULL column with a constant default",
         AddColumn{"", "users", column("score", "integer", false, "0")}},
        {3, "add a column defaulting to now() (SQLite: rebuild)",
         AddColumn{"", "users", column("at", "datetime", false, "now()")}},
        {4, "drop an unused column", DropColumn{"", "posts", "title", std::nullopt}},
        {5, "drop an indexed column (SQLite: rebuild)",
         DropColumn{"", "users", "name", std::nullopt}},
        {6, "rename a column",
         alter("users", "name", [](AlterColumn& a) { a.new_name = "full_name"; })},
        {7, "change a type (SQLite: rebuild)",
         alter("users", "name", [](AlterColumn& a) { a.type = type_of("string(50)"); })},
        {8, "make a column NOT NULL (SQLite: rebuild)",
         alter("users", "name", [](AlterColumn& a) { a.nullable = false; })},
        {9, "set a default (SQLite: rebuild)",
         alter("posts", "title", [](AlterColumn& a) { a.server_default = S("'untitled'"); })},
        {10, "drop a default",
         alter("posts", "title", [](AlterColumn& a) { a.server_default = S(); })},
        {11, "rename and retype at once",
         alter("users", "name",
               [](AlterColumn& a) {
                   a.new_name = "label";
                   a.type = type_of("string(80)");
               })},
        {12, "create an index",
         CreateIndex{"", "posts", Index{"ix_posts_title", {IndexElement{"title"}}}}},
        {13, "create a partial unique index",
         CreateIndex{"", "posts",
                     Index{"ix_posts_t", {IndexElement{"title"}}, true, "title IS NOT NULL"}},
         nullptr, &TargetDialect::partial_indexes},
        {14, "drop an index", DropIndex{"", "users", "ix_users_name", std::nullopt}},
        {15, "create a unique constraint",
         CreateUniqueConstraint{"", "posts", {"uq_posts_title", {"title"}}}},
        {16, "create a foreign key",
         CreateForeignKey{
             "", "notes", {"fk_notes_id_users", {"id"}, "", "users", {"id"}, "set null", ""}},
         nullptr, &TargetDialect::set_null_on_not_null},
        {17, "create a check", CreateCheckConstraint{"", "posts", {"ck_posts_id", "id > 0"}},
         nullptr, &TargetDialect::checks_on_autoincrement},
        {18, "drop a check", DropConstraint{"", "users", "ck_users_email", ConstraintType::Check}},
        {19, "drop a unique constraint",
         DropConstraint{"", "users", "uq_users_email", ConstraintType::Unique}},
        {20, "drop a foreign key",
         DropConstraint{"", "posts", "fk_posts_user_id_users", ConstraintType::ForeignKey}},
        {21, "add a primary key", CreatePrimaryKey{"", "notes", {"pk_notes", {"id"}}}},
        // apply_operation takes autoincrement away with the key (a rowid alias ends with
        // it); an identity column keeps it, so the prediction holds only without them.
        {22, "drop a primary key",
         DropConstraint{"", "posts", "pk_posts", ConstraintType::PrimaryKey},
         &Capabilities::identity_columns},
        {23, "rename a referenced table", RenameTable{"", "users", "accounts"}},
        {24, "rename a table with no derived names", RenameTable{"", "notes", "memos"}},
        {25, "create a table", CreateTable{Table{"", "tags", {column("id", "integer", false)}}}},
        {26, "drop a table", DropTable{"", "notes", std::nullopt}},
        {27, "a table comment (kept where the dialect has comments)",
         SetTableComment{"", "users", S("people"), std::nullopt}},
        {28, "execute", Execute{"UPDATE notes SET body = upper(body)", "", {}}},
        {29, "execute for another dialect is skipped",
         Execute{"DROP TABLE notes", other_dialect(dialect), {}}},
        {30, "create a foreign key that cascades",
         CreateForeignKey{
             "", "notes", {"fk_notes_id_users", {"id"}, "", "users", {"id"}, "cascade", ""}}},
        {31, "create a check on a plain column",
         CreateCheckConstraint{"", "posts", {"ck_posts_user_id", "user_id > 0"}}},
    };
}

int count(TestDb& db, const std::string& table) {
    return std::stoi(db.scalar("SELECT count(*) FROM " + db.q(table)));
}

std::string post_ids(TestDb& db) {
    std::string ids;
    for (const auto& row : db.conn->query("SELECT id FROM posts ORDER BY id").rows)
        ids += (ids.empty() ? "" : ",") + row[0].value_or("NULL");
    return ids;
}

}  // namespace

DIALECT_TEST_CASE("operations: each applied to tables holding rows", "[operations]") {
    Capabilities caps = target.make()->capabilities();
    for (const Case& c : cases(target.name)) {
        if (c.not_with && caps.*c.not_with) continue;
        if (c.needs && !(target.*c.needs)) continue;
        DYNAMIC_SECTION("case " << c.number << ": " << c.what) {
            TestDb db(target);
            seed(db);
            db.apply(c.op);
            Schema expected = db.expected(db.schema);
            Schema reflected = db.reflect();
            INFO(describe(c.op) << "\nexpected:\n"
                                << to_text(expected) << "\nreflected:\n"
                                << to_text(reflected));
            CHECK(reflected == expected);
            std::string users = db.schema.find_table("", "accounts") ? "accounts" : "users";
            CHECK(count(db, users) == 2);
            CHECK(count(db, "posts") == 3);
            if (db.schema.find_table("", "notes")) CHECK(count(db, "notes") == 2);
            CHECK(db.scalar("SELECT email FROM " + db.q(users) + " WHERE id = 2") == "b@x");
            CHECK(post_ids(db) == "10,11,12");
            CHECK(target.integrity_problems(*db.conn) == std::vector<std::string>{});
            CHECK_FALSE(db.conn->in_transaction());
        }
    }
}
