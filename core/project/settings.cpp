// Config + command-line overrides -> settings (core/project/settings.h).

#include "core/project/settings.h"

#include <filesystem>

#include "core/base/errors.h"

namespace migrate {

namespace {

constexpr double kWaitSeconds = 24 * 3600;  // "wait", as PostgreSQL's lock does

}  // namespace

Config load_project_config(const Overrides& overrides, const EnvLookup& env) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(overrides.config_path, ec)) {
        if (overrides.config_given)
            throw InputError("config file '" + overrides.config_path +
                             "' not found; check the path given to -c/--config");
        throw InputError(
            "no migrate.yaml in this folder; run `migrate init` to create a project, or pass "
            "-c path/to/migrate.yaml");
    }
    return load_config(overrides.config_path, env, overrides.x_args);
}

std::optional<Config> load_optional_config(const Overrides& overrides, const EnvLookup& env) {
    std::error_code ec;
    if (!overrides.config_given && !std::filesystem::exists(overrides.config_path, ec))
        return std::nullopt;
    return load_project_config(overrides, env);
}

Settings load_settings(const Overrides& overrides, const EnvLookup& env) {
    return Settings(overrides, load_project_config(overrides, env));
}

Settings load_settings_optional(const Overrides& overrides, const EnvLookup& env) {
    return Settings(overrides, load_optional_config(overrides, env));
}

const Config& Settings::config() const {
    if (!config_) throw InternalError("no project config loaded");
    return *config_;
}

DatabaseUrl Settings::database_url() const {
    if (!overrides_.url.empty()) return parse_database_url(overrides_.url, "");
    if (config_ && !config_->database_error.empty()) throw InputError(config_->database_error);
    if (!config_ || config_->database.empty())
        throw InputError("no database: pass --url or set 'database:' in " +
                         (config_ ? config_->path : std::string("migrate.yaml")));
    return parse_database_url(config_->database, config_->dir);
}

bool Settings::database_configured() const {
    return !overrides_.url.empty() ||
           (config_ && !config_->database.empty() && config_->database_error.empty());
}

VersionTableNames Settings::version_table() const {
    if (!config_) return VersionTableNames{};
    return VersionTableNames{config_->version_table_schema, config_->version_table};
}

void Settings::set_names_per_table(bool per_table) {
    if (config_) config_->naming.names_per_table = per_table;
}

NamingConvention Settings::naming() const { return config_ ? config_->naming : NamingConvention{}; }

ConnectOptions Settings::connect_options(bool read_only, bool missing_is_empty) const {
    ConnectOptions options;
    options.read_only = read_only;
    options.missing_is_empty = missing_is_empty;
    options.busy_timeout_seconds = overrides_.lock_timeout.value_or(kWaitSeconds);
    return options;
}

RunnerOptions Settings::runner_options(const Dialect& dialect, const DatabaseUrl& url) const {
    const Config& c = config();
    RunnerOptions options;
    options.version_table = version_table();
    options.naming = c.naming;
    options.include_schemas = c.include_schemas;
    options.transaction_per_migration = c.transaction_per_migration;
    options.lock_timeout = overrides_.lock_timeout;
    options.lock_key = migration_lock_key(dialect, url, options.version_table);
    return options;
}

OfflineOptions Settings::offline_options(const std::string& now) const {
    const Config& c = config();
    OfflineOptions options;
    options.version_table = version_table();
    options.naming = c.naming;
    options.transaction_per_migration = c.transaction_per_migration;
    options.now = now;
    return options;
}

AutogenerateSettings Settings::autogenerate_settings(bool include_drift) const {
    const Config& c = config();
    AutogenerateSettings s;
    s.include_schemas = c.include_schemas;
    s.exclude_tables = c.exclude_tables;
    s.version_table = version_table();
    s.naming = c.naming;
    s.include_drift = include_drift;
    return s;
}

ReflectOptions Settings::reflect_options() const {
    ReflectOptions options;
    VersionTableNames names;
    if (config_) {
        options.include_schemas = config_->include_schemas;
        options.exclude_tables = config_->exclude_tables;
        names.table = config_->version_table;
    }
    options.hidden_tables = {names.table, names.log_table()};
    return options;
}

}  // namespace migrate
