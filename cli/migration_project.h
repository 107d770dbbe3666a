#pragma once
// What the database commands (upgrade, downgrade, current, stamp, history
// --indicate-current) share: the revision project (config + graph from headers), the
// URL's dialect, a connection whose SQLite busy timeout honours --lock-timeout, and
// the runner's options from the config.

#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/revision_project.h"
#include "core/dialect/database_url.h"
#include "core/dialect/dialect.h"
#include "core/revision/revision_loader.h"
#include "core/runtime/runner.h"
#include "core/runtime/runner_offline.h"

namespace migrate::cli {

struct MigrationProject {
    RevisionProject project;
    DatabaseUrl url;
    std::unique_ptr<Dialect> dialect;
    std::unique_ptr<RevisionLoader> revisions;  // full revisions on demand
};

// Config, graph (headers only), URL and dialect; no connection yet.
MigrationProject load_migration_project(const GlobalOptions& global);

// `read_only` for the commands that only read (current, history -i): see ConnectOptions.
std::unique_ptr<Connection> connect(const MigrationProject& project, const GlobalOptions& global,
                                    bool read_only = false);

VersionTableNames version_table_names(const Config& config);
RunnerOptions runner_options(const MigrationProject& project, CommandContext& ctx);
OfflineOptions offline_options(const MigrationProject& project);

// Prints an offline script on stdout (text) or as {"sql": ...} (JSON), its warnings on stderr.
void print_offline_script(CommandContext& ctx, const OfflineScript& script);

// upgrade/downgrade TARGET [--sql]: runs the migrations (progress lines, checksum
// warnings before an upgrade) or prints the offline script.
int run_migration_command(CommandContext& ctx, Direction direction, const std::string& target,
                          bool sql);

// JSON for a list of revision ids.
nlohmann::json ids_json(const std::vector<std::string>& ids);

}  // namespace migrate::cli
