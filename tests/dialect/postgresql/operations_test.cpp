// PostgreSQL-only operation behaviour: the owned identity sequence follows a renamed
// table; enum value drops that cannot work fail clearly and change nothing.
// (Each operation on every dialect: ../conformance/operations*_test.cpp.)

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "tests/dialect/conformance/typed_seed.h"
#include "tests/dialect/postgresql/support.h"

using namespace migrate;
using namespace migrate::test;

namespace {

void create_base(Connection& conn) {
    Schema done;
    Schema base = base_schema();
    run_ops(conn, {CreateEnum{base.enums[0]}}, done);
    done.enums = base.enums;
    for (const auto& t : base.tables) {
        run_ops(conn, {CreateTable{t}}, done);
        done.tables.push_back(t);
    }
    seed_rows(conn);
}

}  // namespace

TEST_CASE("postgresql: rename_table renames the owned identity sequence",
          "[postgresql][operations]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    auto conn = pg_connect(db.url());
    create_base(*conn);
    run_ops(*conn, {RenameTable{"", "items", "goods"}}, base_schema());
    CHECK(conn->query("SELECT pg_get_serial_sequence('goods', 'id')").rows[0][0] ==
          SqlValue{"public.goods_id_seq"});
    conn->execute("INSERT INTO goods (name) VALUES ('fig')");
    CHECK(conn->query("SELECT max(id) FROM goods").rows[0][0] == SqlValue{"4"});
}

TEST_CASE("postgresql: impossible operations fail clearly and leave the database unchanged",
          "[postgresql][operations]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    auto conn = pg_connect(db.url());
    create_base(*conn);
    Schema before = base_schema();
    PostgresqlDialect d;
    NamingConvention naming;
    CHECK_THROWS_WITH(
        d.render(AlterEnumDropValue{"", "nope", "x"}, RenderContext{before, naming}),
        Catch::Contains("alter_enum_drop_value 'nope'") && Catch::Contains("does not exist"));
    CHECK_THROWS_WITH(
        d.render(AlterEnumDropValue{"", "mood", "angry"}, RenderContext{before, naming}),
        Catch::Contains("has no value 'angry'"));
    // Dropping a value still in use: the cast fails, the transaction rolls back.
    conn->begin();
    CHECK_THROWS_AS(run_ops(*conn, {AlterEnumDropValue{"", "mood", "sad"}}, before), DatabaseError);
    conn->rollback();
    CHECK(pg_reflect(*conn).schema == normalized(base_schema()));
}
