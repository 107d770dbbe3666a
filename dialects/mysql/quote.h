#pragma once
// Identifier and literal quoting for MySQL and MariaDB: the one function every piece of
// DDL uses to quote names, so reserved words, mixed case, spaces, embedded quotes and
// non-ASCII names all round-trip.

#include <string>

namespace migrate::mysql {

// Always backticks; embedded backticks are doubled.
std::string quote_identifier(const std::string& name);
// 'value' with embedded single quotes doubled and backslashes doubled (the server reads
// backslash escapes unless NO_BACKSLASH_ESCAPES is set; doubled, it reads one either way
// only without that mode, which migrate does not set).
std::string quote_literal(const std::string& value);

}  // namespace migrate::mysql
