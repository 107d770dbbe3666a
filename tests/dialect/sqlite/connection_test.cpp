// SQLite connection: opening, errors, parameters, transactions.
#include "dialects/sqlite/connection.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/base/errors.h"
#include "tests/support/temp_dir.h"

using namespace migrate;
using migrate::test::TempDir;

TEST_CASE("sqlite connection: a missing directory is named", "[sqlite]") {
    TempDir dir;
    std::string path = dir / "nope/app.db";
    CHECK_THROWS_WITH(SqliteConnection(path, false, 1), "cannot open SQLite database '" + path +
                                                            "': the directory '" + dir / "nope" +
                                                            "' does not exist; create it first");
    CHECK_FALSE(std::filesystem::exists(dir / "nope"));
}

TEST_CASE("sqlite connection: a directory or a non-database file is refused", "[sqlite]") {
    TempDir dir;
    std::filesystem::create_directory(dir / "d.db");
    CHECK_THROWS_WITH(SqliteConnection(dir / "d.db", false, 1),
                      Catch::Contains("it is a directory, not a file"));
    dir.write("notes.db",
              "this is not a database, just some text that is long enough to have a header");
    try {
        SqliteConnection c(dir / "notes.db", false, 1);
        FAIL("opened a text file as a database");
    } catch (const DatabaseError& e) {
        CHECK(e.sqlstate() == "SQLITE_NOTADB");
        CHECK_THAT(e.what(), Catch::Contains("file is not a database"));
    }
}

TEST_CASE("sqlite connection: SQL errors carry message, result code and statement", "[sqlite]") {
    TempDir dir;
    SqliteConnection c(dir / "a.db", false, 1);
    try {
        c.execute("CREATE TABLE t (x INTEGER);\nSELECT nope FROM t");
        FAIL("no error");
    } catch (const DatabaseError& e) {
        CHECK(e.sqlstate() == "SQLITE_ERROR");
        CHECK(e.statement() == "\nSELECT nope FROM t");
        CHECK_THAT(e.what(), Catch::Contains("no such column: nope") && Catch::Contains("a.db"));
    }
    c.execute(
        "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE ch (pid INTEGER REFERENCES p (id))");
    try {
        c.execute("INSERT INTO ch VALUES (5)");  // foreign keys are on outside migrations
        FAIL("foreign key not enforced");
    } catch (const DatabaseError& e) {
        CHECK(e.sqlstate() == "SQLITE_CONSTRAINT_FOREIGNKEY");
    }
}

TEST_CASE("sqlite connection: $N parameters, NULLs, counters and transactions", "[sqlite]") {
    TempDir dir;
    SqliteConnection c(dir / "a.db", false, 1);
    size_t before = c.statements_sent();
    c.execute("CREATE TABLE t (a TEXT, b TEXT)");
    c.query("INSERT INTO t VALUES ($1, $2)", {std::string("it's $2"), std::nullopt});
    QueryResult r = c.query("SELECT a, b FROM t WHERE a = $1", {std::string("it's $2")});
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0] == "it's $2");
    CHECK_FALSE(r.rows[0][1]);
    CHECK(r.column_index("b") == 1);
    CHECK(c.statements_sent() - before == 3);

    c.begin();
    CHECK(c.in_transaction());
    c.execute("INSERT INTO t VALUES ('x', 'y')");
    c.rollback();
    CHECK_FALSE(c.in_transaction());
    CHECK(c.query("SELECT count(*) FROM t").rows[0][0] == "1");
    CHECK(c.query("PRAGMA foreign_keys").rows[0][0] == "1");  // back on after the transaction

    SqliteConnection moved = std::move(c);
    CHECK(moved.query("SELECT count(*) FROM t").rows[0][0] == "1");
}

TEST_CASE("sqlite connection: a second writer waits for the busy timeout, then fails clearly",
          "[sqlite]") {
    TempDir dir;
    SqliteConnection a(dir / "a.db", false, 1);
    SqliteConnection b(dir / "a.db", false, 0.1);
    a.begin();
    CHECK_THROWS_AS(b.begin(), LockTimeout);
    CHECK_THROWS_WITH(b.begin(), Catch::Contains("database is locked") &&
                                     Catch::Contains("within 0.1 seconds") &&
                                     Catch::Contains("--lock-timeout"));
    // Reading while the other holds an exclusive lock runs out of the same wait.
    a.execute("CREATE TABLE spill (x)");
    a.execute("PRAGMA cache_size = 5");
    a.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
        "INSERT INTO spill SELECT printf('%.200d', i) FROM n");
    CHECK_THROWS_AS(b.query("SELECT count(*) FROM sqlite_schema"), LockTimeout);
    a.rollback();
    b.begin();
    b.commit();
}

TEST_CASE("sqlite connection: read-only opens create and write nothing", "[sqlite][read_only]") {
    TempDir dir;
    std::string path = dir / "app.db";
    CHECK_THROWS_WITH(SqliteConnection(path, false, 1, true),
                      Catch::StartsWith("no database at " + path + ": the file does not exist"));
    CHECK_FALSE(std::filesystem::exists(path));
    {
        SqliteConnection writer(path, false, 1);
        writer.execute("CREATE TABLE t (x)");
    }
    SqliteConnection reader(path, false, 1, true);
    CHECK(reader.query("SELECT count(*) FROM t").rows[0][0] == "0");
    CHECK_THROWS_WITH(reader.execute("INSERT INTO t VALUES (1)"),
                      Catch::Contains("SQLITE_READONLY"));
    CHECK_THROWS_WITH(SqliteConnection(dir.path(), false, 1, true),
                      Catch::Contains("it is a directory"));
}
