// `migrate merge REVS... -m MSG [--splice]`: writes a merge revision whose parents are the
// given revisions (typically `heads`), joining branches back into one head. Each must be
// a head, as in Alembic, unless --splice.

#include <memory>

#include "cli/command.h"
#include "cli/project.h"
#include "cli/revision_output.h"
#include "core/project/clock.h"

namespace migrate::cli {

namespace {

struct MergeArgs {
    std::vector<std::string> revisions;
    std::string message;
    std::vector<std::string> branch_labels;
    std::string rev_id;
    bool splice = false;
};

int run_merge(CommandContext& ctx, const MergeArgs& a) {
    ScriptProject project = load_script_project(ctx.global);
    const ScriptDirectory& script = project.script;
    NewRevision request{.rev_id = a.rev_id,
                        .parents = script.merge_parents(a.revisions, a.splice),
                        .branch_labels = a.branch_labels,
                        .message = a.message};
    Revision r = script.make_revision(project_revision_source(), request);
    return write_and_report_revision(ctx, script, std::move(r), "");
}

const CommandRegistration registration{{
    .name = "merge",
    .order = 54,
    .opens_database = false,
    .summary = "Write a merge revision joining several heads",
    .example = "migrate merge heads -m \"merge feature branches\"",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto a = std::make_shared<MergeArgs>();
        sub.add_option("REVS", a->revisions, "The revisions to join (e.g. heads, or two ids)")
            ->required();
        sub.add_option("-m,--message", a->message,
                       "What the merge is for; default \"empty message\"");
        sub.add_option("--branch-label", a->branch_labels, "A label for the merged branch");
        sub.add_option("--rev-id", a->rev_id, "Use this id instead of a random 12-hex one");
        sub.add_flag("--splice", a->splice,
                     "Allow revisions that are not heads (the merge starts a new branch)");
        return [&ctx, a] { return run_merge(ctx, *a); };
    },
}};

}  // namespace

}  // namespace migrate::cli
