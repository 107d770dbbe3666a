// core/project/settings: the database URL's precedence (--url, then `database:` with
// DATABASE_URL expanded into it), the config's options turned into each engine's, and
// the one busy timeout every connection gets.

#include "core/project/settings.h"

#include <catch2/catch.hpp>
#include <map>

#include "core/base/errors.h"
#include "dialects/registry.h"
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

Overrides overrides_for(const test::TempDir& dir, std::string url = "") {
    Overrides o;
    o.config_path = dir / "migrate.yaml";
    o.config_given = true;
    o.url = std::move(url);
    return o;
}

std::string error_of(const Settings& settings) {
    try {
        settings.database_url();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("settings: --url wins over DATABASE_URL and the config's default",
          "[project][settings]") {
    test::TempDir dir;
    dir.write("migrate.yaml", "database: ${DATABASE_URL:-sqlite:///app.db}\n");
    auto env = env_of({{"DATABASE_URL", "sqlite:///from_env.db"}});

    Settings by_flag = load_settings(overrides_for(dir, "sqlite:///flag.db"), env);
    CHECK(by_flag.database_url().path == "flag.db");  // relative to the working directory

    Settings by_env = load_settings(overrides_for(dir), env);
    CHECK(by_env.database_url().path == dir / "from_env.db");  // relative to the config

    Settings by_default = load_settings(overrides_for(dir), env_of({}));
    CHECK(by_default.database_url().path == dir / "app.db");
    CHECK(by_default.database_configured());
}

TEST_CASE("settings: no URL at all, or an unset variable, is an input error unless --url",
          "[project][settings]") {
    test::TempDir dir;
    dir.write("migrate.yaml", "models: models\n");
    Settings none = load_settings(overrides_for(dir), env_of({}));
    CHECK_FALSE(none.database_configured());
    CHECK(error_of(none) ==
          "no database: pass --url or set 'database:' in " + dir / "migrate.yaml");

    dir.write("migrate.yaml", "database: ${DATABASE_URL}\n");
    Settings unset = load_settings(overrides_for(dir), env_of({}));
    CHECK_FALSE(unset.database_configured());
    CHECK(error_of(unset).find("DATABASE_URL") != std::string::npos);
    Settings flag = load_settings(overrides_for(dir, "sqlite:///x.db"), env_of({}));
    CHECK(flag.database_configured());
    CHECK(flag.database_url().path == "x.db");
}

TEST_CASE("settings: a missing config names -c or suggests init", "[project][settings]") {
    test::TempDir dir;
    Overrides given = overrides_for(dir);
    CHECK_THROWS_WITH(load_settings(given), "config file '" + given.config_path +
                                                "' not found; check the path given to -c/--config");
    Overrides implicit = given;
    implicit.config_given = false;
    CHECK_THROWS_WITH(load_settings(implicit), Catch::Contains("run `migrate init`"));
    // reflect works without a config: --url alone.
    implicit.url = "sqlite:///r.db";
    Settings optional = load_settings_optional(implicit);
    CHECK_FALSE(optional.has_config());
    CHECK(optional.database_url().path == "r.db");
    CHECK(optional.reflect_options().hidden_tables ==
          std::vector<std::string>{"migrate_version", "migrate_version_log"});
}

TEST_CASE("settings: one busy timeout, the lock wait, for every connection",
          "[project][settings]") {
    test::TempDir dir;
    dir.write("migrate.yaml", "database: sqlite:///app.db\n");
    Overrides o = overrides_for(dir);
    ConnectOptions waiting = load_settings(o).connect_options(true, true);
    CHECK(waiting.busy_timeout_seconds == 24 * 3600);
    CHECK(waiting.read_only);
    CHECK(waiting.missing_is_empty);
    o.lock_timeout = 0.5;
    Settings bounded = load_settings(o);
    CHECK(bounded.connect_options().busy_timeout_seconds == 0.5);
    CHECK_FALSE(bounded.connect_options().read_only);
    CHECK(bounded.runner_options(*make_dialect("sqlite"), bounded.database_url()).lock_timeout ==
          0.5);
}

TEST_CASE("settings: the config's options reach every engine the same way", "[project][settings]") {
    test::TempDir dir;
    dir.write("migrate.yaml",
              "database: sqlite:///app.db\nversion_table: vt\ninclude_schemas: [public, "
              "app]\nexclude_tables: [tmp_*]\ntransaction_per_migration: false\n");
    Settings s = load_settings(overrides_for(dir));
    std::unique_ptr<Dialect> sqlite = make_dialect("sqlite");
    RunnerOptions runner = s.runner_options(*sqlite, s.database_url());
    CHECK(runner.version_table.table == "vt");
    CHECK(runner.include_schemas == std::vector<std::string>{"public", "app"});
    CHECK_FALSE(runner.transaction_per_migration);
    CHECK(runner.lock_key == migration_lock_key(*sqlite, s.database_url(), runner.version_table));
    CHECK_FALSE(runner.lock_timeout.has_value());
    OfflineOptions offline = s.offline_options("2026-01-01T00:00:00Z");
    CHECK(offline.version_table.table == "vt");
    CHECK_FALSE(offline.transaction_per_migration);
    CHECK(offline.now == "2026-01-01T00:00:00Z");
    AutogenerateSettings autogen = s.autogenerate_settings(true);
    CHECK(autogen.exclude_tables == std::vector<std::string>{"tmp_*"});
    CHECK(autogen.version_table.table == "vt");
    CHECK(autogen.include_drift);
    ReflectOptions reflect = s.reflect_options();
    CHECK(reflect.hidden_tables == std::vector<std::string>{"vt", "vt_log"});
    CHECK(reflect.include_schemas == std::vector<std::string>{"public", "app"});
}
