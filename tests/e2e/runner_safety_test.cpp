// The runner under trouble, on SQLite and PostgreSQL: a migration failing halfway,
// concurrent upgrades, the migration lock held by another run, changed revision files,
// offline scripts equal to online runs, and unreachable databases.

#include <nlohmann/json.hpp>
#include <thread>

#include "core/dialect/database_url.h"
#include "core/runtime/runner.h"
#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;
using Lines = std::vector<std::string>;

namespace {

void failing_migration(RunnerProject& p) {
    p.revision("f1", "",
               "  - create_table: {name: users, columns: [{name: id, type: integer, primary_key: "
               "true}]}\n",
               "  - drop_table: {name: users}\n");
    p.revision("f2", "\"f1\"",
               "  - add_column: {table: users, column: {name: email, type: text}}\n"
               "  - execute: INSERT INTO no_such_table VALUES (1)\n",
               "  - drop_column: {table: users, name: email}\n");
    std::string before_f1 = p.schema_text();
    auto r = p.run({"upgrade", "head"});
    CHECK(r.exit_code == 3);
    CHECK(r.out == "Running upgrade  -> f1, rev f1\nRunning upgrade f1 -> f2, rev f2\n");
    CHECK(r.err.find(p.revision_path("f2")) != std::string::npos);
    CHECK(r.err.find("upgrade operation 2 (execute SQL") != std::string::npos);
    CHECK(r.err.find("SQL: INSERT INTO no_such_table VALUES (1)") != std::string::npos);
    CHECK(r.err.find(p.pg() ? "does not exist" : "no such table") != std::string::npos);
    CHECK(r.err.find("rolled back; the database stays at f1") != std::string::npos);
    CHECK(p.version_rows() == Lines{"f1"});
    CHECK(p.schema_text().find("email") ==
          std::string::npos);  // the first statement was rolled back too
    CHECK(p.query("SELECT count(*) FROM migrate_version_log") == "1\n");

    auto json = p.run({"upgrade", "head", "--json"});
    CHECK(json.exit_code == 3);
    auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["error"]["kind"] == "database");
    CHECK(doc["error"]["details"]["statement"] == "INSERT INTO no_such_table VALUES (1)");
    (void)before_f1;
}

void one_transaction_for_the_run(RunnerProject& p) {
    p.dir().write("migrate.yaml",
                  "database: ${DATABASE_URL}\nversions: migrations/versions\n"
                  "transaction_per_migration: false\n");
    p.revision("f1", "",
               "  - create_table: {name: users, columns: [{name: id, type: integer, primary_key: "
               "true}]}\n",
               "  - drop_table: {name: users}\n");
    p.revision("f2", "\"f1\"", "  - execute: INSERT INTO no_such_table VALUES (1)\n", "  []\n");
    CHECK(p.run({"upgrade", "head"}).exit_code == 3);
    CHECK(p.tables().empty());  // f1 rolled back with f2, version tables included
}

void concurrent_upgrades(RunnerProject& p) {
    const int n = 8;
    for (int i = 1; i <= n; ++i) {
        std::string id = "k" + std::to_string(i);
        std::string down = i == 1 ? "" : "\"k" + std::to_string(i - 1) + "\"";
        std::string sleep = p.kind() == DbKind::Postgresql
                                ? "  - execute: {sql: SELECT pg_sleep(0.1), effect: []}\n"
                            : p.kind() == DbKind::Mysql
                                ? "  - execute: {sql: DO SLEEP(0.1), effect: []}\n"
                                : "";
        p.revision(id, down,
                   sleep + "  - create_table: {name: t" + std::to_string(i) +
                       ", columns: [{name: id, type: integer, primary_key: true}]}\n",
                   "  - drop_table: {name: t" + std::to_string(i) + "}\n");
    }
    // n runs at once: whichever takes the lock first applies; the others wait for it
    // and then find nothing (or what is left) to do.
    std::vector<ProcessResult> results(n);
    std::vector<std::thread> runs;
    for (int i = 0; i < n; ++i)
        runs.emplace_back([&, i] { results[i] = p.run({"upgrade", "head"}); });
    for (auto& t : runs) t.join();
    size_t applied = 0;
    for (const auto& r : results) {
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        for (const auto& l : lines(r.out)) applied += l.rfind("Running upgrade", 0) == 0;
    }
    CHECK(applied == n);  // each migration ran once
    CHECK(p.query("SELECT count(*), count(DISTINCT revision) FROM migrate_version_log WHERE "
                  "direction = 'upgrade'") == std::to_string(n) + "|" + std::to_string(n) + "\n");
    CHECK(p.version_rows() == Lines{"k8"});
}

void lock_timeout(RunnerProject& p) {
    write_linear_chain(p);
    auto holder = p.connect();
    auto dialect = p.dialect();
    std::string key =
        migrate::migration_lock_key(*dialect, migrate::parse_database_url(p.url(), ""), {});
    if (p.kind() != DbKind::Sqlite)
        dialect->acquire_lock(*holder, key, std::nullopt);
    else
        holder->begin();  // SQLite: a writer holding the database
    auto r = p.run({"upgrade", "head", "--lock-timeout", "0.5"});
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("lock") != std::string::npos);
    CHECK(r.err.find("--lock-timeout") != std::string::npos);
    auto json = p.run({"upgrade", "head", "--lock-timeout", "0.2", "--json"});
    CHECK(json.exit_code == 4);
    CHECK(nlohmann::json::parse(json.out)["error"]["kind"] == "lock_timeout");
    if (p.kind() != DbKind::Sqlite)
        dialect->release_lock(*holder, key);
    else
        holder->rollback();
    p.ok({"upgrade", "head", "--lock-timeout", "5"});
    CHECK(p.version_rows() == Lines{"c3"});
}

