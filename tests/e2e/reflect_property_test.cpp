// The reflect property, through the binary, over the awkward-schema catalogue
// (awkward_schemas.h), on SQLite and PostgreSQL. For each schema made by hand in an
// "original" database:
//   reflect (exit 0, the objects models cannot express listed as not managed)
//   -> models (exit 0) -> revision --autogenerate against an empty database
//   -> upgrade head -> check clean, a second autogenerate finds nothing
//   -> the new database, reflected, has the same structure as the original
//   -> downgrade base leaves it empty.

#include <catch2/catch.hpp>
#include <memory>

#include "tests/e2e/awkward_schemas.h"
#include "tests/e2e/reflect_support.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate;
using namespace migrate::test;

namespace {

struct Databases {
    TempDir dir;
    std::unique_ptr<PgTestDatabase> original_pg, target_pg;
    std::string original, target;  // URLs
    std::string target_in_config;  // as migrate.yaml names it
};

void create_databases(Databases& d, const AwkwardSchema& s, const std::string& dialect,
                      const std::string& server) {
    if (dialect == "sqlite") {
        auto made = run_process({"sqlite3", d.dir / "original.db"}, "", {}, s.sqlite);
        INFO("sqlite3: " << made.err);
        REQUIRE(made.exit_code == 0);
        d.original = "sqlite:///" + d.dir.path() + "/original.db";
        d.target = "sqlite:///" + d.dir.path() + "/app.db";
        d.target_in_config = "sqlite:///app.db";
        return;
    }
    d.original_pg = std::make_unique<PgTestDatabase>(server);
    d.original_pg->psql(s.postgresql);
    d.target_pg = std::make_unique<PgTestDatabase>(server);
    d.original = d.original_pg->url();
    d.target = d.target_in_config = d.target_pg->url();
}

ProcessResult step(const Databases& d, const std::vector<std::string>& args, int expected = 0) {
    ProcessResult r = run_migrate(args, d.dir.path());
    std::string cmd;
    for (const auto& a : args) cmd += " " + a;
    INFO("migrate" << cmd << "\nexit " << r.exit_code << "\nstdout:\n"
                   << r.out << "stderr:\n"
                   << r.err);
    REQUIRE(r.exit_code == expected);
    return r;
}

std::string models_text(const Databases& d) {
    return run_process({"sh", "-c", "cat models/*.yaml"}, d.dir.path()).out;
}

void run_property(const AwkwardSchema& s, const std::string& dialect, const std::string& server) {
    Databases d;
    create_databases(d, s, dialect, server);
    d.dir.write("migrate.yaml", "database: " + d.target_in_config +
                                    "\nmodels: models\nversions: migrations/versions\n");

    auto reflected = step(d, {"reflect", "--url", d.original});
    for (const auto& line : dialect == "sqlite" ? s.sqlite_not_managed : s.postgresql_not_managed)
        CHECK_THAT(reflected.out, Catch::Contains("Not managed") && Catch::Contains(line + "\n"));
    INFO("reflected models:\n" << models_text(d));
    step(d, {"models"});
    step(d, {"revision", "--autogenerate", "-m", "adopt", "--rev-id", "0001"});
    step(d, {"upgrade", "head"});
    auto check = step(d, {"check"});
    CHECK_THAT(check.out, Catch::Contains("No changes detected"));
    auto again = step(d, {"revision", "--autogenerate", "-m", "again"});
    CHECK_THAT(again.out, Catch::Contains("No changes detected"));

    std::string original = to_text(reflect_url(d.original)),
                recreated = to_text(reflect_url(d.target));
    INFO("original:\n" << original << "\nrecreated:\n" << recreated);
    CHECK(original == recreated);

    step(d, {"downgrade", "base"});
    CHECK(reflect_url(d.target).tables.empty());
}

void run_catalogue(const std::string& dialect, const std::string& server) {
    for (const auto& s : awkward_schemas()) {
        const std::string& sql = dialect == "sqlite" ? s.sqlite : s.postgresql;
        if (sql.empty()) continue;  // the skip reason is in the catalogue
        DYNAMIC_SECTION("schema " << s.number << ": " << s.name) {
            run_property(s, dialect, server);
        }
    }
}

}  // namespace

TEST_CASE("the awkward-schema catalogue is numbered and each shape runs somewhere",
          "[e2e][reflect][property]") {
    auto all = awkward_schemas();
    CHECK(all.size() >= 17);
    for (size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].number == static_cast<int>(i) + 1);
        CHECK((!all[i].sqlite.empty() || !all[i].postgresql.empty()));
        CHECK(all[i].sqlite.empty() == !all[i].sqlite_skip.empty());
        CHECK(all[i].postgresql.empty() == !all[i].postgresql_skip.empty());
    }
}

TEST_CASE("reflect property over awkward schemas: SQLite", "[e2e][reflect][property][sqlite]") {
    run_catalogue("sqlite", "");
}

TEST_CASE("reflect property over awkward schemas: PostgreSQL",
          "[e2e][reflect][property][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    run_catalogue("postgresql", server);
}
