// Project helpers shared by the commands (cli/project.h).

#include "cli/project.h"

#include <filesystem>

#include "core/base/errors.h"
#include "core/model/model_loader.h"
#include "dialects/registry.h"

namespace migrate::cli {

Config load_project_config(const GlobalOptions& global) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(global.config_path, ec)) {
        if (global.config_given)
            throw InputError("config file '" + global.config_path +
                             "' not found; check the path given to -c/--config");
        throw InputError(
            "no migrate.yaml in this folder; run `migrate init` to create a project, or pass "
            "-c path/to/migrate.yaml");
    }
    return load_config(global.config_path);
}

DatabaseUrl resolve_database_url(const GlobalOptions& global, const Config* config) {
    if (!global.url.empty()) return parse_database_url(global.url, "");
    if (config && !config->database_error.empty()) throw InputError(config->database_error);
    if (!config || config->database.empty())
        throw InputError("no database: pass --url or set 'database:' in " +
                         (config ? config->path : std::string("migrate.yaml")));
    return parse_database_url(config->database, config->dir);
}

Schema load_project_models(const Config& config) {
    return load_models(config.models, config.naming);
}

OpenDatabase open_database(const GlobalOptions& global, const Config* config,
                           const ConnectOptions& options) {
    OpenDatabase db;
    db.url = resolve_database_url(global, config);
    db.dialect = make_dialect(db.url.dialect);
    db.connection = db.dialect->connect(db.url, options);
    return db;
}

ConnectOptions read_only_options(bool missing_is_empty) {
    ConnectOptions options;
    options.read_only = true;
    options.missing_is_empty = missing_is_empty;
    return options;
}

}  // namespace migrate::cli
