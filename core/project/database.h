#pragma once
// The one way a command opens its database: the URL from the settings (--url, else the
// config), the dialect made by the caller's factory (core/ names no dialect: the binary
// passes dialects/registry's make_dialect), and a connection whose SQLite busy timeout
// is the lock wait (--lock-timeout, else a day) for every command alike.

#include <functional>
#include <memory>
#include <string>

#include "core/dialect/database_url.h"
#include "core/dialect/dialect.h"
#include "core/project/settings.h"

namespace migrate {

using DialectFactory = std::function<std::unique_ptr<Dialect>(const std::string& name)>;

// How a command uses the database: Write (upgrade, downgrade, stamp), Read (never
// creates or writes anything), ReadOrEmpty (a missing SQLite file reads as empty).
enum class Access { Write, Read, ReadOrEmpty };

struct Database {
    DatabaseUrl url;
    std::unique_ptr<Dialect> dialect;
    std::unique_ptr<Connection> connection;  // null until connect()

    // Connects with the settings' options; the connection is kept in `connection`.
    Connection& connect(const Settings& settings, Access access);
};

// The URL and its dialect; no connection yet (offline scripts need only the dialect).
Database database_of(const Settings& settings, const DialectFactory& make_dialect);
// database_of, then connect.
Database open_database(const Settings& settings, const DialectFactory& make_dialect, Access access);

}  // namespace migrate
