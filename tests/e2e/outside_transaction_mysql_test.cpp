// Migrations outside a transaction and conditional DDL on MariaDB, through the built
// binary: `concurrently` writes the plain CREATE/DROP INDEX (MariaDB builds indexes
// online already), a mixing migration is refused as on the other dialects (exit 2,
// nothing applied), and if_exists / if_not_exists reach the DDL, columns included.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct MariaProject {
    TempDir dir;
    const MysqlTestDatabase& db;
    explicit MariaProject(const MysqlTestDatabase& d) : db(d) {
        std::filesystem::create_directories(dir.path() + "/migrations/versions");
        std::filesystem::create_directories(dir.path() + "/models");
        write("migrate.yaml",
              "database: ${DATABASE_URL}\nmodels: models\nversions: migrations/versions\n");
        revision("a", "null",
                 "  - create_table: {name: users, columns: [{name: id, type: integer, "
                 "primary_key: true}, {name: email, type: string(100)}]}\n");
    }
    void write(const std::string& rel, const std::string& text) {
        std::ofstream(dir.path() + "/" + rel) << text;
    }
    void revision(const std::string& id, const std::string& down, const std::string& upgrade,
                  const std::string& header = "") {
        write("migrations/versions/" + id + "_x.yaml",
              "revision: \"" + id + "\"\ndown_revision: " + down + "\nmessage: m\n" + header +
                  "upgrade:\n" + upgrade + "downgrade: []\n");
    }
    ProcessResult run(const std::vector<std::string>& args) {
        return run_migrate(args, dir.path(), {{"DATABASE_URL", db.url()}});
    }
    std::string indexes() const {
        return db.sql(
            "SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = "
            "DATABASE() AND TABLE_NAME = 'users' AND INDEX_NAME <> 'PRIMARY' ORDER BY 1");
    }
    std::string columns() const {
        return db.sql(
            "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
            "AND TABLE_NAME = 'users' ORDER BY 1");
    }
};

}  // namespace

TEST_CASE("concurrently, mixing and if_(not_)exists on MariaDB",
          "[e2e][outside_transaction][mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    MysqlTestDatabase db(server);
    MariaProject p(db);
    REQUIRE(p.run({"upgrade", "a"}).exit_code == 0);

    p.revision("b", "\"a\"",
               "  - add_column: {table: users, column: {name: name, type: text}}\n"
               "  - create_index: {name: ix_users_email, table: users, columns: [email], "
               "concurrently: true}\n");
    ProcessResult mixed = p.run({"upgrade", "head"});
    INFO(mixed.out << mixed.err);
    CHECK(mixed.exit_code == 2);
    CHECK(has(mixed.err,
              "b_x.yaml, upgrade operation 2 (create index 'ix_users_email' on "
              "'users'): it cannot run inside a transaction (concurrently: true)"));
    CHECK(p.columns() == "email\nid\n");

    p.revision("b", "\"a\"",
               "  - create_index: {name: ix_users_email, table: users, columns: [email], "
               "concurrently: true}\n");
    ProcessResult sql = p.run({"upgrade", "a:b", "--sql"});
    CHECK(has(sql.out, "CREATE INDEX `ix_users_email` ON `users` (`email`);"));
    ProcessResult up = p.run({"upgrade", "head"});
    INFO(up.out << up.err);
    REQUIRE(up.exit_code == 0);
    CHECK(p.indexes() == "ix_users_email\n");

    p.revision("c", "\"b\"",
               "  - add_column: {table: users, if_not_exists: true, column: {name: email, type: "
               "text}}\n"
               "  - add_column: {table: users, if_not_exists: true, column: {name: nick, type: "
               "text}}\n"
               "  - drop_column: {table: users, name: nothere, if_exists: true}\n"
               "  - create_table: {name: users, if_not_exists: true, columns: [{name: id, type: "
               "integer}]}\n"
               "  - create_index: {name: ix_users_email, table: users, columns: [email], "
               "if_not_exists: true}\n"
               "  - drop_index: {name: ix_nothere, table: users, if_exists: true}\n"
               "  - drop_table: {name: nothere, if_exists: true}\n");
    ProcessResult script = p.run({"upgrade", "b:c", "--sql"});
    CHECK(has(script.out, "ALTER TABLE `users` ADD COLUMN IF NOT EXISTS `email`"));
    CHECK(has(script.out, "ALTER TABLE `users` DROP COLUMN IF EXISTS `nothere`"));
    CHECK(has(script.out, "CREATE TABLE IF NOT EXISTS `users`"));
    CHECK(has(script.out, "DROP INDEX IF EXISTS `ix_nothere` ON `users`"));
    ProcessResult cond = p.run({"upgrade", "head"});
    INFO(cond.out << cond.err);
    CHECK(cond.exit_code == 0);
    CHECK(p.columns() == "email\nid\nnick\n");
    CHECK(p.indexes() == "ix_users_email\n");
    CHECK(db.sql("SELECT version_num FROM migrate_version") == "c\n");
}
