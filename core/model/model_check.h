#pragma once
// The checks of a model that span tables and files: foreign keys to unknown tables or
// columns (or to columns that are neither the primary key nor unique), enum(name)
// types with no declared enum, and index/constraint names used twice in a schema.

#include <deque>
#include <vector>

#include "core/base/errors.h"
#include "core/model/model_parse.h"
#include "core/schema/schema.h"

namespace migrate {

struct LocatedTable {
    Table table;
    TableSites sites;
};

struct LocatedEnum {
    Enum value;
    SourceLocation where;
};

struct LocatedSequence {
    Sequence value;
    SourceLocation where;
};

// Appends one diagnostic per problem found. With `names_per_table`, index and
// constraint names are checked within each table instead of across its schema.
void check_model_references(const std::deque<LocatedTable>& tables,
                            const std::deque<LocatedEnum>& enums,
                            std::vector<Diagnostic>& diagnostics, bool names_per_table = false);

// Sequences (core/model/model_check_sequences.cpp): owned_by names a table of the sequence's
// schema and a column it has, whose default does not draw from the sequence; no table
// of that schema has the sequence's name.
void check_model_sequences(const std::deque<LocatedTable>& tables,
                           const std::deque<LocatedSequence>& sequences,
                           std::vector<Diagnostic>& diagnostics);

}  // namespace migrate
