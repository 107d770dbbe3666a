// The MySQL/MariaDB connection (see connection.h).
#include "dialects/mysql/connection.h"

#include <mysql.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/base/errors.h"
#include "dialects/mysql/tokenizer.h"

namespace migrate {

namespace {

// The session's sql_mode: strict (a bad value is an error, not a warning), no silent
// engine substitution, division by zero an error; not ANSI_QUOTES (identifiers are
// backticked) nor NO_BACKSLASH_ESCAPES (quote_literal doubles backslashes).
const char* const kSqlMode =
    "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
    "NO_ENGINE_SUBSTITUTION'";

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string where_of(const DatabaseUrl& url) {
    return (url.host.empty() ? std::string("localhost") : url.host) + ":" +
           std::to_string(url.port ? url.port : 3306);
}

std::string param(const DatabaseUrl& url, const std::string& key) {
    for (const auto& [k, v] : url.params)
        if (lower(k) == key) return v;
    return "";
}

bool truthy(const std::string& v) { return lower(v) == "true" || v == "1"; }

// Turns a connection failure into a message that names the problem and the fix.
std::string connect_message(const DatabaseUrl& url, unsigned code, const std::string& error) {
    std::string base = "cannot connect to MySQL at " + where_of(url) + " (" + url.masked() + "): ";
    std::string m = mask_passwords(error) + " (error " + std::to_string(code) + ")";
    switch (code) {
        case 2002:
        case 2003:
            return base + "connection refused; is the server running on " + where_of(url) +
                   " and accepting TCP/IP connections?\n" + m;
        case 1045:
            return base + "access denied for user '" + url.user +
                   "'; check the user name and password in the database URL\n" + m;
        case 1049:
            return base + "database '" + url.database +
                   "' does not exist; create it first (CREATE DATABASE " + url.database + ")\n" + m;
        case 2005:
            return base + "unknown host '" + url.host + "'\n" + m;
        case 2013:
            return base + "the connection timed out or was lost; is the host reachable?\n" + m;
        default:
            return base + m;
    }
}

void set_ssl_options(MYSQL* conn, const DatabaseUrl& url) {
    const std::pair<const char*, mysql_option> files[] = {
        {"ssl_ca", MYSQL_OPT_SSL_CA},           {"ssl_capath", MYSQL_OPT_SSL_CAPATH},
        {"ssl_cert", MYSQL_OPT_SSL_CERT},       {"ssl_key", MYSQL_OPT_SSL_KEY},
        {"ssl_cipher", MYSQL_OPT_SSL_CIPHER},   {"ssl_crl", MYSQL_OPT_SSL_CRL},
        {"ssl_crlpath", MYSQL_OPT_SSL_CRLPATH}, {"tls_version", MARIADB_OPT_TLS_VERSION}};
    bool any_file = false;
    for (const auto& [key, option] : files) {
        std::string v = param(url, key);
        if (v.empty()) continue;
        mysql_optionsv(conn, option, v.c_str());
        any_file = true;
    }
    std::string mode = lower(param(url, "ssl_mode"));
    if (mode == "disabled") return;
    my_bool on = 1;
    bool enforce = mode == "required" || mode == "verify_ca" || mode == "verify_identity" ||
                   truthy(param(url, "ssl")) || (any_file && mode.empty());
    if (enforce) mysql_optionsv(conn, MYSQL_OPT_SSL_ENFORCE, &on);
    if (mode == "verify_ca" || mode == "verify_identity" || truthy(param(url, "ssl_verify_cert")))
        mysql_optionsv(conn, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on);
}

}  // namespace

namespace mysql {

std::string bind_placeholders(const std::string& sql, const std::vector<std::string>& literals) {
    std::string out;
    size_t i = 0;
    while (i < sql.size()) {
        size_t skipped = skip_quoted_or_comment(sql, i);
        if (skipped != i) {
            out.append(sql, i, skipped - i);
            i = skipped;
            continue;
        }
        if (sql[i] == '$' && i + 1 < sql.size() &&
            std::isdigit(static_cast<unsigned char>(sql[i + 1])) &&
            (i == 0 ||
             !(std::isalnum(static_cast<unsigned char>(sql[i - 1])) || sql[i - 1] == '_'))) {
            size_t j = i + 1;
            while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) ++j;
            size_t n = std::stoul(sql.substr(i + 1, j - i - 1));
            if (n == 0 || n > literals.size())
                throw InternalError("placeholder $" + std::to_string(n) +
                                    " has no parameter in: " + sql);
            out += literals[n - 1];
            i = j;
            continue;
        }
        out += sql[i++];
    }
    return out;
}

}  // namespace mysql

