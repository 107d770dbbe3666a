// migrate.yaml: defaults, expansion, paths, every key, and rejected input.

#include "core/runtime/config.h"

#include <catch2/catch.hpp>
#include <map>

#include "core/base/errors.h"
#include "tests/support/temp_dir.h"

using namespace migrate;

namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
    return [vars](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

std::string error_of(const std::string& text, const EnvLookup& env = env_of({})) {
    try {
        parse_config(text, "/p/migrate.yaml", env);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("config defaults and relative paths", "[config]") {
    Config c = parse_config("", "/proj/migrate.yaml", env_of({}));
    CHECK(c.path == "/proj/migrate.yaml");
    CHECK(c.dir == "/proj");
    CHECK(c.database.empty());
    CHECK(c.models == std::vector<std::string>{"/proj/models"});
    CHECK(c.versions == std::vector<std::string>{"/proj/migrations/versions"});
    CHECK(c.version_table == "migrate_version");
    CHECK(c.version_table_schema.empty());
    CHECK(c.naming == NamingConvention{});
    CHECK(c.include_schemas == std::vector<std::string>{"public"});
    CHECK(c.exclude_tables.empty());
    CHECK(c.transaction_per_migration);
}

TEST_CASE("every key of the config", "[config]") {
    Config c = parse_config(R"(
database: ${DATABASE_URL:-sqlite:///app.db}
models: [models/core, ../shared/models.yaml]
versions: db/versions
version_table: schema_version
version_table_schema: meta
naming_convention:
  ix: "%(table)s_%(column_0_name)s_idx"
include_schemas: [public, audit]
exclude_tables: [spatial_ref_sys, "tmp_*"]
transaction_per_migration: false
)",
                            "/proj/app/migrate.yaml", env_of({}));
    CHECK(c.database == "sqlite:///app.db");
    CHECK(c.models ==
          std::vector<std::string>{"/proj/app/models/core", "/proj/shared/models.yaml"});
    CHECK(c.versions == std::vector<std::string>{"/proj/app/db/versions"});
    CHECK(c.version_table == "schema_version");
    CHECK(c.version_table_schema == "meta");
    CHECK(c.naming.ix == "%(table)s_%(column_0_name)s_idx");
    CHECK(c.naming.uq == NamingConvention{}.uq);  // a partial override keeps the other defaults
    CHECK(c.include_schemas == std::vector<std::string>{"public", "audit"});
    CHECK(c.exclude_tables == std::vector<std::string>{"spatial_ref_sys", "tmp_*"});
    CHECK_FALSE(c.transaction_per_migration);
}

TEST_CASE("variables expand with and without defaults", "[config]") {
    auto env = env_of({{"DB", "postgresql://u:p@h/db"}, {"EMPTY", ""}, {"DIR", "m"}});
    CHECK(expand_variables("${DB}", env) == "postgresql://u:p@h/db");
    CHECK(expand_variables("${MISSING:-sqlite://}", env) == "sqlite://");
    CHECK(expand_variables("${EMPTY:-fallback}", env) == "fallback");
    CHECK(expand_variables("a/${DIR}/b/${DIR}", env) == "a/m/b/m");
    CHECK(expand_variables("no variables, $HOME stays", env) == "no variables, $HOME stays");
    CHECK_THROWS_WITH(expand_variables("${MISSING}", env),
                      Catch::Contains("environment variable MISSING is not set"));
    CHECK_THROWS_WITH(expand_variables("${DB", env), Catch::Contains("without a closing '}'"));
    Config c = parse_config("models: ${DIR}\n", "/p/migrate.yaml", env);
    CHECK(c.models == std::vector<std::string>{"/p/m"});
}

TEST_CASE("${x.KEY} comes from -x, never from the environment", "[config]") {
    auto env = env_of({{"x.tenant", "from-env"}, {"tenant", "from-env"}});
    XArgs x = {{"tenant", "acme"}, {"empty", ""}};
    CHECK(expand_variables("db_${x.tenant}", env, x) == "db_acme");
    CHECK(expand_variables("${x.region:-eu}/${x.empty:-none}", env, x) == "eu/none");
    CHECK_THROWS_WITH(expand_variables("${x.region}", env, x),
                      "${x.region} needs `-x region=VALUE` on the command line (-x keys given: "
                      "empty, tenant)");
    CHECK_THROWS_WITH(expand_variables("${x.tenant}", env),
                      Catch::Contains("(-x keys given: none)"));
    Config c = parse_config("version_table: v_${x.tenant}\n", "/p/migrate.yaml", env, x);
    CHECK(c.version_table == "v_acme");
    CHECK_THROWS_WITH(parse_config("\nmodels: ${x.models}\n", "/p/migrate.yaml", env, x),
                      Catch::Contains("/p/migrate.yaml:2:9: ${x.models} needs"));
}

TEST_CASE("an unset database variable is an error only when the URL is needed", "[config]") {
    Config c = parse_config("database: ${NOPE}\n", "/p/migrate.yaml", env_of({}));
    CHECK(c.database.empty());
    CHECK_THAT(c.database_error,
               Catch::Contains("/p/migrate.yaml:1:11: environment variable NOPE is not set"));
}

TEST_CASE("bad configs are rejected with file, line and column", "[config]") {
    struct Case {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"databse: sqlite://\n",
         "/p/migrate.yaml:1:1: unknown key 'databse' in the config (did you mean 'database'?)"},
        {"models: a\nversion_tabel: x\n",
         "/p/migrate.yaml:2:1: unknown key 'version_tabel' in the config (did you mean "
         "'version_table'?)"},
        {"naming_convention:\n  idx: x\n",
         "/p/migrate.yaml:2:3: unknown key 'idx' in 'naming_convention' (did you mean 'ix'?)"},
        {"naming_convention:\n  ix: \"ix_%(tabel)s\"\n",
         "/p/migrate.yaml:2:7: unknown token '%(tabel)s' in naming_convention.ix (did you mean "
         "'table'?)"},
        {"transaction_per_migration: sometimes\n",
         "/p/migrate.yaml:1:28: 'transaction_per_migration' of the config must be true or false"},
        {"models: {a: b}\n", "/p/migrate.yaml:1:9: 'models' of the config must be a list"},
        {"models: ${UNSET_DIR}\n",
         "/p/migrate.yaml:1:9: environment variable UNSET_DIR is not set"},
        {"database: [\n", "/p/migrate.yaml:2:1: invalid YAML"},
        {"- just\n- a list\n", "/p/migrate.yaml:1:1: the config must be a mapping"},
        {"version_table: \"\"\n", "/p/migrate.yaml:1:16: 'version_table' cannot be empty"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK_THAT(error_of(c.text), Catch::Contains(c.message));
    }
}

TEST_CASE("load_config reads a file and explains a missing one", "[config]") {
    migrate::test::TempDir dir;
    dir.write("migrate.yaml", "database: sqlite:///app.db\nmodels: schema\n");
    Config c = load_config(dir / "migrate.yaml", env_of({}));
    CHECK(c.database == "sqlite:///app.db");
    CHECK(c.dir == dir.path());
    CHECK(c.models == std::vector<std::string>{dir / "schema"});
    CHECK_THROWS_WITH(load_config(dir / "nope.yaml"), Catch::Contains("run `migrate init`"));
}
