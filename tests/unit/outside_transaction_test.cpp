// Revisions outside a transaction and conditional DDL in the revision file format:
// `transactional: false` (revision and execute), `concurrently` on create_index /
// drop_index, `if_exists` / `if_not_exists` on create/drop of tables, columns and
// indexes. Reading (bad values and unknown keys are errors naming file:line:column),
// writing them back, replay treating them as no-ops where the object is (or is not)
// there, reverses refused where the operation may have changed nothing, and the
// placement of the clauses in rendered DDL.

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/dialect/conditional_ddl.h"
#include "core/operations/apply_operation.h"
#include "core/revision/replay.h"
#include "core/revision/revision_file.h"

using namespace migrate;

namespace {

const NamingConvention naming;

std::string revision_text(const std::string& upgrade, const std::string& header = "") {
    return "revision: \"b\"\ndown_revision: null\nmessage: m\n" + header + "upgrade:\n" + upgrade +
           "downgrade: []\n";
}

std::string error_of(const std::string& text) {
    try {
        parse_revision(text, "v/bad.yaml", naming);
    } catch (const InputError& e) {
        return e.what();
    }
    return "<no error>";
}

}  // namespace

TEST_CASE("transactional, concurrently and if_(not_)exists are read and written back",
          "[outside_transaction][revision_file]") {
    Revision r = parse_revision(
        revision_text("  - create_table: {name: t, if_not_exists: true, columns: [{name: id, "
                      "type: integer}]}\n"
                      "  - drop_table: {name: u, if_exists: true}\n"
                      "  - add_column: {table: t, if_not_exists: true, column: {name: x, type: "
                      "integer}}\n"
                      "  - drop_column: {table: t, name: y, if_exists: true}\n"
                      "  - create_index: {name: ix, table: t, columns: [id], concurrently: "
                      "true, if_not_exists: true}\n"
                      "  - drop_index: {name: iy, table: t, concurrently: true, if_exists: "
                      "true}\n"
                      "  - execute: {sql: VACUUM, transactional: false}\n",
                      "transactional: false\n"),
        "v/b.yaml", naming);
    CHECK_FALSE(r.transactional);
    REQUIRE(r.upgrade.size() == 7);
    CHECK(r.upgrade[0].as<CreateTable>()->if_not_exists);
    CHECK(r.upgrade[1].as<DropTable>()->if_exists);
    CHECK(r.upgrade[2].as<AddColumn>()->if_not_exists);
    CHECK(r.upgrade[3].as<DropColumn>()->if_exists);
    CHECK(r.upgrade[4].as<CreateIndex>()->concurrently);
    CHECK(r.upgrade[4].as<CreateIndex>()->if_not_exists);
    CHECK(r.upgrade[5].as<DropIndex>()->concurrently);
    CHECK(r.upgrade[5].as<DropIndex>()->if_exists);
    CHECK_FALSE(r.upgrade[6].as<Execute>()->transactional);
    CHECK(runs_outside_transaction(r.upgrade[4]));
    CHECK(runs_outside_transaction(r.upgrade[5]));
    CHECK(runs_outside_transaction(r.upgrade[6]));
    CHECK_FALSE(runs_outside_transaction(r.upgrade[0]));

    std::string text = emit_revision(r, naming);
    CHECK_THAT(text, Catch::Contains("transactional: false\n"));
    Revision back = parse_revision(text, "v/b.yaml", naming);
    CHECK(back == r);

    Revision plain = parse_revision(revision_text("  - execute: VACUUM\n"), "v/b.yaml", naming);
    CHECK(plain.transactional);
    CHECK_FALSE(runs_outside_transaction(plain.upgrade[0]));
    CHECK_THAT(emit_revision(plain, naming), !Catch::Contains("transactional"));
}

TEST_CASE("bad transactional, concurrently and if_exists keys name file and line",
          "[outside_transaction][revision_file][errors]") {
    CHECK_THAT(error_of(revision_text("  - execute: VACUUM\n", "transactional: no way\n")),
               Catch::Contains("v/bad.yaml:4:16:") && Catch::Contains("transactional"));
    CHECK_THAT(error_of(revision_text("  - execute: VACUUM\n", "transactionl: false\n")),
               Catch::Contains("v/bad.yaml:4:1: unknown key 'transactionl' in a revision file "
                               "(did you mean 'transactional'?)"));
    CHECK_THAT(error_of(revision_text(
                   "  - create_index: {name: ix, table: t, columns: [id], concurrent: true}\n")),
               Catch::Contains("v/bad.yaml:5:") && Catch::Contains("unknown key 'concurrent'") &&
                   Catch::Contains("did you mean 'concurrently'?"));
    CHECK_THAT(error_of(revision_text(
                   "  - create_index: {name: ix, table: t, columns: [id], concurrently: 2}\n")),
               Catch::Contains("v/bad.yaml:5:") && Catch::Contains("concurrently"));
    CHECK_THAT(error_of(revision_text("  - drop_table: {name: t, if_not_exists: true}\n")),
               Catch::Contains("v/bad.yaml:5:") && Catch::Contains("unknown key 'if_not_exists'") &&
                   Catch::Contains("did you mean 'if_exists'?"));
    CHECK_THAT(error_of(revision_text(
                   "  - create_table: {name: t, if_exist: true, columns: [{name: id, type: "
                   "integer}]}\n")),
               Catch::Contains("unknown key 'if_exist'"));
    CHECK_THAT(error_of(revision_text("  - drop_column: {table: t, name: c, if_exists: yes!}\n")),
               Catch::Contains("v/bad.yaml:5:") && Catch::Contains("if_exists"));
    CHECK_THAT(
        error_of(revision_text("  - execute: {sql: VACUUM, transactional: maybe}\n")),
        Catch::Contains(
            "v/bad.yaml:5:43: 'transactional' of execute must be true or false, got 'maybe'"));
    CHECK_THAT(
        error_of(revision_text("  - add_column: {table: t, if_not_exists: true, column: {name: "
                               "x, type: integer, unique: true}}\n")),
        Catch::Contains("if_not_exists adds the column alone"));
}