MysqlConnection::MysqlConnection(const DatabaseUrl& url, const ConnectOptions& options)
    : masked_url_(url.masked()) {
    conn_ = mysql_init(nullptr);
    if (!conn_) throw DatabaseError("cannot connect to MySQL (" + masked_url_ + "): out of memory");
    unsigned timeout =
        static_cast<unsigned>(std::max(1.0, std::ceil(options.connect_timeout_seconds)));
    mysql_optionsv(conn_, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    std::string charset = param(url, "charset");
    if (charset.empty()) charset = "utf8mb4";
    mysql_optionsv(conn_, MYSQL_SET_CHARSET_NAME, charset.c_str());
    set_ssl_options(conn_, url);
    std::string socket = param(url, "unix_socket");
    std::string host = url.host.empty() ? "localhost" : url.host;
    if (!mysql_real_connect(conn_, host.c_str(), url.user.empty() ? nullptr : url.user.c_str(),
                            url.password.c_str(),
                            url.database.empty() ? nullptr : url.database.c_str(),
                            static_cast<unsigned>(url.port ? url.port : 3306),
                            socket.empty() ? nullptr : socket.c_str(), CLIENT_MULTI_STATEMENTS)) {
        std::string message = connect_message(url, mysql_errno(conn_), mysql_error(conn_));
        mysql_close(conn_);
        conn_ = nullptr;
        throw DatabaseError(message);
    }
    execute(kSqlMode);
    if (options.read_only) execute("SET SESSION TRANSACTION READ ONLY");
    statements_sent_ = 0;
}

MysqlConnection::~MysqlConnection() {
    if (conn_) mysql_close(conn_);
}

bool MysqlConnection::is_lock_wait_error(unsigned error_number) {
    return error_number == 1205 || error_number == 3572;
}

void MysqlConnection::throw_error(const std::string& sql) {
    unsigned code = mysql_errno(conn_);
    std::string sqlstate = mysql_sqlstate(conn_);
    std::string statement = mask_passwords(sql);
    std::string text = mask_passwords(mysql_error(conn_));
    if (is_lock_wait_error(code))
        throw LockTimeout(
            "MySQL lock wait timeout (error " + std::to_string(code) + "): " + text +
            "; another session holds a lock on the same object\nstatement: " + statement);
    std::string message = "MySQL error " + std::to_string(code) + " (" + sqlstate + "): " + text +
                          "\nstatement: " + statement;
    throw DatabaseError(mask_passwords(message), sqlstate, statement);
}

void MysqlConnection::send(const std::string& sql) {
    ++statements_sent_;
    if (mysql_real_query(conn_, sql.data(), static_cast<unsigned long>(sql.size())) != 0)
        throw_error(sql);
}

void MysqlConnection::execute(const std::string& sql) {
    send(sql);
    // Each statement of a multi-statement text has its own result; an error in a later
    // one shows up while moving to it.
    while (true) {
        MYSQL_RES* r = mysql_store_result(conn_);
        if (r)
            mysql_free_result(r);
        else if (mysql_field_count(conn_) != 0)
            throw_error(sql);
        int next = mysql_next_result(conn_);
        if (next < 0) break;
        if (next > 0) throw_error(sql);
    }
}

std::string MysqlConnection::escape(const std::string& value) {
    std::string out(value.size() * 2 + 1, '\0');
    unsigned long n = mysql_real_escape_string(conn_, out.data(), value.data(),
                                               static_cast<unsigned long>(value.size()));
    out.resize(n);
    return "'" + out + "'";
}

QueryResult MysqlConnection::query(const std::string& sql, const std::vector<SqlValue>& params) {
    std::string text = sql;
    if (!params.empty()) {
        std::vector<std::string> literals;
        for (const auto& p : params) literals.push_back(p ? escape(*p) : std::string("NULL"));
        text = mysql::bind_placeholders(sql, literals);
    }
    send(text);
    QueryResult out;
    MYSQL_RES* r = mysql_store_result(conn_);
    if (!r && mysql_field_count(conn_) != 0) throw_error(text);
    if (r) {
        unsigned ncols = mysql_num_fields(r);
        MYSQL_FIELD* fields = mysql_fetch_fields(r);
        for (unsigned c = 0; c < ncols; ++c) out.columns.emplace_back(fields[c].name);
        out.rows.reserve(mysql_num_rows(r));
        while (MYSQL_ROW row = mysql_fetch_row(r)) {
            unsigned long* lengths = mysql_fetch_lengths(r);
            std::vector<SqlValue> values;
            values.reserve(ncols);
            for (unsigned c = 0; c < ncols; ++c)
                values.push_back(row[c] ? SqlValue{std::string(row[c], lengths[c])} : SqlValue{});
            out.rows.push_back(std::move(values));
        }
        mysql_free_result(r);
    }
    while (mysql_more_results(conn_)) {  // drain any further results
        if (mysql_next_result(conn_) > 0) throw_error(text);
        if (MYSQL_RES* extra = mysql_store_result(conn_)) mysql_free_result(extra);
    }
    return out;
}

void MysqlConnection::begin() { execute("START TRANSACTION"); }
void MysqlConnection::commit() { execute("COMMIT"); }
void MysqlConnection::rollback() { execute("ROLLBACK"); }

bool MysqlConnection::in_transaction() const {
    unsigned int status = 0;
    if (mariadb_get_infov(conn_, MARIADB_CONNECTION_SERVER_STATUS, &status) != 0) return false;
    return (status & SERVER_STATUS_IN_TRANS) != 0;
}

}  // namespace migrate
