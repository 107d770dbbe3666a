#pragma once
// Identifier and literal quoting for SQLite: the one quote_identifier of this dialect,
// used by every piece of DDL, so keywords, mixed case, spaces and embedded quotes
// round-trip.

#include <string>
#include <vector>

namespace migrate::sqlite {

// Always double-quotes; embedded double quotes are doubled.
std::string quote_identifier(const std::string& name);
// 'value' with embedded single quotes doubled.
std::string quote_literal(const std::string& value);
// "a", "b": a comma-separated list of quoted names.
std::string quote_list(const std::vector<std::string>& names);

}  // namespace migrate::sqlite
