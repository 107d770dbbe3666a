// `revision --autogenerate`, `check` and `diff` as a user runs them: output lines, exit
// codes, --json, files written (or not), the database-at-head rule, not-managed
// objects, offline runs with no database reachable, and byte-identical revision files.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/e2e/autogen_project.h"
#include "tests/e2e/autogen_scenarios.h"

using namespace migrate::test;

namespace {

const std::string kUnreachable = "postgresql://app:secret@127.0.0.1:1/app";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("revision --autogenerate on an empty database writes the first revision",
          "[e2e][autogen]") {
    AutogenProject p("sqlite");
    p.write_models(model(users() + posts()));
    auto r = p.expect({"revision", "--autogenerate", "-m", "first", "--rev-id", "0001"});
    CHECK(r.out ==
          "Detected added table 'posts'\n"
          "Detected added table 'users'\n"
          "Generating migrations/versions/0001_first.yaml ... done\n");
    CHECK(p.dir().read("migrations/versions/0001_first.yaml") ==
          "revision: \"0001\"\n"
          "down_revision: null\n"
          "branch_labels: []\n"
          "depends_on: []\n"
          "message: first\n"
          "create_date: 2026-11-18T11:06:40Z\n"
          "upgrade:\n"
          "  - create_table:\n"
          "      name: posts\n"
          "      columns:\n"
          "        - {name: id, type: integer, primary_key: true}\n"
          "        - {name: user_id, type: integer}\n"
          "        - {name: title, type: string(200)}\n"
          "  - create_table:\n"
          "      name: users\n"
          "      columns:\n"
          "        - {name: id, type: integer, primary_key: true}\n"
          "        - {name: email, type: string(100), nullable: false}\n"
          "        - {name: name, type: string(50)}\n"
          "downgrade:\n"
          "  - drop_table:\n"
          "      name: users\n"
          "      existing:\n"
          "        name: users\n"
          "        columns:\n"
          "          - {name: id, type: integer, primary_key: true}\n"
          "          - {name: email, type: string(100), nullable: false}\n"
          "          - {name: name, type: string(50)}\n"
          "  - drop_table:\n"
          "      name: posts\n"
          "      existing:\n"
          "        name: posts\n"
          "        columns:\n"
          "          - {name: id, type: integer, primary_key: true}\n"
          "          - {name: user_id, type: integer}\n"
          "          - {name: title, type: string(200)}\n");
}

TEST_CASE("no change: nothing written unless --allow-empty", "[e2e][autogen]") {
    AutogenProject p("sqlite");
    p.write_models("tables: []\n");
    auto r = p.expect({"revision", "--autogenerate", "-m", "nothing"});
    CHECK(r.out == "No changes detected\n");
    CHECK(list_files(p.dir() / "migrations/versions").empty());
    auto json = nlohmann::json::parse(
        p.expect({"revision", "--autogenerate", "-m", "nothing", "--json"}).out);
    CHECK(json["result"]["path"].is_null());
    CHECK(json["result"]["changes"].empty());
    p.expect({"revision", "--autogenerate", "-m", "empty", "--allow-empty", "--rev-id", "0001"});
    CHECK(list_files(p.dir() / "migrations/versions") ==
          std::vector<std::string>{"0001_empty.yaml"});
    CHECK(contains(p.dir().read("migrations/versions/0001_empty.yaml"),
                   "upgrade: []\ndowngrade: []\n"));
}

TEST_CASE("autogenerate needs the database at head", "[e2e][autogen]") {
    AutogenProject p("sqlite");
    p.write_models(model(users()));
    p.expect({"revision", "--autogenerate", "-m", "first", "--rev-id", "0001"});
    auto r = p.expect({"revision", "--autogenerate", "-m", "second"}, 2);
    CHECK(contains(r.err, "behind head"));
    CHECK(contains(r.err, "migrate upgrade head"));
    p.exec("VACUUM");  // an empty database (check and diff do not create one)
    auto check = p.expect({"check"}, 1);
    CHECK(contains(check.out, "the database is behind head (at base, head 0001)"));
    auto diff = p.expect({"diff"}, 2);
    CHECK(contains(diff.err, "migrate upgrade head"));
    CHECK(list_files(p.dir() / "migrations/versions").size() == 1);
}

TEST_CASE("check: a database with tables but no version table is not under version control",
          "[e2e][autogen]") {
    AutogenProject p("sqlite");
    p.write_models(model(users()));
    p.exec(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, name "
        "VARCHAR(50))");
    auto r = p.expect({"check"}, 1);
    CHECK(contains(r.out, "not under version control"));
    CHECK(contains(r.out, "stamp"));
    auto json = nlohmann::json::parse(p.expect({"check", "--json"}, 1).out);
    CHECK(json["result"]["database_state"] == "unversioned");
}

TEST_CASE("objects the models cannot express are listed as not managed, never dropped",
          "[e2e][autogen]") {
    AutogenProject p("sqlite", "", "exclude_tables: [legacy_*]\n");
    p.write_models("tables: []\n");
    p.exec(
        "CREATE TABLE legacy_orders (id INTEGER PRIMARY KEY); CREATE VIEW v_orders AS SELECT id "
        "FROM legacy_orders");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"diff"}, {"revision", "--autogenerate", "-m", "x"}}) {
        auto r = p.expect(args);
        CHECK(contains(r.out, "Not managed (never dropped): excluded table 'legacy_orders'\n"));
        CHECK(contains(r.out, "Not managed (never dropped): view 'v_orders'\n"));
        CHECK(contains(r.out, "No changes detected"));
    }
    auto json = nlohmann::json::parse(p.expect({"diff", "--json"}).out);
    CHECK(json["result"]["not_managed"].size() == 2);
    CHECK(p.scalar(
              "SELECT count(*) FROM sqlite_schema WHERE name IN ('legacy_orders', 'v_orders')") ==
          "2");
}

