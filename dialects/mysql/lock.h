#pragma once
// The migration lock of the MySQL/MariaDB dialect: a named user lock (GET_LOCK /
// RELEASE_LOCK), held by the session. Lock names are server-wide, so the key names the
// database (the lock scope is host:port/database) and the version table; a key longer
// than the servers' 64-character limit is shortened with a stable hash.

#include <optional>
#include <string>

#include "core/dialect/dialect.h"

namespace migrate::mysql {

// `key` as a GET_LOCK name: itself when at most 64 characters, else its first 47
// characters, ':' and a 16-digit hex FNV-1a hash of the whole key (the same in every
// build).
std::string lock_name(const std::string& key);

// host:port/database: the server and database a lock is taken in (no credentials).
std::string lock_scope(const DatabaseUrl& url);

// Takes the lock; throws LockTimeout after timeout_seconds (nullopt = wait).
void acquire_lock(Connection& connection, const std::string& key,
                  std::optional<double> timeout_seconds);
void release_lock(Connection& connection, const std::string& key);

}  // namespace migrate::mysql
