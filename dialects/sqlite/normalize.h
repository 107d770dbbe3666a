#pragma once
// Normalisation of what SQLite reports and what a model says, so that both compare
// equal in the differ: normalize_type(t) is the type reflection returns after rendering
// t, normalize_default the default it returns, normalize_expression the canonical text
// of check expressions and index predicates.

#include <optional>
#include <string>

#include "core/schema/types.h"

namespace migrate::sqlite {

ColumnType normalize_type(const ColumnType& type);

// Canonical default: outer parentheses removed, now()/CURRENT_TIMESTAMP ->
// CURRENT_TIMESTAMP, true/false -> 1/0, NULL -> no default, a leading '+' dropped.
std::optional<std::string> normalize_default(const std::optional<std::string>& value);

// Check expressions and index predicates compared token by token: bare and quoted
// identifiers lower-cased and unquoted, strings kept, one space between tokens.
std::string normalize_expression(const std::string& sql);

}  // namespace migrate::sqlite