TEST_CASE("diff prints the operations or the SQL and writes nothing", "[e2e][autogen]") {
    AutogenProject p("sqlite");
    p.write_models(model(users("", "    indexes:\n      - {columns: [name]}\n")));
    p.exec("VACUUM");  // an empty database (diff does not create one)
    auto ops = p.expect({"diff"});
    CHECK(ops.out == "create table 'users'\ncreate index 'ix_users_name' on 'users'\n");
    auto sql = p.expect({"diff", "--sql"});
    CHECK(contains(sql.out, "CREATE TABLE \"users\""));
    CHECK(contains(sql.out, "CREATE INDEX \"ix_users_name\" ON \"users\""));
    auto json = nlohmann::json::parse(p.expect({"diff", "--json"}).out);
    CHECK(json["result"]["upgrade"].size() == 2);
    CHECK(json["result"]["upgrade"][0]["operation"] == "create_table");
    CHECK(list_files(p.dir() / "migrations/versions").empty());
    CHECK(p.scalar("SELECT count(*) FROM sqlite_schema") == "0");
}

TEST_CASE("check --offline and diff --offline need no database", "[e2e][autogen]") {
    TempDir dir;
    dir.write("migrate.yaml",
              "database: " + kUnreachable + "\nmodels: models\nversions: migrations/versions\n");
    dir.write("models/models.yaml", model(users()));
    const EnvVars clock = {{"SOURCE_DATE_EPOCH", "1795000000"}};
    auto first =
        run_migrate({"revision", "--autogenerate", "--offline", "-m", "first", "--rev-id", "0001"},
                    dir.path(), clock);
    REQUIRE(first.exit_code == 0);
    auto clean = run_migrate({"check", "--offline"}, dir.path());
    CHECK(clean.exit_code == 0);
    CHECK(clean.out == "No changes detected\n");
    dir.write("models/models.yaml", model(users("      - {name: age, type: integer}\n") + posts()));
    auto missing = run_migrate({"check", "--offline"}, dir.path());
    CHECK(missing.exit_code == 1);
    CHECK(contains(missing.out, "Detected added table 'posts'\n"));
    CHECK(contains(missing.out, "Detected added column 'users.age'\n"));
    CHECK(contains(missing.out, "FAILED: 2 change(s) not in any revision"));
    auto sql = run_migrate({"diff", "--offline", "--sql"}, dir.path());
    CHECK(sql.exit_code == 0);
    CHECK(contains(sql.out, "GENERATED BY DEFAULT AS IDENTITY"));  // the URL's dialect: PostgreSQL
    auto online = run_migrate({"check"}, dir.path());
    CHECK(online.exit_code == 3);  // the online check does need the database
    CHECK(!contains(online.err + online.out, "secret"));
}

