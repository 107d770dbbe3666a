// `migrate upgrade TARGET [--sql]`: apply revisions up to TARGET (head, heads, +N, a revision,
// label@head); with --sql, print the script instead of connecting (core/runtime/runner.h,
// core/runtime/runner_offline.h).

#include <memory>

#include "cli/command.h"
#include "cli/migration_project.h"

namespace migrate::cli {

namespace {

struct UpgradeArgs {
    std::string target;
    bool sql = false;
};

const CommandRegistration registration{{
    .name = "upgrade",
    .order = 60,
    .summary = "Apply revisions up to TARGET (head, heads, +N, a revision, label@head)",
    .example = "migrate upgrade head\n  migrate upgrade base:head --sql > upgrade.sql",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto args = std::make_shared<UpgradeArgs>();
        sub.add_option("TARGET", args->target,
                       "head, heads, +N, REV, label@head; FROM:TO with --sql")
            ->required();
        sub.add_flag("--sql", args->sql,
                     "Print the SQL script (offline mode) instead of running it");
        return [&ctx, args] {
            return run_migration_command(ctx, Direction::Upgrade, args->target, args->sql);
        };
    },
}};

}  // namespace

}  // namespace migrate::cli
