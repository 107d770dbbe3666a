// The worked example (migrations-example/) runs end to end, on SQLite, on PostgreSQL
// and on MariaDB, as its README says: upgrade head, check (clean), history, downgrade base
// (nothing left but the version tables), upgrade head again. A scratch copy is used,
// so the source tree is never written to.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>

#include "tests/support/mariadb.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

namespace fs = std::filesystem;

ProcessResult run_ok(const std::vector<std::string>& args, const std::string& cwd,
                     const EnvVars& env) {
    auto r = run_migrate(args, cwd, env);
    INFO("migrate " << args.front() << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

const std::vector<std::string> all_tables = {
    "audit_log", "comments", "migrate_version", "migrate_version_log", "post_tags", "posts",
    "tags",      "users"};
const std::vector<std::string> version_tables = {"migrate_version", "migrate_version_log"};

// The whole life of the example against one database; `tables` lists the database's
// tables, sorted, one per line.
void run_example(const std::string& project, const EnvVars& env,
                 const std::function<std::string()>& tables) {
    run_ok({"upgrade", "head"}, project, env);
    CHECK(lines_of(tables()) == all_tables);

    auto check = run_ok({"check"}, project, env);
    CHECK_THAT(check.out, Catch::Contains("No changes detected"));
    CHECK(run_ok({"check", "--offline"}, project, env).exit_code == 0);

    auto history = run_ok({"history"}, project, env);
    CHECK(lines_of(history.out).size() >= 9);
    CHECK_THAT(history.out, Catch::Contains("(mergepoint), merge comments and audit"));
    CHECK_THAT(history.out, Catch::Contains("(head), soft-delete posts"));
    CHECK_THAT(history.out, Catch::Contains("(branchpoint)"));
    CHECK_THAT(history.out, Catch::Contains("(comments)"));
    CHECK_THAT(history.out, Catch::Contains("(audit)"));

    auto heads = run_ok({"heads"}, project, env);
    auto current = run_ok({"current"}, project, env);
    CHECK(current.out.substr(0, 12) == heads.out.substr(0, 12));

    run_ok({"downgrade", "base"}, project, env);
    CHECK(lines_of(tables()) == version_tables);

    run_ok({"upgrade", "head"}, project, env);
    CHECK(lines_of(tables()) == all_tables);
    CHECK(run_ok({"check"}, project, env).exit_code == 0);
}

}  // namespace

TEST_CASE("the worked example runs end to end on SQLite", "[e2e][example]") {
    TempDir dir;
    std::string project = copy_example(dir);
    EnvVars env{{"DATABASE_URL", ""}};  // empty: migrate.yaml falls back to sqlite:///example.db
    run_example(project, env, [&] {
        return run_process({"sqlite3", project + "/example.db",
                            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"})
            .out;
    });
    CHECK(fs::exists(project + "/example.db"));
}

TEST_CASE("the worked example runs end to end on PostgreSQL", "[e2e][example][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    TempDir dir;
    std::string project = copy_example(dir);
    PgTestDatabase db(server);
    run_example(project, {{"DATABASE_URL", db.url()}}, [&] {
        return db.psql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    });
}

TEST_CASE("the worked example runs end to end on MariaDB", "[e2e][example][mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    TempDir dir;
    std::string project = copy_example(dir);
    MysqlTestDatabase db(server);
    run_example(project, {{"DATABASE_URL", db.url()}}, [&] {
        return db.sql(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
            "ORDER BY 1");
    });
}
