// Reflection on every dialect sends a fixed number of statements, whatever the number
// of tables: the same count for 5, 200 and 2,000 tables, each with a key, a unique
// constraint, a check, a foreign key and an index.
#include <catch2/catch.hpp>

#include "tests/dialect/dialects.h"

using namespace migrate;
using namespace migrate::test;

namespace {

// Creates `tables` tables through the dialect's own DDL; returns the statements that
// reflecting them sent.
size_t statements_for(const TargetDialect& target, int tables) {
    TestDb db(target);
    Operations ops;
    for (int i = 0; i < tables; ++i) {
        std::string n = "t" + std::to_string(i);
        Table t;
        t.name = n;
        t.columns = {id_col(), column("p", "integer"), column("v", "string(20)"),
                     column("n", "integer")};
        t.primary_key = PrimaryKey{"pk_" + n, {"id"}};
        t.unique_constraints = {{"uq_" + n + "_n", {"n"}}};
        t.checks = {{"ck_" + n + "_v", "v <> ''"}};
        t.foreign_keys = {ForeignKey{"fk_" + n + "_p_t0", {"p"}, "", "t0", {"id"}, "", ""}};
        t.indexes = {Index{"ix_" + n + "_v", {IndexElement{"v"}}}};
        ops.push_back(CreateTable{t});
    }
    db.apply_all(ops);
    size_t before = db.conn->statements_sent();
    Schema s = db.reflect();
    size_t sent = db.conn->statements_sent() - before;
    REQUIRE(s.tables.size() == static_cast<size_t>(tables));
    const Table* last = s.find_table("", "t" + std::to_string(tables - 1));
    REQUIRE(last);
    CHECK(last->indexes.size() == 1);
    CHECK(last->foreign_keys.size() == 1);
    CHECK(last->checks.size() == 1);
    CHECK(last->unique_constraints.size() == 1);
    CHECK(s == db.expected(db.schema));
    return sent;
}

}  // namespace

DIALECT_TEST_CASE("reflection: the same number of statements for 5 and 200 tables", "[reflect]") {
    size_t five = statements_for(target, 5);
    CHECK(five == statements_for(target, 200));
    CHECK(five <= target.max_reflect_statements);
}

// A separate case, so that ctest runs it beside the others: creating 2,000 tables takes
// a while on a server.
DIALECT_TEST_CASE("reflection: the same number of statements for 2,000 tables", "[reflect]") {
    size_t five = statements_for(target, 5);
    CHECK(five == statements_for(target, 2000));
}
