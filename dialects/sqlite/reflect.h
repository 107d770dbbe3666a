#pragma once
// SQLite reflection: the whole database in a fixed number of queries (sqlite_schema,
// then pragma_table_xinfo and pragma_foreign_key_list joined to it for every table at
// once), plus what the pragmas do not give read from the stored CREATE statements
// (create_parser.h). Views and triggers are reported as unmanaged; exclude_tables are
// reported as "excluded table"; hidden tables and sqlite_* internals are skipped.

#include "core/dialect/dialect.h"

namespace migrate::sqlite {

Reflection reflect_database(Connection& connection, const ReflectOptions& options);

}  // namespace migrate::sqlite
