// core/autogenerate: the offline report (replayed head vs models), the warnings for
// revisions the replay cannot follow, the database-state messages, and SQL rendering
// needing a dialect (covered end to end in tests/e2e/autogen_*).

#include "core/runtime/autogenerate.h"

#include <catch2/catch.hpp>

#include "tests/unit/differ_fixtures.h"

using namespace migrate;
using namespace migrate::testing;

namespace {

Revision revision(const std::string& id, std::vector<std::string> down, Operations upgrade) {
    Revision r;
    r.id = id;
    r.down_revisions = std::move(down);
    r.message = id;
    r.upgrade = std::move(upgrade);
    bool opaque = !r.upgrade.empty() && r.upgrade.front().is<Execute>();
    if (!opaque) r.downgrade = reverse(r.upgrade);
    return r;
}

RevisionGraph users_then_posts() {
    Schema s = base_schema();
    return RevisionGraph({revision("a", {}, {CreateTable{*s.find_table("", "users")}}),
                          revision("b", {"a"}, {CreateTable{*s.find_table("", "posts")}})});
}

}  // namespace

TEST_CASE("offline: the models against the replayed head", "[autogenerate]") {
    RevisionGraph graph = users_then_posts();
    AutogenerateReport same = compare_with_revisions(base_schema(), graph, nullptr, {});
    CHECK(same.offline);
    CHECK(same.diff.empty());
    CHECK(same.warnings.empty());
    CHECK(same.graph_heads == std::vector<std::string>{"b"});
    Schema expected = base_schema();
    expected.sort();
    CHECK(to_text(same.current) == to_text(expected));

    Schema more = edit(base_schema(),
                       [](Schema& s) { tbl(s, "users").columns.push_back(col("age", "integer")); });
    AutogenerateReport changed = compare_with_revisions(more, graph, nullptr, {});
    REQUIRE(changed.diff.changes.size() == 1);
    CHECK(changed.diff.changes[0].description == "added column 'users.age'");
    CHECK(changed.diff.upgrade.size() == 1);
    CHECK(changed.diff.downgrade == reverse(changed.diff.upgrade));
}

TEST_CASE("offline: excluded and version tables are never compared", "[autogenerate]") {
    RevisionGraph graph = users_then_posts();
    Schema models = edit(base_schema(), [](Schema& s) {
        s.tables.push_back(table("tmp_cache", {id_col()}));
        s.tables.push_back(
            table("migrate_version", {col("version_num", "string(255)", false)}, false));
    });
    AutogenerateSettings settings;
    settings.exclude_tables = {"tmp_*"};
    CHECK(compare_with_revisions(models, graph, nullptr, settings).diff.empty());
}

TEST_CASE("offline: an execute without a declared effect is named in a warning", "[autogenerate]") {
    Schema s = base_schema();
    RevisionGraph graph(
        {revision("a", {}, {CreateTable{*s.find_table("", "users")}}),
         revision("b", {"a"}, {Execute{"UPDATE users SET full_name = ''", "", {}}})});
    Schema models =
        edit(base_schema(), [](Schema& m) { m.tables.erase(m.tables.begin()); });  // users only
    models.sort();
    AutogenerateReport report = compare_with_revisions(models, graph, nullptr, {});
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings[0].find("revision 'b'") != std::string::npos);
}

TEST_CASE("the database state says what to do", "[autogenerate]") {
    AutogenerateReport r;
    r.state = DatabaseState::Behind;
    r.database_heads = {};
    r.graph_heads = {"b"};
    CHECK(r.state_message() ==
          "the database is behind head (at base, head b): run `migrate upgrade head` first");
    r.state = DatabaseState::Unversioned;
    CHECK(r.state_message().find("stamp") != std::string::npos);
    CHECK(!r.at_head());
}
