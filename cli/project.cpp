// The command line's way into core/project (cli/project.h).

#include "cli/project.h"

#include "core/base/errors.h"
#include "dialects/registry.h"

namespace migrate::cli {

Overrides overrides_of(const GlobalOptions& global) {
    return Overrides{global.config_path, global.config_given, global.url, global.lock_timeout,
                     global.x_args};
}

namespace {

// Whether the configured database keeps index and constraint names per table (MySQL);
// false without a usable database URL (the files alone are checked as for any database).
bool names_per_table(const Settings& settings) {
    if (!settings.database_configured()) return false;
    try {
        return project_database(settings).dialect->capabilities().index_names_per_table;
    } catch (const InputError&) {
        return false;  // a bad URL is reported by the commands that open the database
    }
}

}  // namespace

// The config's naming says how the database scopes index names: the model check and
// every replay of revisions follow it.
Settings project_settings(const GlobalOptions& global) {
    Settings settings = load_settings(overrides_of(global));
    settings.set_names_per_table(names_per_table(settings));
    return settings;
}

Database project_database(const Settings& settings) {
    return database_of(settings, [](const std::string& name) { return make_dialect(name); });
}

Database open_project_database(const Settings& settings, Access access) {
    Database db = project_database(settings);
    db.connect(settings, access);
    return db;
}

ScriptProject load_script_project(const GlobalOptions& global, LoadMode mode) {
    Settings settings = project_settings(global);
    ScriptDirectory script = ScriptDirectory::load(settings.config(), mode);
    return ScriptProject{std::move(settings), std::move(script)};
}

}  // namespace migrate::cli
