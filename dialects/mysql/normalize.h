#pragma once
// Normalisation of types and SQL fragments, so that what a model says and what MariaDB
// or MySQL report compare equal (the differ normalises both sides):
//   - normalize_type: what reflection returns after a type is rendered and created
//     (integer -> int(11) -> integer; numeric -> decimal(10,0); "INT(10) UNSIGNED" and
//     "int unsigned" alike). Every enum, named in a model or inline ENUM('a','b') as
//     reflected, is the same "enum": the values live in the models' enums (an
//     alter_enum_add_value rewrites the columns), not in the column type.
//   - normalize_expression: check constraints and index expressions as the server
//     prints them back: `b` >= 0 and `c` in (1,2). Backticks dropped where not needed,
//     words lower-cased, strings single-quoted, `!=` as `<>`, `&&`/`||` as and/or, `%`
//     as mod, true/false as 1/0, lower/upper as lcase/ucase, `x in (1)` as `x = 1`,
//     parentheses that precedence makes redundant removed, whitespace canonical.
//   - normalize_default: the same, plus: no default and NULL are nullopt;
//     CURRENT_TIMESTAMP, now() and friends are current_timestamp() (precision kept);
//     numbers on numeric columns bare and canonical (0.00 is 0), on string columns
//     quoted ('0'); booleans 1/0.

#include <optional>
#include <string>

#include "core/schema/types.h"

namespace migrate::mysql {

ColumnType normalize_type(const ColumnType& type);
std::string normalize_expression(const std::string& sql);
std::optional<std::string> normalize_default(const std::optional<std::string>& server_default,
                                             const ColumnType& type);

}  // namespace migrate::mysql
