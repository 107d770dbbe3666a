#pragma once
// Database URLs as SPEC.md defines them. Parsing never prints a password: a parsed
// URL appears in output only as masked(), a URL as given only through mask_url().

#include <string>
#include <utility>
#include <vector>

#include "core/dialect/url_mask.h"

namespace migrate {

struct DatabaseUrl {
    std::string dialect;  // "sqlite", "postgresql" or "mysql" (mysql:// and mariadb://)

    // sqlite
    std::string path;  // absolute or relative to the working directory; "" with memory
    bool memory = false;

    // postgresql and mysql
    std::string user;
    std::string password;
    std::string host;
    int port = 0;  // 0 = libpq's default; mysql: 3306 when not given
    std::string database;
    // ?sslmode=require&... (mysql: charset, unix_socket, ssl_* only; checked when parsed)
    std::vector<std::pair<std::string, std::string>> params;

    // postgresql://user:***@host:port/db?params (parameters named *password* masked,
    // the user percent-encoded), mysql://... likewise, sqlite:///path
    std::string masked() const;
};

// Parses a URL. Relative SQLite paths are resolved against base_dir (the config file's
// folder for a URL from the config; "" = the working directory). Driver suffixes
// (postgresql+psycopg2://, sqlite+aiosqlite://, mysql+pymysql://) are accepted and
// ignored; mariadb:// is mysql://. Throws InputError, quoting the URL only through
// mask_url(), for unsupported databases (oracle://...), for a mysql:// parameter that
// is not charset, unix_socket or an SSL setting, and for every form that could put a password where
// it does not belong: credentials without "//" or after the host, an unencoded '/', '?', '#' or
// '@' that moves the password into the path, query or host, spaces and control
// characters, a ':' in the user name, a NUL byte, a user or password in a SQLite URL.
DatabaseUrl parse_database_url(const std::string& url, const std::string& base_dir = "");

}  // namespace migrate
