// The differ: the numbered catalogue (differ_catalogue_*.cpp) with the properties
// every case must have, and field-level checks of what the operations carry.

#include "core/diff/differ.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "core/operations/apply_operation.h"
#include "tests/unit/differ_fixtures.h"

using namespace migrate;
using namespace migrate::testing;

namespace {

std::vector<DiffCase> all_cases() {
    std::vector<DiffCase> all = catalogue_tables();
    for (auto& c : catalogue_columns()) all.push_back(c);
    for (auto& c : catalogue_constraints()) all.push_back(c);
    for (auto& c : catalogue_sequences()) all.push_back(c);
    return all;
}

// The same schema with tables, enums, indexes and constraints in reverse order.
Schema shuffled(Schema s) {
    std::reverse(s.tables.begin(), s.tables.end());
    std::reverse(s.enums.begin(), s.enums.end());
    std::reverse(s.sequences.begin(), s.sequences.end());
    for (auto& t : s.tables) {
        std::reverse(t.indexes.begin(), t.indexes.end());
        std::reverse(t.unique_constraints.begin(), t.unique_constraints.end());
        std::reverse(t.foreign_keys.begin(), t.foreign_keys.end());
        std::reverse(t.checks.begin(), t.checks.end());
    }
    return s;
}

const DiffCase& find_case(const std::vector<DiffCase>& cases, int id) {
    for (const auto& c : cases)
        if (c.id == id) return c;
    FAIL("no catalogue case " << id);
    throw;
}

}  // namespace

TEST_CASE("differ catalogue: numbered before/after schemas", "[differ]") {
    const auto cases = all_cases();
    std::set<int> ids;
    for (const auto& c : cases) ids.insert(c.id);
    REQUIRE(ids.size() == cases.size());
    REQUIRE(cases.size() >= 40);

    for (const auto& c : cases) {
        INFO("case " << c.id << ": " << c.name);
        DiffResult r = diff_schemas(c.before, c.after, c.options);
        CHECK(described(r.upgrade) == c.ops);
        CHECK(descriptions(r.changes) == c.changes);
        CHECK(std::count_if(r.changes.begin(), r.changes.end(),
                            [](const Change& ch) { return ch.destructive; }) == c.destructive);
        for (const auto& ch : r.changes)
            if (ch.destructive) CHECK_FALSE(ch.warning.empty());
        CHECK(r.empty() == r.changes.empty());
        // Deterministic, whatever the input order.
        DiffResult again = diff_schemas(c.before, c.after, c.options);
        CHECK(again.upgrade == r.upgrade);
        CHECK(again.changes == r.changes);
        DiffResult reordered = diff_schemas(shuffled(c.before), shuffled(c.after), c.options);
        CHECK(described(reordered.upgrade) == c.ops);
        // Each side against itself is empty.
        CHECK(diff_schemas(c.after, c.after, c.options).empty());
        CHECK(diff_schemas(c.before, c.before, c.options).empty());
        // The downgrade is the exact inverse, and itself reverses back to the upgrade:
        // every operation carries the existing_* details it needs.
        CHECK(r.downgrade == reverse(r.upgrade));
        CHECK(reverse(r.downgrade) == r.upgrade);
    }
}

TEST_CASE("differ: alter_column carries every existing detail", "[differ]") {
    const auto cases = all_cases();
    DiffResult r = diff_schemas(find_case(cases, 36).before, find_case(cases, 36).after);
    REQUIRE(r.upgrade.size() == 1);
    const AlterColumn* a = r.upgrade[0].as<AlterColumn>();
    REQUIRE(a);
    CHECK(a->existing_type == type_of("string(100)"));
    CHECK(a->existing_nullable == true);
    CHECK(a->existing_server_default == std::make_optional(std::optional<std::string>()));
    CHECK(a->existing_comment.has_value());
    CHECK(a->existing_autoincrement == false);
    const AlterColumn* back = r.downgrade[0].as<AlterColumn>();
    REQUIRE(back);
    CHECK(back->type == type_of("string(100)"));
    CHECK(back->nullable == true);
    CHECK(back->server_default == std::make_optional(std::optional<std::string>()));
}

TEST_CASE("differ: drops carry the full definition", "[differ]") {
    const auto cases = all_cases();
    DiffResult r = diff_schemas(find_case(cases, 5).before, find_case(cases, 5).after);
    const DropTable* users = r.upgrade[2].as<DropTable>();
    REQUIRE(users);
    REQUIRE(users->existing);
    CHECK(users->existing->columns.size() == 3);
    CHECK(users->existing->unique_constraints.size() == 1);
    CHECK(users->existing->indexes.empty());  // dropped (and recreated) on their own
    const DropIndex* ix = r.upgrade[1].as<DropIndex>();
    REQUIRE(ix);
    CHECK(ix->existing == base_schema().tables[0].indexes[0]);
    CHECK(describe(r.downgrade.back()) == "create table 'posts'");

    DiffResult cycle = diff_schemas(find_case(cases, 8).before, find_case(cases, 8).after);
    const DropTable* a = cycle.upgrade[2].as<DropTable>();
    REQUIRE(a);
    CHECK(a->existing->foreign_keys.empty());  // its cycle-closing key was dropped first
}

