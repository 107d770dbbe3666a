// The revision commands that need no database, run as a user runs them: revision,
// history, heads, branches, show, merge on temporary projects; exit codes, --json,
// golden text where the output is the product.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

const EnvVars kFixedClock = {{"SOURCE_DATE_EPOCH", "1795000000"}};  // 2026-11-18T11:06:40Z

struct Project {
    TempDir dir;
    Project() {
        dir.write("migrate.yaml",
                  "database: sqlite:///app.db\nmodels: models\nversions: migrations/versions\n");
    }
    ProcessResult run(std::vector<std::string> args) const {
        return run_migrate(args, dir.path(), kFixedClock);
    }
    ProcessResult ok(std::vector<std::string> args) const {
        ProcessResult r = run(args);
        INFO("migrate " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        return r;
    }
};

}  // namespace

TEST_CASE("revision writes an empty revision file on top of the head", "[e2e][revisions]") {
    Project p;
    auto first = p.ok({"revision", "-m", "create users", "--rev-id", "0001"});
    CHECK(first.out == "Generating migrations/versions/0001_create_users.yaml ... done\n");
    CHECK(p.dir.read("migrations/versions/0001_create_users.yaml") ==
          "revision: \"0001\"\n"
          "down_revision: null\n"
          "branch_labels: []\n"
          "depends_on: []\n"
          "message: create users\n"
          "create_date: 2026-11-18T11:06:40Z\n"
          "upgrade: []\n"
          "downgrade: []\n");
    p.ok({"revision", "-m", "Add posts table!", "--rev-id", "0002"});
    CHECK(p.dir.read("migrations/versions/0002_add_posts_table.yaml")
              .find("down_revision: \"0001\"\n") != std::string::npos);
    // a random id: 12 hex digits
    auto third = p.ok({"revision", "-m", "third", "--json"});
    auto doc = nlohmann::json::parse(third.out);
    std::string id = doc["result"]["revision"]["revision"];
    CHECK(id.size() == 12);
    CHECK(doc["result"]["revision"]["down_revisions"] == nlohmann::json::array({"0002"}));
    CHECK(doc["result"]["path"] == "migrations/versions/" + id + "_third.yaml");
    CHECK(p.dir.exists("migrations/versions/" + id + "_third.yaml"));
}

TEST_CASE("history, heads and show on a linear project", "[e2e][revisions]") {
    Project p;
    p.ok({"revision", "-m", "first", "--rev-id", "0001"});
    p.ok({"revision", "-m", "second", "--rev-id", "0002"});
    p.ok({"revision", "-m", "third", "--rev-id", "0003"});
    CHECK(p.ok({"history"}).out ==
          "0002 -> 0003 (head), third\n0001 -> 0002, second\n<base> -> 0001, first\n");
    CHECK(p.ok({"history", "-r", "0002:"}).out ==
          "0002 -> 0003 (head), third\n0001 -> 0002, second\n");
    CHECK(p.ok({"history", "-r", ":head-1"}).out ==
          "0001 -> 0002, second\n<base> -> 0001, first\n");
    CHECK(p.ok({"heads"}).out == "0003 (head)\n");
    auto verbose = p.ok({"heads", "--verbose"}).out;
    CHECK(verbose ==
          "Rev: 0003 (head)\n"
          "Parent: 0002\n"
          "Path: migrations/versions/0003_third.yaml\n"
          "\n"
          "    third\n"
          "\n"
          "    Revision ID: 0003\n"
          "    Revises: 0002\n"
          "    Create Date: 2026-11-18T11:06:40Z\n");
    auto show = p.ok({"show", "head-1"}).out;
    CHECK_THAT(show, Catch::StartsWith("Rev: 0002\nParent: 0001\n"));
    CHECK_THAT(show, Catch::Contains("Checksum: sha256:"));
    CHECK_THAT(show, Catch::EndsWith("Upgrade: (none)\nDowngrade: (none)\n"));
    auto json = nlohmann::json::parse(p.ok({"history", "--json"}).out);
    CHECK(json["schema_version"] == 1);
    REQUIRE(json["result"]["revisions"].size() == 3);
    CHECK(json["result"]["revisions"][0]["revision"] == "0003");
    CHECK(json["result"]["revisions"][0]["is_head"] == true);
}

