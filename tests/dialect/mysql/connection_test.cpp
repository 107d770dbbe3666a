// The MySQL/MariaDB connection on the real server: clear connection errors that never
// show the password, SQL errors with the server's error number, SQLSTATE and statement,
// bound parameters, multi-statement texts, read-only sessions, transactions, lock wait
// timeouts as LockTimeout, the GET_LOCK migration lock and table_exists.

#include "dialects/mysql/connection.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "dialects/mysql/dialect.h"
#include "dialects/mysql/lock.h"
#include "tests/support/mariadb.h"

using namespace migrate;
using namespace migrate::test;

namespace {

std::unique_ptr<Connection> my_connect(const std::string& url, ConnectOptions options = {}) {
    return MysqlDialect().connect(parse_database_url(url), options);
}

std::string connect_error(const std::string& url) {
    try {
        my_connect(url);
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

std::string scalar(Connection& c, const std::string& sql, const std::vector<SqlValue>& p = {}) {
    QueryResult r = c.query(sql, p);
    return r.rows.empty() || !r.rows[0][0] ? "NULL" : *r.rows[0][0];
}

}  // namespace

TEST_CASE("mysql: a refused connection names host:port and asks whether the server runs",
          "[mysql]") {
    std::string m = connect_error("mysql://bob:s3cret-pw@127.0.0.1:1/app");
    CHECK_THAT(m, Catch::Contains("127.0.0.1:1") && Catch::Contains("is the server running") &&
                      Catch::Contains("bob:***@") && !Catch::Contains("s3cret-pw"));
}

TEST_CASE("mysql: a bad password and a missing database are named, the password never shown",
          "[mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    std::string m = connect_error(replace(db.url(), "migrate-test-pw", "wrong-pw-123"));
    CHECK_THAT(
        m, Catch::Contains("access denied for user 'migrate'") && !Catch::Contains("wrong-pw-123"));
    m = connect_error(replace(db.url(), db.name(), "no_such_db_here"));
    CHECK_THAT(m, Catch::Contains("database 'no_such_db_here' does not exist") &&
                      Catch::Contains("create it") && !Catch::Contains("migrate-test-pw"));
}

TEST_CASE("mysql: the session is utf8mb4 and strict, and parameters are bound as literals",
          "[mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    auto c = my_connect(db.url());
    CHECK(scalar(*c, "SELECT @@character_set_client") == "utf8mb4");
    std::string mode = scalar(*c, "SELECT @@SESSION.sql_mode");
    CHECK_THAT(mode, Catch::Contains("STRICT_TRANS_TABLES") &&
                         Catch::Contains("NO_ENGINE_SUBSTITUTION") &&
                         !Catch::Contains("ANSI_QUOTES"));
    c->execute("CREATE TABLE t (s varchar(100), n int)");
    const std::string awkward = "it's a \\ \"quoted\" $2 ünï -- not a comment";
    c->query("INSERT INTO t (s, n) VALUES ($1, $2)", {awkward, std::nullopt});
    CHECK(scalar(*c, "SELECT s FROM t WHERE s = $1 AND n IS NULL", {awkward}) == awkward);
    // A placeholder inside a string, a backtick name or a comment is text.
    CHECK(scalar(*c, "SELECT '$1' /* $1 */ AS `$1`", {std::string("x")}) == "$1");
    CHECK(scalar(*c, "SELECT CONCAT($1, '-', $2)", {std::string("a"), std::string("b")}) == "a-b");
    // Strict mode: a value too long is an error, not a truncation warning.
    CHECK_THROWS_AS(c->execute("INSERT INTO t (s) VALUES (REPEAT('x', 200))"), DatabaseError);
}

TEST_CASE("mysql: SQL errors carry the error number, SQLSTATE and the masked statement",
          "[mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    auto c = my_connect(db.url());
    try {
        c->execute("SELECT * FROM no_such_table WHERE x = 'mysql://u:Secret9@h/d'");
        FAIL("expected an error");
    } catch (const DatabaseError& e) {
        CHECK(e.sqlstate() == "42S02");
        CHECK_THAT(e.what(), Catch::Contains("MySQL error 1146 (42S02)") &&
                                 Catch::Contains("no_such_table") && !Catch::Contains("Secret9"));
        CHECK_THAT(e.statement(), Catch::Contains("u:***@h") && !Catch::Contains("Secret9"));
        CHECK(e.exit_code() == 3);
    }
    // A failing second statement of a multi-statement text is reported too.
    c->execute("CREATE TABLE a (x int); CREATE TABLE b (x int)");
    CHECK_THROWS_WITH(c->execute("CREATE TABLE c (x int); CREATE TABLE a (x int)"),
                      Catch::Contains("1050"));
    CHECK(
        scalar(*c,
               "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()") ==
        "3");
}

TEST_CASE("mysql: transactions, statements_sent and a read-only session", "[mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    auto c = my_connect(db.url());
    c->execute("CREATE TABLE t (x int) ENGINE=InnoDB");
    size_t before = c->statements_sent();
    CHECK_FALSE(c->in_transaction());
    c->begin();
    c->execute("INSERT INTO t VALUES (1)");
    CHECK(c->in_transaction());
    c->rollback();
    CHECK_FALSE(c->in_transaction());
    CHECK(scalar(*c, "SELECT COUNT(*) FROM t") == "0");
    CHECK(c->statements_sent() == before + 4);

    ConnectOptions ro;
    ro.read_only = true;
    auto reader = my_connect(db.url(), ro);
    CHECK(scalar(*reader, "SELECT COUNT(*) FROM t") == "0");
    CHECK_THROWS_WITH(reader->execute("INSERT INTO t VALUES (2)"), Catch::Contains("1792"));
}

TEST_CASE("mysql: a row lock waited out is a LockTimeout, not a database error", "[mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    auto a = my_connect(db.url());
    auto b = my_connect(db.url());
    a->execute("CREATE TABLE t (id int PRIMARY KEY, v int) ENGINE=InnoDB");
    a->execute("INSERT INTO t VALUES (1, 0)");
    a->begin();
    a->execute("UPDATE t SET v = 1 WHERE id = 1");
    b->execute("SET SESSION innodb_lock_wait_timeout = 1");
    b->begin();
    try {
        b->execute("UPDATE t SET v = 2 WHERE id = 1");
        FAIL("expected a lock wait timeout");
    } catch (const LockTimeout& e) {
        CHECK_THAT(e.what(), Catch::Contains("1205"));
        CHECK(e.exit_code() == 4);
    }
    b->rollback();
    a->commit();
}

TEST_CASE("mysql: GET_LOCK names, scopes and table_exists", "[mysql]") {
    CHECK(mysql::lock_name("migrate:h:3306/db:alembic_version") ==
          "migrate:h:3306/db:alembic_version");
    std::string long_key = "migrate:" + std::string(80, 'x') + ":alembic_version";
    std::string name = mysql::lock_name(long_key);
    CHECK(name.size() == 64);
    CHECK(name == mysql::lock_name(long_key));  // stable
    CHECK(name != mysql::lock_name(long_key + "2"));
    CHECK(mysql::lock_scope(parse_database_url("mysql://u:pw@db.example/app")) ==
          "db.example:3306/app");
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    auto c = my_connect(db.url());
    MysqlDialect d;
    CHECK_FALSE(d.table_exists(*c, "", "t"));
    c->execute("CREATE TABLE t (x int)");
    CHECK(d.table_exists(*c, "", "t"));
    d.acquire_lock(*c, long_key, 1.0);
    auto other = my_connect(db.url());
    CHECK_THROWS_AS(d.acquire_lock(*other, long_key, 0.2), LockTimeout);
    d.release_lock(*c, long_key);
    d.acquire_lock(*other, long_key, 0.2);
    d.release_lock(*other, long_key);
}
