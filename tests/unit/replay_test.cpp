// replay: the schema at a revision computed from revision files in memory, the
// `execute` effect rules (no key = not followed, `effect: []` = no schema change),
// dialect-specific executes, and errors naming the revision file and operation.

#include "core/revision/replay.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/revision/revision_file.h"
#include "core/revision/revision_graph.h"

using namespace migrate;

namespace {

const NamingConvention naming;

Revision parse(const std::string& id, const std::string& down, const std::string& upgrade) {
    std::string text = "revision: \"" + id +
                       "\"\ndown_revision: " + (down.empty() ? "null" : "\"" + down + "\"") +
                       "\nmessage: m " + id + "\nupgrade:\n" + upgrade + "downgrade: []\n";
    return parse_revision(text, "versions/" + id + ".yaml", naming);
}

RevisionGraph chain() {
    return RevisionGraph({
        parse("a", "",
              "  - create_table: {name: users, columns: [{name: id, type: integer, primary_key: "
              "true}]}\n"),
        parse("b", "a",
              "  - add_column: {table: users, column: {name: email, type: text}}\n"
              "  - execute: UPDATE users SET email = ''\n"),
        parse("c", "b",
              "  - execute: {sql: UPDATE users SET email = 'x', effect: []}\n"
              "  - execute:\n"
              "      sql: ALTER TABLE users ADD COLUMN age integer\n"
              "      effect:\n"
              "        - add_column: {table: users, column: {name: age, type: integer}}\n"),
        parse("d", "c",
              "  - execute: {sql: CREATE TABLE pg_only (x int), dialect: postgresql}\n"
              "  - execute: {sql: UPDATE users SET age = 1, dialect: sqlite, effect: []}\n"),
    });
}

}  // namespace

TEST_CASE("replay: the schema at each revision", "[replay]") {
    RevisionGraph g = chain();
    ReplayResult at_a = replay_to(g, {"a"}, "sqlite", naming);
    REQUIRE(at_a.schema.tables.size() == 1);
    CHECK(at_a.schema.tables[0].columns.size() == 1);
    CHECK(at_a.not_followed.empty());

    ReplayResult at_c = replay_to(g, {"c"}, "sqlite", naming);
    const Table* users = at_c.schema.find_table("", "users");
    REQUIRE(users);
    CHECK(users->find_column("email"));
    CHECK(users->find_column("age"));
    // b's execute has no `effect` key; c's declare theirs (one of them `effect: []`).
    CHECK(at_c.not_followed == std::vector<std::string>{"b"});

    CHECK(replay_to(g, {}, "sqlite", naming).schema.tables.empty());
}

TEST_CASE("replay: effect [] and a missing effect key survive a round trip",
          "[replay][operation_yaml]") {
    RevisionGraph g = chain();
    const Execute* none = g.get("b").upgrade[1].as<Execute>();
    const Execute* empty = g.get("c").upgrade[0].as<Execute>();
    REQUIRE(none);
    REQUIRE(empty);
    CHECK_FALSE(none->has_effect());
    CHECK(empty->has_effect());
    CHECK_FALSE(*none == *empty);
    std::string text = emit_revision(g.get("c"), naming);
    CHECK(text.find("effect: []") != std::string::npos);
    CHECK(parse_revision(text, "again.yaml", naming).upgrade == g.get("c").upgrade);
}

TEST_CASE("replay: dialect-specific executes apply to their dialect only", "[replay]") {
    RevisionGraph g = chain();
    // d: the postgresql execute declares nothing (not followed on postgresql only); the
    // sqlite one declares `effect: []`.
    CHECK(replay_to(g, {"d"}, "sqlite", naming).not_followed == std::vector<std::string>{"b"});
    CHECK(replay_to(g, {"d"}, "postgresql", naming).not_followed ==
          std::vector<std::string>{"b", "d"});
    // Unknown dialect: neither variant is applied; no declared change means nothing unfollowed.
    CHECK(replay_to(g, {"d"}, "", naming).not_followed == std::vector<std::string>{"b"});
}

TEST_CASE("replay: replay_revisions continues from a given schema", "[replay]") {
    RevisionGraph g = chain();
    Schema s = replay_to(g, {"b"}, "sqlite", naming).schema;
    auto not_followed = replay_revisions(s, g, {"c"}, "sqlite", naming);
    CHECK(not_followed.empty());
    CHECK(s.find_table("", "users")->find_column("age"));
}

TEST_CASE("replay: an operation that does not fit names the file and operation",
          "[replay][errors]") {
    RevisionGraph g(
        {parse("a", "", "  - create_table: {name: t, columns: [{name: id, type: integer}]}\n"),
         parse("b", "a",
               "  - add_column: {table: t, column: {name: x, type: text}}\n"
               "  - drop_column: {table: users, name: x}\n")});
    try {
        replay_to(g, {"b"}, "sqlite", naming);
        FAIL("expected InputError");
    } catch (const InputError& e) {
        std::string m = e.what();
        CHECK(m.find("versions/b.yaml") != std::string::npos);
        CHECK(m.find("upgrade operation 2") != std::string::npos);
        CHECK(m.find("'users'") != std::string::npos);
    }
}

TEST_CASE("replay: header-only revisions are refused", "[replay][errors]") {
    Revision r =
        parse("a", "", "  - create_table: {name: t, columns: [{name: id, type: integer}]}\n");
    r.operations_loaded = false;
    RevisionGraph g({r});
    CHECK_THROWS_AS(replay_to(g, {"a"}, "sqlite", naming), InternalError);
}
