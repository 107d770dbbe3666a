#pragma once
// Normalisation of types and SQL fragments, so that what a model says and what
// PostgreSQL reports compare equal:
//   - normalize_type: what reflection returns after a type is rendered and created.
//   - normalize_expression: check expressions, index expressions and predicates.
//     `(balance >= (0)::numeric)` and `balance >= 0` both give `balance >= 0`.
//     Casts (`::type`) are dropped, unquoted words lower-cased, needlessly quoted
//     identifiers unquoted, parentheses that precedence makes redundant removed,
//     `~~` written as `like`, `!=` as `<>`, whitespace canonical. Not handled (write
//     them as PostgreSQL deparses them): IN lists (deparsed as `= ANY (ARRAY[...])`),
//     BETWEEN (deparsed as two comparisons), and operator precedence beyond
//     logical < comparison < everything else.
//   - normalize_default: the same, plus type-aware rules: current_timestamp and
//     transaction_timestamp() are now(); quoted numbers on numeric columns unquoted;
//     boolean spellings ('t', 'yes', TRUE) become true/false.

#include <optional>
#include <string>

#include "core/schema/types.h"

namespace migrate::pg {

ColumnType normalize_type(const ColumnType& type);
std::string normalize_expression(const std::string& sql);
std::optional<std::string> normalize_default(const std::optional<std::string>& server_default,
                                             const ColumnType& type);

}  // namespace migrate::pg
