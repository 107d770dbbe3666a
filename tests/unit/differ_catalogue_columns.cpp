// Catalogue, part 2: columns — added, removed, renamed, type, nullability, server
// default, comment, autoincrement; and table comments.

#include "tests/unit/differ_fixtures.h"

namespace migrate::testing {

namespace {

// base_schema() with `change` applied to column users.<name>.
Schema users_column(const std::string& name, const std::function<void(Column&)>& change) {
    return edit(base_schema(), [&](Schema& s) { change(*tbl(s, "users").find_column(name)); });
}

Schema with_balance(const std::string& type) {
    return edit(base_schema(),
                [&](Schema& s) { tbl(s, "users").columns.push_back(col("balance", type, false)); });
}

}  // namespace

std::vector<DiffCase> catalogue_columns() {
    std::vector<DiffCase> cases;
    auto on = [](const std::string& c) { return " on column 'users." + c + "'"; };
    cases.push_back({19,
                     "added nullable column",
                     base_schema(),
                     edit(base_schema(),
                          [](Schema& s) { tbl(s, "users").columns.push_back(col("bio", "text")); }),
                     {"add column 'users.bio'"},
                     {"added column 'users.bio'"}});
    cases.push_back(
        {20,
         "added NOT NULL column without default (warned, not destructive)",
         base_schema(),
         edit(base_schema(),
              [](Schema& s) { tbl(s, "users").columns.push_back(col("age", "integer", false)); }),
         {"add column 'users.age'"},
         {"added column 'users.age'"}});
    cases.push_back(
        {21,
         "removed column drops its index first",
         base_schema(),
         edit(base_schema(),
              [](Schema& s) {
                  Table& u = tbl(s, "users");
                  u.columns.pop_back();
                  u.indexes.clear();
              }),
         {"drop index 'ix_users_full_name' on 'users'", "drop column 'users.full_name'"},
         {"removed column 'users.full_name'", "removed index 'ix_users_full_name' on 'users'"},
         1});
    cases.push_back({22,
                     "widened string",
                     base_schema(),
                     users_column("full_name", [](Column& c) { c.type = type_of("string(200)"); }),
                     {"alter column 'users.full_name': type string(200)"},
                     {"type change from string(100) to string(200)" + on("full_name")}});
    cases.push_back({23,
                     "narrowed string",
                     base_schema(),
                     users_column("email", [](Column& c) { c.type = type_of("string(100)"); }),
                     {"alter column 'users.email': type string(100)"},
                     {"type change from string(255) to string(100)" + on("email")},
                     1});
    cases.push_back(
        {24,
         "integer to bigint",
         base_schema(),
         edit(base_schema(),
              [](Schema& s) { tbl(s, "posts").find_column("user_id")->type = type_of("bigint"); }),
         {"alter column 'posts.user_id': type bigint"},
         {"type change from integer to bigint on column 'posts.user_id'"}});
    cases.push_back({25,
                     "string to text",
                     base_schema(),
                     users_column("full_name", [](Column& c) { c.type = type_of("text"); }),
                     {"alter column 'users.full_name': type text"},
                     {"type change from string(100) to text" + on("full_name")}});
    cases.push_back({26,
                     "narrowed numeric",
                     with_balance("numeric(12,2)"),
                     with_balance("numeric(10,2)"),
                     {"alter column 'users.balance': type numeric(10,2)"},
                     {"type change from numeric(12,2) to numeric(10,2)" + on("balance")},
                     1});
    cases.push_back({27,
                     "nullable to NOT NULL",
                     base_schema(),
                     users_column("full_name", [](Column& c) { c.nullable = false; }),
                     {"alter column 'users.full_name': not null"},
                     {"NOT NULL" + on("full_name")},
                     1});
    cases.push_back({28,
                     "NOT NULL to nullable",
                     base_schema(),
                     users_column("email", [](Column& c) { c.nullable = true; }),
                     {"alter column 'users.email': null"},
                     {"NULL" + on("email")}});
    cases.push_back({29,
                     "server default added",
                     base_schema(),
                     users_column("full_name", [](Column& c) { c.server_default = "'anon'"; }),
                     {"alter column 'users.full_name': default 'anon'"},
                     {"server default changed from none to 'anon'" + on("full_name")}});
    cases.push_back({30,
                     "server default removed",
                     users_column("full_name", [](Column& c) { c.server_default = "'anon'"; }),
                     base_schema(),
                     {"alter column 'users.full_name': drop default"},
                     {"server default changed from 'anon' to none" + on("full_name")}});
    cases.push_back({31,
                     "server default changed",
                     users_column("full_name", [](Column& c) { c.server_default = "'a'"; }),
                     users_column("full_name", [](Column& c) { c.server_default = "'b'"; }),
                     {"alter column 'users.full_name': default 'b'"},
                     {"server default changed from 'a' to 'b'" + on("full_name")}});
    cases.push_back({32,
                     "autoincrement removed",
                     base_schema(),
                     users_column("id", [](Column& c) { c.autoincrement = false; }),
                     {"alter column 'users.id': drop autoincrement"},
                     {"autoincrement removed" + on("id")}});
    cases.push_back({33,
                     "column comment added",
                     base_schema(),
                     users_column("email", [](Column& c) { c.comment = "login address"; }),
                     {"alter column 'users.email': comment"},
                     {"comment changed" + on("email")}});
    cases.push_back(
        {34,
         "table comment added",
         base_schema(),
         edit(base_schema(), [](Schema& s) { tbl(s, "users").comment = "Registered users"; }),
         {"set comment on table 'users'"},
         {"changed comment on table 'users'"}});
    cases.push_back(
        {35,
         "table comment removed",
         edit(base_schema(), [](Schema& s) { tbl(s, "users").comment = "Registered users"; }),
         base_schema(),
         {"drop comment on table 'users'"},
         {"changed comment on table 'users'"}});
    cases.push_back(
        {36,
         "type, nullability and default in one alter_column",
         base_schema(),
         users_column("full_name",
                      [](Column& c) {
                          c.type = type_of("text");
                          c.nullable = false;
                          c.server_default = "''";
                      }),
         {"alter column 'users.full_name': type text, not null, default ''"},
         {"type change from string(100) to text" + on("full_name"), "NOT NULL" + on("full_name"),
          "server default changed from none to ''" + on("full_name")},
         1});
    cases.push_back({37,
                     "renamed column; its convention-named index follows the rename",
                     base_schema(),
                     edit(base_schema(),
                          [](Schema& s) {
                              Table& u = tbl(s, "users");
                              Column* c = u.find_column("full_name");
                              c->name = "display_name";
                              c->renamed_from = "full_name";
                              u.indexes[0] = index("ix_users_display_name", {"display_name"});
                          }),
                     {"alter column 'users.full_name': rename to 'display_name'"},
                     {"renamed column 'users.full_name' to 'users.display_name'"}});
    cases.push_back(
        {38,
         "renamed and widened column; a unique that keeps its old derived name is renamed back",
         base_schema(),
         edit(base_schema(),
              [](Schema& s) {
                  Table& u = tbl(s, "users");
                  Column* c = u.find_column("email");
                  c->name = "email_address";
                  c->renamed_from = "email";
                  c->type = type_of("string(320)");
                  u.unique_constraints[0].columns = {"email_address"};
              }),
         {"alter column 'users.email': rename to 'email_address'",
          "drop unique constraint 'uq_users_email_address' on 'users'",
          "alter column 'users.email_address': type string(320)",
          "create unique constraint 'uq_users_email' on 'users'"},
         {"renamed column 'users.email' to 'users.email_address'",
          "type change from string(255) to string(320) on column 'users.email_address'",
          "removed unique constraint 'uq_users_email_address' on 'users'",
          "added unique constraint 'uq_users_email' on 'users'"}});
    cases.push_back({39,
                     "renamed column used in a check: the check and its derived name follow it",
                     base_schema(),
                     edit(base_schema(),
                          [](Schema& s) {
                              Table& p = tbl(s, "posts");
                              Column* c = p.find_column("title");
                              c->name = "headline";
                              c->renamed_from = "title";
                              p.checks[0].expression = "length(headline) > 0";
                              p.checks[0].name =
                                  "ck_posts_headline";  // the convention re-derives it
                          }),
                     {"alter column 'posts.title': rename to 'headline'"},
                     {"renamed column 'posts.title' to 'posts.headline'"}});
    return cases;
}

}  // namespace migrate::testing
