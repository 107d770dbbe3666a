#pragma once
// Picks the dialect for a parsed URL. The only place that knows every dialect.

#include <memory>
#include <string>

#include "core/dialect/dialect.h"

namespace migrate {

// "sqlite", "postgresql" or "mysql"; throws InputError for anything else.
std::unique_ptr<Dialect> make_dialect(const std::string& name);

}  // namespace migrate
