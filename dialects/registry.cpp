#include "dialects/registry.h"

#include "core/base/errors.h"

namespace migrate {

// Each dialect folder defines its factory in dialect.cpp.
std::unique_ptr<Dialect> make_sqlite_dialect();
std::unique_ptr<Dialect> make_postgresql_dialect();
std::unique_ptr<Dialect> make_mysql_dialect();

std::unique_ptr<Dialect> make_dialect(const std::string& name) {
    if (name == "sqlite") return make_sqlite_dialect();
    if (name == "postgresql") return make_postgresql_dialect();
    if (name == "mysql") return make_mysql_dialect();
    throw InputError("database '" + name +
                     "' is not supported: migrate supports sqlite, postgresql and mysql");
}

}  // namespace migrate
