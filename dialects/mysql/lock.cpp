// The migration lock of the MySQL/MariaDB dialect (see lock.h).
#include "dialects/mysql/lock.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/base/duration_text.h"
#include "core/base/errors.h"

namespace migrate::mysql {

namespace {

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", s);
    std::string t = buf;
    t.erase(t.find_last_not_of('0') + 1);
    if (!t.empty() && t.back() == '.') t.pop_back();
    return t;
}

// GET_LOCK's answer: 1 taken, 0 timed out; NULL is an error (the session was killed).
int get_lock(Connection& connection, const std::string& name, const std::string& seconds) {
    QueryResult r = connection.query("SELECT GET_LOCK($1, " + seconds + ")", {name});
    if (r.rows.empty() || !r.rows[0][0])
        throw DatabaseError("MySQL GET_LOCK('" + name + "') failed (returned NULL)");
    return *r.rows[0][0] == "1" ? 1 : 0;
}

}  // namespace

std::string lock_name(const std::string& key) {
    if (key.size() <= 64) return key;
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return key.substr(0, 47) + ":" + hex;
}

std::string lock_scope(const DatabaseUrl& url) {
    return (url.host.empty() ? std::string("localhost") : url.host) + ":" +
           std::to_string(url.port ? url.port : 3306) + "/" + url.database;
}

void acquire_lock(Connection& connection, const std::string& key,
                  std::optional<double> timeout_seconds) {
    std::string name = lock_name(key);
    if (!timeout_seconds) {
        while (get_lock(connection, name, "3600") != 1) {
        }
        return;
    }
    if (get_lock(connection, name, seconds_text(std::max(0.0, *timeout_seconds))) == 1) return;
    throw LockTimeout("could not acquire the migration lock '" + key + "' within " +
                      seconds_phrase(*timeout_seconds) +
                      ": another migrate run holds it (MySQL GET_LOCK('" + name +
                      "')); wait for it to finish or raise --lock-timeout");
}

void release_lock(Connection& connection, const std::string& key) {
    connection.query("SELECT RELEASE_LOCK($1)", {lock_name(key)});
}

}  // namespace migrate::mysql
