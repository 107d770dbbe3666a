// A SQLite rebuild never drops what the models cannot express: a table with generated
// columns is refused at run time (online and from a --sql script), a WITHOUT ROWID
// table is refused online before anything runs; the database stays as it was.

#include <catch2/catch.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

const char* kSchema = R"SQL(
CREATE TABLE bookings (id INTEGER PRIMARY KEY, nights INTEGER, total REAL GENERATED ALWAYS AS (nights * 90.0) STORED);
CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
INSERT INTO bookings (id, nights) VALUES (1, 2);
)SQL";

struct Adopted {
    TempDir dir;
    Adopted() {
        REQUIRE(run_process({"sqlite3", dir / "app.db"}, "", {}, kSchema).exit_code == 0);
        dir.write("migrate.yaml",
                  "database: sqlite:///app.db\nmodels: models\nversions: migrations/versions\n");
        ok({"reflect", "-q"});
        ok({"revision", "--autogenerate", "--offline", "-m", "baseline", "--rev-id", "0001"});
        ok({"stamp", "head"});
    }
    ProcessResult run(const std::vector<std::string>& args) const {
        return run_migrate(args, dir.path());
    }
    ProcessResult ok(const std::vector<std::string>& args) const {
        ProcessResult r = run(args);
        INFO("migrate " << args.front() << "\n" << r.out << r.err);
        REQUIRE(r.exit_code == 0);
        return r;
    }
    std::string sql(const std::string& query) const {
        return run_process({"sqlite3", dir / "app.db", query}).out;
    }
    // A second revision making `column` of `table` NOT NULL (a rebuild on SQLite).
    void not_null(const std::string& file, const std::string& column_line) const {
        std::string text = dir.read(file);
        size_t at = text.find(column_line);
        REQUIRE(at != std::string::npos);
        text.replace(at + column_line.size() - 1, 1, ", nullable: false}");
        dir.write(file, text);
        ok({"revision", "--autogenerate", "-m", "not null", "--rev-id", "0002"});
    }
};

}  // namespace

TEST_CASE("a SQLite rebuild refuses a table with generated columns", "[e2e][sqlite][rebuild]") {
    Adopted p;
    auto check = p.ok({"check"});
    CHECK_THAT(check.out,
               Catch::Contains("Not managed (never dropped): generated column 'bookings.total'"));
    p.not_null("models/bookings.yaml", "{name: nights, type: integer}");

    auto online = p.run({"upgrade", "head"});
    CHECK(online.exit_code == 3);
    CHECK_THAT(online.err,
               Catch::Contains("migrate cannot rebuild a table that has generated columns"));
    CHECK_THAT(online.err, Catch::Contains("the database stays at 0001"));
    CHECK_THAT(p.sql("SELECT total FROM bookings"), Catch::Contains("180.0"));

    // The same refusal from an offline script, run as sqlite3 -bail runs it.
    auto script = p.ok({"upgrade", "0001:0002", "--sql"});
    auto ran = run_process({"sqlite3", "-bail", p.dir / "app.db"}, "", {}, script.out);
    CHECK(ran.exit_code != 0);
    CHECK_THAT(ran.err,
               Catch::Contains("migrate cannot rebuild a table that has generated columns"));
    CHECK_THAT(p.sql("SELECT total FROM bookings"), Catch::Contains("180.0"));
    CHECK_THAT(p.sql("SELECT version_num FROM migrate_version"), Catch::Contains("0001"));
}

TEST_CASE("a SQLite rebuild refuses a WITHOUT ROWID table", "[e2e][sqlite][rebuild]") {
    Adopted p;
    auto check = p.ok({"check"});
    CHECK_THAT(check.out,
               Catch::Contains("Not managed (never dropped): WITHOUT ROWID table 'settings'"));
    p.not_null("models/settings.yaml", "{name: value, type: binary}");
    auto r = p.run({"upgrade", "head"});
    // The revision does not fit the database as it stands: exit 3, rolled back.
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err,
               Catch::Contains("cannot rebuild table 'settings': it is a WITHOUT ROWID table"));
    CHECK_THAT(p.sql("SELECT sql FROM sqlite_schema WHERE name = 'settings'"),
               Catch::Contains("WITHOUT ROWID"));
}
