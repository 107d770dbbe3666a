#include "dialects/postgresql/connection.h"

#include <cmath>

#include "core/base/errors.h"
#include "dialects/postgresql/libpq.h"

namespace migrate {

PgResult& PgResult::operator=(PgResult&& other) noexcept {
    if (this != &other) {
        if (result_) pg::libpq().PQclear(result_);
        result_ = other.release();
    }
    return *this;
}

PgResult::~PgResult() {
    if (result_) pg::libpq().PQclear(result_);
}

pg_result* PgResult::release() {
    pg_result* r = result_;
    result_ = nullptr;
    return r;
}

namespace {

std::string trim_trailing(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string where_of(const DatabaseUrl& url) {
    std::string host = url.host.empty() ? "localhost" : url.host;
    return host + ":" + (url.port ? std::to_string(url.port) : std::string("5432"));
}

// Turns libpq's connection failure into a message that names the problem and the fix.
std::string connect_message(const DatabaseUrl& url, const std::string& libpq_message) {
    std::string base =
        "cannot connect to PostgreSQL at " + where_of(url) + " (" + url.masked() + "): ";
    std::string m = mask_passwords(trim_trailing(libpq_message));
    if (m.find("Connection refused") != std::string::npos ||
        m.find("could not connect") != std::string::npos)
        return base + "connection refused; is the server running on " + where_of(url) +
               " and accepting TCP/IP connections?\n" + m;
    if (m.find("password authentication failed") != std::string::npos)
        return base + "password authentication failed for user '" + url.user +
               "'; check the user name and password in the database URL\n" + m;
    if (m.find("does not exist") != std::string::npos && m.find("database") != std::string::npos)
        return base + "database '" + url.database + "' does not exist; create it first (createdb " +
               url.database + " or CREATE DATABASE)\n" + m;
    if (m.find("timeout expired") != std::string::npos)
        return base + "the connection timed out; is the host reachable?\n" + m;
    return base + m;
}

std::string field(const PGresult* r, int code) {
    const char* v = pg::libpq().PQresultErrorField(r, code);
    return v ? v : "";
}

[[noreturn]] void throw_statement_error(const PGresult* r, pg_conn* conn, const std::string& sql) {
    std::string primary = r ? field(r, PG_DIAG_MESSAGE_PRIMARY) : "";
    if (primary.empty()) primary = trim_trailing(pg::libpq().PQerrorMessage(conn));
    std::string sqlstate = r ? field(r, PG_DIAG_SQLSTATE) : "";
    std::string message =
        "PostgreSQL error" + (sqlstate.empty() ? "" : " " + sqlstate) + ": " + primary;
    if (r && !field(r, PG_DIAG_MESSAGE_DETAIL).empty())
        message += "\nDETAIL: " + field(r, PG_DIAG_MESSAGE_DETAIL);
    if (r && !field(r, PG_DIAG_MESSAGE_HINT).empty())
        message += "\nHINT: " + field(r, PG_DIAG_MESSAGE_HINT);
    std::string statement = mask_passwords(sql);
    message += "\nstatement: " + statement;
    throw DatabaseError(mask_passwords(message), sqlstate, statement);
}

}  // namespace

namespace {

// libpq keyword/value pairs for `url`: never a connection string built by hand.
std::vector<std::pair<std::string, std::string>> connection_keywords(
    const DatabaseUrl& url, const ConnectOptions& options) {
    std::vector<std::pair<std::string, std::string>> kv;
    if (!url.host.empty()) kv.emplace_back("host", url.host);
    if (url.port) kv.emplace_back("port", std::to_string(url.port));
    if (!url.user.empty()) kv.emplace_back("user", url.user);
    if (!url.password.empty()) kv.emplace_back("password", url.password);
    if (!url.database.empty()) kv.emplace_back("dbname", url.database);
    int timeout = std::max(1, static_cast<int>(std::ceil(options.connect_timeout_seconds)));
    kv.emplace_back("connect_timeout", std::to_string(timeout));
    kv.emplace_back("application_name", "migrate");
    for (const auto& p : url.params) kv.push_back(p);  // sslmode, ... (later keys win)
    return kv;
}

}  // namespace

PgConnection::PgConnection(const DatabaseUrl& url, const ConnectOptions& options)
    : masked_url_(url.masked()) {
    auto kv = connection_keywords(url, options);
    std::vector<const char*> keys, values;
    for (const auto& [k, v] : kv) {
        keys.push_back(k.c_str());
        values.push_back(v.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    conn_ = pg::libpq().PQconnectdbParams(keys.data(), values.data(), 0);
    if (!conn_)
        throw DatabaseError("cannot connect to PostgreSQL (" + masked_url_ + "): out of memory");
    if (pg::libpq().PQstatus(conn_) != CONNECTION_OK) {
        std::string message = connect_message(url, pg::libpq().PQerrorMessage(conn_));
        pg::libpq().PQfinish(conn_);
        conn_ = nullptr;
        throw DatabaseError(message);
    }
    PgResult quiet(pg::libpq().PQexec(conn_, "SET client_min_messages = warning"));
    if (options.read_only) {
        PgResult read_only(pg::libpq().PQexec(conn_, "SET default_transaction_read_only = on"));
    }
}

PgConnection::PgConnection(PgConnection&& other) noexcept
    : conn_(other.conn_),
      masked_url_(std::move(other.masked_url_)),
      statements_sent_(other.statements_sent_) {
    other.conn_ = nullptr;
}

PgConnection::~PgConnection() {
    if (conn_) pg::libpq().PQfinish(conn_);
}

PgResult PgConnection::run(const std::string& sql, const std::vector<SqlValue>* params) {
    ++statements_sent_;
    PGresult* raw = nullptr;
    if (params) {
        std::vector<const char*> values;
        for (const auto& p : *params) values.push_back(p ? p->c_str() : nullptr);
        raw = pg::libpq().PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                       values.data(), nullptr, nullptr, 0);
    } else {
        raw = pg::libpq().PQexec(conn_, sql.c_str());
    }
    PgResult result(raw);
    ExecStatusType status = raw ? pg::libpq().PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        throw_statement_error(raw, conn_, sql);
    return result;
}

void PgConnection::execute(const std::string& sql) { run(sql, nullptr); }

QueryResult PgConnection::query(const std::string& sql, const std::vector<SqlValue>& params) {
    PgResult result = run(sql, &params);
    const PGresult* r = result.get();
    QueryResult out;
    int ncols = pg::libpq().PQnfields(r), nrows = pg::libpq().PQntuples(r);
    for (int c = 0; c < ncols; ++c) out.columns.emplace_back(pg::libpq().PQfname(r, c));
    out.rows.reserve(static_cast<size_t>(nrows));
    for (int i = 0; i < nrows; ++i) {
        std::vector<SqlValue> row;
        row.reserve(static_cast<size_t>(ncols));
        for (int c = 0; c < ncols; ++c)
            row.push_back(pg::libpq().PQgetisnull(r, i, c)
                              ? SqlValue{}
                              : SqlValue{std::string(pg::libpq().PQgetvalue(r, i, c))});
        out.rows.push_back(std::move(row));
    }
    return out;
}

void PgConnection::begin() { execute("BEGIN"); }
void PgConnection::commit() { execute("COMMIT"); }
void PgConnection::rollback() { execute("ROLLBACK"); }

bool PgConnection::in_transaction() const {
    PGTransactionStatusType s = pg::libpq().PQtransactionStatus(conn_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

}  // namespace migrate
