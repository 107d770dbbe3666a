#include "tests/unit/differ_fixtures.h"

#include <catch2/catch.hpp>

#include "core/operations/operations.h"

namespace migrate::testing {

ColumnType type_of(const std::string& text) {
    std::string error;
    auto t = parse_type(text, &error);
    REQUIRE(t);
    return *t;
}

Column col(const std::string& name, const std::string& type, bool nullable) {
    Column c;
    c.name = name;
    c.type = type_of(type);
    c.nullable = nullable;
    return c;
}

Column id_col(const std::string& name) {
    Column c = col(name, "integer", false);
    c.autoincrement = true;
    return c;
}

Table table(const std::string& name, std::vector<Column> columns, bool with_id_pk) {
    Table t;
    t.name = name;
    if (with_id_pk) {
        columns.insert(columns.begin(), id_col());
        t.primary_key = PrimaryKey{"pk_" + name, {"id"}};
    }
    t.columns = std::move(columns);
    return t;
}

Index index(const std::string& name, std::vector<std::string> columns, bool unique) {
    Index ix;
    ix.name = name;
    ix.unique = unique;
    for (auto& c : columns) ix.elements.push_back(IndexElement{c});
    return ix;
}

ForeignKey fk(const std::string& name, std::vector<std::string> columns,
              const std::string& referred_table, std::vector<std::string> referred_columns,
              const std::string& on_delete) {
    ForeignKey f;
    f.name = name;
    f.columns = std::move(columns);
    f.referred_table = referred_table;
    f.referred_columns = std::move(referred_columns);
    f.on_delete = on_delete;
    return f;
}

Schema base_schema() {
    Schema s;
    Table users =
        table("users", {col("email", "string(255)", false), col("full_name", "string(100)")});
    users.unique_constraints.push_back(UniqueConstraint{"uq_users_email", {"email"}});
    users.indexes.push_back(index("ix_users_full_name", {"full_name"}));
    Table posts =
        table("posts", {col("title", "string(200)", false), col("user_id", "integer", false)});
    posts.foreign_keys.push_back(
        fk("fk_posts_user_id_users", {"user_id"}, "users", {"id"}, "cascade"));
    posts.checks.push_back(CheckConstraint{"ck_posts_title", "length(title) > 0"});
    s.tables = {users, posts};
    return s;
}

Schema edit(Schema schema, const std::function<void(Schema&)>& change) {
    change(schema);
    return schema;
}

Table& tbl(Schema& schema, const std::string& name, const std::string& in_schema) {
    Table* t = schema.find_table(in_schema, name);
    REQUIRE(t);
    return *t;
}

std::vector<std::string> described(const Operations& ops) {
    std::vector<std::string> out;
    for (const auto& op : ops) out.push_back(describe(op));
    return out;
}

std::vector<std::string> descriptions(const std::vector<Change>& changes) {
    std::vector<std::string> out;
    for (const auto& c : changes) out.push_back(c.description);
    return out;
}

}  // namespace migrate::testing