TEST_CASE("branches, several heads, and merge", "[e2e][revisions]") {
    Project p;
    p.ok({"revision", "-m", "base", "--rev-id", "a1"});
    p.ok({"revision", "-m", "main work", "--rev-id", "b1"});
    auto not_head = p.run({"revision", "-m", "feature", "--head", "a1", "--rev-id", "c1"});
    CHECK(not_head.exit_code == 2);
    CHECK_THAT(
        not_head.err,
        Catch::Contains("'a1' (migrations/versions/a1_base.yaml) is not a head; pass --splice"));
    p.ok({"revision", "-m", "feature", "--head", "a1", "--splice", "--branch-label", "feat",
          "--rev-id", "c1"});
    CHECK(p.ok({"heads"}).out == "b1 (head)\nc1 (feat) (head)\n");
    CHECK(p.ok({"branches"}).out ==
          "<base> -> a1 (branchpoint), base\n   -> b1 (head), main work\n   -> c1 (feat) (head), "
          "feature\n");
    auto ambiguous = p.run({"revision", "-m", "next"});
    CHECK(ambiguous.exit_code == 2);
    CHECK(ambiguous.err ==
          "error: 'head' is ambiguous: the graph has 2 heads:\n"
          "  b1 (migrations/versions/b1_main_work.yaml)\n"
          "  c1 (migrations/versions/c1_feature.yaml)\n"
          "use `heads` to target all of them, name one, or join them with `migrate merge heads -m "
          "MESSAGE`\n");
    p.ok({"revision", "-m", "more feature", "--head", "feat@head", "--rev-id", "c2"});
    CHECK(p.ok({"show", "feat@head"}).out.find("Rev: c2 (head)") == 0);
    auto merged = p.ok({"merge", "heads", "-m", "join", "--rev-id", "m1"});
    CHECK(merged.out == "Generating migrations/versions/m1_join.yaml ... done\n");
    CHECK(
        p.dir.read("migrations/versions/m1_join.yaml").find("down_revision: [\"b1\", \"c2\"]\n") !=
        std::string::npos);
    CHECK(p.ok({"heads"}).out == "m1 (feat) (head)\n");
    CHECK(p.ok({"history"}).out ==
          "b1, c2 -> m1 (head) (mergepoint), join\n"
          "c1 -> c2, more feature\n"
          "a1 -> c1 (feat), feature\n"
          "a1 -> b1, main work\n"
          "<base> -> a1 (branchpoint), base\n");
    auto json = nlohmann::json::parse(p.ok({"branches", "--json"}).out);
    CHECK(json["result"]["branch_points"][0]["children"] == nlohmann::json::array({"b1", "c1"}));
    auto one = p.run({"merge", "m1", "-m", "x"});
    CHECK(one.exit_code == 2);
    CHECK_THAT(one.err, Catch::Contains("a merge needs at least two revisions"));
    auto ancestor = p.run({"merge", "a1", "m1", "-m", "x"});
    CHECK(ancestor.exit_code == 2);
    CHECK_THAT(ancestor.err, Catch::Contains("'a1' is already an ancestor of 'm1'"));
}

TEST_CASE("revision options: depends_on, new bases, version paths", "[e2e][revisions]") {
    Project p;
    p.dir.write("migrate.yaml",
                "database: sqlite:///app.db\nmodels: models\nversions: [migrations/versions, "
                "migrations/extra]\n");
    p.ok({"revision", "-m", "one", "--rev-id", "r1"});
    p.ok({"revision", "-m", "other root", "--head", "base", "--branch-label", "other", "--rev-id",
          "o1", "--version-path", "migrations/extra", "--depends-on", "r1"});
    CHECK(p.dir.exists("migrations/extra/o1_other_root.yaml"));
    CHECK(p.dir.read("migrations/extra/o1_other_root.yaml").find("depends_on: [\"r1\"]\n") !=
          std::string::npos);
    CHECK(p.ok({"history"}).out ==
          "<base> (r1) -> o1 (other) (head), other root\n<base> -> r1 (head), one\n");
    auto bad_path = p.run({"revision", "-m", "x", "--head", "r1", "--version-path", "elsewhere"});
    CHECK(bad_path.exit_code == 2);
    CHECK_THAT(
        bad_path.err,
        Catch::Contains("--version-path elsewhere is not one of the configured version folders"));
    auto bad_id = p.run({"revision", "-m", "x", "--head", "r1", "--rev-id", "a-b"});
    CHECK(bad_id.exit_code == 2);
    CHECK_THAT(bad_id.err, Catch::Contains("revision id 'a-b' contains '-'"));
    auto taken = p.run({"revision", "-m", "x", "--head", "r1", "--rev-id", "o1"});
    CHECK(taken.exit_code == 2);
    CHECK_THAT(
        taken.err,
        Catch::Contains("revision id 'o1' is already used by migrations/extra/o1_other_root.yaml"));
    auto dup_label = p.run({"revision", "-m", "x", "--head", "r1", "--branch-label", "other"});
    CHECK(dup_label.exit_code == 2);
    CHECK_THAT(dup_label.err, Catch::Contains("branch label 'other' is declared twice"));
}

