// Parsing database URLs and their masked form (core/dialect/database_url.h).
#include "core/dialect/database_url.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/base/errors.h"

namespace migrate {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
            hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Unreserved characters (and `also`) as they are, everything else as %XX.
std::string percent_encode(const std::string& s, const char* also = "") {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' ||
            (c && std::strchr(also, c)))
            out += c;
        else
            out += std::string("%") + hex[u >> 4] + hex[u & 15];
    }
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }
bool has_control(const std::string& s) { return std::any_of(s.begin(), s.end(), is_control); }

bool valid_scheme(const std::string& s) {
    if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
}

[[noreturn]] void reject(const std::string& url, const std::string& why) {
    throw InputError("database URL '" + mask_url(url) + "' " + why);
}

const char* const kEncodeHint =
    "; if the user name or password holds '@', '/', '?' or '#', percent-encode it (%40, %2F, %3F, "
    "%23)";

DatabaseUrl parse_sqlite(const std::string& url, const std::string& rest,
                         const std::string& base_dir) {
    DatabaseUrl u;
    u.dialect = "sqlite";
    // rest is what follows "sqlite:": "" , "//" , "///relative", "////absolute", "///:memory:"
    if (rest == "" || rest == "//" || rest == "///:memory:" || rest == "//:memory:") {
        u.memory = true;
        return u;
    }
    if (rest.rfind("///", 0) != 0)
        reject(url,
               "is not a SQLite URL of the form sqlite:///relative/path.db or "
               "sqlite:////absolute/path.db");
    size_t at = rest.rfind('@');
    if (at != std::string::npos && rest.substr(0, at).find(':') != std::string::npos)
        reject(url,
               "looks like it holds credentials: a SQLite URL takes no user or password "
               "(sqlite:///path.db)");
    std::string path = rest.substr(3);
    size_t q = path.find('?');
    if (q != std::string::npos) path = path.substr(0, q);
    path = percent_decode(path);
    if (path.find('\0') != std::string::npos) reject(url, "has a NUL byte (%00) in its path");
    if (path.empty()) {
        u.memory = true;
        return u;
    }
    if (path[0] != '/' && !base_dir.empty())
        path = base_dir + (base_dir.back() == '/' ? "" : "/") + path;
    u.path = path;
    return u;
}

// user[:password] (percent-decoded; the password may hold anything but NUL).
void parse_userinfo(const std::string& url, const std::string& userinfo, DatabaseUrl& u) {
    size_t colon = userinfo.find(':');
    u.user = percent_decode(userinfo.substr(0, colon));
    if (colon != std::string::npos) u.password = percent_decode(userinfo.substr(colon + 1));
    if (u.user.find(':') != std::string::npos)
        reject(url,
               "has a ':' in the user name (percent-encoded as %3A): write user:password@ with the "
               "password "
               "after the first ':'");
    if (u.password.find('\0') != std::string::npos)
        reject(url, "has a NUL byte (%00) in the password");
    if (has_control(u.user)) reject(url, "has a control character in the user name");
}

// host[:port], [v6]:port.
void parse_hostport(const std::string& url, const std::string& hostport, DatabaseUrl& u) {
    std::string host = hostport, port;
    bool has_port = false;
    if (!hostport.empty() && hostport[0] == '[') {  // [::1]:5432
        size_t close = hostport.find(']');
        if (close == std::string::npos) reject(url, "has an unclosed '[' in the host");
        host = hostport.substr(1, close - 1);
        std::string after = hostport.substr(close + 1);
        if (!after.empty()) {
            if (after[0] != ':') reject(url, "has text after the host's ']'");
            has_port = true;
            port = after.substr(1);
        }
    } else if (size_t c = hostport.find(':'); c != std::string::npos) {
        if (hostport.find(':', c + 1) != std::string::npos)
            reject(url, "has a ':' in the host; write an IPv6 address in brackets ([::1]:5432)");
        host = hostport.substr(0, c);
        port = hostport.substr(c + 1);
        has_port = true;
    }
    if (has_port) {
        bool digits = !port.empty() && port.size() <= 5 &&
                      port.find_first_not_of("0123456789") == std::string::npos;
        u.port = digits ? std::stoi(port) : 0;
        if (u.port <= 0 || u.port > 65535)
            reject(url, "has an invalid port" + (digits ? " '" + port + "'" : std::string()) +
                            ": give a number from 1 to 65535");
    }
    u.host = percent_decode(host);
    if (has_control(u.host)) reject(url, "has a control character in the host");
}

void parse_query(const std::string& url, const std::string& query, DatabaseUrl& u) {
    size_t pos = 0;
    while (pos < query.size()) {
        size_t amp = query.find('&', pos);
        std::string kv =
            query.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
        if (!kv.empty()) {
            size_t eq = kv.find('=');
            u.params.emplace_back(percent_decode(kv.substr(0, eq)),
                                  eq == std::string::npos ? "" : percent_decode(kv.substr(eq + 1)));
            if (has_control(u.params.back().first) ||
                u.params.back().second.find('\0') != std::string::npos)
                reject(url, "has a control character in its query string");
        }
        if (amp == std::string::npos) break;
        pos = amp + 1;
    }
}

