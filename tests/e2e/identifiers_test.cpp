// Revision identifiers as Alembic has them, through the binary on a real database:
// `current` (history ranges, show), REV@head, label@+N / label@-N, label@base in a
// history range, heads --resolve-dependencies, stamp with several targets, stamp
// label@base, merge --splice, and `downgrade REV-1` at two heads (one branch only).
// Each checks the exit code, the output and the version table after. Alembic's own
// answers on the same graph: tests/corpus/identifier_oracle.py.

#include <string>
#include <vector>

#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;

namespace {

using Lines = std::vector<std::string>;

// aaaa0000 <- aaaa1111 <- bbbb1111 (feat) <- bbbb2222 <- bbbb3333
//                     \<- cccc2222 <- cccc3333
// dddd1111 (billing) <- dddd2222 (depends on cccc3333)
void write_graph(RunnerProject& p) {
    p.empty_revision("aaaa0000", "");
    p.empty_revision("aaaa1111", "\"aaaa0000\"");
    p.empty_revision("bbbb1111", "\"aaaa1111\"", "branch_labels: [feat]\n");
    p.empty_revision("bbbb2222", "\"bbbb1111\"");
    p.empty_revision("bbbb3333", "\"bbbb2222\"");
    p.empty_revision("cccc2222", "\"aaaa1111\"");
    p.empty_revision("cccc3333", "\"cccc2222\"");
    p.empty_revision("dddd1111", "", "branch_labels: [billing]\n");
    p.empty_revision("dddd2222", "\"dddd1111\"", "depends_on: [\"cccc3333\"]\n");
}

// The revision ids of history output, newest first.
Lines history_ids(const std::string& out) {
    Lines ids;
    for (const auto& line : lines(out)) {
        size_t arrow = line.find("-> ");
        if (arrow == std::string::npos) continue;
        std::string rest = line.substr(arrow + 3);
        ids.push_back(rest.substr(0, rest.find_first_of(" ,")));
    }
    return ids;
}

void expect_usage_error(RunnerProject& p, const Lines& args, const std::string& names) {
    Lines before = p.version_rows();
    ProcessResult r = p.run(args);
    INFO("migrate " << args.front() << " " << args.at(1) << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(names));
    CHECK(p.version_rows() == before);
}

void current_in_ranges_and_show(RunnerProject& p) {
    write_graph(p);
    p.ok({"upgrade", "bbbb2222"});
    CHECK(history_ids(p.ok({"history", "-r", "current:"}).out) == Lines{"bbbb3333", "bbbb2222"});
    CHECK(history_ids(p.ok({"history", "-r", ":current"}).out) ==
          Lines{"bbbb2222", "bbbb1111", "aaaa1111", "aaaa0000"});
    // -3:current: three below the database's revision up to it (Alembic 1.8.1 fails here)
    CHECK(history_ids(p.ok({"history", "-r", "-3:current"}).out) ==
          Lines{"bbbb2222", "bbbb1111", "aaaa1111", "aaaa0000"});
    CHECK(history_ids(p.ok({"history", "-r", "-1:current"}).out) == Lines{"bbbb2222", "bbbb1111"});
    std::string shown = p.ok({"show", "current"}).out;
    CHECK(shown.starts_with("Rev: bbbb2222\nParent: bbbb1111\nBranch names: feat\n"));
    CHECK(shown.find("Upgrade: (none)") != std::string::npos);
    p.ok({"upgrade", "cccc3333"});  // two rows: show current shows both
    std::string both = p.ok({"show", "current"}).out;
    CHECK(both.find("Rev: bbbb2222") != std::string::npos);
    CHECK(both.find("Rev: cccc3333") != std::string::npos);
    CHECK(p.version_rows() == Lines{"bbbb2222", "cccc3333"});
}
RUNNER_TEST_BOTH_DIALECTS("identifiers: current in history ranges and show", "[e2e][identifiers]",
                          current_in_ranges_and_show)

void branch_relative_steps(RunnerProject& p) {
    write_graph(p);
    // feat@+2 from base walks feat's lineage: aaaa0000, aaaa1111 (not every id: the old bug)
    ProcessResult up = p.ok({"upgrade", "feat@+2"});
    CHECK(up.out.find("Running upgrade  -> aaaa0000") != std::string::npos);
    CHECK(up.out.find("Running upgrade aaaa0000 -> aaaa1111") != std::string::npos);
    CHECK(p.version_rows() == Lines{"aaaa1111"});
    p.ok({"upgrade", "feat@+1"});  // at the branch point, feat@+1 takes feat's child
    CHECK(p.version_rows() == Lines{"bbbb1111"});
    p.ok({"upgrade", "cccc2222@head"});  // REV@head: the head above REV
    CHECK(p.version_rows() == Lines{"bbbb1111", "cccc3333"});
    p.ok({"upgrade", "feat@+2"});
    CHECK(p.version_rows() == Lines{"bbbb3333", "cccc3333"});
    ProcessResult down = p.ok({"downgrade", "feat@-1"});
    CHECK(lines(down.out) == Lines{"Running downgrade bbbb3333 -> bbbb2222, rev bbbb3333"});
    CHECK(p.version_rows() == Lines{"bbbb2222", "cccc3333"});
    p.ok({"downgrade", "cccc3333@-2"});  // a revision as the branch: only cccc's side
    CHECK(p.version_rows() == Lines{"bbbb2222"});
    expect_usage_error(p, {"upgrade", "nosuch@+1"}, "'nosuch'");
    expect_usage_error(p, {"upgrade", "@+1"}, "'@+1'");
    expect_usage_error(p, {"downgrade", "billing@-1"}, "'billing@-1'");
    expect_usage_error(p, {"upgrade", "aaaa1111@head"}, "'aaaa1111@head' is ambiguous");
}
RUNNER_TEST_BOTH_DIALECTS("identifiers: label@+N, label@-N, REV@head", "[e2e][identifiers]",
                          branch_relative_steps)

void relative_downgrade_at_two_heads(RunnerProject& p) {
    write_graph(p);
    p.ok({"upgrade", "bbbb1111"});
    p.ok({"upgrade", "cccc3333"});
    ProcessResult refused = p.run({"downgrade", "-1"});
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("e.g. bbbb1111-1"));
    // the suggested form reverts bbbb1111's branch only, not cccc's above aaaa1111
    ProcessResult down = p.ok({"downgrade", "bbbb1111-1"});
    CHECK(lines(down.out) == Lines{"Running downgrade bbbb1111 -> aaaa1111, rev bbbb1111"});
    CHECK(p.version_rows() == Lines{"cccc3333"});
    p.ok({"upgrade", "feat@+1"});
    CHECK(p.version_rows() == Lines{"bbbb1111", "cccc3333"});
    p.ok({"downgrade", "bbbb1111@-1"});  // Alembic's spelling does the same
    CHECK(p.version_rows() == Lines{"cccc3333"});
}
RUNNER_TEST_BOTH_DIALECTS("identifiers: REV-1 at two heads reverts one branch",
                          "[e2e][identifiers]", relative_downgrade_at_two_heads)

