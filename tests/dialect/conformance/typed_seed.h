#pragma once
// The seed of the typed operation cases: owners <- items (with an enum column, an
// identity key, a check, a unique constraint, an index) holding three rows.

#include "tests/dialect/dialects.h"

namespace migrate::test {

inline Schema base_schema() {
    Schema s;
    s.enums.push_back({"", "mood", {"happy", "sad", "ok"}});
    Table owners;
    owners.name = "owners";
    owners.columns = {id_col(), column("label", "text")};
    owners.primary_key = PrimaryKey{"pk_owners", {"id"}};
    Table items;
    items.name = "items";
    items.columns = {id_col(),
                     column("name", "string(50)", false),
                     column("qty", "integer", true, "0"),
                     column("price", "numeric(10,2)"),
                     column("note", "text"),
                     column("mood", "enum(mood)", true, "'ok'"),
                     column("owner_id", "integer")};
    items.primary_key = PrimaryKey{"pk_items", {"id"}};
    items.indexes = {{"ix_items_name", {on_column("name")}, false, std::nullopt, ""}};
    items.unique_constraints = {{"uq_items_note", {"note"}}};
    items.checks = {{"ck_items_qty", "qty >= 0"}};
    items.foreign_keys = {{"fk_items_owner_id_owners", {"owner_id"}, "", "owners", {"id"}, "", ""}};
    s.tables = {owners, items};
    return s;
}

inline void seed_rows(Connection& conn) {
    conn.execute("INSERT INTO owners (label) VALUES ('a'), ('b'), ('c')");
    conn.execute(
        "INSERT INTO items (name, qty, price, note, mood, owner_id) VALUES "
        "('apple', 1, 1.50, 'n1', 'happy', 1), ('pear', 2, 2.25, 'n2', 'sad', 2), ('plum', 3, "
        "3.00, NULL, 'ok', NULL)");
}

inline void create_base(TestDb& db) {
    Schema base = base_schema();
    db.apply(CreateEnum{base.enums[0]});
    for (const auto& t : base.tables) db.apply(CreateTable{t});
    seed_rows(*db.conn);
}

}  // namespace migrate::test
