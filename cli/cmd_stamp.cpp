// `migrate stamp TARGET... [--purge] [--sql]`: set the version table to TARGET (or to
// several targets at once, one per branch) without running migrations (adopting an
// existing database, or repairing the table).

#include <memory>

#include "cli/command.h"
#include "cli/migration_project.h"

namespace migrate::cli {

namespace {

struct StampArgs {
    std::vector<std::string> targets;
    bool purge = false;
    bool sql = false;
};

int run_stamp(CommandContext& ctx, const StampArgs& args) {
    MigrationProject project = load_migration_project(ctx.global);
    if (args.sql) {
        print_offline_script(
            ctx, offline_stamp(*project.database.dialect, project.script.revisions(), args.targets,
                               args.purge, offline_options(project)));
        return 0;
    }
    Connection& connection = connect(project);
    Runner runner(*project.database.dialect, connection, project.script.revisions(),
                  runner_options(project, ctx));
    StampResult result = runner.stamp(args.targets, args.purge);
    ctx.out.progress("Stamped " + (result.heads_after.empty() ? std::string("base") : [&] {
                         std::string s;
                         for (const auto& h : result.heads_after) s += (s.empty() ? "" : ", ") + h;
                         return s;
                     }()));
    ctx.out.set_result({{"heads_before", ids_json(result.heads_before)},
                        {"heads_after", ids_json(result.heads_after)}});
    return 0;
}

const CommandRegistration registration{{
    .name = "stamp",
    .order = 63,
    .summary = "Set the version table to TARGET without running migrations",
    .example = "migrate stamp head --purge\n  migrate stamp feat@head billing@head",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto args = std::make_shared<StampArgs>();
        sub.add_option("TARGET", args->targets,
                       "head, heads, a revision, base, X@base; several at once (one per branch); "
                       "FROM:TO with --sql")
            ->required();
        sub.add_flag("--purge", args->purge,
                     "Empty the version table first (also rows no revision file defines)");
        sub.add_flag("--sql", args->sql,
                     "Print the SQL script (offline mode) instead of running it");
        return [&ctx, args] { return run_stamp(ctx, *args); };
    },
}};

}  // namespace

}  // namespace migrate::cli
