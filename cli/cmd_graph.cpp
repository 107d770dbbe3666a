// `migrate graph [--format dot|mermaid] [--offline]`: the revision graph as Graphviz
// DOT or a Mermaid flowchart. When a database is configured and reachable (and not
// --offline), the applied revisions are marked from its version table; an unreachable
// database is a warning, not an error: the drawing is still useful without it.

#include <memory>

#include "cli/command.h"
#include "cli/project.h"
#include "cli/revision_project.h"
#include "core/base/errors.h"
#include "core/revision/graph_render.h"
#include "core/runtime/version_table.h"

namespace migrate::cli {

namespace {

struct GraphArgs {
    std::string format = "dot";
    bool offline = false;
};

bool database_configured(const GlobalOptions& global, const Config& config) {
    return !global.url.empty() || (!config.database.empty() && config.database_error.empty());
}

// The version table's rows and what they imply; unknown rows are warned about and left out.
GraphState read_state(CommandContext& ctx, const RevisionProject& project) {
    GraphState state;
    const Config& config = project.config;
    try {
        OpenDatabase db = open_database(ctx.global, &config, read_only_options());
        VersionTable table(*db.dialect,
                           VersionTableNames{config.version_table_schema, config.version_table});
        for (const auto& row : table.read_heads(*db.connection)) {
            if (project.graph.find(row))
                state.current.push_back(row);
            else
                ctx.out.warning("the version table lists '" + row +
                                "', which no revision file defines");
        }
        state.applied = project.graph.applied(state.current);
        state.known = true;
    } catch (const DatabaseError& e) {
        ctx.out.warning(std::string("applied revisions not shown: ") + e.what());
    }
    return state;
}

int run_graph(CommandContext& ctx, const GraphArgs& args) {
    RevisionProject project = load_revision_project(ctx.global);
    GraphFormat format = args.format == "mermaid" ? GraphFormat::Mermaid : GraphFormat::Dot;
    GraphState state;
    if (!args.offline && database_configured(ctx.global, project.config))
        state = read_state(ctx, project);
    std::string text = render_graph(project.graph, format, state);
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
