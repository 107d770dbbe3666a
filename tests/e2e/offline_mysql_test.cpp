// Offline mode on MariaDB: `upgrade head --sql` with a mysql:// URL prints a script
// without connecting; fed to the `mariadb` client against a fresh database it gives the
// same schema and version table as an online `upgrade head` of the worked example
// (migrations-example/: nine revisions, a branch and a merge, data steps). The same for
// `downgrade head:base --sql` against an online `downgrade base`.

#include <catch2/catch.hpp>

#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

ProcessResult ok(const std::vector<std::string>& args, const std::string& cwd,
                 const std::string& url) {
    auto r = run_migrate(args, cwd, {{"DATABASE_URL", url}});
    INFO("migrate " << args.front() << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

// Everything of the schema that a migration sets, read from information_schema, one
// line per fact, in a fixed order.
std::string schema_of(const MysqlTestDatabase& db) {
    return db.sql(
        "SELECT 'table', TABLE_NAME, ENGINE, TABLE_COLLATION, TABLE_COMMENT "
        "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 2;"
        "SELECT 'column', TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, "
        "COALESCE(COLUMN_DEFAULT, '-'), EXTRA, COALESCE(COLLATION_NAME, '-'), COLUMN_COMMENT "
        "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 2, 3;"
        "SELECT 'index', TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE, "
        "COALESCE(SUB_PART, '-') FROM information_schema.STATISTICS "
        "WHERE TABLE_SCHEMA = DATABASE() ORDER BY 2, 3, 4;"
        "SELECT 'foreign key', k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, "
        "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE "
        "FROM information_schema.KEY_COLUMN_USAGE k JOIN "
        "information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = "
        "k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = "
        "k.TABLE_NAME WHERE k.TABLE_SCHEMA = DATABASE() ORDER BY 2, 3, k.ORDINAL_POSITION;"
        "SELECT 'check', TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM "
        "information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() "
        "ORDER BY 2, 3;");
}

// The version table and the log's steps (without their times).
std::string versions_of(const MysqlTestDatabase& db) {
    return db.sql("SELECT * FROM migrate_version ORDER BY 1;");
}

std::string log_count(const MysqlTestDatabase& db) {
    return db.sql("SELECT count(*) FROM migrate_version_log;");
}

}  // namespace

TEST_CASE("upgrade --sql and downgrade --sql on MariaDB give what online runs give",
          "[e2e][offline][mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    TempDir dir;
    std::string project = copy_example(dir);
    MysqlTestDatabase online(server), offline(server);

    ok({"upgrade", "head"}, project, online.url());
    auto script = ok({"upgrade", "head", "--sql"}, project, offline.url());
    CHECK(offline.sql("SHOW TABLES;").empty());  // --sql never connects
    CHECK_THAT(script.out, Catch::Contains("CREATE TABLE `migrate_version`"));
    CHECK_THAT(script.out, Catch::Contains("-- Running upgrade  -> 00e81babfe17"));
    CHECK_THAT(script.out, Catch::Contains("ENGINE=InnoDB"));
    run_mariadb_client(offline.url(), script.out);

    std::string schema = schema_of(online);
    CHECK_THAT(schema, Catch::Contains("column\tposts"));
    CHECK(schema_of(offline) == schema);
    CHECK(versions_of(offline) == versions_of(online));
    CHECK(versions_of(offline) == "6f2e0d7ab22a\n");
    CHECK(log_count(offline) == log_count(online));
    // The offline database is at head: migrate sees it clean.
    ok({"check"}, project, offline.url());

    auto down = ok({"downgrade", "head:base", "--sql"}, project, offline.url());
    CHECK_THAT(down.out, Catch::Contains("DROP TABLE `posts`"));
    run_mariadb_client(offline.url(), down.out);
    ok({"downgrade", "base"}, project, online.url());
    CHECK(schema_of(offline) == schema_of(online));
    CHECK(offline.sql("SHOW TABLES;") == "migrate_version\nmigrate_version_log\n");
    CHECK(versions_of(offline).empty());
    CHECK(log_count(offline) == log_count(online));
}
