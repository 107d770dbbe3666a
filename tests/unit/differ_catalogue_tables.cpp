// Catalogue, part 1: tables — added, removed, foreign-key order and cycles, renames,
// schemas, and the include/exclude/hidden filters.

#include "tests/unit/differ_fixtures.h"

namespace migrate::testing {

namespace {

Schema cycle_schema() {
    return edit(base_schema(), [](Schema& s) {
        Table a = table("a", {col("b_id", "integer")});
        a.foreign_keys.push_back(fk("fk_a_b_id_b", {"b_id"}, "b", {"id"}));
        Table b = table("b", {col("a_id", "integer")});
        b.foreign_keys.push_back(fk("fk_b_a_id_a", {"a_id"}, "a", {"id"}));
        s.tables.push_back(a);
        s.tables.push_back(b);
    });
}

Schema renamed_users(bool carry_fk_name) {
    return edit(base_schema(), [&](Schema& s) {
        Table& u = tbl(s, "users");
        u.name = "members";
        u.renamed_from = "users";
        u.primary_key->name = "pk_members";
        u.unique_constraints[0].name = "uq_members_email";
        u.indexes[0].name = "ix_members_full_name";
        ForeignKey& f = tbl(s, "posts").foreign_keys[0];
        f.referred_table = "members";
        if (!carry_fk_name) f.name = "fk_posts_user_id_members";
    });
}

}  // namespace

std::vector<DiffCase> catalogue_tables() {
    std::vector<DiffCase> cases;
    cases.push_back({1, "nothing changed", base_schema(), base_schema(), {}, {}});
    cases.push_back({2,
                     "added table",
                     base_schema(),
                     edit(base_schema(),
                          [](Schema& s) {
                              s.tables.push_back(table("tags", {col("name", "string(50)", false)}));
                          }),
                     {"create table 'tags'"},
                     {"added table 'tags'"}});
    cases.push_back({3,
                     "removed table",
                     base_schema(),
                     edit(base_schema(), [](Schema& s) { s.tables.pop_back(); }),
                     {"drop table 'posts'"},
                     {"removed table 'posts'"},
                     1});
    cases.push_back({4,
                     "added table with an index",
                     base_schema(),
                     edit(base_schema(),
                          [](Schema& s) {
                              Table t = table("tags", {col("name", "string(50)", false)});
                              t.indexes.push_back(index("ix_tags_name", {"name"}));
                              s.tables.push_back(t);
                          }),
                     {"create table 'tags'", "create index 'ix_tags_name' on 'tags'"},
                     {"added table 'tags'"}});
    cases.push_back(
        {5,
         "removed tables in reverse foreign-key order, indexes first",
         base_schema(),
         Schema{},
         {"drop table 'posts'", "drop index 'ix_users_full_name' on 'users'", "drop table 'users'"},
         {"removed table 'posts'", "removed table 'users'"},
         2});
    cases.push_back({6,
                     "added tables in foreign-key order, not name order",
                     Schema{},
                     edit(Schema{},
                          [](Schema& s) {
                              Table articles = table("articles", {col("author_id", "integer")});
                              articles.foreign_keys.push_back(fk("fk_articles_author_id_authors",
                                                                 {"author_id"}, "authors", {"id"}));
                              s.tables = {articles, table("authors", {col("name", "text")})};
                          }),
                     {"create table 'authors'", "create table 'articles'"},
                     {"added table 'authors'", "added table 'articles'"}});
    cases.push_back(
        {7,
         "foreign-key cycle between new tables",
         base_schema(),
         cycle_schema(),
         {"create table 'a'", "create table 'b'", "create foreign key 'fk_a_b_id_b' on 'a'"},
         {"added table 'a'", "added table 'b'"}});
    cases.push_back(
        {8,
         "foreign-key cycle between removed tables",
         cycle_schema(),
         base_schema(),
         {"drop foreign key constraint 'fk_a_b_id_b' on 'a'", "drop table 'b'", "drop table 'a'"},
         {"removed table 'b'", "removed table 'a'"},
         2});
    cases.push_back({9,
                     "self-referencing new table needs no second step",
                     base_schema(),
                     edit(base_schema(),
                          [](Schema& s) {
                              Table t = table("categories", {col("parent_id", "integer")});
                              t.foreign_keys.push_back(fk("fk_categories_parent_id_categories",
                                                          {"parent_id"}, "categories", {"id"}));
                              s.tables.push_back(t);
                          }),
                     {"create table 'categories'"},
                     {"added table 'categories'"}});
    cases.push_back({10,
                     "table dropped and another added",
                     base_schema(),
                     edit(base_schema(),
                          [](Schema& s) {
                              s.tables.pop_back();
                              s.tables.push_back(table("tags", {col("name", "text")}));
                          }),
                     {"drop table 'posts'", "create table 'tags'"},
                     {"removed table 'posts'", "added table 'tags'"},
                     1});
    cases.push_back(
        {11,
         "renamed table carries the names derived from it, also other tables' foreign keys",
         base_schema(),
         renamed_users(false),
         {"rename table 'users' to 'members'"},
         {"renamed table 'users' to 'members'"}});
    cases.push_back(
        {12,
         "renamed table; a foreign key given the old derived name by hand is recreated",
         base_schema(),
         edit(renamed_users(true),
              [](Schema& s) { tbl(s, "members").columns.push_back(col("nickname", "text")); }),
         {"rename table 'users' to 'members'",
          "drop foreign key constraint 'fk_posts_user_id_members' on 'posts'",
          "add column 'members.nickname'",
          "create foreign key 'fk_posts_user_id_users' on 'posts'"},
         {"renamed table 'users' to 'members'", "added column 'members.nickname'",
          "removed foreign key 'fk_posts_user_id_members' on 'posts'",
          "added foreign key 'fk_posts_user_id_users' on 'posts'"}});
    cases.push_back(
        {13,
         "renamed_from of an already renamed table is ignored",
         base_schema(),
         edit(base_schema(), [](Schema& s) { tbl(s, "users").renamed_from = "people"; }),
         {},
         {}});
    DiffCase excluded{
        14,
        "exclude_tables globs hide tables on both sides",
        edit(base_schema(), [](Schema& s) { s.tables.push_back(table("spatial_ref_sys", {})); }),
        edit(base_schema(), [](Schema& s) { s.tables.push_back(table("tmp_import", {})); }),
        {},
        {}};
    excluded.options.exclude_tables = {"spatial_*", "public.tmp_*"};
    cases.push_back(excluded);
    DiffCase hidden{
        15,
        "hidden version tables are never touched",
        edit(base_schema(),
             [](Schema& s) {
                 s.tables.push_back(
                     table("migrate_version", {col("version_num", "string(255)", false)}, false));
             }),
        base_schema(),
        {},
        {}};
    hidden.options.hidden_tables = {"migrate_version", "migrate_version_log"};
    cases.push_back(hidden);
    Schema with_audit = edit(base_schema(), [](Schema& s) {
        Table log = table("log", {col("user_id", "integer")});
        log.schema = "audit";
        log.foreign_keys.push_back(fk("fk_log_user_id_users", {"user_id"}, "users", {"id"}));
        log.foreign_keys[0].referred_schema = "public";
        s.tables.push_back(log);
    });
    DiffCase outside{
        16, "tables outside include_schemas are ignored", base_schema(), with_audit, {}, {}};
    outside.options.include_schemas = {"public"};
    cases.push_back(outside);
    DiffCase inside{17,
                    "schema-qualified table in an included schema",
                    base_schema(),
                    with_audit,
                    {"create table 'audit.log'"},
                    {"added table 'audit.log'"}};
    inside.options.include_schemas = {"public", "audit"};
    cases.push_back(inside);
    cases.push_back(
        {18,
         "new table refers to a new column of a kept table: column and unique first",
         base_schema(),
         edit(base_schema(),
              [](Schema& s) {
                  Table& u = tbl(s, "users");
                  u.columns.push_back(col("code", "string(20)"));
                  u.unique_constraints.push_back(UniqueConstraint{"uq_users_code", {"code"}});
                  Table inv = table("invites", {col("code", "string(20)", false)});
                  inv.foreign_keys.push_back(
                      fk("fk_invites_code_users", {"code"}, "users", {"code"}));
                  s.tables.push_back(inv);
              }),
         {"add column 'users.code'", "create unique constraint 'uq_users_code' on 'users'",
          "create table 'invites'"},
         {"added table 'invites'", "added column 'users.code'",
          "added unique constraint 'uq_users_code' on 'users'"}});
    return cases;
}

}  // namespace migrate::testing