TEST_CASE("replay treats if_not_exists / if_exists as no-ops where the database would",
          "[outside_transaction][replay]") {
    Revision r = parse_revision(
        revision_text(
            "  - create_table: {name: t, columns: [{name: id, type: integer}, {name: a, type: "
            "integer}]}\n"
            "  - create_index: {name: ix_a, table: t, columns: [a]}\n"
            "  - create_table: {name: t, if_not_exists: true, columns: [{name: other, type: "
            "text}]}\n"
            "  - add_column: {table: t, if_not_exists: true, column: {name: a, type: text}}\n"
            "  - create_index: {name: ix_a, table: t, columns: [id], if_not_exists: true}\n"
            "  - drop_table: {name: gone, if_exists: true}\n"
            "  - drop_column: {table: t, name: gone, if_exists: true}\n"
            "  - drop_index: {name: ix_gone, table: t, if_exists: true}\n"
            "  - add_column: {table: t, if_not_exists: true, column: {name: b, type: integer}}\n"),
        "v/b.yaml", naming);
    Schema s;
    for (const auto& op : r.upgrade) apply_operation(s, op, naming);
    REQUIRE(s.tables.size() == 1);
    const Table& t = s.tables[0];
    REQUIRE(t.columns.size() == 3);  // id, a (still integer), b
    CHECK(t.columns[1].type.to_string() == "integer");
    CHECK(t.columns[2].name == "b");
    REQUIRE(t.indexes.size() == 1);
    CHECK(t.indexes[0].elements[0].column == "a");

    // Without the flags the same operations are errors, as before.
    Operation plain = CreateTable{t};
    CHECK_THROWS_AS(apply_operation(s, plain, naming), InputError);
    Operation drop_missing = DropTable{"", "gone", std::nullopt};
    CHECK_THROWS_AS(apply_operation(s, drop_missing, naming), InputError);
}

TEST_CASE("an operation that may have changed nothing has no automatic reverse",
          "[outside_transaction][operations]") {
    Revision r = parse_revision(
        revision_text("  - create_table: {name: t, if_not_exists: true, columns: [{name: id, "
                      "type: integer}]}\n"
                      "  - create_index: {name: ix, table: t, columns: [id], concurrently: "
                      "true}\n"),
        "v/b.yaml", naming);
    CHECK_THROWS_WITH(reverse(r.upgrade[0]),
                      Catch::Contains("with if_not_exists it may have changed nothing"));
    Operation back = reverse(r.upgrade[1]);
    REQUIRE(back.is<DropIndex>());
    CHECK(back.as<DropIndex>()->concurrently);  // undone without locking out writes either
}

TEST_CASE("IF NOT EXISTS / IF EXISTS go after the keyword and CONCURRENTLY",
          "[outside_transaction][dialect]") {
    CHECK(add_clause_after("CREATE INDEX CONCURRENTLY \"ix\" ON \"t\" (\"a\")", "INDEX",
                           "IF NOT EXISTS") ==
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"ix\" ON \"t\" (\"a\")");
    CHECK(add_clause_after("ALTER TABLE \"t\" ADD COLUMN \"a\" integer", "ADD COLUMN",
                           "IF NOT EXISTS") ==
          "ALTER TABLE \"t\" ADD COLUMN IF NOT EXISTS \"a\" integer");
    CHECK(add_clause_after("COMMENT ON TABLE t IS 'x'", "INDEX", "IF NOT EXISTS") ==
          "COMMENT ON TABLE t IS 'x'");
    std::vector<std::string> made = create_if_not_exists(
        {"CREATE TABLE \"t\" (\"a\" integer)", "CREATE UNIQUE INDEX \"ix\" ON \"t\" (\"a\")",
         "COMMENT ON TABLE \"t\" IS 'x'"});
    CHECK(made ==
          std::vector<std::string>{"CREATE TABLE IF NOT EXISTS \"t\" (\"a\" integer)",
                                   "CREATE UNIQUE INDEX IF NOT EXISTS \"ix\" ON \"t\" (\"a\")",
                                   "COMMENT ON TABLE \"t\" IS 'x'"});
}
