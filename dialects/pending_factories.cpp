// TEMPORARY, loader branch only: stand-ins for the dialect factories so that the
// `migrate` binary links before the sqlite and postgresql branches are merged.
// DELETE THIS FILE when merging the dialects (their dialect.cpp files define these;
// keeping both is a duplicate-symbol link error, on purpose).

#include <memory>

#include "core/dialect.h"
#include "core/errors.h"

namespace migrate {

std::unique_ptr<Dialect> make_sqlite_dialect() {
    throw InternalError("the SQLite dialect is not built into this branch yet");
}

std::unique_ptr<Dialect> make_postgresql_dialect() {
    throw InternalError("the PostgreSQL dialect is not built into this branch yet");
}

}  // namespace migrate