TEST_CASE("the same inputs give byte-identical revision files", "[e2e][autogen]") {
    std::string files[2];
    for (auto& text : files) {
        AutogenProject p("sqlite");
        p.write_models(model(
            users("      - {name: mood, type: enum(mood)}\n",
                  "    indexes:\n      - {columns: [name]}\n    checks:\n      - {expression: id > "
                  "0}\n") +
                posts("",
                      "    foreign_keys:\n      - {columns: [user_id], references_table: users, "
                      "references_columns: [id], on_delete: cascade}\n"),
            "enums:\n  - {name: mood, values: [happy, sad]}\n"));
        p.expect({"revision", "--autogenerate", "--offline", "-m", "all", "--rev-id", "0001"});
        text = p.dir().read("migrations/versions/0001_all.yaml");
    }
    CHECK(files[0] == files[1]);
    CHECK(contains(files[0], "create_date: 2026-11-18T11:06:40Z\n"));
}

TEST_CASE("destructive changes are flagged with a warning", "[e2e][autogen]") {
    TempDir dir;
    dir.write("migrate.yaml", "models: models\nversions: migrations/versions\n");
    dir.write("models/models.yaml", model(users("      - {name: age, type: integer}\n") + posts()));
    REQUIRE(
        run_migrate({"revision", "--autogenerate", "--offline", "-m", "a"}, dir.path()).exit_code ==
        0);
    dir.write("models/models.yaml", model(users()));
    auto r = run_migrate({"diff", "--offline"}, dir.path());
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "warning: drops column 'users.age' and its data"));
    CHECK(contains(r.err, "warning: drops table 'posts' and all its rows"));
    CHECK(contains(r.out, "drop table 'posts'\ndrop column 'users.age'\n"));
}

TEST_CASE("check --json lists the changes; a changed applied revision is warned about",
          "[e2e][autogen]") {
    AutogenProject p("sqlite");
    p.write_models(model(users()));
    p.expect({"revision", "--autogenerate", "-m", "a", "--rev-id", "0001"});
    p.expect({"upgrade", "head"});
    p.write_models(
        model(users("      - {name: full_name, type: string(100), nullable: false, server_default: "
                    "\"''\"}\n")));
    auto doc = nlohmann::json::parse(p.expect({"check", "--json"}, 1).out);
    CHECK(doc["exit_code"] == 1);
    REQUIRE(doc["result"]["changes"].size() == 1);
    CHECK(doc["result"]["changes"][0]["description"] == "added column 'users.full_name'");
    CHECK(doc["result"]["database_state"] == "at_head");
    CHECK(doc["result"]["drift"].empty());
    p.write_models(model(users()));
    // Edit the applied revision: its checksum no longer matches the log.
    std::string text = p.dir().read("migrations/versions/0001_a.yaml");
    text.replace(text.find("string(50)"), 10, "string(60)");
    p.dir().write("migrations/versions/0001_a.yaml", text);
    auto warned = p.run({"check"});
    CHECK(contains(warned.err, "has changed since it was applied"));
}

TEST_CASE("change lines use Alembic's words", "[e2e][autogen]") {
    TempDir dir;
    dir.write("migrate.yaml",
              "database: sqlite:///app.db\nmodels: models\nversions: migrations/versions\n");
    dir.write(
        "models/models.yaml",
        model(
            "  - name: users\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
            "      - {name: full_name, type: string(100), nullable: false}\n"));
    REQUIRE(
        run_migrate({"revision", "--autogenerate", "--offline", "-m", "a"}, dir.path()).exit_code ==
        0);
    dir.write(
        "models/models.yaml",
        model(
            "  - name: users\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
            "      - {name: full_name, type: string(100)}\n"));
    auto r = run_migrate({"check", "--offline"}, dir.path());
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "Detected NULL on column 'users.full_name'\n"));
}

TEST_CASE("diff --sql shows a SQLite table rebuild in full", "[e2e][autogen]") {
    AutogenProject p("sqlite");
    p.write_models(model(users()));
    p.expect({"revision", "--autogenerate", "-m", "a", "--rev-id", "0001"});
    p.expect({"upgrade", "head"});
    p.write_models(model(
        "  - name: users\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
        "      - {name: email, type: string(100), nullable: false}\n"
        "      - {name: name, type: string(50), nullable: false}\n"));
    auto r = p.expect({"diff", "--sql"});
    CHECK(
        contains(r.out, "INSERT INTO \"_migrate_tmp_users\" (\"id\", \"email\", \"name\") SELECT"));
    CHECK(contains(r.out, "DROP TABLE \"users\";\n"));
    CHECK(contains(r.err,
                   "warning: NOT NULL on column 'users.name' fails if existing rows hold NULL"));
    CHECK(p.expect({"diff"}).out == "alter column 'users.name': not null\n");
}
