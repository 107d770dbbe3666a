// --lock-timeout on SQLite: wherever the wait for another connection's lock runs out
// (opening while another process holds BEGIN EXCLUSIVE, reading the version table while
// another writer spills a large write to disk, starting the migration transaction),
// the run ends with exit 4 and the lock message, never exit 3 "database is locked".

#include <nlohmann/json.hpp>

#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;
using Lines = std::vector<std::string>;

namespace {

void expect_lock_timeout(RunnerProject& p, const std::vector<std::string>& args) {
    auto r = p.run(args);
    INFO("migrate " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("error: could not get the lock on SQLite database '" + p.dir() / "app.db" +
                     "' within 0.3 seconds") == 0);
    CHECK(r.err.find("raise --lock-timeout") != std::string::npos);
    std::vector<std::string> json_args = args;
    json_args.push_back("--json");
    auto json = p.run(json_args);
    CHECK(json.exit_code == 4);
    CHECK(nlohmann::json::parse(json.out)["error"]["kind"] == "lock_timeout");
}

const std::vector<std::vector<std::string>> kWaiting = {
    {"upgrade", "head", "--lock-timeout", "0.3"},
    {"downgrade", "base", "--lock-timeout", "0.3"},
    {"stamp", "head", "--lock-timeout", "0.3"},
    {"current", "--lock-timeout", "0.3"},
    {"history", "-i", "--lock-timeout", "0.3"},
    // Every command opens its database one way: the commands that compare or reflect
    // honour --lock-timeout too.
    {"check", "--lock-timeout", "0.3"},
    {"diff", "--lock-timeout", "0.3"},
    {"reflect", "-o", "reflected", "--lock-timeout", "0.3"},
};

}  // namespace

TEST_CASE("SQLite: BEGIN EXCLUSIVE held by another connection is a lock timeout (exit 4)",
          "[e2e][sqlite][concurrency]") {
    RunnerProject p(DbKind::Sqlite);
    write_linear_chain(p);
    p.dir().write("models/m.yaml", "tables: []\n");
    p.ok({"upgrade", "c1"});
    auto holder = p.connect();
    holder->execute("BEGIN EXCLUSIVE");
    for (const auto& args : kWaiting) expect_lock_timeout(p, args);
    // A whole second reads as one: "within 1 second:", never "1 seconds".
    auto one = p.run({"current", "--lock-timeout", "1"});
    CHECK(one.exit_code == 4);
    CHECK_THAT(one.err, Catch::Contains("' within 1 second: another migrate run"));
    holder->execute("ROLLBACK");
    p.ok({"upgrade", "head", "--lock-timeout", "5"});
    CHECK(p.version_rows() == Lines{"c3"});
}

TEST_CASE("SQLite: another writer in the middle of a large write is a lock timeout (exit 4)",
          "[e2e][sqlite][concurrency]") {
    RunnerProject p(DbKind::Sqlite);
    write_linear_chain(p);
    p.dir().write("models/m.yaml", "tables: []\n");
    p.ok({"upgrade", "c1"});
    auto holder = p.connect();
    // A small page cache makes the writer spill to the file mid-transaction, which
    // takes the exclusive lock that keeps readers out.
    holder->execute("PRAGMA cache_size = 5");
    holder->begin();
    holder->execute("CREATE TABLE bulk (x TEXT)");
    holder->execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
        "INSERT INTO bulk SELECT printf('%.200d', i) FROM n");
    for (const auto& args : kWaiting) expect_lock_timeout(p, args);
    holder->rollback();
    p.ok({"upgrade", "head", "--lock-timeout", "5"});
    CHECK(p.version_rows() == Lines{"c3"});
}
