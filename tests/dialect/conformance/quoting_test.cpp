// Awkward identifiers on every dialect: spaces, double and single quotes, reserved words,
// mixed case and non-ASCII letters as table, column, constraint and index names. What is
// created reflects back under the same names, and quoted SQL reaches the rows.
#include <catch2/catch.hpp>

#include "tests/dialect/dialects.h"

using namespace migrate;
using namespace migrate::test;

namespace {

const std::vector<std::string> awkward = {"user", "order", "Mixed Case", "we\"ird",
                                          "it's", "ünï",   "select"};

}  // namespace

DIALECT_TEST_CASE("quoting: awkward identifiers round-trip through DDL, reflection and SQL",
                  "[quoting]") {
    TestDb db(target);
    for (const std::string& name : awkward) {
        INFO("identifier " << name);
        Table t;
        t.name = name;
        Column id = column(name + " id", "integer", false);
        t.columns = {id, column(name, "string(20)"), column("Group", "text")};
        t.primary_key = PrimaryKey{"pk " + name, {name + " id"}};
        t.unique_constraints = {{"uq " + name, {name}}};
        t.indexes = {Index{"ix " + name, {IndexElement{"Group"}}}};
        db.apply(CreateTable{t});
        db.conn->execute("INSERT INTO " + db.q(name) + " (" + db.q(name + " id") + ", " +
                         db.q(name) + ") VALUES (1, " + db.dialect->quote_literal(name) + ")");
        CHECK(db.scalar("SELECT " + db.q(name) + " FROM " + db.q(name)) == name);
        CHECK(db.dialect->table_exists(*db.conn, "", name));
    }
    Schema reflected = db.reflect();
    INFO("reflected:\n" << to_text(reflected));
    CHECK(reflected == db.expected(db.schema));
    CHECK(db.dialect->quote_literal("it's") == "'it''s'");
    CHECK(db.scalar("SELECT " + db.dialect->quote_literal("it's \"x\"")) == "it's \"x\"");
}
