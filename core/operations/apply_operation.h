#pragma once
// Applies an operation to an in-memory Schema: the replay that computes "the schema at
// a revision" without a database, and the new table definition a SQLite rebuild needs.

#include "core/operations/operations.h"
#include "core/schema/naming.h"
#include "core/schema/schema.h"

namespace migrate {

// Changes `schema` as `op` would change a database. Throws InputError naming the
// operation when it does not fit (unknown table or column, a name already taken).
// rename_table also renames the indexes and constraints whose names `naming` derived
// from the old table name. An Execute applies its declared `effect`; without one it
// changes nothing (callers report it as not followed).
void apply_operation(Schema& schema, const Operation& op, const NamingConvention& naming);

}  // namespace migrate
