#pragma once
// The project config, migrate.yaml (SPEC.md "Config"): ${VAR} and ${VAR:-default}
// expansion (${x.KEY} from the command line's -x KEY=VALUE), paths made absolute against the
// config's folder, the naming convention (a partial override of the defaults), and every unknown
// key rejected with its line.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/schema/naming.h"

namespace migrate {

struct Config {
    std::string path;                   // absolute path of the config file
    std::string dir;                    // its folder (absolute); relative paths start here
    std::string database;               // `database:` after ${...} expansion; "" when not set
    std::string database_error;         // why `database:` could not be expanded ("" = fine);
                                        // reported only when the URL is needed and --url is absent
    std::vector<std::string> models;    // absolute files or folders
    std::vector<std::string> versions;  // absolute folders
    std::string version_table = "migrate_version";
    std::string version_table_schema;  // "" = the default schema
    NamingConvention naming;
    std::vector<std::string> include_schemas = {"public"};
    std::vector<std::string> exclude_tables;
    bool transaction_per_migration = true;
};

// Looks up an environment variable; std::nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
std::optional<std::string> process_env(const std::string& name);

// The command line's -x KEY=VALUE arguments: ${x.KEY} in the config.
using XArgs = std::map<std::string, std::string>;

// Expands ${VAR} and ${VAR:-default} (the default when VAR is unset or empty), and
// ${x.KEY} / ${x.KEY:-default} from `x`. Throws InputError naming the variable when VAR
// is unset and has no default, or the key (and the -x keys given) when KEY was not given.
std::string expand_variables(const std::string& text, const EnvLookup& env = process_env,
                             const XArgs& x = {});

// Reads and validates a config file; throws InputError with every problem found
// (file:line:column each). A missing file is an InputError that suggests `migrate init`.
Config load_config(const std::string& path, const EnvLookup& env = process_env,
                   const XArgs& x = {});

// The same from text; `path` names the file in messages and anchors relative paths.
Config parse_config(const std::string& text, const std::string& path,
                    const EnvLookup& env = process_env, const XArgs& x = {});

}  // namespace migrate
