#pragma once
// The autogenerate differ: compares two schemas in the model vocabulary and emits the
// ordered operations that turn the first into the second, plus their exact inverse.
// Pure and database-free: callers reflect the database (or replay the revisions) and
// load the models, then call diff_schemas. See docs/autogenerate.md.
//
// Callers hide the version tables before diffing (ReflectOptions::hidden_tables does
// that during reflection); DiffOptions::hidden_tables is a second guard: no operation is
// ever emitted for a table named there, on either side.

#include <string>
#include <vector>

#include "core/dialect/dialect.h"
#include "core/operations/operations.h"
#include "core/schema/schema.h"

namespace migrate {

struct DiffOptions {
    // Normalises types, defaults and expressions of both sides before comparing, and
    // says (capabilities) whether enums and comments are compared at all.
    // nullptr = compare as written, everything compared.
    const Dialect* dialect = nullptr;
    std::vector<std::string> exclude_tables;   // names or fnmatch globs, plain or "schema.name"
    std::vector<std::string> include_schemas;  // empty = all; "" tables count as the default schema
    std::vector<std::string> hidden_tables;    // never touched (the version tables)
    // The project's convention: rename_table renames the names it derived from the old
    // table name, and the differ must expect the database to have done so.
    NamingConvention naming;
    // Both sides come from revisions or models, not from a reflected database: compare
    // comments and enums even when the dialect cannot store them, so that revisions
    // written against SQLite still carry them for PostgreSQL. When false and the
    // dialect cannot store them, they are not compared, but new tables and columns
    // still carry the target's.
    bool full_fidelity = false;
};

// One detected change, in Alembic's words: "added table 'posts'",
// "NULL on column 'users.full_name'". A destructive change (data may be lost or the
// migration may fail on existing rows) carries a warning for the user.
struct Change {
    std::string description;
    bool destructive = false;
    std::string warning;

    bool operator==(const Change&) const = default;
};

struct DiffResult {
    Operations upgrade;    // turns `current` into `target`
    Operations downgrade;  // reverse(upgrade): turns `target` back into `current`
    std::vector<Change> changes;

    bool empty() const { return upgrade.empty(); }
};

// `current` is the reflected database or the replayed head schema; `target` is the
// models. Deterministic: the same inputs give the same result, whatever the order of
// tables, indexes and constraints in the inputs.
DiffResult diff_schemas(const Schema& current, const Schema& target,
                        const DiffOptions& options = {});

}  // namespace migrate
