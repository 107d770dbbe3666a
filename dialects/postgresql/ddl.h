#pragma once
// PostgreSQL DDL for every operation of core/operations/operations.h. ddl.cpp dispatches;
// ddl_parts.cpp renders the pieces (column definitions, constraints, indexes);
// ddl_alter.cpp renders the operations that read the schema before them
// (alter_column, rename_table, alter_enum_drop_value); ddl_sequences.cpp the sequences.

#include <string>
#include <vector>

#include "core/dialect/dialect.h"

namespace migrate::pg {

using Statements = std::vector<std::string>;

Statements render(const Operation& op, const RenderContext& ctx);

// Pieces shared by the renderers.
std::string column_definition(const Column& column, const std::string& table_schema,
                              const Schema& before);
std::string column_type_sql(const ColumnType& type, const std::string& table_schema,
                            const Schema& before);
std::string primary_key_clause(const PrimaryKey& pk);
std::string unique_clause(const UniqueConstraint& uq);
std::string foreign_key_clause(const ForeignKey& fk, const std::string& table_schema);
std::string check_clause(const CheckConstraint& ck);
std::string create_index_sql(const std::string& schema, const std::string& table,
                             const Index& index);
std::string comment_sql(const std::string& target, const std::optional<std::string>& comment);
std::string column_list(const std::vector<std::string>& columns);
// A default as DEFAULT / SET DEFAULT takes it (ddl_default.cpp): wrapped in parentheses
// when the grammar there would not accept it bare (`now() AT TIME ZONE 'utc'`).
std::string default_sql(const std::string& expression);

Statements render_create_table(const Table& table, const Schema& before);
Statements render_alter_column(const AlterColumn& op, const RenderContext& ctx);
// Renames the index and constraint names derived from what a rename_table or an
// alter_column rename renames.
Statements rename_derived_names(const Operation& op, const RenderContext& ctx);
Statements render_rename_table(const RenameTable& op, const RenderContext& ctx);
Statements render_drop_enum_value(const AlterEnumDropValue& op, const Schema& before);
// ddl_sequences.cpp
Statements render_create_sequence(const CreateSequence& op);
Statements render_alter_sequence(const AlterSequence& op);
Statements render_drop_sequence(const DropSequence& op);

}  // namespace migrate::pg
