// upgrade, downgrade, current, stamp and history --indicate-current through the built
// binary, on SQLite and PostgreSQL: a chain with a branch and a merge upgraded to head,
// stepped with +1/-1, downgraded to base, stamped.

#include <nlohmann/json.hpp>

#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;
using Lines = std::vector<std::string>;

namespace {

const Lines kAllTables = {"migrate_version", "migrate_version_log", "posts", "tags", "users"};
const Lines kVersionTables = {"migrate_version", "migrate_version_log"};

void upgrade_step_downgrade(RunnerProject& p) {
    write_branched_chain(p);
    auto up = p.ok({"upgrade", "head"});
    Lines progress = lines(up.out);
    REQUIRE(progress.size() == 5);
    CHECK(progress[0] == "Running upgrade  -> r1, create users");
    CHECK(progress[1] == "Running upgrade r1 -> r2, add posts table");
    CHECK(progress[4] == "Running upgrade r3a, r3b -> r4, merge");
    CHECK(p.tables() == kAllTables);
    CHECK(p.version_rows() == Lines{"r4"});
    CHECK(p.query("SELECT name FROM tags") == "first\n");
    CHECK(p.query("SELECT count(*) FROM migrate_version_log WHERE direction = 'upgrade' AND "
                  "checksum LIKE 'sha256:%'") == "5\n");
    CHECK(p.ok({"current"}).out == "r4 (head)\n");
    p.ok({"current", "--check-heads"});
    CHECK(p.ok({"upgrade", "head"}).out == "Already at head (r4); nothing to do\n");
    CHECK(p.version_rows() == Lines{"r4"});
    // A relative step the wrong way is an error, not a silent no-op.
    auto wrong_way = p.run({"upgrade", "-1"});
    CHECK(wrong_way.exit_code == 2);
    CHECK(wrong_way.err ==
          "error: upgrade '-1': a relative step down is a downgrade; run `migrate downgrade "
          "-1`\n");
    auto wrong_down = p.run({"downgrade", "+1"});
    CHECK(wrong_down.exit_code == 2);
    CHECK(wrong_down.err.find("a relative step up is an upgrade") != std::string::npos);
    CHECK(p.version_rows() == Lines{"r4"});

    // -1 from the merge leaves both branches applied: two rows.
    CHECK(p.ok({"downgrade", "-1"}).out == "Running downgrade r4 -> r3a, r3b, merge\n");
    CHECK(p.version_rows() == Lines{"r3a", "r3b"});
    CHECK(p.query("SELECT count(*) FROM tags") == "0\n");
    auto behind = p.run({"current", "--check-heads"});
    CHECK(behind.exit_code == 1);
    CHECK(lines(behind.out) == Lines{"r3a", "r3b"});
    CHECK(behind.err.find("not at head") != std::string::npos);

    // +1 is ambiguous from two rows; a revision is not.
    CHECK(p.run({"upgrade", "+1"}).exit_code == 2);
    CHECK(p.ok({"upgrade", "r4"}).out == "Running upgrade r3a, r3b -> r4, merge\n");
    CHECK(p.version_rows() == Lines{"r4"});

    auto down = p.ok({"downgrade", "base", "--json"});
    auto doc = nlohmann::json::parse(down.out);
    CHECK(doc["result"]["heads_before"] == nlohmann::json::array({"r4"}));
    CHECK(doc["result"]["heads_after"] == nlohmann::json::array());
    CHECK(doc["result"]["applied"].size() == 5);
    CHECK(down.err.find("Running downgrade r1 -> , create users") != std::string::npos);
    CHECK(p.tables() == kVersionTables);
    CHECK(p.version_rows().empty());
    CHECK(p.ok({"current"}).out == "No revision applied: the database is at base\n");
    CHECK(p.ok({"downgrade", "base"}).out == "Already at base; nothing to do\n");
    CHECK(p.query("SELECT count(*) FROM migrate_version_log WHERE direction = 'downgrade'") ==
          "6\n");

    // Stepping on the linear part.
    CHECK(p.ok({"upgrade", "+1"}).out == "Running upgrade  -> r1, create users\n");
    CHECK(p.ok({"upgrade", "+1"}).out == "Running upgrade r1 -> r2, add posts table\n");
    CHECK(p.version_rows() == Lines{"r2"});
    CHECK(p.ok({"downgrade", "-1"}).out == "Running downgrade r2 -> r1, add posts table\n");
    CHECK(p.version_rows() == Lines{"r1"});
    CHECK(p.tables() == Lines{"migrate_version", "migrate_version_log", "users"});
}

void stamp_and_history(RunnerProject& p) {
    write_branched_chain(p);
    p.ok({"upgrade", "r2"});
    CHECK(p.version_rows() == Lines{"r2"});
    Lines history = lines(p.ok({"history", "--indicate-current"}).out);
    REQUIRE(history.size() == 5);
    CHECK(history.back() == "<base> -> r1, create users");
    CHECK(std::find(history.begin(), history.end(),
                    "r1 -> r2 (branchpoint) (current), add posts table") != history.end());
    auto json = nlohmann::json::parse(p.ok({"history", "--indicate-current", "--json"}).out);
    int current = 0;
    for (const auto& r : json["result"]["revisions"]) current += r["current"].get<bool>() ? 1 : 0;
    CHECK(current == 1);

    // stamp moves the rows without running anything.
    CHECK(p.ok({"stamp", "r3a"}).out == "Stamped r3a\n");
    CHECK(p.version_rows() == Lines{"r3a"});
    CHECK(p.tables() == Lines{"migrate_version", "migrate_version_log", "posts", "users"});
    p.ok({"stamp", "r3b"});  // the other branch: r3a is unrelated, so both rows stay
    CHECK(p.version_rows() == Lines{"r3a", "r3b"});
    p.ok({"stamp", "head"});
    CHECK(p.version_rows() == Lines{"r4"});
    CHECK(p.query("SELECT count(*) FROM migrate_version_log WHERE direction = 'stamp'") == "3\n");

    // A row no file defines: only --purge gets past it.
    p.query("INSERT INTO migrate_version (version_num) VALUES ('gone')");
    auto stuck = p.run({"stamp", "r1"});
    CHECK(stuck.exit_code == 2);
    CHECK(stuck.err.find("'gone'") != std::string::npos);
    CHECK(stuck.err.find("--purge") != std::string::npos);
    p.ok({"stamp", "r1", "--purge"});
    CHECK(p.version_rows() == Lines{"r1"});
    p.ok({"stamp", "base"});
    CHECK(p.version_rows().empty());

    // stamp adopts a database: a table-only database, stamped, then upgraded from there.
    p.ok({"stamp", "r2"});
    p.ok({"upgrade", "head"});
    CHECK(p.version_rows() == Lines{"r4"});
    CHECK(p.tables() == kAllTables);
}

void bad_targets(RunnerProject& p) {
    write_branched_chain(p);
    auto unknown = p.run({"upgrade", "nosuch"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("nosuch") != std::string::npos);
    auto json = p.run({"downgrade", "r2", "--json"});
    CHECK(json.exit_code == 2);
    CHECK(nlohmann::json::parse(json.out)["error"]["message"].get<std::string>().find(
              "not applied") != std::string::npos);
    CHECK(p.tables().empty());  // nothing created by failed commands
}

}  // namespace

RUNNER_TEST_BOTH_DIALECTS("upgrade to head, step with +1/-1, downgrade to base", "[e2e][runner]",
                          upgrade_step_downgrade)
RUNNER_TEST_BOTH_DIALECTS("stamp (with --purge) and history --indicate-current", "[e2e][runner]",
                          stamp_and_history)
RUNNER_TEST_BOTH_DIALECTS("unknown and unapplied targets exit 2 and touch nothing",
                          "[e2e][runner][errors]", bad_targets)

TEST_CASE("upgrade, downgrade, current and stamp show an example in --help", "[e2e][runner]") {
    for (std::string command : {"upgrade", "downgrade", "current", "stamp"}) {
        auto r = run_migrate({command, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("Example:\n  migrate " + command) != std::string::npos);
    }
}
