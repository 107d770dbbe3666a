// `migrate merge REVS... -m MSG`: writes a merge revision whose parents are the given
// revisions (typically `heads`), joining branches back into one head.

#include <algorithm>
#include <memory>

#include "cli/command.h"
#include "cli/revision_project.h"
#include "core/base/errors.h"

namespace migrate::cli {

namespace {

struct MergeArgs {
    std::vector<std::string> revisions;
    std::string message;
    std::vector<std::string> branch_labels;
    std::string rev_id;
};

std::vector<std::string> merge_parents(const RevisionGraph& graph, const std::vector<std::string>& identifiers) {
    std::vector<std::string> parents;
    for (const auto& ident : identifiers) {
        Target t = graph.resolve(ident);
        if (t.is_base()) throw InputError("cannot merge '" + ident + "': it names base, not a revision");
        for (const auto& id : t.revisions)
            if (std::find(parents.begin(), parents.end(), id) == parents.end()) parents.push_back(id);
    }
    if (parents.size() < 2)
        throw InputError("a merge needs at least two revisions; " +
                         (parents.empty() ? std::string("none given") : "only '" + parents.front() + "' given") +
                         " (the graph has " + std::to_string(graph.heads().size()) + " head(s))");
    for (const auto& a : parents)
        for (const auto& b : parents)
            if (a != b && graph.is_ancestor(a, b))
                throw InputError("cannot merge '" + a + "' with '" + b + "': '" + a + "' is already an ancestor of '" + b + "'");
    return parents;
}

int run_merge(CommandContext& ctx, const MergeArgs& a) {
    RevisionProject project = load_revision_project(ctx.global);
    RevisionSource source = cli_revision_source();
    Revision r;
    r.id = a.rev_id.empty() ? source.new_id() : a.rev_id;
    r.down_revisions = merge_parents(project.graph, a.revisions);
    r.branch_labels = a.branch_labels;
    r.message = a.message;
    r.create_date = source.now();
    return write_and_report_revision(ctx, project, std::move(r), "");
}

const CommandRegistration registration{{
    .name = "merge",
    .order = 54,
    .summary = "Write a merge revision joining several heads",
    .example = "migrate merge heads -m \"merge feature branches\"",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto a = std::make_shared<MergeArgs>();
        sub.add_option("REVS", a->revisions, "The revisions to join (e.g. heads, or two ids)")->required();
        sub.add_option("-m,--message", a->message, "What the merge is for")->required();
        sub.add_option("--branch-label", a->branch_labels, "A label for the merged branch");
        sub.add_option("--rev-id", a->rev_id, "Use this id instead of a random 12-hex one");
        return [&ctx, a] { return run_merge(ctx, *a); };
    },
}};

}  // namespace

}  // namespace migrate::cli
