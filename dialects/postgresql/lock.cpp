// The migration lock of the PostgreSQL dialect (see lock.h).

#include "dialects/postgresql/lock.h"

#include <chrono>
#include <thread>

#include "core/base/duration_text.h"
#include "core/base/errors.h"

namespace migrate::pg {

int64_t advisory_lock_key(const std::string& key) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return static_cast<int64_t>(h);
}

namespace {

bool try_lock(Connection& connection, int64_t key) {
    QueryResult r =
        connection.query("SELECT pg_try_advisory_lock($1::bigint)", {std::to_string(key)});
    return !r.rows.empty() && r.rows[0][0] == SqlValue{"t"};
}

}  // namespace

std::string lock_scope(const DatabaseUrl& url) {
    return url.host + ":" + std::to_string(url.port) + "/" + url.database;
}

void acquire_lock(Connection& connection, const std::string& key,
                  std::optional<double> timeout_seconds) {
    int64_t k = advisory_lock_key(key);
    if (!timeout_seconds) {
        connection.query("SELECT pg_advisory_lock($1::bigint)", {std::to_string(k)});
        return;
    }
    auto deadline =
        std::chrono::steady_clock::now() + std::chrono::duration<double>(*timeout_seconds);
    auto pause = std::chrono::milliseconds(50);
    while (!try_lock(connection, k)) {
        if (std::chrono::steady_clock::now() >= deadline)
            throw LockTimeout("could not acquire the migration lock '" + key + "' within " +
                              seconds_phrase(*timeout_seconds) +
                              ": another migrate run holds it (PostgreSQL advisory lock " +
                              std::to_string(k) +
                              "); wait for it to finish or raise --lock-timeout");
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(500));
    }
}

void release_lock(Connection& connection, const std::string& key) {
    connection.query("SELECT pg_advisory_unlock($1::bigint)",
                     {std::to_string(advisory_lock_key(key))});
}

}  // namespace migrate::pg
