// No false positives: for every model in tests/fixtures/models/good, on SQLite and on
// PostgreSQL, `revision --autogenerate` + `upgrade head`, then autogenerate finds
// nothing, online and --offline. (The catalogue checks the same for each scenario's A
// and B.) Then drift: a change made by hand to a database at head is reported.

#include <catch2/catch.hpp>

#include "tests/e2e/autogen_project.h"
#include "tests/e2e/autogen_scenarios.h"

using namespace migrate::test;

namespace {

struct Fixture {
    std::string file;
    std::string skip_sqlite, skip_postgresql;
    std::string config;  // extra migrate.yaml lines
};

const std::vector<Fixture> kFixtures = {
    {"blog.yaml", "", "", ""},
    {"composite.json", "", "", ""},
    {"everything.yaml", "SQLite has no schemas (the model puts tables in schema 'audit')", "",
     "include_schemas: [public, audit]\n"},
};

std::string fixture_text(const Fixture& f, const std::string& dialect) {
    std::string text = read_file(source_dir() + "/tests/fixtures/models/good/" + f.file);
    if (dialect != "postgresql") return text;
    // `nocase` is a SQLite collation; PostgreSQL has none of that name.
    for (size_t at; (at = text.find("collation: nocase, ")) != std::string::npos;)
        text.erase(at, 19);
    // `json` has no gin operator class on PostgreSQL; the fixture's jsonb column has.
    const std::string gin = "columns: [profile], using: gin";
    if (size_t at = text.find(gin); at != std::string::npos)
        text.replace(at, gin.size(), "columns: [extra], using: gin");
    return text;
}

void round_trip(const Fixture& f, const std::string& dialect, const std::string& server) {
    AutogenProject p(dialect, server, f.config);
    std::string ext = f.file.substr(f.file.rfind('.'));
    p.dir().write("models/model" + ext, fixture_text(f, dialect));
    p.expect({"revision", "--autogenerate", "-m", "all", "--rev-id", "0001"});
    p.expect({"upgrade", "head"});
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"check"},
             {"check", "--offline"},
             {"diff"},
             {"diff", "--offline"},
             {"revision", "--autogenerate", "-m", "none"},
             {"revision", "--autogenerate", "--offline", "-m", "none"}}) {
        auto r = p.expect(args);
        CHECK(r.out.find("No changes detected") != std::string::npos);
    }
    CHECK(list_files(p.dir() / "migrations/versions").size() == 1);
    p.expect({"downgrade", "base"});
}

void round_trips(const std::string& dialect, const std::string& server) {
    for (const auto& f : kFixtures) {
        if (!(dialect == "sqlite" ? f.skip_sqlite : f.skip_postgresql).empty()) continue;
        DYNAMIC_SECTION(f.file) { round_trip(f, dialect, server); }
    }
}

void drift(const std::string& dialect, const std::string& server) {
    AutogenProject p(dialect, server);
    p.write_models(model(users()));
    p.expect({"revision", "--autogenerate", "-m", "a", "--rev-id", "0001"});
    p.expect({"upgrade", "head"});
    p.exec("CREATE INDEX ix_by_hand ON users (name)");
    auto r = p.expect({"check"}, 1);
    // Drift is not a model change: listed once, under its own heading (the drift policy).
    CHECK(r.out.find("Detected removed index 'ix_by_hand'") == std::string::npos);
    CHECK(r.out.find("Drift: the database differs from what its applied revisions imply") !=
          std::string::npos);
    CHECK(r.out.find("  added index 'ix_by_hand' on 'users'\n") != std::string::npos);
    CHECK(r.out.find("FAILED: the database has drifted from its revisions (1 difference(s))") !=
          std::string::npos);
    // Offline, the database is not consulted: the models match the revisions.
    p.expect({"check", "--offline"});
}

}  // namespace

TEST_CASE("no false positives for the good fixtures on SQLite", "[e2e][autogen][sqlite]") {
    round_trips("sqlite", "");
}

TEST_CASE("no false positives for the good fixtures on PostgreSQL", "[e2e][autogen][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    round_trips("postgresql", server);
}

TEST_CASE("check reports drift on SQLite", "[e2e][autogen][sqlite]") { drift("sqlite", ""); }

TEST_CASE("check reports drift on PostgreSQL", "[e2e][autogen][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    drift("postgresql", server);
}
