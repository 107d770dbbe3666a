// A revision that does not fit the database (an index on a missing column, a drop of a
// missing table, a change to a table that is not there) fails the same way on SQLite
// and PostgreSQL: exit 3, the revision file, the operation and (where there is one)
// the SQL named, "rolled back; the database stays at X", and nothing changed.

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;
using Lines = std::vector<std::string>;

namespace {

struct Misfit {
    std::string id;
    std::string upgrade;
    std::string operation;  // how the message names it
    std::string sql;        // the failing statement; "" when none can be rendered
};

void same_failure_on_every_dialect(RunnerProject& p) {
    p.revision("c1", "",
               "  - create_table: {name: users, columns: [{name: id, type: integer, primary_key: "
               "true}]}\n",
               "  - drop_table: {name: users}\n");
    p.ok({"upgrade", "head"});
    std::string before = p.schema_text();
    const std::vector<Misfit> misfits = {
        {"m1", "  - create_index: {name: ix_users_missing, table: users, columns: [missing]}\n",
         "upgrade operation 1 (create index 'ix_users_missing' on 'users') failed",
         "CREATE INDEX \"ix_users_missing\" ON \"users\" (\"missing\")"},
        {"m2", "  - drop_table: {name: nothere}\n",
         "upgrade operation 1 (drop table 'nothere') failed", "DROP TABLE \"nothere\""},
        {"m3", "  - drop_index: {name: ix_nothere, table: users}\n",
         "upgrade operation 1 (drop index 'ix_nothere' on 'users') failed",
         "DROP INDEX \"ix_nothere\""},
        {"m4", "  - create_table: {name: users, columns: [{name: id, type: integer}]}\n",
         "upgrade operation 1 (create table 'users') failed", ""},
        // SQLite rebuilds the table for this one, and cannot without the table: no SQL.
        {"m5", "  - create_unique_constraint: {name: uq_nothere_a, table: nothere, columns: [a]}\n",
         "upgrade operation 1 (", ""},
    };
    for (const auto& m : misfits) {
        p.revision(m.id, "\"c1\"",
                   "  - add_column: {table: users, column: {name: note, type: text}}\n" + m.upgrade,
                   "  []\n");
        std::string first = m.operation;
        first.replace(first.find("operation 1"), 11, "operation 2");
        auto r = p.run({"upgrade", "head"});
        INFO(m.id << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("error: " + p.revision_path(m.id) + ", " + first) != std::string::npos);
        if (!m.sql.empty()) {
            // The same lines on both dialects: the SQL once, then what the database said.
            CHECK(r.err.find("\n  SQL: " + m.sql + "\n  database said: ") != std::string::npos);
            CHECK(r.err.find("statement: ") == std::string::npos);
        }
        CHECK(r.err.find("\nThe migration was rolled back; the database stays at c1.") !=
              std::string::npos);
        CHECK(p.version_rows() == Lines{"c1"});
        CHECK(p.schema_text() == before);  // the add_column before it was rolled back too

        auto json = p.run({"upgrade", "head", "--json"});
        CHECK(json.exit_code == 3);
        auto doc = nlohmann::json::parse(json.out);
        CHECK(doc["error"]["kind"] == "database");
        CHECK(doc["exit_code"] == 3);
        std::filesystem::remove(p.dir() / p.revision_path(m.id));
    }
    p.ok({"upgrade", "head"});  // nothing left half-applied: the project still works
    CHECK(p.version_rows() == Lines{"c1"});
}

}  // namespace

RUNNER_TEST_BOTH_DIALECTS(
    "a revision that does not fit the database: exit 3 and rolled back, on every dialect",
    "[e2e][runner][errors]", same_failure_on_every_dialect)
