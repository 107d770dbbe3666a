#pragma once
// What the database commands (upgrade, downgrade, current, stamp, history
// --indicate-current) share: the settings and the script directory loaded once, the
// URL's dialect, and the runner's options with progress printed.

#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/project.h"
#include "cli/revision_output.h"
#include "core/runtime/runner.h"
#include "core/runtime/runner_offline.h"

namespace migrate::cli {

struct MigrationProject {
    Settings settings;
    ScriptDirectory script;
    Database database;  // URL and dialect; connect() when the command needs the database
};

// Settings, script directory (headers only), URL and dialect; no connection yet.
MigrationProject load_migration_project(const GlobalOptions& global);

// The project's database connected for `access` (Access::Read for current, history -i).
Connection& connect(MigrationProject& project, Access access = Access::Write);

// The version table's rows (read only): what the identifier `current` names.
std::vector<std::string> current_rows(MigrationProject& project);
// Whether an identifier or range needs the database's rows: `current`, or a step
// relative to them (+N, -N, X@+N, X@-N) at either end.
bool names_current(const std::string& identifier_or_range);

// The runner's options from the settings, its progress lines printed.
RunnerOptions runner_options(const MigrationProject& project, CommandContext& ctx);
// The offline script's options, its log rows dated by the project clock.
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
