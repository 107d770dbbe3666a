#pragma once
// What a dialect must rename besides the table or column itself. The replay renames
// the index and constraint names that the naming convention derived from a renamed
// table or column (core/operations/apply_rename.h); a database's own RENAME keeps them. Given the
// schema before and after such an operation (apply_operation), these say which names
// changed, so each dialect renames exactly those (PostgreSQL: ALTER INDEX / RENAME
// CONSTRAINT; SQLite: index drop and create, constraints by a rebuild) and the database
// ends where the replay does.

#include <string>
#include <vector>

#include "core/schema/schema.h"

namespace migrate {

struct DerivedRename {
    enum class Kind { Index, PrimaryKey, Unique, ForeignKey, Check };
    Kind kind = Kind::Index;
    std::string schema;
    std::string table;  // the table's name after the operation
    std::string from, to;

    bool operator==(const DerivedRename&) const = default;
};

// `after` must be `before` with one rename_table or alter_column rename applied: the same
// tables, indexes and constraints in the same order. Tables are matched by position.
std::vector<DerivedRename> derived_renames(const Schema& before, const Schema& after);

// `after` with every index and constraint keeping its name from `before`: the schema a
// database reaches with its native RENAME alone.
Schema keep_names(const Schema& after, const Schema& before);

}  // namespace migrate
