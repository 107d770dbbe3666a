#pragma once
// What every command needs from the project: the config named by -c (or
// ./migrate.yaml), the database URL by SPEC precedence, the models, and an open
// database through the dialect registry. Commands stay thin by calling these.

#include <memory>

#include "cli/command.h"
#include "core/runtime/config.h"
#include "core/dialect/database_url.h"
#include "core/dialect/dialect.h"
#include "core/schema/schema.h"

namespace migrate::cli {

// Loads the config; a missing file says to run `migrate init` or pass -c.
Config load_project_config(const GlobalOptions& global);

// --url (relative SQLite paths against the working directory), else the config's
// `database:` (relative to the config's folder). Throws InputError when neither is set.
DatabaseUrl resolve_database_url(const GlobalOptions& global, const Config* config);

// The models named by the config, loaded with its naming convention.
Schema load_project_models(const Config& config);

struct OpenDatabase {
    DatabaseUrl url;
    std::unique_ptr<Dialect> dialect;
    std::unique_ptr<Connection> connection;
};

// Resolves the URL and connects through make_dialect(url.dialect).
OpenDatabase open_database(const GlobalOptions& global, const Config* config,
                           const ConnectOptions& options);

// The options of a command that only reads the database (ConnectOptions::read_only).
ConnectOptions read_only_options(bool missing_is_empty = false);

}  // namespace migrate::cli
