#pragma once
// Database URLs as SPEC.md defines them. Parsing never prints a password; masked()
// is the only form of a URL that may appear in output or logs.

#include <string>
#include <utility>
#include <vector>

namespace migrate {

struct DatabaseUrl {
    std::string dialect;  // "sqlite" or "postgresql"

    // sqlite
    std::string path;     // absolute or relative to the working directory; "" with memory
    bool memory = false;

    // postgresql
    std::string user;
    std::string password;
    std::string host;
    int port = 0;         // 0 = libpq's default
    std::string database;
    std::vector<std::pair<std::string, std::string>> params;  // ?sslmode=require&...

    // postgresql://user:***@host:port/db?params, sqlite:///path
    std::string masked() const;
};

// Parses a URL. Relative SQLite paths are resolved against base_dir (the config file's
// folder for a URL from the config; "" = the working directory). Driver suffixes
// (postgresql+psycopg2://, sqlite+aiosqlite://) are accepted and ignored. Throws
// InputError for malformed URLs and unsupported databases (mysql://...), never
// echoing the password.
DatabaseUrl parse_database_url(const std::string& url, const std::string& base_dir = "");

// Replaces the password of any URL-looking substring with ***, for messages that may
// quote user input or database errors.
std::string mask_passwords(const std::string& text);

}  // namespace migrate
