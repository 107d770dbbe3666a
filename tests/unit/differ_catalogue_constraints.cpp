// Catalogue, part 3: indexes, unique constraints, foreign keys, checks, primary keys,
// and enums.

#include "tests/unit/differ_fixtures.h"

namespace migrate::testing {

namespace {

Schema users_edit(const std::function<void(Table&)>& change) {
    return edit(base_schema(), [&](Schema& s) { change(tbl(s, "users")); });
}

Schema posts_edit(const std::function<void(Table&)>& change) {
    return edit(base_schema(), [&](Schema& s) { change(tbl(s, "posts")); });
}

Schema with_mood(std::vector<std::string> values, bool with_table = true) {
    return edit(base_schema(), [&](Schema& s) {
        s.enums.push_back(Enum{"", "mood", values});
        if (with_table) s.tables.push_back(table("people", {col("mood", "enum(mood)")}));
    });
}

}  // namespace

std::vector<DiffCase> catalogue_constraints() {
    std::vector<DiffCase> cases;
    const std::string users = " on 'users'", posts = " on 'posts'";
    cases.push_back(
        {40,
         "added index",
         base_schema(),
         users_edit([](Table& t) {
             t.indexes.push_back(index("ix_users_email_full_name", {"email", "full_name"}));
         }),
         {"create index 'ix_users_email_full_name'" + users},
         {"added index 'ix_users_email_full_name'" + users}});
    cases.push_back({41,
                     "removed index",
                     base_schema(),
                     users_edit([](Table& t) { t.indexes.clear(); }),
                     {"drop index 'ix_users_full_name'" + users},
                     {"removed index 'ix_users_full_name'" + users}});
    cases.push_back({42,
                     "index made unique: drop and create",
                     base_schema(),
                     users_edit([](Table& t) { t.indexes[0].unique = true; }),
                     {"drop index 'ix_users_full_name'" + users,
                      "create unique index 'ix_users_full_name'" + users},
                     {"changed unique index 'ix_users_full_name'" + users}});
    cases.push_back(
        {43,
         "index made partial",
         base_schema(),
         users_edit([](Table& t) { t.indexes[0].where = "full_name IS NOT NULL"; }),
         {"drop index 'ix_users_full_name'" + users, "create index 'ix_users_full_name'" + users},
         {"changed index 'ix_users_full_name'" + users}});
    cases.push_back({44,
                     "unique expression index added",
                     base_schema(),
                     users_edit([](Table& t) {
                         Index ix;
                         ix.name = "ix_users_lower_email";
                         ix.unique = true;
                         ix.elements.push_back(IndexElement{"", "lower(email)"});
                         t.indexes.push_back(ix);
                     }),
                     {"create unique index 'ix_users_lower_email'" + users},
                     {"added unique index 'ix_users_lower_email'" + users}});
    cases.push_back(
        {45,
         "index column order made descending",
         base_schema(),
         users_edit([](Table& t) { t.indexes[0].elements[0].order = SortOrder::Desc; }),
         {"drop index 'ix_users_full_name'" + users, "create index 'ix_users_full_name'" + users},
         {"changed index 'ix_users_full_name'" + users}});
    cases.push_back({46,
                     "btree written out equals the default method",
                     base_schema(),
                     users_edit([](Table& t) { t.indexes[0].method = "btree"; }),
                     {},
                     {}});
    cases.push_back({47,
                     "added unique constraint",
                     base_schema(),
                     users_edit([](Table& t) {
                         t.unique_constraints.push_back({"uq_users_full_name", {"full_name"}});
                     }),
                     {"create unique constraint 'uq_users_full_name'" + users},
                     {"added unique constraint 'uq_users_full_name'" + users}});
    cases.push_back({48,
                     "removed unique constraint",
                     base_schema(),
                     users_edit([](Table& t) { t.unique_constraints.clear(); }),
                     {"drop unique constraint 'uq_users_email'" + users},
                     {"removed unique constraint 'uq_users_email'" + users}});
    cases.push_back(
        {49,
         "unique constraint gains a column",
         base_schema(),
         users_edit([](Table& t) { t.unique_constraints[0].columns.push_back("full_name"); }),
         {"drop unique constraint 'uq_users_email'" + users,
          "create unique constraint 'uq_users_email'" + users},
         {"changed unique constraint 'uq_users_email'" + users}});
    cases.push_back(
        {50,
         "added column with a foreign key: column first",
         base_schema(),
         posts_edit([](Table& t) {
             t.columns.push_back(col("editor_id", "integer"));
             t.foreign_keys.push_back(
                 fk("fk_posts_editor_id_users", {"editor_id"}, "users", {"id"}));
         }),
         {"add column 'posts.editor_id'", "create foreign key 'fk_posts_editor_id_users'" + posts},
         {"added column 'posts.editor_id'",
          "added foreign key 'fk_posts_editor_id_users'" + posts}});
    cases.push_back({51,
                     "foreign key action changed",
                     base_schema(),
                     posts_edit([](Table& t) { t.foreign_keys[0].on_delete = "set null"; }),
                     {"drop foreign key constraint 'fk_posts_user_id_users'" + posts,
                      "create foreign key 'fk_posts_user_id_users'" + posts},
                     {"changed foreign key 'fk_posts_user_id_users'" + posts}});
    cases.push_back({52,
                     "'no action' equals no action given",
                     posts_edit([](Table& t) { t.foreign_keys[0].on_delete = ""; }),
                     posts_edit([](Table& t) { t.foreign_keys[0].on_delete = "NO ACTION"; }),
                     {},
                     {}});
    cases.push_back({53,
                     "removed foreign key",
                     base_schema(),
                     posts_edit([](Table& t) { t.foreign_keys.clear(); }),
                     {"drop foreign key constraint 'fk_posts_user_id_users'" + posts},
                     {"removed foreign key 'fk_posts_user_id_users'" + posts}});
    cases.push_back(
        {54,
         "removed column drops its foreign key first",
         base_schema(),
         posts_edit([](Table& t) {
             t.columns.pop_back();
             t.foreign_keys.clear();
         }),
         {"drop foreign key constraint 'fk_posts_user_id_users'" + posts,
          "drop column 'posts.user_id'"},
         {"removed column 'posts.user_id'", "removed foreign key 'fk_posts_user_id_users'" + posts},
         1});
    cases.push_back({55,
                     "an unnamed reflected foreign key matches the named model one",
                     posts_edit([](Table& t) { t.foreign_keys[0].name = ""; }),
                     base_schema(),
                     {},
                     {}});
    cases.push_back({56,
                     "added check constraint",
                     base_schema(),
                     posts_edit([](Table& t) {
                         t.checks.push_back({"ck_posts_user_id", "user_id > 0"});
                     }),
                     {"create check constraint 'ck_posts_user_id'" + posts},
                     {"added check constraint 'ck_posts_user_id'" + posts}});
    cases.push_back({57,
                     "check expression changed",
                     base_schema(),
                     posts_edit([](Table& t) { t.checks[0].expression = "length(title) > 1"; }),
                     {"drop check constraint 'ck_posts_title'" + posts,
                      "create check constraint 'ck_posts_title'" + posts},
                     {"changed check constraint 'ck_posts_title'" + posts}});
    cases.push_back({58,
                     "removed check constraint",
                     base_schema(),
                     posts_edit([](Table& t) { t.checks.clear(); }),
                     {"drop check constraint 'ck_posts_title'" + posts},
                     {"removed check constraint 'ck_posts_title'" + posts}});
    cases.push_back(
        {59,
         "primary key gains a column (and id loses autoincrement)",
         base_schema(),
         posts_edit([](Table& t) {
             t.primary_key->columns.push_back("title");
             t.find_column("id")->autoincrement = false;
         }),
         {"drop primary key constraint 'pk_posts'" + posts,
          "alter column 'posts.id': drop autoincrement", "create primary key 'pk_posts'" + posts},
         {"autoincrement removed on column 'posts.id'", "changed primary key" + posts}});
    cases.push_back({60,
                     "primary key name alone is not a change",
                     users_edit([](Table& t) { t.primary_key->name = "users_pkey"; }),
                     base_schema(),
                     {},
                     {}});
    cases.push_back(
        {61,
         "primary key added to a table without one",
         posts_edit([](Table& t) {
             t.primary_key.reset();
             t.find_column("id")->autoincrement = false;
         }),
         base_schema(),
         {"alter column 'posts.id': autoincrement", "create primary key 'pk_posts'" + posts},
         {"autoincrement added on column 'posts.id'", "added primary key" + posts}});
    cases.push_back({62,
                     "enum created before the table that uses it",
                     base_schema(),
                     with_mood({"happy", "sad"}),
                     {"create enum 'mood'", "create table 'people'"},
                     {"added enum 'mood'", "added table 'people'"}});
    cases.push_back({63,
                     "enum dropped after the table that used it",
                     with_mood({"happy", "sad"}),
                     base_schema(),
                     {"drop table 'people'", "drop enum 'mood'"},
                     {"removed enum 'mood'", "removed table 'people'"},
                     1});
    cases.push_back({64,
                     "enum value added at the end",
                     with_mood({"happy", "sad"}),
                     with_mood({"happy", "sad", "angry"}),
                     {"add value 'angry' to enum 'mood'"},
                     {"added value 'angry' to enum 'mood'"}});
    cases.push_back({65,
                     "enum value added first",
                     with_mood({"happy", "sad"}),
                     with_mood({"calm", "happy", "sad"}),
                     {"add value 'calm' to enum 'mood'"},
                     {"added value 'calm' to enum 'mood'"}});
    cases.push_back({66,
                     "enum value removed",
                     with_mood({"happy", "sad"}),
                     with_mood({"happy"}),
                     {"drop value 'sad' from enum 'mood'"},
                     {"removed value 'sad' from enum 'mood'"},
                     1});
    cases.push_back({67,
                     "enum value replaced",
                     with_mood({"a", "b", "c"}),
                     with_mood({"a", "x", "c"}),
                     {"add value 'x' to enum 'mood'", "drop value 'b' from enum 'mood'"},
                     {"added value 'x' to enum 'mood'", "removed value 'b' from enum 'mood'"},
                     1});
    return cases;
}

}  // namespace migrate::testing
