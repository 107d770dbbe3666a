// `migrate heads [--verbose]`: the heads of the revision graph.

#include "cli/command.h"
#include "cli/project.h"
#include "cli/revision_output.h"

namespace migrate::cli {

namespace {

int run_heads(CommandContext& ctx) {
    ScriptProject project = load_script_project(ctx.global);
    const RevisionGraph& graph = project.script.graph();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& id : graph.heads()) {
        const Revision& r = graph.get(id);
        if (ctx.out.json()) list.push_back(revision_json(graph, r));
        if (ctx.global.verbose) {
            std::string entry = verbose_entry(graph, r);
            entry.pop_back();
            ctx.out.print(entry);
        } else {
            ctx.out.print(head_line(graph, r));
        }
    }
    ctx.out.set_result({{"heads", list}});
    return 0;
}

const CommandRegistration registration{{
    .name = "heads",
    .order = 51,
    .opens_database = false,
    .summary = "Show the heads of the revision graph",
    .example = "migrate heads --verbose",
    .setup = [](CLI::App&, CommandContext& ctx) -> CommandRunner {
        return [&ctx] { return run_heads(ctx); };
    },
}};

}  // namespace

}  // namespace migrate::cli
