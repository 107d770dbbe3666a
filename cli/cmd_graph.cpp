// `migrate graph [--format dot|mermaid] [--offline]`: the revision graph as Graphviz
// DOT or a Mermaid flowchart. When a database is configured and reachable (and not
// --offline), the applied revisions are marked from its version table; an unreachable
// database is a warning, not an error: the drawing is still useful without it.

#include <memory>

#include "cli/command.h"
#include "cli/project.h"
#include "core/base/errors.h"
#include "core/revision/graph_render.h"
#include "core/runtime/version_table.h"

namespace migrate::cli {

namespace {

struct GraphArgs {
    std::string format = "dot";
    bool offline = false;
};

// The version table's rows and what they imply; unknown rows are warned about and left out.
GraphState read_state(CommandContext& ctx, const ScriptProject& project) {
    GraphState state;
    const RevisionGraph& graph = project.script.graph();
    try {
        Database db = open_project_database(project.settings, Access::Read);
        VersionTable table(*db.dialect, project.settings.version_table());
        for (const auto& row : table.read_heads(*db.connection)) {
            if (graph.find(row))
                state.current.push_back(row);
            else
                ctx.out.warning("the version table lists '" + row +
                                "', which no revision file defines");
        }
        state.applied = graph.applied(state.current);
        state.known = true;
    } catch (const DatabaseError& e) {
        ctx.out.warning(std::string("applied revisions not shown: ") + e.what());
    }
    return state;
}

int run_graph(CommandContext& ctx, const GraphArgs& args) {
    ScriptProject project = load_script_project(ctx.global);
    GraphFormat format = args.format == "mermaid" ? GraphFormat::Mermaid : GraphFormat::Dot;
    GraphState state;
    if (!args.offline && project.settings.database_configured()) state = read_state(ctx, project);
    std::string text = render_graph(project.script.graph(), format, state);
    ctx.out.set_result({{"format", args.format},
                        {"graph", text},
                        {"database_read", state.known},
                        {"current", state.current},
                        {"applied", state.applied}});
    text.pop_back();
    ctx.out.print(text);
    return 0;
}

const CommandRegistration registration{{
    .name = "graph",
    .order = 56,
    .summary = "Draw the revision graph (Graphviz DOT or Mermaid), marking applied revisions",
    .example = "migrate graph | dot -Tsvg > revisions.svg     # or: migrate graph --format mermaid",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto args = std::make_shared<GraphArgs>();
        sub.add_option("--format", args->format,
                       "dot (Graphviz, the default) or mermaid (a Markdown block)")
            ->check(CLI::IsMember({"dot", "mermaid"}));
        sub.add_flag("--offline", args->offline, "Do not read the database: draw the graph only");
        return [&ctx, args] { return run_graph(ctx, *args); };
    },
}};

}  // namespace

}  // namespace migrate::cli
