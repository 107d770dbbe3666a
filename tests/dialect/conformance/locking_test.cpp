// The migration lock on every dialect, taken the way the runner takes it (acquire_lock,
// then a write transaction): a second connection waits for its timeout, then fails with
// LockTimeout (exit code 4) telling the user to raise --lock-timeout; once the first
// lets go, the second gets through.
#include <catch2/catch.hpp>
#include <chrono>

#include "core/base/errors.h"
#include "tests/dialect/dialects.h"

using namespace migrate;
using namespace migrate::test;

namespace {

const std::string key = "migrate_version";

// What the runner does before its first statement.
void lock_and_write(const Dialect& d, Connection& conn, double timeout) {
    d.acquire_lock(conn, key, timeout);
    conn.begin();
    conn.execute("INSERT INTO t (x) VALUES (1)");
}

}  // namespace

DIALECT_TEST_CASE("locking: a second run waits for its timeout, then fails with exit code 4",
                  "[locking]") {
    ConnectOptions slow;
    slow.busy_timeout_seconds = 0.3;
    TestDb db(target);
    db.conn->execute("CREATE TABLE t (x integer)");
    auto second = db.connect(slow);

    lock_and_write(*db.dialect, *db.conn, 1.0);
    auto start = std::chrono::steady_clock::now();
    try {
        lock_and_write(*db.dialect, *second, 0.3);
        FAIL("the second run got the lock");
    } catch (const LockTimeout& e) {
        double waited =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(waited >= 0.25);
        CHECK(waited < 3.0);
        CHECK(e.exit_code() == 4);
        CHECK_THAT(e.what(),
                   Catch::Contains("within 0.3 seconds") && Catch::Contains("--lock-timeout"));
    }
    CHECK_FALSE(second->in_transaction());
    // One second reads as one: "within 1 second", never "1 seconds" or "1.000000 seconds".
    ConnectOptions one;
    one.busy_timeout_seconds = 1;
    auto third = db.connect(one);
    CHECK_THROWS_WITH(lock_and_write(*db.dialect, *third, 1.0),
                      Catch::Contains("within 1 second: "));
    CHECK_FALSE(third->in_transaction());

    // The first finishes: the second gets through and sees its row.
    db.conn->commit();
    db.dialect->release_lock(*db.conn, key);
    lock_and_write(*db.dialect, *second, 1.0);
    second->commit();
    db.dialect->release_lock(*second, key);
    CHECK(db.scalar("SELECT count(*) FROM t") == "2");
}
