#pragma once
// Identifiers inside SQL text as written in models and revisions (check expressions,
// index expressions, partial-index predicates): whether one is mentioned, and renaming
// one, outside string literals and as a whole word (quoted or not).

#include <string>

namespace migrate {

// Whether `sql` mentions identifier `name` as a whole word.
bool mentions(const std::string& sql, const std::string& name);

// `sql` with every whole-word identifier `from` replaced by `to`, outside '...' literals.
std::string replace_identifier(const std::string& sql, const std::string& from,
                               const std::string& to);

}  // namespace migrate
