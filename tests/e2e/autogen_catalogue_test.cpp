// The autogenerate catalogue, end to end through the built binary on SQLite, on
// PostgreSQL and on MariaDB. For each numbered scenario (model A -> model B):
//   A: revision --autogenerate, upgrade head, then no false positives (check, online and
//      --offline); rows inserted.
//   B: revision --autogenerate --offline and online give byte-identical files; upgrade
//      head; check (online, --offline) exits 0; the rows survive.
//   downgrade -1: the database equals A again (check against a project of A only, which
//      also checks drift), and the rows survive.

#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/e2e/autogen_project.h"
#include "tests/e2e/autogen_scenarios.h"

using namespace migrate::test;

namespace {

const std::string kRev1 = "migrations/versions/0001_a.yaml";
const std::string kRev2 = "migrations/versions/0002_b.yaml";

void expect_clean(const AutogenProject& p, const std::string& config = "migrate.yaml") {
    auto online = p.expect({"-c", config, "check"});
    CHECK(online.out.find("No changes detected") != std::string::npos);
    auto offline = p.expect({"-c", config, "check", "--offline"});
    CHECK(offline.out.find("No changes detected") != std::string::npos);
    auto again = p.expect({"-c", config, "revision", "--autogenerate", "-m", "nothing"});
    CHECK(again.out.find("No changes detected") != std::string::npos);
}

void expect_scalar(const AutogenProject& p, const std::string& query, const std::string& expected) {
    if (expected.empty()) return;
    INFO(query);
    CHECK(p.scalar(query) == expected);
}

// A second project file that knows only revision 0001 and model A, on the same database.
void write_project_a(const AutogenProject& p, const Scenario& s) {
    p.dir().write("a/models/models.yaml", s.a);
    p.dir().write("a/versions/0001_a.yaml", p.dir().read(kRev1));
    std::string url = p.dialect() == "sqlite" ? "sqlite:///../app.db" : p.url();
    p.dir().write("a/migrate.yaml", "database: " + url + "\nmodels: models\nversions: versions\n");
}

void run_scenario(const Scenario& s, const std::string& dialect, const std::string& server) {
    AutogenProject p(dialect, server);
    p.write_models(s.a);
    p.expect({"revision", "--autogenerate", "-m", "a", "--rev-id", "0001"});
    p.expect({"upgrade", "head"});
    expect_clean(p);
    p.exec(s.rows);

    p.write_models(s.b);
    p.expect({"revision", "--autogenerate", "--offline", "-m", "b", "--rev-id", "0002"});
    std::string offline = p.dir().read(kRev2);
    std::filesystem::remove(p.dir() / kRev2);
    auto online = p.expect({"revision", "--autogenerate", "-m", "b", "--rev-id", "0002"});
    CHECK(online.out.find("Detected ") != std::string::npos);
    CHECK(p.dir().read(kRev2) == offline);

    p.expect({"upgrade", "head"});
    expect_clean(p);
    expect_scalar(p, s.query_b, s.expect_b);

    p.expect({"downgrade", "-1"});
    write_project_a(p, s);
    expect_clean(p, "a/migrate.yaml");
    expect_scalar(p, s.query_a, s.expect_a);
}

void run_catalogue(const std::string& dialect, const std::string& server) {
    for (const Scenario& s : all_scenarios()) {
        const std::string& skip = dialect == "sqlite"       ? s.skip_sqlite
                                  : dialect == "postgresql" ? s.skip_postgresql
                                                            : s.skip_mysql;
        if (!skip.empty()) continue;  // the reason is in the scenario
        DYNAMIC_SECTION("scenario " << s.number << ": " << s.name) {
            run_scenario(s, dialect, server);
        }
    }
}

}  // namespace

TEST_CASE("the catalogue has at least 40 numbered scenarios, each runnable somewhere",
          "[e2e][autogen]") {
    auto all = all_scenarios();
    CHECK(all.size() >= 40);
    for (size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].number == static_cast<int>(i) + 1);
        CHECK((all[i].skip_sqlite.empty() || all[i].skip_postgresql.empty()));
        CHECK(all[i].a != all[i].b);
    }
}

TEST_CASE("autogenerate catalogue on SQLite", "[e2e][autogen][sqlite]") {
    run_catalogue("sqlite", "");
}

TEST_CASE("autogenerate catalogue on PostgreSQL", "[e2e][autogen][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    run_catalogue("postgresql", server);
}

TEST_CASE("autogenerate catalogue on MySQL", "[e2e][autogen][mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    run_catalogue("mysql", server);
}
