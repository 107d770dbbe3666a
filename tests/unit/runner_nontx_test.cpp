// The runner on a database without transactional DDL (SQLite behind a test dialect that
// says so, over the recording connection): a revision of nine operations made to fail at
// each of them in turn is undone operation by operation, exactly, leaving schema, version
// table and log as before; where the undo cannot run the revision stays partially applied
// ("partially applied: N of M operations"), and the next upgrade resumes it or a
// downgrade undoes it.

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/runtime/runner_offline.h"
#include "tests/unit/runner_nontx_fixture.h"

using namespace migrate;
using migrate::test::kFirstStatementOf;
using migrate::test::NonTxFixture;
using Rows = std::vector<std::string>;

namespace {

std::string upgrade_error(NonTxFixture& f, const std::string& target = "head") {
    try {
        f.runner().upgrade(target);
    } catch (const DatabaseError& e) {
        return e.what();
    }
    FAIL("the upgrade did not fail");
    return "";
}

}  // namespace

TEST_CASE("without transactional DDL a failure at every operation is undone exactly",
          "[runner][nontx]") {
    for (size_t k = 1; k <= 8; ++k) {
        DYNAMIC_SECTION("failure at upgrade operation " << k) {
            NonTxFixture f;
            f.runner().upgrade("a");
            Rows schema = f.schema_text(), log = f.log_text();
            f.connection.fail_on(kFirstStatementOf[k - 1]);
            std::string message = upgrade_error(f);
            INFO(message);
            CHECK_THAT(message,
                       Catch::Contains("b.yaml, upgrade operation " + std::to_string(k) + " ("));
            CHECK_THAT(message, Catch::Contains("simulated failure"));
            CHECK_THAT(message,
                       Catch::Contains("The migration was rolled back; the database stays at a."));
            CHECK(f.schema_text() == schema);
            CHECK(f.version_rows() == Rows{"a"});
            CHECK(f.log_text() == log);
            CHECK(f.undo_statements() == f.expected_undo(k - 1, 0));
            if (k > 1)
                CHECK_THAT(message, Catch::Contains("undone operation by operation, newest first: "
                                                    "upgrade operation " +
                                                    std::to_string(k - 1)));
        }
    }
}

TEST_CASE("the undo is exactly the reverse operations, newest first", "[runner][nontx]") {
    NonTxFixture f;
    f.runner().upgrade("a");
    f.connection.fail_on(kFirstStatementOf[4]);  // the foreign key
    upgrade_error(f);
    CHECK(f.undo_statements() == Rows{"DROP INDEX \"ix_users_email\"",
                                      "ALTER TABLE \"users\" DROP COLUMN \"email\"",
                                      "DROP TABLE \"posts\"", "DROP TABLE \"users\""});
}

TEST_CASE("the statements of a failed multi-statement operation that ran are undone too",
          "[runner][nontx]") {
    NonTxFixture f;
    f.runner().upgrade("a");
    Rows schema = f.schema_text(), log = f.log_text();
    // The rebuild for the foreign key has created and filled its copy of posts.
    f.connection.fail_on("DROP TABLE \"posts\"");
    std::string message = upgrade_error(f);
    INFO(message);
    CHECK_THAT(message, Catch::Contains("The migration was rolled back; the database stays at a."));
    CHECK(f.schema_text() == schema);
    CHECK(f.log_text() == log);
    Rows undo = f.undo_statements();
    REQUIRE_FALSE(undo.empty());
    CHECK(undo.front() == "DROP TABLE \"_migrate_tmp_posts\"");
}

