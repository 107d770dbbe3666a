// `migrate diff [--sql] [--offline]`: prints the operations that `revision
// --autogenerate` would write (or, with --sql, their SQL for the URL's dialect) and
// writes nothing.

#include <memory>

#include "cli/autogenerate_run.h"
#include "cli/command.h"
#include "core/base/errors.h"

namespace migrate::cli {

namespace {

struct DiffArgs {
    bool sql = false;
    bool offline = false;
    bool include_drift = false;
};

int run_diff(CommandContext& ctx, const DiffArgs& a) {
    if (a.include_drift && a.offline)
        throw InputError("--include-drift needs a database (not --offline)");
    AutogenerateRun run = run_autogenerate(ctx.global, a.offline, a.include_drift);
    const AutogenerateReport& report = run.report;
    if (!report.offline && !report.at_head())
        throw InputError("cannot diff: " + report.state_message());
    if (a.sql && !run.dialect)
        throw InputError("--sql needs a dialect: set 'database:' in migrate.yaml or pass --url");
    nlohmann::json result = report_json(report);
    print_warnings(ctx.out, report);
    print_not_managed(ctx.out, report);
    print_drift(ctx.out, report);
    print_drift_policy(ctx.out, report);
    print_change_warnings(ctx.out, report.diff.changes);
    if (report.diff.empty()) {
        ctx.out.set_result(std::move(result));
        ctx.out.print("No changes detected");
        return 0;
    }
    if (a.sql) {
        auto sql = render_operations(*run.dialect, report.current, report.diff.upgrade,
                                     run.settings.config().naming);
        for (const auto& s : sql) ctx.out.print(s + ";");
        result["sql"] = sql;
    } else {
        for (const auto& op : report.diff.upgrade) ctx.out.print(describe(op));
    }
    ctx.out.set_result(std::move(result));
    return 0;
}

const CommandRegistration registration{{
    .name = "diff",
    .order = 46,
    .summary =
        "Print the operations (or --sql) that revision --autogenerate would write; writes nothing",
    .example = "migrate diff --sql       # or: migrate diff --offline",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto a = std::make_shared<DiffArgs>();
        sub.add_flag("--sql", a->sql,
                     "Print the SQL for the database URL's dialect instead of the operations");
        sub.add_flag("--offline", a->offline,
                     "Compare with the head schema replayed from the revisions; no database");
        sub.add_flag(
            "--include-drift", a->include_drift,
            "Also show operations that undo the database's drift (as revision --include-drift)");
        return [&ctx, a] { return run_diff(ctx, *a); };
    },
}};

}  // namespace

}  // namespace migrate::cli
