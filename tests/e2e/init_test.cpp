// `migrate init` run as a user runs it: the scaffold, then `migrate models` on it;
// never overwriting.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

TEST_CASE("init scaffolds a project that models loads", "[e2e][init]") {
    TempDir dir;
    auto r = run_migrate({"init", "proj"}, dir.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Created proj/migrate.yaml"));
    CHECK_THAT(r.out, Catch::Contains("Created proj/models/example.yaml"));
    CHECK(dir.exists("proj/migrations/versions"));
    CHECK_THAT(dir.read("proj/migrate.yaml"),
               Catch::Contains("database: ${DATABASE_URL:-sqlite:///app.db}"));
    CHECK_THAT(dir.read("proj/models/example.yaml"), Catch::StartsWith("# An example model"));

    auto models = run_migrate({"models"}, dir / "proj");
    INFO(models.err);
    CHECK(models.exit_code == 0);
    CHECK_THAT(
        models.out,
        Catch::Contains(
            "table users  -- People who can sign in\n  id integer not null autoincrement\n"));
    CHECK_THAT(models.out, Catch::Contains("unique uq_users_email (email)"));

    auto schema_check =
        run_process({"/usr/bin/python3", source_dir() + "/tests/fixtures/validate_model_schema.py",
                     source_dir() + "/docs/model.schema.json", dir / "proj/models/example.yaml"});
    CHECK(schema_check.exit_code == 0);
}

TEST_CASE("init refuses to overwrite and changes nothing", "[e2e][init]") {
    TempDir dir;
    dir.write("migrate.yaml", "models: mine\n");
    auto r = run_migrate({"init"}, dir.path());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err,
               Catch::Contains("migrate.yaml' already exists; migrate init never overwrites"));
    CHECK(dir.read("migrate.yaml") == "models: mine\n");
    CHECK_FALSE(dir.exists("models"));

    TempDir second;
    REQUIRE(run_migrate({"init"}, second.path()).exit_code == 0);
    second.write("models/example.yaml", "tables: []\n");
    auto again = run_migrate({"init", "."}, second.path());
    CHECK(again.exit_code == 2);
    CHECK(second.read("models/example.yaml") == "tables: []\n");
}

TEST_CASE("init --json lists what it created; --help shows an example", "[e2e][init]") {
    TempDir dir;
    auto r = run_migrate({"init", "--json", "p"}, dir.path());
    REQUIRE(r.exit_code == 0);
    auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["command"] == "init");
    CHECK(doc["result"]["created"].size() == 3);
    auto help = run_migrate({"init", "--help"});
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("Example:\n  migrate init myproject"));
    CHECK_THAT(run_migrate({"models", "--help"}).out,
               Catch::Contains("Example:\n  migrate models"));
}
