#pragma once
// SQLite type and default mapping, both ways. SQLite keeps a column's declared type
// as written, so each portable type is rendered as a distinct declared type and read
// back from it (docs/dialects/sqlite.md has the table). What the differ compares is
// normalised by normalize.h.

#include <optional>
#include <string>

#include "core/schema/types.h"
#include "dialects/sqlite/normalize.h"

namespace migrate::sqlite {

// The declared type written in CREATE TABLE ("VARCHAR(255)", "NUMERIC(12,2)").
std::string render_type(const ColumnType& type);

// The type a declared type reads back as: portable where one fits, else a Dialect type
// spelled in lower case ("jsonb", "" for a column declared without a type).
ColumnType type_from_declared(const std::string& declared);

// The text after DEFAULT: literals as they are, anything else in parentheses.
std::string render_default(const std::string& value);

// Whether ALTER TABLE ADD COLUMN accepts this default (a constant, not CURRENT_*).
bool is_constant_default(const std::string& normalized);

}  // namespace migrate::sqlite
