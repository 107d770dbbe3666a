#pragma once
// Drawing the revision graph (`migrate graph`) as Graphviz DOT or as a Mermaid
// flowchart in a Markdown fence. Each node shows the id, the message, the branch labels
// declared on it and its role (head, merge point, branch point); with a database, the
// applied revisions are filled and the version table's rows marked "current". Edges run
// from parent to child; depends_on edges are dashed. Deterministic: nodes in
// topological order (oldest first), edges in the order the revisions list parents.

#include <string>
#include <vector>

#include "core/revision/revision_graph.h"

namespace migrate {

enum class GraphFormat { Dot, Mermaid };

struct GraphState {
    bool known = false;                // a database was read (otherwise nothing is marked)
    std::vector<std::string> current;  // the version table's rows
    std::vector<std::string> applied;  // RevisionGraph::applied(current)
};

std::string render_graph(const RevisionGraph& graph, GraphFormat format,
                         const GraphState& state = {});
std::string render_graph_dot(const RevisionGraph& graph, const GraphState& state = {});
std::string render_graph_mermaid(const RevisionGraph& graph, const GraphState& state = {});

}  // namespace migrate
