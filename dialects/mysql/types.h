#pragma once
// MySQL / MariaDB type mapping, both ways: portable ColumnType -> the SQL type written in
// DDL, and what information_schema.COLUMNS reports (COLUMN_TYPE, DATA_TYPE) -> the
// portable type where one fits, else the MySQL type verbatim as a Dialect type
// (docs/dialects/mysql_types.md has the table). normalize_type is in normalize.h.
//
// Choices: boolean is TINYINT(1); text is TEXT (64 KiB; `longtext` verbatim for more);
// binary is BLOB; datetime(timezone) is TIMESTAMP (stored as UTC, read in the session's
// time zone), datetime is DATETIME; uuid is CHAR(36) (MariaDB's native UUID reads back
// as uuid too); json is JSON (MariaDB stores LONGTEXT with a json_valid check:
// reflection passes data_type "json" for such a column). A portable enum is an inline
// ENUM('a','b') of its values (ddl.h looks them up in the schema). string without a
// length and interval have no MySQL form: InputError.

#include <optional>
#include <string>
#include <vector>

#include "core/schema/types.h"

namespace migrate::mysql {

// The SQL for a column type ("INT", "VARCHAR(20)", "DECIMAL(12,2)"). Throws InputError
// (without naming the column: the caller adds it) for a type MySQL cannot hold: string
// without a length, interval, numeric beyond DECIMAL(65,30), and an enum (whose values
// only the schema knows: use enum_sql).
std::string render_type(const ColumnType& type);
// ENUM('a','b') for an enum's values.
std::string enum_sql(const std::vector<std::string>& values);

// information_schema.COLUMNS COLUMN_TYPE ("int(11)", "varchar(20)", "tinyint(1)",
// "enum('a','b')", "int(10) unsigned") and DATA_TYPE ("int") -> ColumnType. Integer
// display widths are dropped ("int(10) unsigned" is the dialect type "int unsigned");
// enum and set types are kept verbatim, their values as written.
ColumnType type_from_catalog(const std::string& column_type, const std::string& data_type);

// The values of an inline "enum('a','b''c')" (as COLUMN_TYPE reports it), or nullopt.
std::optional<std::vector<std::string>> enum_values(const std::string& column_type);

}  // namespace migrate::mysql
