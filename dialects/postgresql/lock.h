#pragma once
// The migration lock of the PostgreSQL dialect: a session advisory lock keyed by a
// stable hash of the lock's name, polled until the timeout so that a waiting run can
// give up with LockTimeout instead of hanging.

#include <cstdint>
#include <optional>
#include <string>

#include "core/dialect/dialect.h"

namespace migrate::pg {

// The advisory lock key for `key`: a stable 64-bit FNV-1a hash, the same in every build.
int64_t advisory_lock_key(const std::string& key);

// host:port/database: the server and database a lock is taken in (no credentials).
std::string lock_scope(const DatabaseUrl& url);

// Takes the advisory lock; throws LockTimeout after timeout_seconds (nullopt = wait).
void acquire_lock(Connection& connection, const std::string& key,
                  std::optional<double> timeout_seconds);
void release_lock(Connection& connection, const std::string& key);

}  // namespace migrate::pg