TEST_CASE("differ: warnings name the hazard", "[differ]") {
    const auto cases = all_cases();
    DiffResult add = diff_schemas(find_case(cases, 20).before, find_case(cases, 20).after);
    REQUIRE(add.changes.size() == 1);
    CHECK_FALSE(add.changes[0].destructive);
    CHECK(add.changes[0].warning ==
          "NOT NULL column 'users.age' without a server default fails on a table with rows: give "
          "the column a `fill:` value for existing rows in the model (or on the add_column in the "
          "revision)");
    // With a fill the hazard is handled: no warning, and the add_column carries it.
    Schema filled = find_case(cases, 20).after;
    for (auto& t : filled.tables)
        if (Column* c = t.find_column("age")) c->fill = "0";
    DiffResult with_fill = diff_schemas(find_case(cases, 20).before, filled);
    REQUIRE(with_fill.changes.size() == 1);
    CHECK(with_fill.changes[0].warning.empty());
    REQUIRE(with_fill.upgrade.size() == 1);
    REQUIRE(with_fill.upgrade[0].as<AddColumn>());
    CHECK(with_fill.upgrade[0].as<AddColumn>()->fill == std::optional<std::string>("0"));
    CHECK_FALSE(with_fill.upgrade[0].as<AddColumn>()->column.fill);
    DiffResult drop = diff_schemas(find_case(cases, 3).before, find_case(cases, 3).after);
    CHECK(drop.changes[0].warning == "drops table 'posts' and all its rows");
    DiffResult narrow = diff_schemas(find_case(cases, 23).before, find_case(cases, 23).after);
    CHECK(narrow.changes[0].warning ==
          "narrowing type change on column 'users.email' may lose data or fail on existing rows");
}

TEST_CASE("differ: renames emit no drop and no add", "[differ]") {
    const auto cases = all_cases();
    for (int id : {11, 12, 37, 38, 39}) {
        INFO("case " << id);
        DiffResult r = diff_schemas(find_case(cases, id).before, find_case(cases, id).after);
        REQUIRE_FALSE(r.upgrade.empty());
        const auto* alter = r.upgrade[0].as<AlterColumn>();
        CHECK((r.upgrade[0].is<RenameTable>() || (alter && alter->new_name)));
        for (const auto& op : r.upgrade) {
            CHECK_FALSE(op.is<DropTable>());
            CHECK_FALSE(op.is<DropColumn>());
            CHECK_FALSE(op.is<CreateTable>());
        }
    }
    // A foreign key that refers to the renamed table is dropped under its carried name.
    Schema before =
        edit(base_schema(), [](Schema& s) { tbl(s, "posts").foreign_keys[0].on_delete = ""; });
    DiffResult r = diff_schemas(before, find_case(cases, 11).after);
    REQUIRE(r.upgrade.size() == 3);
    const DropConstraint* d = r.upgrade[1].as<DropConstraint>();
    REQUIRE(d);
    CHECK(d->name == "fk_posts_user_id_members");
    REQUIRE(d->existing_foreign_key);
    CHECK(d->existing_foreign_key->referred_table == "members");
}

TEST_CASE("differ: applying the upgrade reaches the target, the downgrade comes back", "[differ]") {
    NamingConvention naming;
    // A known gap of the replay (core/operations/apply_operation.cpp), not of the differ: a column
    // rename does not rewrite check expressions as PostgreSQL and SQLite do (39).
    const std::set<int> replay_gaps = {39};
    for (const auto& c : all_cases()) {
        if (replay_gaps.count(c.id)) {
            WARN("case " << c.id << " skipped: replay gap in apply_operation");
            continue;
        }
        INFO("case " << c.id << ": " << c.name);
        DiffResult r = diff_schemas(c.before, c.after, c.options);
        Schema s = c.before;
        for (const auto& op : r.upgrade) apply_operation(s, op, naming);
        DiffResult left = diff_schemas(s, c.after, c.options);
        CHECK(described(left.upgrade) == std::vector<std::string>{});
        for (const auto& op : r.downgrade) apply_operation(s, op, naming);
        DiffResult back = diff_schemas(s, c.before, c.options);
        CHECK(described(back.upgrade) == std::vector<std::string>{});
    }
}
