// `migrate heads [--verbose] [--resolve-dependencies]`: the heads of the revision graph;
// with --resolve-dependencies, without the heads another revision depends on (Alembic's
// "effective heads": the rows `upgrade heads` leaves).

#include <memory>

#include "cli/command.h"
#include "cli/project.h"
#include "cli/revision_output.h"

namespace migrate::cli {

namespace {

int run_heads(CommandContext& ctx, bool resolve_dependencies) {
    ScriptProject project = load_script_project(ctx.global);
    const RevisionGraph& graph = project.script.graph();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& id : resolve_dependencies ? graph.real_heads() : graph.heads()) {
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
    .example = "migrate heads --verbose\n  migrate heads --resolve-dependencies",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto resolve = std::make_shared<bool>(false);
        sub.add_flag("--resolve-dependencies", *resolve,
                     "Leave out heads that another revision depends on (depends_on)");
        return [&ctx, resolve] { return run_heads(ctx, *resolve); };
    },
}};

}  // namespace

}  // namespace migrate::cli
