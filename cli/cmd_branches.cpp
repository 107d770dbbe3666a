// `migrate branches`: each branch point and the revisions it branches into.

#include "cli/command.h"
#include "cli/project.h"
#include "cli/revision_output.h"

namespace migrate::cli {

namespace {

int run_branches(CommandContext& ctx) {
    ScriptProject project = load_script_project(ctx.global);
    const RevisionGraph& graph = project.script.graph();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& id : graph.branch_points()) {
        const Revision& r = graph.get(id);
        nlohmann::json entry = revision_json(graph, r);
        entry["children"] = graph.children(id);
        list.push_back(entry);
        ctx.out.print(history_line(graph, r));
        for (const auto& child : graph.children(id)) {
            const Revision& c = graph.get(child);
            ctx.out.print(std::string(r.id.size() + 1, ' ') + "-> " + head_line(graph, c) + ", " +
                          c.message);
        }
    }
    ctx.out.set_result({{"branch_points", list}});
    return 0;
}

const CommandRegistration registration{{
    .name = "branches",
    .order = 52,
    .opens_database = false,
    .summary = "Show the branch points of the revision graph",
    .example = "migrate branches --json",
    .setup = [](CLI::App&, CommandContext& ctx) -> CommandRunner {
        return [&ctx] { return run_branches(ctx); };
    },
}};

}  // namespace

}  // namespace migrate::cli
