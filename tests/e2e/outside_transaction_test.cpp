// Migrations outside a transaction, through the built binary on SQLite and PostgreSQL:
// create_index / drop_index with `concurrently` (CREATE INDEX CONCURRENTLY really runs on
// PostgreSQL, which refuses it inside a transaction block), a migration mixing such an
// operation with others refused (exit 2, file and operations named, nothing applied,
// online and offline), a `transactional: false` revision run operation by operation with
// its progress recorded (a failure undone, or left partially applied and resumed), the
// offline script's COMMIT before and BEGIN after, and if_exists / if_not_exists.

#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;
using Lines = std::vector<std::string>;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const std::string kUsers =
    "  - create_table: {name: users, columns: [{name: id, type: integer, primary_key: true}, "
    "{name: email, type: string(100)}]}\n";

std::string indexes(const RunnerProject& p) {
    return p.query(p.pg() ? "SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND "
                            "indexname NOT LIKE 'pk_%' ORDER BY 1"
                          : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                            "'users' AND name NOT LIKE 'sqlite_%' ORDER BY 1");
}

std::string partial_rows(const RunnerProject& p) {
    return p.query(
        "SELECT revision || ' ' || checksum FROM migrate_version_log WHERE direction = "
        "'partial' ORDER BY id");
}

void concurrent_index_runs(RunnerProject& p) {
    p.revision("a", "", kUsers, "  - drop_table: {name: users}\n");
    p.revision("b", "\"a\"",
               "  - create_index: {name: ix_users_email, table: users, columns: [email], "
               "concurrently: true}\n",
               "  - drop_index: {name: ix_users_email, table: users, concurrently: true}\n");
    auto sql = p.run({"upgrade", "a:b", "--sql"});
    INFO(sql.out << sql.err);
    REQUIRE(sql.exit_code == 0);
    std::string create = p.pg() ? "CREATE INDEX CONCURRENTLY \"ix_users_email\" ON "
                                  "\"users\" (\"email\");"
                                : "CREATE INDEX \"ix_users_email\" ON \"users\" (\"email\");";
    CHECK(has(sql.out,
              "-- outside a transaction: each operation below commits by itself\n"
              "-- upgrade operation 1 of 1: create index 'ix_users_email' on 'users'\n" +
                  create + "\n" +
                  (p.pg() ? "BEGIN;\n" : "PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;\n")));
    p.ok({"upgrade", "a"});
    auto up = p.run({"upgrade", "head"});
    INFO(up.out << up.err);
    REQUIRE(up.exit_code == 0);  // PostgreSQL refuses CONCURRENTLY in a transaction block
    CHECK(indexes(p) == "ix_users_email\n");
    CHECK(p.version_rows() == Lines{"b"});
    CHECK(partial_rows(p).empty());
    CHECK(p.query("SELECT direction FROM migrate_version_log WHERE revision = 'b'") == "upgrade\n");
    auto down = p.run({"downgrade", "-1"});
    INFO(down.out << down.err);
    REQUIRE(down.exit_code == 0);
    CHECK(indexes(p).empty());
    CHECK(p.version_rows() == Lines{"a"});
}

