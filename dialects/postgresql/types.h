#pragma once
// PostgreSQL type mapping, both ways: portable ColumnType -> the SQL type name, and the
// name format_type() reports -> the portable type where one fits (else the PostgreSQL
// type verbatim, as a Dialect type). normalize_type is in normalize.h.

#include <string>

#include "core/schema/types.h"
#include "dialects/postgresql/normalize.h"

namespace migrate::pg {

// The SQL for a column type. Enum names are quoted; "schema.name" enums are qualified.
std::string render_type(const ColumnType& type);
// format_type() output ("character varying(20)", "timestamp with time zone") -> ColumnType.
ColumnType type_from_catalog(const std::string& format_type);
// How format_type would spell a type written by hand: "int4" -> "integer",
// "varchar(20)" -> "character varying(20)", "timestamptz" -> "timestamp with time zone".
std::string canonical_type_name(const std::string& written);

}  // namespace migrate::pg
