#pragma once
// The one place where the project config and the command line meet: the options a
// user gives (-c, --url, --lock-timeout) over migrate.yaml, turned into the settings
// every engine takes (the database URL by its precedence, runner, offline script,
// autogenerate and reflect options, how to connect). Commands never read the config
// for these themselves.

#include <optional>
#include <string>

#include "core/dialect/database_url.h"
#include "core/dialect/dialect.h"
#include "core/runtime/autogenerate.h"
#include "core/runtime/config.h"
#include "core/runtime/runner.h"
#include "core/runtime/runner_offline.h"
#include "core/runtime/version_table.h"

namespace migrate {

// What the command line may override.
struct Overrides {
    std::string config_path = "migrate.yaml";
    bool config_given = false;           // -c was passed explicitly
    std::string url;                     // --url; "" = from the config
    std::optional<double> lock_timeout;  // --lock-timeout; nullopt = wait
    XArgs x_args;                        // -x KEY=VALUE: ${x.KEY} in the config
};

// Loads the config named by -c (or ./migrate.yaml); a missing file says to run
// `migrate init` or to check the path given to -c.
Config load_project_config(const Overrides& overrides, const EnvLookup& env = process_env);
// The config when there is one; without -c a missing ./migrate.yaml is no error.
std::optional<Config> load_optional_config(const Overrides& overrides,
                                           const EnvLookup& env = process_env);

class Settings {
  public:
    Settings(Overrides overrides, std::optional<Config> config)
        : overrides_(std::move(overrides)), config_(std::move(config)) {}

    const Overrides& overrides() const { return overrides_; }
    bool has_config() const { return config_.has_value(); }
    const Config& config() const;  // InternalError without one (reflect without a config)
    const Config* config_or_null() const { return config_ ? &*config_ : nullptr; }

    // --url (a relative SQLite path against the working directory), else the config's
    // `database:` (relative to the config's folder; ${DATABASE_URL} and friends are
    // expanded there). Throws InputError when neither is set, or when `database:` names
    // an unset variable and --url is absent.
    DatabaseUrl database_url() const;
    // Whether a URL is at hand: --url, or a `database:` that expanded cleanly.
    bool database_configured() const;

    VersionTableNames version_table() const;
    NamingConvention naming() const;
    // The database keeps index names per table (Capabilities::index_names_per_table):
    // the config's naming says so to everything that replays revisions.
    void set_names_per_table(bool per_table);
    // SQLite's busy timeout is the lock wait: --lock-timeout, else a day ("wait").
    ConnectOptions connect_options(bool read_only = false, bool missing_is_empty = false) const;
    RunnerOptions runner_options(const Dialect& dialect, const DatabaseUrl& url) const;
    OfflineOptions offline_options(const std::string& now) const;
    AutogenerateSettings autogenerate_settings(bool include_drift = false) const;
    ReflectOptions reflect_options() const;

  private:
    Overrides overrides_;
    std::optional<Config> config_;
};

// The config (required; `env` expands its ${VAR}s) and the overrides.
Settings load_settings(const Overrides& overrides, const EnvLookup& env = process_env);
// For the commands that work without a config (reflect with --url).
Settings load_settings_optional(const Overrides& overrides, const EnvLookup& env = process_env);

}  // namespace migrate
