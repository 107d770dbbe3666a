#pragma once
// MySQL / MariaDB DDL for every operation of core/operations/operations.h. ddl.cpp
// dispatches (and names the operation in every InputError); ddl_parts.cpp renders the
// pieces (column definitions, defaults, keys, constraints, indexes, CREATE TABLE);
// ddl_alter.cpp the operations that read the schema before them (alter_column as
// MODIFY COLUMN with the full definition, renames and the names derived from them,
// enum value changes as MODIFY COLUMN of every column of that enum).
//
// A CREATE TABLE is one statement (indexes, constraints and comments inline): MySQL
// commits at every DDL statement, so fewer statements leave fewer half-done states.
// One database: an operation naming a schema is refused. Names longer than 64
// characters are refused before the server sees them.

#include <string>
#include <vector>

#include "core/dialect/dialect.h"

namespace migrate::mysql {

using Statements = std::vector<std::string>;

Statements render(const Operation& op, const RenderContext& ctx);

// Pieces shared by the renderers (ddl_parts.cpp).
// The column's type; an enum is ENUM(...) of its values in `before`.
std::string column_type_sql(const ColumnType& type, const Schema& before);
// `name` TYPE [COLLATE c] [NOT NULL] [DEFAULT d] [AUTO_INCREMENT] [COMMENT 'c'].
std::string column_definition(const Column& column, const Schema& before);
// A default as DEFAULT takes it: literals and CURRENT_TIMESTAMP bare, other expressions
// (and any default of a TEXT, BLOB or JSON column) in parentheses.
std::string default_sql(const std::string& expression, const ColumnType& type);
std::string column_list(const std::vector<std::string>& columns);
std::string primary_key_clause(const PrimaryKey& pk);
std::string unique_clause(const UniqueConstraint& uq);
std::string foreign_key_clause(const ForeignKey& fk);
std::string check_clause(const CheckConstraint& ck);
// "INDEX `name` (...)" as CREATE TABLE takes it, or the CREATE INDEX statement.
std::string index_clause(const Index& index);
std::string create_index_sql(const std::string& table, const Index& index);
// Throws InputError when `name` is longer than MySQL's 64 characters.
void check_name_length(const std::string& what, const std::string& name);
// Whether MySQL made its own index for `fk` (named after it): no index, unique
// constraint or primary key of `table` starts with the foreign key's columns.
bool has_implicit_index(const Table& table, const ForeignKey& fk);
Statements render_create_table(const Table& table, const Schema& before);

// ddl_alter.cpp
Statements render_alter_column(const AlterColumn& op, const RenderContext& ctx);
Statements render_rename_table(const RenameTable& op, const RenderContext& ctx);
// The index and constraint names the naming convention derived from what `op` renames
// follow it, as the replay renames them (core/schema/derived_names.h).
// Foreign keys named in `skip_foreign_keys` (of an alter_column's own table) are left out:
// the rename's own statement moved them.
Statements rename_derived_names(const Operation& op, const RenderContext& ctx,
                                const std::vector<std::string>& skip_foreign_keys = {});
// alter_enum_add_value / alter_enum_drop_value: each column of the enum, MODIFY COLUMN
// with the new value list.
Statements render_enum_change(const std::string& schema, const std::string& name,
                              const std::vector<std::string>& values, const Schema& before);

}  // namespace migrate::mysql
