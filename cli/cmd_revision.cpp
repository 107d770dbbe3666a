// `migrate revision [-m MSG]`: writes a new, empty revision file (upgrade and downgrade
// to fill in) whose parent is the current head, or --head; prints the path written.
// With --autogenerate the operations come from comparing the models with the database
// at head (or, --offline, with the head schema replayed from the revisions).

#include <memory>

#include "cli/autogenerate_run.h"
#include "cli/command.h"
#include "cli/project.h"
#include "cli/revision_output.h"
#include "core/base/errors.h"
#include "core/project/clock.h"

namespace migrate::cli {

namespace {

struct RevisionArgs {
    std::string message;
    std::string head = "head";
    std::vector<std::string> branch_labels;
    std::vector<std::string> depends_on;
    std::string rev_id;
    bool splice = false;
    std::string version_path;
    bool autogenerate = false;
    bool offline = false;
    bool allow_empty = false;
    bool include_drift = false;
};

int write_revision(CommandContext& ctx, const RevisionArgs& a, const ScriptDirectory& script,
                   Operations upgrade, Operations downgrade, nlohmann::json extra,
                   std::vector<std::string> notes = {}) {
    NewRevision request{.rev_id = a.rev_id,
                        .parents = script.parents_for(a.head, a.splice),
                        .branch_labels = a.branch_labels,
                        .depends_on = a.depends_on,
                        .message = a.message};
    Revision r = script.make_revision(project_revision_source(), request);
    r.upgrade = std::move(upgrade);
    r.downgrade = std::move(downgrade);
    r.notes = std::move(notes);
    return write_and_report_revision(ctx, script, std::move(r), a.version_path, std::move(extra));
}

int run_autogenerate_revision(CommandContext& ctx, const RevisionArgs& a) {
    // A new project has no database yet: autogenerate compares with an empty one.
    AutogenerateRun run = run_autogenerate(ctx.global, a.offline, a.include_drift, true);
    const AutogenerateReport& report = run.report;
    if (!report.offline && !report.at_head())
        throw InputError("cannot autogenerate: " + report.state_message());
    print_warnings(ctx.out, report);
    print_not_managed(ctx.out, report);
    print_drift(ctx.out, report);
    print_drift_policy(ctx.out, report);
    print_changes(ctx.out, report.diff.changes);
    nlohmann::json result = report_json(report);
    if (report.diff.empty() && !a.allow_empty) {
        result["path"] = nullptr;
        ctx.out.set_result(std::move(result));
        ctx.out.print("No changes detected");
        return 0;
    }
    return write_revision(ctx, a, run.script, report.diff.upgrade, report.diff.downgrade,
                          std::move(result), drift_notes(report));
}

int run_revision(CommandContext& ctx, const RevisionArgs& a) {
    if (a.offline && !a.autogenerate)
        throw InputError("--offline only applies with --autogenerate");
    if (a.allow_empty && !a.autogenerate)
        throw InputError("--allow-empty only applies with --autogenerate");
    if (a.include_drift && (!a.autogenerate || a.offline))
        throw InputError(
            "--include-drift only applies with --autogenerate against a database (not --offline)");
    if (a.autogenerate) return run_autogenerate_revision(ctx, a);
    ScriptProject project = load_script_project(ctx.global);
    return write_revision(ctx, a, project.script, {}, {}, nlohmann::json::object());
}

const CommandRegistration registration{{
    .name = "revision",
    .order = 30,
    .summary = "Write a new revision file on top of the current head (empty, or --autogenerate "
               "from the models)",
    .example = "migrate revision -m \"add posts table\"   # or: --autogenerate [--offline], --head "
               "feat@head, "
               "--branch-label feat, --rev-id 0001",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto a = std::make_shared<RevisionArgs>();
        sub.add_option("-m,--message", a->message,
                       "What the revision does (also names the file); default \"empty message\"");
        sub.add_option("--head", a->head,
                       "The parent: a head, or base for a new root (default: head)");
        sub.add_option("--branch-label", a->branch_labels,
                       "A label for the branch this revision starts");
        sub.add_option("--depends-on", a->depends_on,
                       "A revision (or label) that must be applied first");
        sub.add_option("--rev-id", a->rev_id,
                       "Use this id instead of a random 12-hex one (no @ - + :)");
        sub.add_flag("--splice", a->splice,
                     "Allow --head to name a revision that is not a head (starts a branch)");
        sub.add_option("--version-path", a->version_path,
                       "Which configured versions folder to write into");
        sub.add_flag("--autogenerate", a->autogenerate,
                     "Fill the revision with the operations that turn the database (at head) into "
                     "the models");
        sub.add_flag("--offline", a->offline,
                     "With --autogenerate: compare with the head schema replayed from the "
                     "revisions; no database");
        sub.add_flag("--allow-empty", a->allow_empty,
                     "With --autogenerate: write the revision even when nothing changed");
        sub.add_flag(
            "--include-drift", a->include_drift,
            "With --autogenerate: also write operations that undo the database's drift (changes "
            "made outside revisions); the file says so at its top");
        return [&ctx, a] { return run_revision(ctx, *a); };
    },
}};

}  // namespace

}  // namespace migrate::cli
