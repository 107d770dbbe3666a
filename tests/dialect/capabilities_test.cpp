// The capability flags and lock methods of every dialect, checked against the real
// database: core/ trusts them instead of a dialect's name, so each flag must say what
// the database does. One body, run per dialect (SQLite file, PostgreSQL server).

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/dialect/database_url.h"
#include "core/dialect/dialect.h"
#include "dialects/registry.h"
#include "tests/support/mariadb.h"
#include "tests/support/postgres.h"
#include "tests/support/temp_dir.h"

using namespace migrate;
using namespace migrate::test;

namespace {

bool creates_a_table(const std::vector<std::string>& statements) {
    for (const auto& s : statements)
        if (s.rfind("CREATE TABLE", 0) == 0) return true;
    return false;
}

const Table& table_named(const Schema& s, const std::string& name) {
    for (const auto& t : s.tables)
        if (t.name == name) return t;
    FAIL("no table " << name);
    throw std::logic_error("unreachable");
}

// Renders `op` against the database as reflected, runs it in a migration transaction,
// and returns the statements.
std::vector<std::string> apply(const Dialect& d, Connection& conn, const Operation& op) {
    Reflection r = d.reflect(conn, {});
    NamingConvention naming;
    std::vector<std::string> sql = d.render(op, RenderContext{r.schema, naming, &r.unmanaged});
    conn.begin();
    for (const auto& s : sql) conn.execute(s);
    conn.commit();
    return sql;
}

void check_capabilities(const std::string& url_text) {
    DatabaseUrl url = parse_database_url(url_text);
    auto d = make_dialect(url.dialect);
    Capabilities caps = d->capabilities();
    auto conn = d->connect(url, ConnectOptions{});

    SECTION("transactional_ddl: a rolled-back CREATE TABLE leaves no table") {
        conn->begin();
        conn->execute("CREATE TABLE cap_ddl (id integer)");
        conn->rollback();
        CHECK(d->table_exists(*conn, "", "cap_ddl") == !caps.transactional_ddl);
    }

    SECTION("alter_column and drop_column: in place, or by a rebuild that keeps the rows") {
        conn->execute("CREATE TABLE cap_t (id integer PRIMARY KEY, a varchar(10), b integer)");
        conn->execute("CREATE INDEX cap_t_b ON cap_t (b)");
        conn->execute("INSERT INTO cap_t (id, a, b) VALUES (1, 'x', 10), (2, 'y', 20)");

        AlterColumn alter{.table = "cap_t", .name = "a", .nullable = false};
        alter.existing_nullable = true;
        CHECK(creates_a_table(apply(*d, *conn, alter)) == !caps.alter_column);
        CHECK_FALSE(table_named(d->reflect(*conn, {}).schema, "cap_t").columns[1].nullable);

        DropColumn drop{.table = "cap_t", .name = "b"};  // cap_t_b uses it
        CHECK(creates_a_table(apply(*d, *conn, drop)) == !caps.drop_column);
        CHECK(table_named(d->reflect(*conn, {}).schema, "cap_t").columns.size() == 2);
        CHECK(conn->query("SELECT count(*) FROM cap_t").rows[0][0] == SqlValue{"2"});
    }

    SECTION("the lock: a second run waiting past its lock wait gets LockTimeout") {
        ConnectOptions waiting;
        waiting.busy_timeout_seconds = 0.3;
        auto other = d->connect(url, waiting);
        if (caps.advisory_locks) {
            d->acquire_lock(*conn, "migrate:cap", std::nullopt);
            CHECK_THROWS_AS(d->acquire_lock(*other, "migrate:cap", 0.3), LockTimeout);
            d->release_lock(*conn, "migrate:cap");
            d->acquire_lock(*other, "migrate:cap", 0.3);
            d->release_lock(*other, "migrate:cap");
        } else {
            // Without advisory locks the migration transaction is the lock.
            conn->begin();
            conn->execute("CREATE TABLE cap_lock (id integer)");
            CHECK_THROWS_AS(
                [&] {
                    other->begin();
                    other->execute("CREATE TABLE cap_lock2 (id integer)");
                }(),
                LockTimeout);
            conn->rollback();
        }
    }

    SECTION("unique_constraints_are_indexes: a unique index reads back as a constraint") {
        conn->execute("CREATE TABLE cap_u (a integer, b integer, CONSTRAINT cap_uq UNIQUE (a))");
        conn->execute("CREATE UNIQUE INDEX cap_ix ON cap_u (b)");
        const Table& t = table_named(d->reflect(*conn, {}).schema, "cap_u");
        size_t as_constraints = t.unique_constraints.size();
        if (caps.unique_constraints_are_indexes) {
            CHECK(as_constraints == 2);
            CHECK(t.indexes.empty());
        } else {
            CHECK(as_constraints == 1);
            CHECK(t.indexes.size() == 1);
        }
    }

    SECTION("lock_scope names the database and never the password") {
        std::string scope = d->lock_scope(url);
        CHECK_FALSE(scope.empty());
        if (!url.password.empty()) CHECK(scope.find(url.password) == std::string::npos);
        CHECK(d->lock_scope(parse_database_url(url_text)) == scope);
    }
}

}  // namespace

TEST_CASE("capabilities: sqlite's flags and lock match the database", "[capabilities][sqlite]") {
    TempDir dir;
    check_capabilities("sqlite:///" + (dir / "cap.db"));
}

TEST_CASE("capabilities: postgresql's flags and lock match the database",
          "[capabilities][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    check_capabilities(db.url());
}

TEST_CASE("capabilities: mysql's flags and lock match the database", "[capabilities][mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    check_capabilities(db.url());
}
