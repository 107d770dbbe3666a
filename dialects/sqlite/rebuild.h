#pragma once
// The SQLite table rebuild: what ALTER TABLE cannot do (change a column's type,
// nullability or default; add or drop a constraint; drop a column that an index or
// constraint uses; add a primary key) becomes
//   CREATE TABLE "_migrate_tmp_<name>" (<the new definition>)
//   INSERT INTO "_migrate_tmp_<name>" (<columns>) SELECT <columns> FROM "<name>"
//   DROP TABLE "<name>"
//   PRAGMA legacy_alter_table = ON          -- views naming <name> are not re-parsed
//   ALTER TABLE "_migrate_tmp_<name>" RENAME TO "<name>"
//   PRAGMA legacy_alter_table = OFF
//   CREATE INDEX ...                         -- every index of the new definition
//   guards: the rebuilt table and every table referring to it pass foreign_key_check
// all inside the caller's transaction. The SQLite connection begins migration
// transactions with foreign keys off (PRAGMA foreign_keys cannot change inside a
// transaction, and DROP TABLE with foreign keys on would run ON DELETE actions on the
// rows that refer to the table), so the guards check integrity explicitly. The guards
// recreate the table's triggers that the caller knows (RenderContext::database_objects,
// read by reflection when online), and refuse a table that has triggers the caller does
// not know (offline scripts), or generated columns, rather than drop them silently.

#include <map>
#include <string>
#include <vector>

#include "core/schema/schema.h"

namespace migrate::sqlite {

// New column name -> the old column it is copied from, for renamed columns. Columns of
// the new table that exist in the old one by name are copied; others get their default.
using ColumnSources = std::map<std::string, std::string>;

// New column name -> the value (SQL, as a server_default) its copied rows get instead
// (add_column `fill`).
using ColumnFills = std::map<std::string, std::string>;

// `triggers`: the CREATE TRIGGER statements of the table, recreated after the rename.
std::vector<std::string> rebuild_table(const Table& before, const Table& after,
                                       const ColumnSources& sources, const Schema& schema_before,
                                       const std::vector<std::string>& triggers = {},
                                       const ColumnFills& fills = {});

// The name of the temporary table a rebuild of `table` creates.
std::string rebuild_temp_name(const std::string& table);

}  // namespace migrate::sqlite