void changed_revision_file(RunnerProject& p) {
    write_linear_chain(p);
    p.ok({"upgrade", "head"});
    // Reformatting and comments change nothing.
    std::string c1 = p.dir().read(p.revision_path("c1"));
    p.dir().write(p.revision_path("c1"), "# a comment\n" + c1 + "\n\n");
    CHECK(p.ok({"upgrade", "head"}).err.empty());
    // A change of meaning is reported by upgrade and current --verbose.
    std::string changed = c1;
    changed.replace(changed.find("string(255)"), 11, "string(256)");
    p.dir().write(p.revision_path("c1"), changed);
    auto up = p.ok({"upgrade", "head"});
    CHECK(up.err.find("warning: revision c1 (" + p.revision_path("c1") +
                      ") has changed since it was applied") != std::string::npos);
    CHECK(p.ok({"current", "--verbose"}).err.find("revision c1") != std::string::npos);
    CHECK(p.ok({"current"}).err.empty());
}

void offline_matches_online(RunnerProject& online, RunnerProject& offline) {
    write_linear_chain(online);
    write_linear_chain(offline);
    online.ok({"upgrade", "head"});
    auto script = offline.ok({"upgrade", "head", "--sql"});
    CHECK(script.out.find("-- Running upgrade c1 -> c2, add posts") != std::string::npos);
    CHECK(script.out.find(offline.pg() ? "\nBEGIN;\n" : "\nBEGIN IMMEDIATE;\n") !=
          std::string::npos);
    CHECK(script.out.find("\nCOMMIT;\n") != std::string::npos);
    CHECK(offline.tables().empty());  // --sql never connects
    offline.run_script(script.out);
    CHECK(offline.schema_text() == online.schema_text());
    CHECK(offline.version_rows() == Lines{"c3"});
    CHECK(offline.query("SELECT count(*) FROM migrate_version_log") == "3\n");

    // A range, and the way back down.
    auto c3_only = offline.ok({"upgrade", "c2:c3", "--sql"});
    CHECK(c3_only.out.find("CREATE TABLE \"migrate_version") ==
          std::string::npos);  // not from base
    CHECK(lines(c3_only.out).front() == "-- Running upgrade c2 -> c3, widen email, add title");
    auto down = offline.ok({"downgrade", "head:base", "--sql"});
    offline.run_script(down.out);
    CHECK(offline.tables() == Lines{"migrate_version", "migrate_version_log"});
    CHECK(offline.version_rows().empty());
    online.ok({"downgrade", "c1"});
    offline.run_script("DROP TABLE migrate_version; DROP TABLE migrate_version_log;");
    offline.run_script(offline.ok({"upgrade", "c1", "--sql"}).out);
    CHECK(offline.schema_text() == online.schema_text());

    auto no_range = offline.run({"downgrade", "base", "--sql"});
    CHECK(no_range.exit_code == 2);
    CHECK(no_range.err.find("FROM:TO") != std::string::npos);
}

}  // namespace

RUNNER_TEST_BOTH_DIALECTS(
    "a migration failing halfway leaves schema and version table as they were",
    "[e2e][runner][errors]", failing_migration)
RUNNER_TEST_BOTH_DIALECTS("transaction_per_migration: false runs one transaction",
                          "[e2e][runner][errors]", one_transaction_for_the_run)
RUNNER_TEST_ALL_DIALECTS("eight concurrent upgrades apply each revision once",
                         "[e2e][runner][concurrency]", concurrent_upgrades)
RUNNER_TEST_ALL_DIALECTS("lock timeout: --lock-timeout exits 4 while another run holds the lock",
                         "[e2e][runner][concurrency]", lock_timeout)
RUNNER_TEST_BOTH_DIALECTS("a changed revision file is reported", "[e2e][runner][checksum]",
                          changed_revision_file)

TEST_CASE("offline: --sql for a 3-revision chain gives the online schema (sqlite)",
          "[e2e][runner][offline][sqlite]") {
    RunnerProject online(DbKind::Sqlite), offline(DbKind::Sqlite);
    offline_matches_online(online, offline);
}

TEST_CASE("offline: --sql for a 3-revision chain gives the online schema (postgresql)",
          "[e2e][runner][offline][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    RunnerProject online(DbKind::Postgresql, server), offline(DbKind::Postgresql, server);
    offline_matches_online(online, offline);
}

TEST_CASE("an unreachable database exits 3 with the password masked", "[e2e][runner][errors]") {
    RunnerProject p(DbKind::Sqlite);
    write_linear_chain(p);
    auto r = run_migrate({"upgrade", "head", "--url", "postgresql://app:s3cret@127.0.0.1:1/app"},
                         p.dir().path());
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("s3cret") == std::string::npos);
    CHECK(r.err.find("app:***@127.0.0.1") != std::string::npos);
    auto json = run_migrate(
        {"current", "--json", "--url", "postgresql://app:s3cret@127.0.0.1:1/app"}, p.dir().path());
    CHECK(json.exit_code == 3);
    CHECK(json.out.find("s3cret") == std::string::npos);
    CHECK(nlohmann::json::parse(json.out)["error"]["kind"] == "database");
}
