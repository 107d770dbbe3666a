#pragma once
// Identifier and literal quoting for PostgreSQL: the one function every piece of DDL
// uses to quote names, so `user`, `order`, mixed case, spaces, embedded quotes and
// non-ASCII names all round-trip.

#include <string>

namespace migrate::pg {

// Always double-quotes; embedded double quotes are doubled.
std::string quote_identifier(const std::string& name);
// 'value' with embedded single quotes doubled (standard_conforming_strings is on).
std::string quote_literal(const std::string& value);
// "schema"."name", or "name" when schema is "" (the default schema, public).
std::string qualified(const std::string& schema, const std::string& name);

}  // namespace migrate::pg