void mixing_is_refused(RunnerProject& p) {
    p.revision("a", "", kUsers, "  - drop_table: {name: users}\n");
    p.revision("b", "\"a\"",
               "  - add_column: {table: users, column: {name: name, type: text}}\n"
               "  - create_index: {name: ix_users_email, table: users, columns: [email], "
               "concurrently: true}\n",
               "  []\n");
    p.ok({"upgrade", "a"});
    std::string before = p.schema_text();
    for (const auto& args : {Lines{"upgrade", "head"}, Lines{"upgrade", "a:head", "--sql"}}) {
        auto r = p.run(args);
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, p.revision_path("b") +
                             ", upgrade operation 2 (create index 'ix_users_email' on 'users'): "
                             "it cannot run inside a transaction (concurrently: true), but "
                             "upgrade operation 1 (add column 'users.name') runs inside the "
                             "migration's transaction"));
        CHECK(has(r.err, "declare the whole revision `transactional: false`"));
    }
    CHECK(p.schema_text() == before);
    CHECK(p.version_rows() == Lines{"a"});
    // Declared for the whole revision, the same operations run one by one.
    p.revision("b", "\"a\"",
               "  - add_column: {table: users, column: {name: name, type: text}}\n"
               "  - create_index: {name: ix_users_email, table: users, columns: [email], "
               "concurrently: true}\n",
               "  []\n", "both\ntransactional: false");
    auto r = p.run({"upgrade", "head"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(indexes(p) == "ix_users_email\n");
    CHECK(p.version_rows() == Lines{"b"});
}

const std::string kIndex =
    "  - create_index: {name: ix_users_email, table: users, columns: [email], concurrently: "
    "true}\n";
const std::string kFailing = "  - execute: \"INSERT INTO no_such_table VALUES (1)\"\n";

void failure_reports_the_steps_that_ran(RunnerProject& p) {
    p.revision("a", "", kUsers, "  - drop_table: {name: users}\n");
    p.ok({"upgrade", "a"});
    std::string before = p.schema_text();

    // Failing at operation 2: operation 1 is undone by its reverse, outside a transaction.
    p.revision("b", "\"a\"", kIndex + kFailing, "  []\n", "outside\ntransactional: false");
    auto r = p.run({"upgrade", "head"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, p.revision_path("b") +
                         ", upgrade operation 2 (execute SQL: INSERT INTO no_such_table VALUES "
                         "(1)) failed"));
    CHECK(has(r.err, "The migration was rolled back; the database stays at a."));
    CHECK(has(r.err,
              "it was undone operation by operation, newest first: upgrade operation 1 "
              "(create index 'ix_users_email' on 'users')."));
    CHECK(p.schema_text() == before);
    CHECK(p.version_rows() == Lines{"a"});
    CHECK(partial_rows(p).empty());

    // Failing at operation 3 after an execute without a reverse: left partially applied.
    p.revision("b", "\"a\"", kIndex + "  - execute: \"UPDATE users SET email = 'x'\"\n" + kFailing,
               "  []\n", "outside\ntransactional: false");
    r = p.run({"upgrade", "head"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 3);
    CHECK(has(r.err,
              "upgrade operation 3 (execute SQL: INSERT INTO no_such_table VALUES (1)) "
              "failed"));
    CHECK(has(r.err,
              "The migration could not be rolled back: undoing upgrade operation 2 "
              "(execute SQL: UPDATE users SET email = 'x') is not possible"));
    CHECK(has(r.err,
              "Revision b is partially applied: 2 of 3 operations; the database stays "
              "at a with it."));
    CHECK(partial_rows(p) == "b upgrade 2/3\n");
    CHECK(indexes(p) == "ix_users_email\n");
    CHECK(p.version_rows() == Lines{"a"});
    auto current = p.run({"current"});
    CHECK(has(current.out, "b (partially applied: 2 of 3 upgrade operations)"));
    CHECK(p.run({"current", "--check-heads"}).exit_code == 1);

    // The cause fixed, `upgrade` resumes at operation 3.
    p.revision("b", "\"a\"",
               kIndex + "  - execute: \"UPDATE users SET email = 'x'\"\n" +
                   "  - add_column: {table: users, column: {name: name, type: text}}\n",
               "  []\n", "outside\ntransactional: false");
    r = p.run({"upgrade", "head"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(p.version_rows() == Lines{"b"});
    CHECK(partial_rows(p).empty());
    CHECK(has(p.schema_text(), "name"));
    CHECK(p.run({"current", "--check-heads"}).exit_code == 0);
}

void conditional_ddl(RunnerProject& p) {
    p.revision(
        "a", "",
        kUsers + "  - create_index: {name: ix_users_email, table: users, columns: [email]}\n",
        "  - drop_table: {name: users}\n");
    p.revision("b", "\"a\"",
               "  - create_table: {name: users, if_not_exists: true, columns: [{name: id, type: "
               "integer}]}\n"
               "  - create_table: {name: tags, if_not_exists: true, columns: [{name: id, type: "
               "integer}]}\n"
               "  - create_index: {name: ix_users_email, table: users, columns: [email], "
               "if_not_exists: true}\n"
               "  - drop_index: {name: ix_nothere, table: users, if_exists: true}\n"
               "  - drop_table: {name: nothere, if_exists: true}\n",
               "  - drop_table: {name: tags, if_exists: true}\n");
    // Replay follows them: the script from base renders (no "already exists").
    auto sql = p.run({"upgrade", "head", "--sql"});
    INFO(sql.out << sql.err);
    REQUIRE(sql.exit_code == 0);
    std::string q = "\"";
    CHECK(has(sql.out, "CREATE TABLE IF NOT EXISTS " + q + "users" + q));
    CHECK(has(sql.out, "CREATE INDEX IF NOT EXISTS " + q + "ix_users_email" + q));
    CHECK(has(sql.out, "DROP INDEX IF EXISTS "));
    CHECK(has(sql.out, "DROP TABLE IF EXISTS " + q + "nothere" + q));
    auto up = p.run({"upgrade", "head"});
    INFO(up.out << up.err);
    REQUIRE(up.exit_code == 0);
    CHECK(p.tables() == Lines{"migrate_version", "migrate_version_log", "tags", "users"});
    CHECK(indexes(p) == "ix_users_email\n");
    p.ok({"downgrade", "a"});
    CHECK(p.tables() == Lines{"migrate_version", "migrate_version_log", "users"});

    p.revision("c", "\"b\"",
               "  - add_column: {table: users, if_not_exists: true, column: {name: email, type: "
               "string(100)}}\n"
               "  - drop_column: {table: users, name: nothere, if_exists: true}\n",
               "  []\n");
    auto cols = p.run({"upgrade", "head"});
    INFO(cols.out << cols.err);
    if (!p.pg()) {  // SQLite's ALTER TABLE has neither: refused before anything runs
        CHECK(cols.exit_code == 2);
        CHECK(has(cols.err, p.revision_path("c") +
                                ", upgrade operation 1 (add column 'users.email'): sqlite has "
                                "no ADD COLUMN IF NOT EXISTS"));
        CHECK(p.version_rows() == Lines{"a"});
        CHECK(p.tables() == Lines{"migrate_version", "migrate_version_log", "users"});
        return;
    }
    CHECK(cols.exit_code == 0);
    CHECK(p.version_rows() == Lines{"c"});
    CHECK(p.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'") ==
          "2\n");
}

}  // namespace

RUNNER_TEST_BOTH_DIALECTS("create_index concurrently runs outside the transaction",
                          "[e2e][outside_transaction]", concurrent_index_runs)
RUNNER_TEST_BOTH_DIALECTS("a migration mixing concurrently with other operations is refused",
                          "[e2e][outside_transaction][errors]", mixing_is_refused)
RUNNER_TEST_BOTH_DIALECTS("transactional: false records progress and reports the steps that ran",
                          "[e2e][outside_transaction][errors]", failure_reports_the_steps_that_ran)
RUNNER_TEST_BOTH_DIALECTS("if_exists and if_not_exists on tables, indexes and columns",
                          "[e2e][outside_transaction]", conditional_ddl)
