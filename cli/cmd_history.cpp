// `migrate history [-r A:B] [--verbose]`: the revisions, newest first, one
// Alembic-style line each ("8c0d2e -> 3f2a9c (head), add posts table").

#include <memory>

#include "cli/command.h"
#include "cli/revision_project.h"

namespace migrate::cli {

namespace {

int run_history(CommandContext& ctx, const std::string& range) {
    RevisionProject project = load_revision_project(ctx.global);
    const RevisionGraph& graph = project.graph;
    nlohmann::json list = nlohmann::json::array();
    bool first = true;
    for (const auto& id : graph.history(range)) {
        const Revision& r = graph.get(id);
        if (ctx.out.json()) list.push_back(revision_json(graph, r));
        if (ctx.global.verbose) {
            if (!first) ctx.out.print("");
            std::string entry = verbose_entry(graph, r);
            entry.pop_back();
            ctx.out.print(entry);
        } else {
            ctx.out.print(history_line(graph, r));
        }
        first = false;
    }
    ctx.out.set_result({{"revisions", list}});
    return 0;
}

const CommandRegistration registration{{
    .name = "history",
    .order = 50,
    .summary = "List revisions, newest first",
    .example = "migrate history -r base:head-2 --verbose",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto range = std::make_shared<std::string>();
        sub.add_option("-r,--rev-range", *range, "A range A:B (either side optional): base:head, 3f2a:, :head-1");
        return [&ctx, range] { return run_history(ctx, *range); };
    },
}};

}  // namespace

}  // namespace migrate::cli
