// A failed migration on a database without transactional DDL, through the built binary
// (MariaDB, for every such dialect: the list below): a revision of nine operations of
// every kind (tables, a column, an index, a foreign key, a rename, an execute with a
// reverse, one without, a column) made to fail at each index in turn, by a failing
// `execute` put there. Up to the execute without a reverse, the error ends "rolled back;
// the database stays at a" (exit 3) and schema, version table and log are as before;
// after it, the revision stays "partially applied: 8 of 10 operations": `current`,
// `check` and `history` say so, `downgrade -1` refuses with the reason, and once the
// file is fixed `upgrade head` resumes it at operation 9.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

const std::vector<std::string> kOps = {
    "  - create_table: {name: users, columns: [{name: id, type: integer, primary_key: true}, "
    "{name: name, type: string(50)}]}\n",
    "  - create_table: {name: posts, columns: [{name: id, type: integer, primary_key: true}, "
    "{name: user_id, type: integer}]}\n",
    "  - add_column: {table: users, column: {name: email, type: string(100)}}\n",
    "  - create_index: {name: ix_users_email, table: users, columns: [email]}\n",
    "  - create_foreign_key: {name: fk_posts_user, table: posts, columns: [user_id], "
    "references_table: users, references_columns: [id]}\n",
    "  - rename_table: {name: posts, new_name: articles}\n",
    "  - execute: {sql: \"CREATE VIEW user_names AS SELECT name FROM users\", reverse: \"DROP "
    "VIEW user_names\", effect: []}\n",
    "  - execute: \"UPDATE users SET name = 'x'\"\n",
    "  - add_column: {table: articles, column: {name: title, type: string(100)}}\n",
};
const std::string kFailing = "  - execute: \"INSERT INTO no_such_table VALUES (1)\"\n";

// A database of a dialect without transactional DDL, and how to read it.
struct NonTxDatabase {
    std::string url;
    std::function<std::string(const std::string&)> sql;
    // Tables, views, columns and indexes of the database, one per line.
    std::string schema() const {
        return sql(
            "SELECT CONCAT(TABLE_TYPE, ' ', TABLE_NAME) FROM information_schema.TABLES WHERE "
            "TABLE_SCHEMA = DATABASE() ORDER BY 1;"
            "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE, ' ', IS_NULLABLE) FROM "
            "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1;"
            "SELECT CONCAT(TABLE_NAME, ' ', INDEX_NAME, ' ', COLUMN_NAME) FROM "
            "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1;"
            "SELECT CONCAT(TABLE_NAME, ' ', CONSTRAINT_NAME, ' ', CONSTRAINT_TYPE) FROM "
            "information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1;");
    }
    std::string versions() const {
        return sql(
            "SELECT version_num FROM migrate_version ORDER BY 1;"
            "SELECT CONCAT(revision, ' ', direction, ' ', checksum) FROM "
            "migrate_version_log ORDER BY id;");
    }
};

struct Project {
    TempDir dir;
    explicit Project(const NonTxDatabase& db) : db_(db) {
        std::filesystem::create_directories(dir.path() + "/migrations/versions");
        std::filesystem::create_directories(dir.path() + "/models");
        write("migrate.yaml",
              "database: ${DATABASE_URL}\nmodels: models\nversions: migrations/versions\n");
        write("migrations/versions/a_x.yaml",
              "revision: \"a\"\ndown_revision: null\nmessage: accounts\nupgrade:\n  - "
              "create_table: {name: accounts, columns: [{name: id, type: integer, primary_key: "
              "true}]}\ndowngrade:\n  - drop_table: {name: accounts}\n");
    }
    void write(const std::string& rel, const std::string& text) {
        std::ofstream(dir.path() + "/" + rel) << text;
    }
    void revision_b(const std::string& upgrade) {
        write("migrations/versions/b_x.yaml",
              "revision: \"b\"\ndown_revision: \"a\"\nmessage: nine operations\nupgrade:\n" +
                  upgrade +
                  "downgrade:\n  - drop_table: {name: articles}\n  - drop_table: "
                  "{name: users}\n");
    }
    ProcessResult run(const std::vector<std::string>& args) {
        return run_migrate(args, dir.path(), {{"DATABASE_URL", db_.url}});
    }
    const NonTxDatabase& db_;
};

