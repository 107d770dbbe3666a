#pragma once
// SQLite type and default mapping, both ways. SQLite keeps a column's declared type
// as written, so each portable type is rendered as a distinct declared type and read
// back from it (docs/dialects/sqlite.md has the table). normalize_type(t) is what
// reflection returns after rendering t; normalize_default likewise for defaults.

#include <optional>
#include <string>

#include "core/schema/types.h"

namespace migrate::sqlite {

// The declared type written in CREATE TABLE ("VARCHAR(255)", "NUMERIC(12,2)").
std::string render_type(const ColumnType& type);

// The type a declared type reads back as: portable where one fits, else a Dialect type
// spelled in lower case ("jsonb", "" for a column declared without a type).
ColumnType type_from_declared(const std::string& declared);

ColumnType normalize_type(const ColumnType& type);

// Canonical default: outer parentheses removed, now()/CURRENT_TIMESTAMP ->
// CURRENT_TIMESTAMP, true/false -> 1/0, NULL -> no default, a leading '+' dropped.
std::optional<std::string> normalize_default(const std::optional<std::string>& value);

// The text after DEFAULT: literals as they are, anything else in parentheses.
std::string render_default(const std::string& value);

// Whether ALTER TABLE ADD COLUMN accepts this default (a constant, not CURRENT_*).
bool is_constant_default(const std::string& normalized);

// Check expressions and index predicates compared token by token: bare and quoted
// identifiers lower-cased and unquoted, strings kept, one space between tokens.
std::string normalize_expression(const std::string& sql);

}  // namespace migrate::sqlite
