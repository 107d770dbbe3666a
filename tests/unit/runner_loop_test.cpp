// The runner loop's decisions, seen through the recording fake connection
// (tests/support/recording_connection.h) over a real SQLite file: one transaction per
// migration, re-planning when another run moved the version rows (including to where
// nothing is left to do), the rollback of a migration whose statement fails, and grouped
// commits (a savepoint per migration, one commit per group).

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/dialect/database_url.h"
#include "core/revision/revision_file.h"
#include "core/runtime/runner.h"
#include "dialects/registry.h"
#include "tests/support/recording_connection.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_revisions.h"

using namespace migrate;
using migrate::test::RecordingConnection;
using migrate::test::test_revision;
using migrate::test::users_email_chain;

namespace {

const NamingConvention naming;
using Rows = std::vector<std::string>;

// What another run applying b leaves behind.
const std::vector<std::string> other_run_applies_b = {
    "ALTER TABLE users ADD COLUMN email TEXT",
    "UPDATE migrate_version SET version_num = 'b' WHERE version_num = 'a'"};

struct Fixture {
    test::TempDir dir;
    std::unique_ptr<Dialect> dialect = make_dialect("sqlite");
    std::unique_ptr<Connection> real = dialect->connect(
        parse_database_url("sqlite:///" + dir.path() + "/app.db", ""), ConnectOptions{});
    RecordingConnection connection{*real};
    RevisionGraph graph = users_email_chain();
    RevisionLoader loader{graph, naming};

    // 0: every migration commits alone (the loop's own tests); > 0: grouped commits.
    double group_commit_seconds = 0;

    Runner runner() {
        RunnerOptions options;
        options.lock_key = "migrate:test";
        options.group_commit_seconds = group_commit_seconds;
        return Runner(*dialect, connection, loader, options);
    }
    bool users_has(const std::string& column) {
        auto r = real->query("SELECT count(*) FROM pragma_table_info('users') WHERE name = $1",
                             {column});
        return r.rows.at(0).at(0) == std::optional<std::string>("1");
    }
};

}  // namespace

TEST_CASE("runner loop: one transaction per migration, rows re-read inside each",
          "[runner][loop]") {
    Fixture f;
    RunResult r = f.runner().upgrade("head");
    CHECK(r.heads_after == Rows{"c"});
    REQUIRE(r.steps.size() == 3);
    CHECK(f.connection.matching("BEGIN").size() == 3);
    CHECK(f.connection.matching("COMMIT").size() == 3);
    // The rows are read inside each transaction once the table exists (a's creates it).
    std::vector<int> reads_per_transaction;
    for (const auto& entry : f.connection.log()) {
        if (entry == "BEGIN") reads_per_transaction.push_back(0);
        if (entry.starts_with("SELECT version_num")) {
            REQUIRE_FALSE(reads_per_transaction.empty());  // never outside a transaction here
            ++reads_per_transaction.back();
        }
    }
    CHECK(reads_per_transaction == std::vector<int>{0, 1, 1});
    CHECK_FALSE(f.connection.in_transaction());
}

TEST_CASE("runner loop: re-plans when another run moved the version rows", "[runner][loop]") {
    Fixture f;
    // The first read of the rows opens b's transaction (there is no table before a's):
    // another run applied b just before it.
    f.connection.before_rows_read(1, other_run_applies_b);
    RunResult r = f.runner().upgrade("head");
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[0].revision == "a");
    CHECK(r.steps[1].revision == "c");  // b was not applied a second time
    CHECK(r.heads_after == Rows{"c"});
    CHECK(f.connection.matching("ADD COLUMN").empty());
    CHECK(f.connection.matching("\"email\" TEXT NOT NULL").size() == 1);  // c's rebuild
    // c's rebuild kept the column the other run added: the live schema was read again.
    CHECK(f.users_has("email"));
    CHECK(f.runner().current() == Rows{"c"});
}

TEST_CASE("runner loop: stops when another run already went all the way", "[runner][loop]") {
    Fixture f;
    std::vector<std::string> to_c = other_run_applies_b;
    to_c.push_back("UPDATE migrate_version SET version_num = 'c' WHERE version_num = 'b'");
    f.connection.before_rows_read(1, to_c);
    RunResult r = f.runner().upgrade("head");
    REQUIRE(r.steps.size() == 1);
    CHECK(r.steps[0].revision == "a");
    CHECK(r.heads_after == Rows{"c"});
    CHECK(f.connection.matching("\"email\" TEXT NOT NULL").empty());  // c's rebuild never ran here
    CHECK_FALSE(f.connection.in_transaction());
    CHECK(f.runner().current() == Rows{"c"});
}

