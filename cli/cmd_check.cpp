// `migrate check [--offline]`: for CI. Exit 0 and "No changes detected" when the models
// and the database at head agree; exit 1 naming each change, the drift (the database vs
// what its applied revisions imply), or a database behind head. --offline compares the
// models with the head schema replayed from the revisions: no database at all.

#include <memory>

#include "cli/autogenerate_run.h"
#include "cli/command.h"

namespace migrate::cli {

namespace {

int run_check(CommandContext& ctx, bool offline) {
    AutogenerateRun run = run_autogenerate(ctx.global, offline);
    const AutogenerateReport& report = run.report;
    ctx.out.set_result(report_json(report));
    print_warnings(ctx.out, report);
    print_not_managed(ctx.out, report);
    if (!report.offline && !report.at_head()) {
        ctx.out.print("FAILED: " + report.state_message());
        return 1;
    }
    print_changes(ctx.out, report.diff.changes);
    print_drift(ctx.out, report);
    print_unmerged_heads(ctx.out, report);
    bool heads_ok = report.unmerged_heads.empty();
    if (report.diff.empty() && !report.has_drift()) {
        if (!heads_ok) return 1;
        ctx.out.print("No changes detected");
        return 0;
    }
    if (!report.diff.empty())
        ctx.out.print(
            "FAILED: " + std::to_string(report.diff.changes.size()) +
            " change(s) not in any revision: run `migrate revision --autogenerate -m MSG`");
    if (report.has_drift())
        ctx.out.print("FAILED: the database has drifted from its revisions (" +
                      std::to_string(report.drift->changes.size()) +
                      " difference(s)): autogenerate leaves drift out of revisions; put it in "
                      "the models and a revision written by hand, exclude its tables, or undo "
                      "it in the database");
    return 1;
}

const CommandRegistration registration{{
    .name = "check",
    .order = 45,
    .summary =
        "For CI: exit 1 if the models differ from the database at head (or the database drifted)",
    .example = "migrate check            # or: migrate check --offline (no database: models vs the "
               "revisions)",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto offline = std::make_shared<bool>(false);
        sub.add_flag("--offline", *offline,
                     "Compare the models with the head schema replayed from the revisions");
        return [&ctx, offline] { return run_check(ctx, *offline); };
    },
}};

}  // namespace

}  // namespace migrate::cli
