// `migrate downgrade TARGET [--sql]`: revert revisions down to TARGET (-N, base, a revision); with
// --sql, print the script instead of connecting (core/runtime/runner.h,
// core/runtime/runner_offline.h).

#include <memory>

#include "cli/command.h"
#include "cli/migration_project.h"

namespace migrate::cli {

namespace {

struct DowngradeArgs {
    std::string target;
    bool sql = false;
};

const CommandRegistration registration{{
    .name = "downgrade",
    .order = 61,
    .summary = "Revert revisions down to TARGET (-N, base, a revision)",
    .example = "migrate downgrade -1\n  migrate downgrade head:base --sql > downgrade.sql",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto args = std::make_shared<DowngradeArgs>();
        sub.add_option("TARGET", args->target,
                       "-N, base, REV, label@base; FROM:TO with --sql (required)")
            ->required();
        sub.add_flag("--sql", args->sql,
                     "Print the SQL script (offline mode) instead of running it");
        return [&ctx, args] {
            return run_migration_command(ctx, Direction::Downgrade, args->target, args->sql);
        };
    },
}};

}  // namespace

}  // namespace migrate::cli