TEST_CASE("runner loop: a failing statement rolls its migration back", "[runner][loop]") {
    // A first run finds the statement number of b's ADD COLUMN.
    size_t n = 0;
    {
        Fixture probe;
        probe.runner().upgrade("head");
        const auto& log = probe.connection.log();
        size_t statements = 0;
        for (const auto& entry : log) {
            if (entry == "BEGIN" || entry == "COMMIT" || entry == "ROLLBACK") continue;
            ++statements;
            if (entry.find("ADD COLUMN") != std::string::npos) n = statements;
        }
        REQUIRE(n > 0);
    }
    Fixture f;
    f.connection.fail_at(n);
    try {
        f.runner().upgrade("head");
        FAIL("the upgrade should have failed");
    } catch (const DatabaseError& e) {
        std::string message = e.what();
        CHECK(message.find("versions/b.yaml, upgrade operation 1") != std::string::npos);
        CHECK(message.find("simulated failure at statement " + std::to_string(n)) !=
              std::string::npos);
        CHECK(message.find("The migration was rolled back; the database stays at a.") !=
              std::string::npos);
    }
    const auto& log = f.connection.log();
    REQUIRE(log.size() >= 2);
    CHECK(log.back() == "ROLLBACK");
    CHECK(f.connection.statement_count() == n);  // nothing after the failed statement
    CHECK(f.runner().current() == Rows{"a"});
    CHECK_FALSE(f.users_has("email"));
}

namespace {

// The statement number (as the recording connection counts them) of the first statement
// containing `text` in a clean upgrade to head.
size_t statement_number(const std::string& text, double group_commit_seconds) {
    Fixture probe;
    probe.group_commit_seconds = group_commit_seconds;
    probe.runner().upgrade("head");
    size_t statements = 0;
    for (const auto& entry : probe.connection.log()) {
        if (entry == "BEGIN" || entry == "COMMIT" || entry == "ROLLBACK") continue;
        ++statements;
        if (entry.find(text) != std::string::npos) return statements;
    }
    return 0;
}

}  // namespace

TEST_CASE("runner loop: grouped commits, a savepoint per migration and one commit",
          "[runner][loop]") {
    Fixture f;
    f.group_commit_seconds = 60;
    RunResult r = f.runner().upgrade("head");
    CHECK(r.heads_after == Rows{"c"});
    CHECK(f.connection.matching("BEGIN").size() == 1);
    CHECK(f.connection.matching("COMMIT").size() == 1);
    CHECK(f.connection.matching("SAVEPOINT migrate_step").size() == 6);  // 3 taken, 3 released
    CHECK(f.connection.matching("RELEASE SAVEPOINT migrate_step").size() == 3);
    CHECK_FALSE(f.connection.in_transaction());
    CHECK(f.users_has("email"));
    CHECK(f.runner().current() == Rows{"c"});
}

TEST_CASE("runner loop: a grouped migration that fails is rolled back alone", "[runner][loop]") {
    size_t n = statement_number("ADD COLUMN", 60);
    REQUIRE(n > 0);
    Fixture f;
    f.group_commit_seconds = 60;
    f.connection.fail_at(n);
    try {
        f.runner().upgrade("head");
        FAIL("the upgrade should have failed");
    } catch (const DatabaseError& e) {
        CHECK(std::string(e.what()).find(
                  "The migration was rolled back; the database stays at a.") != std::string::npos);
    }
    // b went back to its savepoint; a, in the same transaction, was committed.
    const auto& log = f.connection.log();
    REQUIRE(log.size() >= 3);
    CHECK(log[log.size() - 3] == "ROLLBACK TO SAVEPOINT migrate_step");
    CHECK(log.back() == "COMMIT");
    CHECK_FALSE(f.connection.in_transaction());
    CHECK(f.runner().current() == Rows{"a"});
    CHECK(f.users_has("id"));  // a's table
    CHECK_FALSE(f.users_has("email"));
}