void stamp_forms(RunnerProject& p) {
    write_graph(p);
    ProcessResult two = p.ok({"stamp", "bbbb2222", "dddd1111"});
    CHECK(two.out.find("Stamped bbbb2222, dddd1111") != std::string::npos);
    CHECK(p.version_rows() == Lines{"bbbb2222", "dddd1111"});
    p.ok({"stamp", "billing@base"});  // billing's row only; feat's stays
    CHECK(p.version_rows() == Lines{"bbbb2222"});
    p.ok({"stamp", "heads"});
    p.ok({"stamp", "feat@base"});
    CHECK(p.version_rows() == Lines{"dddd2222"});
    // offline, a start and a relative target on a branch (was: prefix '' is ambiguous)
    ProcessResult sql = p.ok({"stamp", "heads:feat@-1", "--sql"});
    CHECK(sql.out.find("version_num = 'bbbb3333';\nINSERT INTO ") != std::string::npos);
    CHECK(sql.out.find("(version_num) VALUES ('bbbb2222');") != std::string::npos);
    CHECK(sql.out.find("'cccc3333'") == std::string::npos);  // unrelated rows stay
    ProcessResult mixed = p.run({"stamp", "aaaa0000:bbbb2222", "aaaa1111:dddd1111", "--sql"});
    CHECK(mixed.exit_code == 2);
    CHECK_THAT(mixed.err, Catch::Contains("'aaaa1111:dddd1111'"));
    expect_usage_error(p, {"stamp", "bbbb2222", "nosuch"}, "'nosuch'");
    CHECK(p.version_rows() == Lines{"dddd2222"});
}
RUNNER_TEST_BOTH_DIALECTS("identifiers: stamp several targets, X@base", "[e2e][identifiers]",
                          stamp_forms)

}  // namespace

