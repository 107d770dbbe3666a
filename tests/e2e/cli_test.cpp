#include <catch2/catch.hpp>

#include "tests/support/process.h"

using namespace migrate::test;

TEST_CASE("migrate --version and --help", "[e2e][cli]") {
    auto v = run_migrate({"--version"});
    CHECK(v.exit_code == 0);
    CHECK_THAT(v.out, Catch::StartsWith("migrate "));
    auto h = run_migrate({"--help"});
    CHECK(h.exit_code == 0);
    CHECK_THAT(h.out, Catch::Contains("--config"));
    CHECK_THAT(h.out, Catch::Contains("Exit codes"));
}

TEST_CASE("usage errors exit 2, in text and JSON", "[e2e][cli]") {
    auto none = run_migrate({});
    CHECK(none.exit_code == 2);
    CHECK_THAT(none.err, Catch::Contains("error:"));
    auto bad = run_migrate({"no-such-command", "--json"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.out, Catch::Contains("\"schema_version\": 1"));
    CHECK_THAT(bad.out, Catch::Contains("\"kind\": \"usage\""));
}
