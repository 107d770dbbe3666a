// Database client libraries are loaded when a URL of their dialect is opened, never at
// start-up (dialects/client_library.h): the dynamic loader's own trace (LD_DEBUG=libs)
// of a real run shows which libraries the process loaded.

#include <catch2/catch.hpp>

#include "tests/support/mariadb.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

bool loaded(const ProcessResult& r, const std::string& soname) {
    return r.err.find("calling init: ") != std::string::npos &&
           r.err.find(soname) != std::string::npos;
}

}  // namespace

TEST_CASE("a command that opens no PostgreSQL or MySQL URL loads neither client library",
          "[e2e][startup]") {
    TempDir dir;
    REQUIRE(run_migrate({"init", "app"}, dir.path()).exit_code == 0);
    const std::string app = dir / "app";
    const EnvVars trace = {{"LD_DEBUG", "libs"}};
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--version"},
                                                 {"revision", "--autogenerate", "-m", "first"},
                                                 {"heads"},
                                                 {"history"},
                                                 {"upgrade", "head"},
                                                 {"current"},
                                                 {"check"}}) {
        auto r = run_migrate(args, app, trace);
        INFO("migrate " << args.front() << "\n"
                        << r.err.substr(r.err.size() - std::min<size_t>(r.err.size(), 1500)));
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("calling init: ") != std::string::npos);  // the trace is on
        CHECK_FALSE(loaded(r, "libpq.so"));
        CHECK_FALSE(loaded(r, "libmariadb.so"));
    }
}

TEST_CASE("opening a PostgreSQL URL loads libpq then", "[e2e][startup][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    TempDir dir;
    REQUIRE(run_migrate({"init", "app"}, dir.path()).exit_code == 0);
    auto r = run_migrate({"current", "--url", db.url()}, dir / "app", {{"LD_DEBUG", "libs"}});
    INFO(r.err.substr(0, 2000));
    CHECK(r.exit_code == 0);
    CHECK(loaded(r, "libpq.so.5"));
}

TEST_CASE("opening a MySQL URL loads libmariadb then", "[e2e][startup][mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    TempDir dir;
    REQUIRE(run_migrate({"init", "app"}, dir.path()).exit_code == 0);
    auto r = run_migrate({"current", "--url", db.url()}, dir / "app", {{"LD_DEBUG", "libs"}});
    INFO(r.err.substr(0, 2000));
    CHECK(r.exit_code == 0);
    CHECK(loaded(r, "libmariadb.so.3"));
    CHECK_FALSE(loaded(r, "libpq.so"));
}
