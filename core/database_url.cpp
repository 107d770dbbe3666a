#include "core/database_url.h"

#include <cctype>
#include <regex>

#include "core/errors.h"

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
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

DatabaseUrl parse_sqlite(const std::string& masked_url, const std::string& rest, const std::string& base_dir) {
    DatabaseUrl u;
    u.dialect = "sqlite";
    // rest is what follows "sqlite:": "" , "//" , "///relative", "////absolute", "///:memory:"
    if (rest == "" || rest == "//" || rest == "///:memory:" || rest == "//:memory:") {
        u.memory = true;
        return u;
    }
    if (rest.rfind("///", 0) != 0)
        throw InputError("database URL '" + masked_url +
                         "' is not a SQLite URL of the form sqlite:///relative/path.db or sqlite:////absolute/path.db");
    std::string path = rest.substr(3);
    size_t q = path.find('?');
    if (q != std::string::npos) path = path.substr(0, q);
    path = percent_decode(path);
    if (path.empty()) {
        u.memory = true;
        return u;
    }
    if (path[0] != '/' && !base_dir.empty()) path = base_dir + (base_dir.back() == '/' ? "" : "/") + path;
    u.path = path;
    return u;
}

DatabaseUrl parse_postgresql(const std::string& masked_url, const std::string& rest) {
    DatabaseUrl u;
    u.dialect = "postgresql";
    if (rest.rfind("//", 0) != 0)
        throw InputError("database URL '" + masked_url + "' is not of the form postgresql://user:password@host:port/database");
    std::string s = rest.substr(2);
    size_t q = s.find('?');
    std::string query = q == std::string::npos ? "" : s.substr(q + 1);
    s = s.substr(0, q);
    size_t slash = s.find('/');
    std::string authority = s.substr(0, slash);
    u.database = slash == std::string::npos ? "" : percent_decode(s.substr(slash + 1));
    size_t at = authority.rfind('@');
    std::string hostport = authority;
    if (at != std::string::npos) {
        std::string userinfo = authority.substr(0, at);
        hostport = authority.substr(at + 1);
        size_t colon = userinfo.find(':');
        u.user = percent_decode(userinfo.substr(0, colon));
        if (colon != std::string::npos) u.password = percent_decode(userinfo.substr(colon + 1));
    }
    std::string host = hostport, port;
    bool has_port = false;
    if (!hostport.empty() && hostport[0] == '[') {  // [::1]:5432
        size_t close = hostport.find(']');
        if (close == std::string::npos) throw InputError("database URL '" + masked_url + "' has an unclosed '[' in the host");
        host = hostport.substr(1, close - 1);
        std::string after = hostport.substr(close + 1);
        if (!after.empty()) {
            if (after[0] != ':') throw InputError("database URL '" + masked_url + "' has text after the host's ']'");
            has_port = true;
            port = after.substr(1);
        }
    } else if (size_t c = hostport.rfind(':'); c != std::string::npos) {
        host = hostport.substr(0, c);
        port = hostport.substr(c + 1);
        has_port = true;
    }
    if (has_port) {
        bool digits = !port.empty() && port.size() <= 5 && port.find_first_not_of("0123456789") == std::string::npos;
        u.port = digits ? std::stoi(port) : 0;
        if (u.port <= 0 || u.port > 65535)
            throw InputError("database URL '" + masked_url + "' has an invalid port '" + port + "'");
    }
    u.host = percent_decode(host);
    size_t pos = 0;
    while (pos < query.size()) {
        size_t amp = query.find('&', pos);
        std::string kv = query.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
        if (!kv.empty()) {
            size_t eq = kv.find('=');
            u.params.emplace_back(percent_decode(kv.substr(0, eq)),
                                  eq == std::string::npos ? "" : percent_decode(kv.substr(eq + 1)));
        }
        if (amp == std::string::npos) break;
        pos = amp + 1;
    }
    return u;
}

}  // namespace

std::string DatabaseUrl::masked() const {
    if (dialect == "sqlite") return memory ? "sqlite://" : "sqlite:///" + path;
    std::string s = "postgresql://";
    if (!user.empty() || !password.empty()) {
        s += user;
        if (!password.empty()) s += ":***";
        s += "@";
    }
    s += host.find(':') != std::string::npos ? "[" + host + "]" : host;
    if (port) s += ":" + std::to_string(port);
    s += "/" + database;
    for (size_t i = 0; i < params.size(); ++i) {
        const auto& [k, v] = params[i];
        bool secret = lower(k) == "password";
        s += (i ? "&" : "?") + k + "=" + (secret ? "***" : v);
    }
    return s;
}

std::string mask_passwords(const std::string& text) {
    // scheme://user:password@  ->  scheme://user:***@
    static const std::regex userinfo(R"(([A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*):[^@\s/]*@)");
    static const std::regex param(R"(([?&]password=)[^&\s]*)", std::regex::icase);
    std::string out = std::regex_replace(text, userinfo, "$1:***@");
    return std::regex_replace(out, param, "$1***");
}

DatabaseUrl parse_database_url(const std::string& url, const std::string& base_dir) {
    std::string masked_url = mask_passwords(url);
    size_t colon = url.find(':');
    if (url.empty()) throw InputError("no database URL: set `database:` in migrate.yaml or pass --url");
    if (colon == std::string::npos)
        throw InputError("database URL '" + masked_url + "' has no scheme; expected sqlite:///path.db or postgresql://...");
    std::string scheme = lower(url.substr(0, colon));
    std::string rest = url.substr(colon + 1);
    std::string base = scheme.substr(0, scheme.find('+'));  // drop SQLAlchemy driver suffix
    if (base == "sqlite" || base == "sqlite3") return parse_sqlite(masked_url, rest, base_dir);
    if (base == "postgresql" || base == "postgres" || base == "pgsql") return parse_postgresql(masked_url, rest);
    throw InputError("database '" + base + "' in URL '" + masked_url +
                     "' is not supported: migrate supports sqlite:// and postgresql:// URLs");
}

}  // namespace migrate
