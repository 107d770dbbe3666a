// `migrate models` run as a user runs it: the SPEC blog model, broken models, exit
// codes, stdout/stderr, --json; and docs/model.schema.json against the fixtures.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& relative) {
    return source_dir() + "/tests/fixtures/models/" + relative;
}

// A project whose models/ holds the given fixture files.
void make_project(const TempDir& dir, const std::vector<std::string>& fixtures) {
    dir.write("migrate.yaml", "database: sqlite:///app.db\nmodels: models\n");
    for (const auto& f : fixtures)
        dir.write("models/" + fs::path(f).filename().string(), read_file(fixture(f)));
}

std::vector<std::string> files_in(const std::string& folder) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(fixture(folder)))
        files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("models prints the SPEC blog model with generated names", "[e2e][models]") {
    TempDir dir;
    make_project(dir, {"good/blog.yaml"});
    auto r = run_migrate({"models"}, dir.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Catch::StartsWith("table post_tags\n"));
    CHECK_THAT(r.out, Catch::Contains("  foreign key fk_posts_user_id_users (user_id) references "
                                      "users (id) on delete cascade\n"));
    CHECK_THAT(r.out, Catch::Contains("  unique index ix_users_email (email)\n"));
    CHECK_THAT(r.out, Catch::Contains("  balance numeric(12,2) not null default 0\n"));
    CHECK_THAT(r.out, Catch::EndsWith("4 table(s), 0 enum(s) from 1 model file(s): OK\n"));
    auto quiet = run_migrate({"models", "-q"}, dir.path());
    CHECK_THAT(quiet.out, !Catch::Contains("OK"));
}

TEST_CASE("models --json gives the schema as data", "[e2e][models]") {
    TempDir dir;
    make_project(dir, {"good/blog.yaml", "good/everything.yaml"});
    auto r = run_migrate({"models", "--json"}, dir.path());
    REQUIRE(r.exit_code == 0);
    auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["schema_version"] == 1);
    CHECK(doc["ok"] == true);
    CHECK(doc["result"]["tables"].size() == 7);
    CHECK(doc["result"]["enums"].size() == 2);
    CHECK(doc["result"]["files"].size() == 2);
    nlohmann::json users;
    for (const auto& t : doc["result"]["tables"])
        if (t["name"] == "users") users = t;
    CHECK(users["primary_key"]["name"] == "pk_users");
    CHECK(users["unique_constraints"][0]["name"] == "uq_users_username");
}

TEST_CASE("broken models: every error with file:line:column, exit 2", "[e2e][models]") {
    TempDir dir;
    make_project(dir, {"invalid_semantics/misspelt_type.yaml",
                       "invalid_semantics/unknown_reference.yaml", "bad/unknown_key.yaml"});
    auto r = run_migrate({"models"}, dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(
        r.err,
        Catch::Contains(
            "models/misspelt_type.yaml:4:26: unknown type 'interger' (did you mean 'integer'?)"));
    CHECK_THAT(
        r.err,
        Catch::Contains(
            "models/misspelt_type.yaml:5:29: unknown type 'strng(50)' (did you mean 'string'?)"));
    CHECK_THAT(r.err, Catch::Contains("models/unknown_key.yaml:4:54: unknown key 'nullabel' in "
                                      "column 'id' of table 'users' (did you mean 'nullable'?)"));
    CHECK_THAT(r.err, Catch::Contains(
                          "models/unknown_reference.yaml:5:52: foreign key 'fk_posts_user_id_user' "
                          "of table 'posts' references table 'user', which no model declares"));
    CHECK_THAT(r.err, Catch::Contains("models/unknown_reference.yaml:6:28: column 'mood' of table "
                                      "'posts' uses enum 'mood', which no model declares"));
    CHECK_THAT(r.err, Catch::Contains(
                          "models/unknown_key.yaml:2:11: table 'users' is declared twice: in "
                          "models/misspelt_type.yaml:2:11 and in models/unknown_key.yaml:2:11"));
    CHECK_THAT(r.err, Catch::StartsWith("error: "));
}

TEST_CASE("broken models --json: diagnostics as data", "[e2e][models]") {
    TempDir dir;
    make_project(dir, {"invalid_semantics/nullable_pk.yaml"});
    auto r = run_migrate({"models", "--json"}, dir.path());
    CHECK(r.exit_code == 2);
    auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["ok"] == false);
    CHECK(doc["error"]["kind"] == "input");
    auto diags = doc["error"]["details"]["diagnostics"];
    REQUIRE(diags.size() == 2);
    CHECK(diags[0]["file"] == "models/nullable_pk.yaml");
    CHECK(diags[0]["line"] == 4);
    CHECK(diags[0]["column"] == 64);
    CHECK(diags[0]["message"] == "primary key column 'id' cannot be nullable");
    CHECK(diags[1]["line"] == 5);
    CHECK(diags[1]["message"] == "column 'id' is declared twice in table 't'");
}

