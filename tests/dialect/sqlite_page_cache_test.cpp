// The page cache of a migrate connection to SQLite: large enough that a schema of many
// thousand tables stays in memory while an upgrade changes it (docs/performance.md:
// past SQLite's default 2 MB, every schema change read the schema table from the file).
#include <catch2/catch.hpp>

#include "dialects/sqlite/connection.h"
#include "tests/support/temp_dir.h"

using namespace migrate;
using migrate::test::TempDir;

TEST_CASE("sqlite connection: a 32 MB page cache", "[sqlite]") {
    TempDir dir;
    SqliteConnection c(dir / "app.db", false, 1);
    QueryResult r = c.query("PRAGMA cache_size");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0] == std::optional<std::string>("-32768"));
}
