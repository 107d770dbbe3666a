#pragma once
// The migration lock of the SQLite dialect. SQLite has no advisory locks: a migration
// transaction begins with BEGIN IMMEDIATE (connection.h), which takes the database's
// write lock, so concurrent runs queue on the busy timeout and one that runs out of it
// gets LockTimeout from the connection. acquire_lock and release_lock are therefore
// no-ops; lock_scope names the database file.

#include <optional>
#include <string>

#include "core/dialect/dialect.h"

namespace migrate::sqlite {

// The database file's path, as the URL gives it.
std::string lock_scope(const DatabaseUrl& url);

// No-ops (see above).
void acquire_lock(Connection& connection, const std::string& key,
                  std::optional<double> timeout_seconds);
void release_lock(Connection& connection, const std::string& key);

}  // namespace migrate::sqlite
