#pragma once
// Builders for the differ's tests: small schemas written in a few lines, a base schema
// (users, posts) that the catalogue cases edit, and the catalogue's case type.

#include <functional>
#include <string>
#include <vector>

#include "core/diff/differ.h"
#include "core/schema/schema.h"

namespace migrate::testing {

ColumnType type_of(const std::string& text);
Column col(const std::string& name, const std::string& type, bool nullable = true);
Column id_col(const std::string& name = "id");  // integer, not null, autoincrement
Table table(const std::string& name, std::vector<Column> columns, bool with_id_pk = true);
Index index(const std::string& name, std::vector<std::string> columns, bool unique = false);
ForeignKey fk(const std::string& name, std::vector<std::string> columns,
              const std::string& referred_table, std::vector<std::string> referred_columns,
              const std::string& on_delete = "");

// users(id, email unique, full_name indexed) and posts(id, title checked, user_id -> users).
Schema base_schema();
Schema edit(Schema schema, const std::function<void(Schema&)>& change);
Table& tbl(Schema& schema, const std::string& name, const std::string& in_schema = "");

// One numbered scenario: diffing `before` to `after` must give exactly `ops`
// (describe() of each upgrade operation, in order) and `changes`, with `destructive`
// of them flagged.
struct DiffCase {
    int id;
    std::string name;
    Schema before, after;
    std::vector<std::string> ops;
    std::vector<std::string> changes;
    int destructive = 0;
    DiffOptions options = {};
};

std::vector<DiffCase> catalogue_tables();       // differ_catalogue_tables.cpp
std::vector<DiffCase> catalogue_columns();      // differ_catalogue_columns.cpp
std::vector<DiffCase> catalogue_constraints();  // differ_catalogue_constraints.cpp
std::vector<DiffCase> catalogue_sequences();    // differ_catalogue_sequences.cpp (from 200)

std::vector<std::string> described(const Operations& ops);
std::vector<std::string> descriptions(const std::vector<Change>& changes);

}  // namespace migrate::testing