TEST_CASE("identifiers: heads --resolve-dependencies, history label@base:, merge --splice",
          "[e2e][identifiers]") {
    RunnerProject p(DbKind::Sqlite);
    write_graph(p);
    CHECK(lines(p.ok({"heads"}).out) ==
          Lines{"bbbb3333 (feat) (head)", "cccc3333 (head)", "dddd2222 (billing) (head)"});
    CHECK(lines(p.ok({"heads", "--resolve-dependencies"}).out) ==
          Lines{"bbbb3333 (feat) (head)", "dddd2222 (billing) (head)"});
    CHECK(history_ids(p.ok({"history", "-r", "feat@base:"}).out) ==
          Lines{"bbbb3333", "bbbb2222", "bbbb1111", "aaaa1111", "aaaa0000"});
    // billing's head depends on cccc3333: what it needs is listed too, as Alembic lists it
    CHECK(history_ids(p.ok({"history", "-r", "billing@base:"}).out) ==
          Lines{"dddd2222", "dddd1111", "cccc3333", "cccc2222", "aaaa1111", "aaaa0000"});
    ProcessResult not_head = p.run({"merge", "bbbb2222", "cccc3333", "-m", "join"});
    CHECK(not_head.exit_code == 2);
    CHECK_THAT(not_head.err, Catch::Contains("'bbbb2222'"));
    CHECK_THAT(not_head.err, Catch::Contains("--splice"));
    ProcessResult spliced =
        p.ok({"merge", "bbbb2222", "cccc3333", "-m", "join", "--splice", "--rev-id", "eeee0000"});
    CHECK(spliced.out.find("eeee0000_join.yaml") != std::string::npos);
    CHECK(p.dir()
              .read("migrations/versions/eeee0000_join.yaml")
              .find("down_revision: [\"bbbb2222\", \"cccc3333\"]") != std::string::npos);
    // -m is optional, as in Alembic: the merge says "empty message"
    ProcessResult unnamed = p.ok({"merge", "heads", "--rev-id", "ffff0000"});
    CHECK(unnamed.out == "Generating migrations/versions/ffff0000.yaml ... done\n");
    CHECK(p.dir().read("migrations/versions/ffff0000.yaml").find("message: empty message\n") !=
          std::string::npos);
    // show with a history range form that is not a revision: exit 2, naming it
    ProcessResult bad = p.run({"history", "-r", "nolabel@base:"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("'nolabel'"));
}

TEST_CASE("revision without -m: Alembic's default message, no slug; --quiet drops not-managed",
          "[e2e][identifiers]") {
    RunnerProject p(DbKind::Sqlite);
    ProcessResult r = p.ok({"revision", "--rev-id", "0001"});
    CHECK(r.out == "Generating migrations/versions/0001.yaml ... done\n");
    CHECK(p.dir().read("migrations/versions/0001.yaml").find("message: empty message\n") !=
          std::string::npos);
    CHECK(p.ok({"history"}).out == "<base> -> 0001 (head), empty message\n");
    // a view is not managed: listed by autogenerate, silenced by --quiet
    p.ok({"upgrade", "head"});
    p.query("CREATE VIEW v AS SELECT 1 AS x");
    p.dir().write("models/.keep", "");
    ProcessResult loud = p.ok({"revision", "--autogenerate", "-m", "v", "--rev-id", "0002"});
    CHECK(loud.out.find("Not managed (never dropped): view 'v'") != std::string::npos);
    ProcessResult quiet =
        p.ok({"revision", "--autogenerate", "-m", "v", "--rev-id", "0003", "--allow-empty", "-q"});
    CHECK(quiet.out.find("Not managed") == std::string::npos);
    // reflect lists the view too, and --quiet leaves the list out
    ProcessResult listed = p.ok({"reflect", "-o", "reflected"});
    CHECK(listed.out.find("Not managed (the models cannot express") != std::string::npos);
    ProcessResult silent = p.ok({"reflect", "-o", "reflected2", "-q"});
    CHECK(silent.out.find("Not managed") == std::string::npos);
    CHECK(silent.out.find("view v") == std::string::npos);
}
