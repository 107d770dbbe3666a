// core/project/script_directory and clock: the --splice rule, the merge ancestry
// check, validation and folders of new revisions, the clock, and how many revision
// graphs a load and a write build.

#include "core/project/script_directory.h"

#include <catch2/catch.hpp>
#include <map>

#include "core/base/errors.h"
#include "core/project/clock.h"
#include "tests/support/temp_dir.h"

using namespace migrate;

namespace {

Revision rev(std::string id, std::vector<std::string> parents = {}) {
    Revision r;
    r.id = std::move(id);
    r.down_revisions = std::move(parents);
    r.message = "step " + r.id;
    r.create_date = "2026-01-01T00:00:00Z";
    return r;
}

Config config_in(const test::TempDir& dir, const std::string& versions = "versions") {
    return parse_config("versions: " + versions + "\n", dir / "migrate.yaml");
}

RevisionSource fixed_source() {
    return RevisionSource{[] { return std::string("abcdef012345"); },
                          [] { return std::string("2030-05-06T07:08:09Z"); }};
}

// a <- b <- c: a and b are not heads.
ScriptDirectory linear(const Config& config) {
    return ScriptDirectory::from_revisions(config, {rev("a"), rev("b", {"a"}), rev("c", {"b"})});
}

}  // namespace

TEST_CASE("script directory: --head names a head, or --splice starts a branch",
          "[project][script]") {
    test::TempDir dir;
    ScriptDirectory script = linear(config_in(dir));
    CHECK(script.parents_for("head", false) == std::vector<std::string>{"c"});
    CHECK(script.parents_for("base", false).empty());
    CHECK_THROWS_WITH(script.parents_for("b", false),
                      "revision 'b' (revision 'b') is not a head; pass --splice to start a new "
                      "branch from it");
    CHECK(script.parents_for("b", true) == std::vector<std::string>{"b"});
    ScriptDirectory empty = ScriptDirectory::from_revisions(config_in(dir), {});
    CHECK(empty.parents_for("head", false).empty());
}

TEST_CASE("script directory: a merge refuses a revision that is an ancestor of another",
          "[project][script]") {
    test::TempDir dir;
    ScriptDirectory script = ScriptDirectory::from_revisions(
        config_in(dir), {rev("a"), rev("b", {"a"}), rev("c", {"a"}), rev("d", {"c"})});
    CHECK(script.merge_parents({"heads"}) == std::vector<std::string>{"b", "d"});
    CHECK_THROWS_WITH(script.merge_parents({"a", "d"}),
                      "cannot merge 'a' with 'd': 'a' is already an ancestor of 'd'");
    CHECK_THROWS_WITH(script.merge_parents({"b"}), Catch::StartsWith("a merge needs at least two"));
    CHECK_THROWS_WITH(script.merge_parents({"base", "b"}),
                      "cannot merge 'base': it names base, not a revision");
}

TEST_CASE("script directory: new revisions take the source's id and date", "[project][script]") {
    test::TempDir dir;
    ScriptDirectory script = linear(config_in(dir));
    Revision fresh = script.make_revision(
        fixed_source(), NewRevision{.parents = {"c"}, .depends_on = {"a"}, .message = "m"});
    CHECK(fresh.id == "abcdef012345");
    CHECK(fresh.create_date == "2030-05-06T07:08:09Z");
    CHECK(fresh.depends_on == std::vector<std::string>{"a"});
    Revision named = script.make_revision(fixed_source(), NewRevision{.rev_id = "0002"});
    CHECK(named.id == "0002");
}

TEST_CASE("clock: SOURCE_DATE_EPOCH fixes the date of new revisions", "[project][clock]") {
    std::map<std::string, std::string> vars{{"SOURCE_DATE_EPOCH", "1700000000"}};
    EnvLookup env = [vars](const std::string& n) -> std::optional<std::string> {
        auto it = vars.find(n);
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    CHECK(project_revision_source(env).now() == "2023-11-14T22:13:20Z");
    CHECK(iso8601_utc(0) == "1970-01-01T00:00:00Z");
    EnvLookup none = [](const std::string&) { return std::optional<std::string>(); };
    std::string now = project_revision_source(none).now();
    CHECK(now.size() == 20);
    CHECK(now != "2023-11-14T22:13:20Z");
    std::string id = project_revision_source(none).new_id();
    CHECK(id.size() == 12);
}

TEST_CASE("script directory: a write validates against the graph and picks the folder",
          "[project][script]") {
    test::TempDir dir;
    Config config = config_in(dir, "[one, two]");
    ScriptDirectory script = linear(config);
    CHECK_THROWS_WITH(script.write(rev("b", {"c"}), ""),
                      "revision id 'b' is already used by revision 'b'");
    CHECK_THROWS_WITH(script.write(rev("x:y", {"c"}), ""),
                      Catch::StartsWith("revision 'x:y': revision id 'x:y' contains ':'"));
    Revision labelled = rev("d", {"c"});
    labelled.branch_labels = {"a"};
    CHECK_THROWS_WITH(script.write(labelled, ""), Catch::Contains("is also a revision id"));
    CHECK_THROWS_WITH(script.write(rev("e", {"c"}), dir / "elsewhere"),
                      Catch::StartsWith("--version-path " + dir / "elsewhere" +
                                        " is not one of the configured version folders"));
    CHECK_FALSE(dir.exists("one"));  // nothing written by a refused revision

    // A root goes to the first folder; --version-path names another; a child goes to
    // its parent's folder.
    WrittenRevision root = ScriptDirectory::from_revisions(config, {}).write(rev("a"), "");
    CHECK(root.path == display_path(dir / "one/a_step_a.yaml"));
    CHECK(dir.exists("one/a_step_a.yaml"));
    WrittenRevision second = ScriptDirectory::load(config).write(rev("b", {"a"}), dir / "two");
    CHECK(dir.exists("two/b_step_b.yaml"));
    CHECK(second.revision.path == second.path);
    CHECK(second.graph->is_head("b"));
    CHECK_FALSE(second.graph->is_head("a"));
    ScriptDirectory loaded = ScriptDirectory::load(config);
    CHECK(loaded.graph().size() == 2);
    loaded.write(rev("c", {"b"}), "");
    CHECK(dir.exists("two/c_step_c.yaml"));
}

TEST_CASE("script directory: one graph per load, one more per revision written",
          "[project][script]") {
    test::TempDir dir;
    Config config = config_in(dir);
    ScriptDirectory::from_revisions(config, {}).write(rev("a"), "");
    long before = ScriptDirectory::graphs_built();
    ScriptDirectory script = ScriptDirectory::load(config, LoadMode::Full);
    CHECK(ScriptDirectory::graphs_built() == before + 1);
    CHECK(script.full("a")->message == "step a");
    Revision next = script.make_revision(fixed_source(),
                                         NewRevision{.parents = script.parents_for("head", false)});
    script.write(next, "");
    CHECK(ScriptDirectory::graphs_built() == before + 2);
}