TEST_CASE("broken revision files and graphs exit 2 naming the files", "[e2e][revisions][errors]") {
    Project p;
    p.dir.write("migrations/versions/a.yaml", "revision: \"a\"\ndown_revision: null\n");
    p.dir.write("migrations/versions/b.yaml", "revision: \"b\"\ndown_revision: \"zz\"\n");
    auto missing = p.run({"heads"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err ==
          "error: migrations/versions/b.yaml: down_revision 'zz' is not a revision in the versions "
          "folders\n");
    p.dir.write("migrations/versions/b.yaml", "revision: \"b\"\ndown_revision: \"c\"\n");
    p.dir.write("migrations/versions/c.yaml", "revision: \"c\"\ndown_revision: \"b\"\n");
    auto cycle = p.run({"history", "--json"});
    CHECK(cycle.exit_code == 2);
    auto doc = nlohmann::json::parse(cycle.out);
    CHECK(doc["error"]["kind"] == "revision");
    CHECK_THAT(doc["error"]["message"].get<std::string>(), Catch::Contains("cycle"));
    CHECK_THAT(doc["error"]["message"].get<std::string>(),
               Catch::Contains("migrations/versions/b.yaml"));
    CHECK_THAT(doc["error"]["message"].get<std::string>(),
               Catch::Contains("migrations/versions/c.yaml"));
    p.dir.write("migrations/versions/c.yaml",
                "revision: \"c\"\ndown_revison: \"a\"\nupgrade:\n  - drop_tabel: {name: t}\n");
    auto bad = p.run({"heads", "--json"});
    CHECK(bad.exit_code == 2);
    auto diags = nlohmann::json::parse(bad.out)["error"]["details"]["diagnostics"];
    REQUIRE(diags.size() == 2);
    CHECK(diags[0]["line"] == 2);
    CHECK(diags[0]["message"] ==
          "unknown key 'down_revison' in a revision file (did you mean 'down_revision'?)");
    CHECK(diags[1]["line"] == 4);
    CHECK(diags[1]["column"] == 5);
    p.dir.write("migrations/versions/c.yaml", "revision: \"a\"\n");
    auto dup = p.run({"heads"});
    CHECK(dup.exit_code == 2);
    CHECK_THAT(dup.err, Catch::Contains("duplicate revision id 'a' in migrations/versions/a.yaml "
                                        "and migrations/versions/c.yaml"));
}

TEST_CASE("identifier errors from show, and help examples", "[e2e][revisions][errors]") {
    Project p;
    p.ok({"revision", "-m", "one", "--rev-id", "abc1"});
    p.ok({"revision", "-m", "two", "--rev-id", "abc2"});
    auto ambiguous = p.run({"show", "abc"});
    CHECK(ambiguous.exit_code == 2);
    CHECK_THAT(ambiguous.err, Catch::Contains("prefix 'abc' is ambiguous"));
    CHECK_THAT(ambiguous.err, Catch::Contains("abc1 (migrations/versions/abc1_one.yaml)"));
    auto past = p.run({"show", "head-3"});
    CHECK(past.exit_code == 2);
    CHECK_THAT(past.err, Catch::Contains("steps past base"));
    CHECK(p.run({"show"}).exit_code == 2);
    CHECK(p.run({"show", "abc2"}).exit_code == 0);
    for (const char* cmd : {"revision", "history", "heads", "branches", "show", "merge"}) {
        auto help = p.run({cmd, "--help"});
        CHECK(help.exit_code == 0);
        CHECK_THAT(help.out, Catch::Contains("Example:"));
    }
    TempDir empty;
    auto no_config = run_migrate({"heads"}, empty.path());
    CHECK(no_config.exit_code == 2);
    CHECK_THAT(no_config.err, Catch::Contains("migrate init"));
}