TEST_CASE("models finds the config with -c from anywhere, and explains a missing one",
          "[e2e][models]") {
    TempDir dir;
    make_project(dir, {"good/blog.yaml"});
    auto elsewhere = run_migrate({"-c", dir / "migrate.yaml", "models"}, "/");
    CHECK(elsewhere.exit_code == 0);
    CHECK_THAT(elsewhere.out, Catch::Contains("table users"));
    TempDir empty;
    auto missing = run_migrate({"models"}, empty.path());
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::Contains("run `migrate init`"));
    auto wrong_c = run_migrate({"models", "-c", "nope.yaml"}, empty.path());
    CHECK(wrong_c.exit_code == 2);
    CHECK_THAT(wrong_c.err, Catch::Contains("config file 'nope.yaml' not found"));
}

TEST_CASE("models honours ${VAR:-default} and rejects unknown config keys", "[e2e][models]") {
    TempDir dir;
    dir.write("migrate.yaml", "models: ${MODEL_DIR:-schema}\n");
    dir.write("schema/a.yaml", read_file(fixture("good/composite.json")));
    dir.write("other/b.json", read_file(fixture("good/blog.yaml")));
    CHECK_THAT(run_migrate({"models"}, dir.path()).out, Catch::Contains("table accounts"));
    auto with_env = run_migrate({"models"}, dir.path(), {{"MODEL_DIR", "other"}});
    CHECK_THAT(with_env.out, Catch::Contains("table post_tags"));
    dir.write("migrate.yaml", "modles: schema\n");
    auto bad = run_migrate({"models"}, dir.path());
    CHECK(bad.exit_code == 2);
    CHECK_THAT(
        bad.err,
        Catch::Contains(
            "migrate.yaml:1:1: unknown key 'modles' in the config (did you mean 'models'?)"));
}

TEST_CASE("docs/model.schema.json accepts every good model and rejects the bad ones",
          "[e2e][models][schema]") {
    const std::string schema = source_dir() + "/docs/model.schema.json";
    const std::string script = source_dir() + "/tests/fixtures/validate_model_schema.py";
    std::vector<std::string> argv = {"/usr/bin/python3", script, schema};
    for (const auto& f : files_in("good")) argv.push_back(f);
    auto good = run_process(argv);
    INFO(good.out << good.err);
    CHECK(good.exit_code == 0);
    CHECK(good.out.find("invalid") == std::string::npos);
    for (const auto& f : files_in("bad")) {
        INFO(f);
        auto r = run_process({"/usr/bin/python3", script, schema, f});
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.out, Catch::StartsWith("invalid "));
        TempDir dir;
        dir.write("migrate.yaml", "models: " + f + "\n");
        CHECK(run_migrate({"models"}, dir.path()).exit_code == 2);  // the loader rejects it too
    }
}
