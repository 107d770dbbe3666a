// The PostgreSQL connection on the real server: clear connection errors that never show
// the password, SQL errors with SQLSTATE and statement, parameters, transactions, the
// advisory migration lock, table_exists.

#include <catch2/catch.hpp>
#include <chrono>

#include "core/base/errors.h"
#include "dialects/postgresql/lock.h"
#include "tests/dialect/postgresql/support.h"

using namespace migrate;
using namespace migrate::test;

namespace {

std::string connect_error(const std::string& url) {
    try {
        pg_connect(url);
    } catch (const DatabaseError& e) {
        return e.what();
    }
    return "(connected)";
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

}  // namespace

TEST_CASE("postgresql: a refused connection names host:port and asks whether the server runs",
          "[postgresql]") {
    std::string m = connect_error("postgresql://bob:s3cret-pw@127.0.0.1:1/app");
    CHECK(m.find("127.0.0.1:1") != std::string::npos);
    CHECK(m.find("is the server running") != std::string::npos);
    CHECK(m.find("bob:***@") != std::string::npos);
    CHECK(m.find("s3cret-pw") == std::string::npos);
}

TEST_CASE("postgresql: a bad password and a missing database are named, the password never shown",
          "[postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    std::string bad_password = replace(db.url(), "migrate-test-pw", "wrong-pw-123");
    std::string m = connect_error(bad_password);
    CHECK(m.find("password authentication failed for user 'postgres'") != std::string::npos);
    CHECK(m.find("wrong-pw-123") == std::string::npos);

    std::string missing = replace(db.url(), db.name(), "no_such_db_here");
    m = connect_error(missing);
    CHECK(m.find("database 'no_such_db_here' does not exist") != std::string::npos);
    CHECK(m.find("create it") != std::string::npos);
    CHECK(m.find("migrate-test-pw") == std::string::npos);
}

TEST_CASE("postgresql: URL parameters reach libpq", "[postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    std::string sep = db.url().find('?') == std::string::npos ? "?" : "&";
    auto conn = pg_connect(db.url() + sep + "sslmode=disable&application_name=ci-job");
    CHECK(conn->query("SELECT current_setting('application_name')").rows[0][0] ==
          SqlValue{"ci-job"});
    // The test server has no TLS: requiring it must fail, which shows sslmode got through.
    std::string m = connect_error(db.url() + sep + "sslmode=require");
    CHECK(m.find("SSL") != std::string::npos);
    CHECK(m.find("migrate-test-pw") == std::string::npos);
}

TEST_CASE("postgresql: SQL errors carry message, SQLSTATE and statement", "[postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    auto conn = pg_connect(db.url());
    try {
        conn->execute("SELECT * FROM missing_table");
        FAIL("no error");
    } catch (const DatabaseError& e) {
        CHECK(e.sqlstate() == "42P01");
        CHECK(e.statement() == "SELECT * FROM missing_table");
        CHECK(std::string(e.what()).find("relation \"missing_table\" does not exist") !=
              std::string::npos);
    }
    try {
        conn->execute("SELECT 'postgresql://app:hunter2@db/x' + 1");
        FAIL("no error");
    } catch (const DatabaseError& e) {
        CHECK(e.sqlstate() == "22P02");
        CHECK(std::string(e.what()).find("hunter2") == std::string::npos);
        CHECK(e.statement().find("hunter2") == std::string::npos);
    }
}

TEST_CASE("postgresql: parameters, NULLs, transactions and the statement counter", "[postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    auto conn = pg_connect(db.url());
    size_t before = conn->statements_sent();
    QueryResult r = conn->query("SELECT $1::text || '!' AS a, $2::int + 1 AS b, $3::text AS c",
                                {"it's", "41", std::nullopt});
    CHECK(conn->statements_sent() == before + 1);
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][r.column_index("a")] == SqlValue{"it's!"});
    CHECK(r.rows[0][r.column_index("b")] == SqlValue{"42"});
    CHECK_FALSE(r.rows[0][r.column_index("c")].has_value());
    CHECK(conn->query("SELECT current_setting('application_name')").rows[0][0] ==
          SqlValue{"migrate"});

    conn->begin();
    CHECK(conn->in_transaction());
    conn->execute("CREATE TABLE t (x int)");
    conn->rollback();
    CHECK_FALSE(conn->in_transaction());
    PostgresqlDialect d;
    CHECK_FALSE(d.table_exists(*conn, "", "t"));
    conn->execute("CREATE SCHEMA s; CREATE TABLE s.\"Mixed T\" (x int)");
    CHECK(d.table_exists(*conn, "s", "Mixed T"));
    CHECK_FALSE(d.table_exists(*conn, "", "Mixed T"));
}

// (Waiting, the timeout and exit code 4 on every dialect: ../conformance/locking_test.cpp.)
TEST_CASE("postgresql: the advisory lock is keyed: the message names the key, other keys are free",
          "[postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    auto a = pg_connect(db.url());
    auto b = pg_connect(db.url());
    PostgresqlDialect d;
    d.acquire_lock(*a, "migrate_version", 1.0);
    auto start = std::chrono::steady_clock::now();
    try {
        d.acquire_lock(*b, "migrate_version", 0.3);
        FAIL("second lock acquired");
    } catch (const LockTimeout& e) {
        double waited =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(waited >= 0.3);
        CHECK(waited < 3.0);
        CHECK(std::string(e.what()).find("'migrate_version'") != std::string::npos);
        CHECK(e.exit_code() == 4);
    }
    d.acquire_lock(*b, "another_key", 0.3);  // a different key is independent
    d.release_lock(*a, "migrate_version");
    d.acquire_lock(*b, "migrate_version", 1.0);
    d.release_lock(*b, "migrate_version");
    CHECK(pg::advisory_lock_key("migrate_version") == pg::advisory_lock_key("migrate_version"));
    CHECK(pg::advisory_lock_key("migrate_version") != pg::advisory_lock_key("migrate_versioN"));
}
