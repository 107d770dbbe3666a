#pragma once
// The checks of a model that span tables and files: foreign keys to unknown tables or
// columns (or to columns that are neither the primary key nor unique), enum(name)
// types with no declared enum, and index/constraint names used twice in a schema.

#include <deque>
#include <vector>

#include "core/errors.h"
#include "core/model_parse.h"
#include "core/schema.h"

namespace migrate {

struct LocatedTable {
    Table table;
    TableSites sites;
};

struct LocatedEnum {
    Enum value;
    SourceLocation where;
};

// Appends one diagnostic per problem found.
void check_model_references(const std::deque<LocatedTable>& tables, const std::deque<LocatedEnum>& enums,
                            std::vector<Diagnostic>& diagnostics);

}  // namespace migrate