TEST_CASE("an execute without a reverse leaves the revision partially applied; upgrade resumes",
          "[runner][nontx]") {
    NonTxFixture f;
    f.runner().upgrade("a");
    f.connection.fail_on(kFirstStatementOf[8]);  // operation 9; operation 8 has no reverse
    std::string message = upgrade_error(f);
    INFO(message);
    CHECK_THAT(message, Catch::Contains("The migration could not be rolled back: undoing upgrade "
                                        "operation 8 (execute SQL: UPDATE users SET name = 'x') "
                                        "is not possible"));
    CHECK_THAT(message, Catch::Contains("Revision b is partially applied: 8 of 9 operations; the "
                                        "database stays at a with it."));
    CHECK_THAT(message, Catch::Contains("`migrate upgrade b` (or any target beyond it) resumes at "
                                        "operation 9 of 9"));
    CHECK_THAT(message, Catch::Contains("`migrate stamp a` clears the record"));
    CHECK(f.undo_statements().empty());
    CHECK(f.version_rows() == Rows{"a"});
    CHECK(f.runner().partial() == std::vector<PartialStep>{{"b", Direction::Upgrade, 8, 9}});
    CHECK(f.log_text().back() == "b partial upgrade 8/9");

    // A downgrade cannot undo operation 8 either: it says so and changes nothing.
    Rows schema = f.schema_text();
    CHECK_THROWS_WITH(f.runner().downgrade("-1"),
                      Catch::Contains("cannot undo the partial upgrade of versions/b.yaml") &&
                          Catch::Contains("Revision b is partially applied: 8 of 9 operations") &&
                          Catch::Contains("is not possible automatically"));
    CHECK(f.schema_text() == schema);

    size_t before = f.connection.log().size();
    RunResult r = f.runner().upgrade("head");
    CHECK(r.heads_after == Rows{"b"});
    Rows resumed(f.connection.log().begin() + long(before), f.connection.log().end());
    CHECK(std::count_if(resumed.begin(), resumed.end(), [](const std::string& s) {
              return s.find("ADD COLUMN \"title\"") != std::string::npos;
          }) == 1);
    CHECK(std::none_of(resumed.begin(), resumed.end(), [](const std::string& s) {
        return s.find("CREATE TABLE \"users\"") != std::string::npos;
    }));
    CHECK(f.runner().partial().empty());
    CHECK(f.log_text().back().starts_with("b upgrade sha256:"));
    CHECK(f.version_rows() == Rows{"b"});
}

TEST_CASE(
    "an undo statement that fails leaves the revision partially applied; downgrade -1 "
    "undoes its applied operations",
    "[runner][nontx]") {
    NonTxFixture f;
    f.runner().upgrade("a");
    Rows schema = f.schema_text(), log = f.log_text();
    f.connection.fail_on(kFirstStatementOf[3]);     // the index
    f.connection.fail_on("DROP COLUMN \"email\"");  // the undo of the column
    std::string message = upgrade_error(f);
    INFO(message);
    CHECK_THAT(message, Catch::Contains("The migration could not be rolled back: undoing upgrade "
                                        "operation 3 (add column 'users.email') failed"));
    CHECK_THAT(message, Catch::Contains("Revision b is partially applied: 3 of 9 operations"));
    CHECK_THAT(message, Catch::Contains("or `migrate downgrade -1` undoes its first 3 operations"));
    CHECK(f.runner().partial() == std::vector<PartialStep>{{"b", Direction::Upgrade, 3, 9}});

    SECTION("downgrade -1 undoes the first 3 and only them") {
        RunResult r = f.runner().downgrade("-1");
        CHECK(r.heads_after == Rows{"a"});
        CHECK(f.schema_text() == schema);
        CHECK(f.runner().partial().empty());
        Rows after = f.log_text();
        REQUIRE(after.size() == log.size() + 1);
        CHECK(after.back().starts_with("b downgrade sha256:"));
    }
    SECTION("upgrade resumes at operation 4") {
        RunResult r = f.runner().upgrade("head");
        CHECK(r.heads_after == Rows{"b"});
        CHECK(f.runner().partial().empty());
    }
    SECTION("an upgrade that does not reach it is refused") {
        CHECK_THROWS_WITH(f.runner().upgrade("a"),
                          Catch::Contains("revision b is partially applied: 3 of 9 operations, "
                                          "and this upgrade to 'a' does not reach it"));
    }
}

TEST_CASE("an offline script without transactional DDL numbers each operation",
          "[runner][nontx][offline]") {
    NonTxFixture f;
    OfflineOptions options;
    options.now = "2026-01-01T00:00:00Z";
    OfflineScript script = offline_upgrade(f.dialect, f.loader, "a:b", options);
    INFO(script.sql);
    CHECK(
        script.sql.starts_with("-- sqlite commits every DDL statement by itself: when a "
                               "statement fails, the operations before it in its migration "
                               "stay applied.\n\n-- Running upgrade a -> b, nine operations\n"));
    CHECK(script.sql.find("-- upgrade operation 1 of 9: create table 'users'\nCREATE TABLE "
                          "\"users\"") != std::string::npos);
    CHECK(script.sql.find("-- upgrade operation 9 of 9: add column 'articles.title'\nALTER "
                          "TABLE \"articles\" ADD COLUMN \"title\" TEXT;") != std::string::npos);
    CHECK(script.sql.find("partial") == std::string::npos);
}
