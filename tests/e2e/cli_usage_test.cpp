// The command line as an Alembic user types it: unknown commands and options named with
// "did you mean", `migrate help [COMMAND]`, `migrate version`, and every command's
// --help listing the global options it accepts.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

TEST_CASE("unknown commands and options are named, with did you mean", "[e2e][cli]") {
    TempDir dir;
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"upgade", "head"},
         "error: unknown command 'upgade' (did you mean 'upgrade'?); run `migrate --help`"},
        {{"--url", "sqlite:///x.db", "histroy"},
         "error: unknown command 'histroy' (did you mean 'history'?)"},
        {{"revision", "--autogen", "-m", "x"},
         "error: unknown option '--autogen' for `migrate revision` (did you mean "
         "'--autogenerate'?)"},
        {{"upgrade", "head", "--sqll"},
         "error: unknown option '--sqll' for `migrate upgrade` (did you mean '--sql'?)"},
        {{"heads", "--bogus"}, "error: unknown option '--bogus' for `migrate heads`; run"},
        // the unknown option, not the TARGET it took the place of
        {{"upgrade", "--ofline"}, "error: unknown option '--ofline' for `migrate upgrade`"},
        {{"downgrade", "--sqll"},
         "error: unknown option '--sqll' for `migrate downgrade` (did you mean '--sql'?)"},
        {{"heads", "extra"}, "error: unexpected argument 'extra' for `migrate heads`"},
        {{}, "error: a command is required"},
    };
    for (const auto& c : cases) {
        auto r = run_migrate(c.args, dir.path());
        INFO(r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(c.message) == 0);
        auto args = c.args;
        args.push_back("--json");
        auto j = run_migrate(args, dir.path());
        CHECK(j.exit_code == 2);
        auto doc = nlohmann::json::parse(j.out);
        CHECK(doc["error"]["kind"] == "usage");
        CHECK(("error: " + doc["error"]["message"].get<std::string>()).find(c.message) == 0);
    }
}

TEST_CASE("migrate help [COMMAND] and migrate version", "[e2e][cli]") {
    auto all = run_migrate({"help"});
    CHECK(all.exit_code == 0);
    CHECK(all.out == run_migrate({"--help"}).out);
    auto one = run_migrate({"help", "upgrade"});
    CHECK(one.exit_code == 0);
    CHECK_THAT(one.out, Catch::Contains("Apply revisions up to TARGET"));
    CHECK_THAT(one.out, Catch::Contains("migrate upgrade head"));
    auto bad = run_migrate({"help", "upgrde"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("error: unknown command 'upgrde' (did you mean 'upgrade'?)") == 0);
    auto v = run_migrate({"version"});
    CHECK(v.exit_code == 0);
    CHECK(v.out == run_migrate({"--version"}).out);
    auto vj = run_migrate({"version", "--json"});
    CHECK(nlohmann::json::parse(vj.out)["result"]["version"] ==
          v.out.substr(8, v.out.find('\n') - 8));
}

TEST_CASE("every command's --help lists the global options it accepts", "[e2e][cli]") {
    // show connects for `show current`.
    const std::vector<std::string> connecting = {"upgrade", "downgrade", "stamp", "current",
                                                 "history", "check",     "diff",  "reflect",
                                                 "show",    "revision",  "graph"};
    const std::vector<std::string> offline = {"heads", "branches", "models", "merge", "init"};
    for (const auto& name : connecting) {
        auto r = run_migrate({name, "--help"});
        INFO(name << "\n" << r.out);
        CHECK(r.exit_code == 0);
        for (const char* option :
             {"-c,--config", "--url", "--json", "-q,--quiet", "-v,--verbose", "--lock-timeout"})
            CHECK_THAT(r.out, Catch::Contains(option));
    }
    for (const auto& name : offline) {
        auto r = run_migrate({name, "--help"});
        INFO(name << "\n" << r.out);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("-c,--config"));
        CHECK_THAT(r.out, Catch::Contains("-v,--verbose"));
        CHECK_THAT(r.out, !Catch::Contains("--lock-timeout"));
    }
    // The example of `heads --help` uses an option the help now shows.
    auto heads = run_migrate({"heads", "--help"});
    CHECK_THAT(heads.out, Catch::Contains("migrate heads --verbose"));
}