std::string ops_with_failure_at(size_t k) {
    std::string out;
    for (size_t i = 0; i < kOps.size(); ++i) out += (i + 1 == k ? kFailing : "") + kOps[i];
    return out;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void failure_at_every_index(const std::function<NonTxDatabase()>& fresh) {
    for (size_t k = 1; k <= kOps.size(); ++k) {
        DYNAMIC_SECTION("failure at upgrade operation " << k) {
            NonTxDatabase db = fresh();
            Project p(db);
            REQUIRE(p.run({"upgrade", "a"}).exit_code == 0);
            std::string schema = db.schema(), versions = db.versions();
            p.revision_b(ops_with_failure_at(k));
            ProcessResult r = p.run({"upgrade", "head"});
            INFO("stdout: " << r.out << "\nstderr: " << r.err);
            CHECK(r.exit_code == 3);
            CHECK(has(r.err, "b_x.yaml, upgrade operation " + std::to_string(k) +
                                 " (execute SQL: INSERT INTO no_such_table VALUES (1)) failed"));
            if (k < kOps.size()) {
                CHECK(has(r.err, "The migration was rolled back; the database stays at a."));
                CHECK(db.schema() == schema);
                CHECK(db.versions() == versions);
                continue;
            }
            CHECK(has(r.err,
                      "The migration could not be rolled back: undoing upgrade operation "
                      "8 (execute SQL: UPDATE users SET name = 'x') is not possible"));
            CHECK(has(r.err,
                      "Revision b is partially applied: 8 of 10 operations; the database "
                      "stays at a with it."));
            CHECK(db.sql("SELECT version_num FROM migrate_version") == "a\n");
            CHECK(has(db.versions(), "b partial upgrade 8/10"));

            ProcessResult current = p.run({"current"});
            CHECK(current.exit_code == 0);
            CHECK(has(current.out, "b (partially applied: 8 of 10 upgrade operations)"));
            CHECK(has(current.err,
                      "`migrate upgrade b` (or any target beyond it) resumes at "
                      "operation 9 of 10"));
            CHECK(p.run({"current", "--check-heads"}).exit_code == 1);
            ProcessResult check = p.run({"check"});
            CHECK(check.exit_code == 1);
            CHECK(has(check.out, "revision b is partially applied: 8 of 10 operations"));
            CHECK(has(p.run({"history", "--indicate-current"}).out,
                      "(partially applied: 8 of 10 upgrade operations)"));

            std::string partial_schema = db.schema();
            ProcessResult down = p.run({"downgrade", "-1"});
            CHECK(down.exit_code == 3);
            CHECK(has(down.err, "is not possible automatically"));
            CHECK(db.schema() == partial_schema);

            p.revision_b(ops_with_failure_at(0));  // the cause fixed: operation 9 is the column
            ProcessResult resumed = p.run({"upgrade", "head"});
            INFO("resumed: " << resumed.out << resumed.err);
            CHECK(resumed.exit_code == 0);
            CHECK(db.sql("SELECT version_num FROM migrate_version") == "b\n");
            CHECK(has(db.schema(), "articles.title varchar(100)"));
            CHECK_FALSE(has(db.versions(), "partial"));
            CHECK(p.run({"current", "--check-heads"}).exit_code == 0);
        }
    }
}

}  // namespace

// Every dialect without transactional DDL that the e2e tier can reach: MariaDB.
TEST_CASE("no transactional DDL: a failure at every operation is undone (mysql)",
          "[e2e][nontx][mysql]") {
    MIGRATE_REQUIRE_MYSQL(server);
    std::vector<std::unique_ptr<MysqlTestDatabase>> keep;
    failure_at_every_index([&] {
        keep.push_back(std::make_unique<MysqlTestDatabase>(server));
        const MysqlTestDatabase& d = *keep.back();
        return NonTxDatabase{d.url(), [&d](const std::string& s) { return d.sql(s); }};
    });
}
