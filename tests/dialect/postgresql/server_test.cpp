#include <catch2/catch.hpp>

#include "tests/support/postgres.h"

using namespace migrate::test;

TEST_CASE("the PostgreSQL test server is reachable and gives each test its own database",
          "[postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase a(server), b(server);
    CHECK(a.name() != b.name());
    a.psql("CREATE TABLE t (x int)");
    CHECK(a.psql("SELECT count(*) FROM pg_tables WHERE tablename = 't'") == "1\n");
    CHECK(b.psql("SELECT count(*) FROM pg_tables WHERE tablename = 't'") == "0\n");
    CHECK(a.psql("SHOW server_version_num").substr(0, 2) == "15");
}
