#pragma once
// Internal to core/operations/apply_operation.cpp: replaying the sequence operations, and what
// happens to a sequence when the table or column that owns it is renamed or dropped
// (as PostgreSQL does: ownership follows renames; dropping the owner drops the sequence).

#include <optional>
#include <string>

#include "core/operations/operations.h"
#include "core/schema/schema.h"

namespace migrate::detail {

void apply_create_sequence(Schema& s, const CreateSequence& o, const Operation& op);
void apply_drop_sequence(Schema& s, const DropSequence& o, const Operation& op);
void apply_alter_sequence(Schema& s, const AlterSequence& o, const Operation& op);

// owned_by "from.c" becomes "to.c" for the sequences of `schema`.
void sequences_follow_table_rename(Schema& s, const std::string& schema, const std::string& from,
                                   const std::string& to);
// owned_by "table.from" becomes "table.to".
void sequences_follow_column_rename(Schema& s, const std::string& schema, const std::string& table,
                                    const std::string& from, const std::string& to);
// Drops the sequences owned by `table` (by its `column` only, when given).
void drop_owned_sequences(Schema& s, const std::string& schema, const std::string& table,
                          const std::optional<std::string>& column = std::nullopt);

}  // namespace migrate::detail