// scheme://user:password@host:port/database?params, shared by the server databases.
DatabaseUrl parse_server_url(const std::string& url, const std::string& rest,
                             const std::string& dialect) {
    DatabaseUrl u;
    u.dialect = dialect;
    if (rest.rfind("//", 0) != 0)
        reject(url, "is not of the form " + dialect +
                        "://user@host:port/database (with ':' and the password after the user "
                        "when there is one)");
    std::string s = rest.substr(2);
    if (s.find('#') != std::string::npos)
        reject(url, "has a '#'; a password that holds '#' must percent-encode it as %23");
    size_t q = s.find('?');
    std::string query = q == std::string::npos ? "" : s.substr(q + 1);
    s = s.substr(0, q);
    size_t slash = s.find('/');
    std::string authority = s.substr(0, slash);
    std::string path = slash == std::string::npos ? "" : s.substr(slash + 1);
    if (path.find('@') != std::string::npos || query.find('@') != std::string::npos)
        reject(url, std::string("has an '@' after the host") + kEncodeHint);
    if (path.find('/') != std::string::npos)
        reject(url, std::string("has a '/' in the database name") + kEncodeHint);
    u.database = percent_decode(path);
    if (has_control(u.database)) reject(url, "has a control character in the database name");
    size_t at = authority.rfind('@');
    if (at != std::string::npos) parse_userinfo(url, authority.substr(0, at), u);
    parse_hostport(url, at == std::string::npos ? authority : authority.substr(at + 1), u);
    parse_query(url, query, u);
    return u;
}

// The query parameters a mysql:// URL may carry, and their values where they are fixed.
void check_mysql_params(const std::string& url, const DatabaseUrl& u) {
    static const std::vector<std::string> known = {
        "charset", "unix_socket", "ssl_ca",     "ssl_capath", "ssl_cert",
        "ssl_key", "ssl_cipher",  "ssl_mode",   "ssl",        "ssl_verify_cert",
        "ssl_crl", "ssl_crlpath", "tls_version"};
    for (const auto& [key, value] : u.params) {
        std::string k = lower(key);
        if (std::find(known.begin(), known.end(), k) == known.end())
            reject(url, "has an unknown parameter '" + key +
                            "'; a MySQL URL takes charset, unix_socket, ssl_ca, ssl_capath, "
                            "ssl_cert, ssl_key, ssl_cipher, ssl_crl, ssl_crlpath, ssl_mode, ssl, "
                            "ssl_verify_cert and tls_version");
        std::string v = lower(value);
        if (k == "ssl_mode" && v != "disabled" && v != "preferred" && v != "required" &&
            v != "verify_ca" && v != "verify_identity")
            reject(url, "has ssl_mode='" + value +
                            "'; use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY");
        if ((k == "ssl" || k == "ssl_verify_cert") && v != "true" && v != "false" && v != "1" &&
            v != "0")
            reject(url, "has " + key + "='" + value + "'; use true or false");
        if (value.empty() && k != "ssl") reject(url, "has an empty value for '" + key + "'");
    }
}

DatabaseUrl parse_mysql(const std::string& url, const std::string& rest) {
    DatabaseUrl u = parse_server_url(url, rest, "mysql");
    if (u.port == 0) u.port = 3306;
    check_mysql_params(url, u);
    return u;
}

}  // namespace

std::string DatabaseUrl::masked() const {
    if (dialect == "sqlite") return memory ? "sqlite://" : "sqlite:///" + path;
    std::string s = dialect + "://";
    if (!user.empty() || !password.empty()) {
        s += percent_encode(user);
        if (!password.empty()) s += ":***";
        s += "@";
    }
    s += host.find(':') != std::string::npos ? "[" + host + "]" : host;
    if (port) s += ":" + std::to_string(port);
    s += "/" + percent_encode(database);
    for (size_t i = 0; i < params.size(); ++i) {
        const auto& [k, v] = params[i];
        bool secret = lower(k).find("password") != std::string::npos;
        s +=
            (i ? "&" : "?") + percent_encode(k) + "=" + (secret ? "***" : percent_encode(v, ":/,"));
    }
    return s;
}

DatabaseUrl parse_database_url(const std::string& url, const std::string& base_dir) {
    if (url.empty())
        throw InputError("no database URL: set `database:` in migrate.yaml or pass --url");
    if (std::any_of(url.begin(), url.end(), [](char c) { return c == ' ' || is_control(c); }))
        reject(url,
               "has a space or control character; percent-encode it (a space is %20) or remove it");
    size_t colon = url.find(':');
    std::string scheme = colon == std::string::npos ? "" : url.substr(0, colon);
    if (!valid_scheme(scheme))
        reject(url, "has no scheme; expected sqlite:///path.db, postgresql://... or mysql://...");
    std::string rest = url.substr(colon + 1);
    std::string base = lower(scheme.substr(0, scheme.find('+')));  // drop SQLAlchemy driver suffix
    if (base == "sqlite" || base == "sqlite3") return parse_sqlite(url, rest, base_dir);
    if (base == "postgresql" || base == "postgres" || base == "pgsql")
        return parse_server_url(url, rest, "postgresql");
    if (base == "mysql" || base == "mariadb") return parse_mysql(url, rest);
    throw InputError("database '" + base + "' in URL '" + mask_url(url) +
                     "' is not supported: migrate supports sqlite://, postgresql:// and mysql:// "
                     "URLs");
}

}  // namespace migrate
