#pragma once
// The command line's way into core/project: the global options as overrides of the
// config, the settings loaded from them, the script directory, and the database opened
// through the dialect registry. Commands call these and print.

#include "cli/command.h"
#include "core/project/database.h"
#include "core/project/script_directory.h"
#include "core/project/settings.h"

namespace migrate::cli {

Overrides overrides_of(const GlobalOptions& global);

// The config (-c, or ./migrate.yaml) and the command line's overrides.
Settings project_settings(const GlobalOptions& global);

// The settings' URL and its dialect (dialects/registry); no connection yet.
Database project_database(const Settings& settings);
// The same, connected for `access`.
Database open_project_database(const Settings& settings, Access access);

// The settings and the script directory (revision files and graph), loaded once.
struct ScriptProject {
    Settings settings;
    ScriptDirectory script;
};
ScriptProject load_script_project(const GlobalOptions& global, LoadMode mode = LoadMode::Headers);

}  // namespace migrate::cli
