// Revision graph drawings (core/revision/graph_render.h). Both formats share one walk: the nodes
// with their text lines and roles, then the edges.

#include "core/revision/graph_render.h"

#include <algorithm>
#include <unordered_map>

#include "core/base/errors.h"
#include "core/base/text.h"

namespace migrate {

namespace {

struct Node {
    const Revision* revision;
    std::vector<std::string> lines;  // id, message, labels, roles
    bool head = false;
    bool applied = false;
    bool current = false;
};

struct Edge {
    std::string from, to;
    bool dependency = false;  // depends_on (dashed)
};

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<Node> nodes_of(const RevisionGraph& graph, const GraphState& state) {
    std::vector<std::string> order = graph.history("");
    std::reverse(order.begin(), order.end());
    std::vector<Node> nodes;
    for (const auto& id : order) {
        const Revision& r = graph.get(id);
        Node n{&r, {r.id}};
        if (!r.message.empty()) n.lines.push_back(r.message);
        if (!r.branch_labels.empty()) n.lines.push_back("[" + join(r.branch_labels, ", ") + "]");
        std::vector<std::string> roles;
        n.head = graph.is_head(id);
        n.applied = state.known && contains(state.applied, id);
        n.current = state.known && contains(state.current, id);
        if (n.head) roles.push_back("head");
        if (r.is_merge_point()) roles.push_back("mergepoint");
        if (graph.is_branch_point(id)) roles.push_back("branchpoint");
        if (n.current)
            roles.push_back("current");
        else if (n.applied)
            roles.push_back("applied");
        if (!roles.empty()) n.lines.push_back("(" + join(roles, ", ") + ")");
        nodes.push_back(std::move(n));
    }
    return nodes;
}

// depends_on may name a label or a prefix: resolved through the graph when it can be.
std::string dependency_id(const RevisionGraph& graph, const std::string& dep) {
    if (graph.find(dep)) return dep;
    try {
        return graph.resolve_one(dep).id;
    } catch (const Error&) {
        return "";
    }
}

std::vector<Edge> edges_of(const RevisionGraph& graph, const std::vector<Node>& nodes) {
    std::vector<Edge> edges;
    for (const auto& n : nodes) {
        for (const auto& parent : n.revision->down_revisions)
            edges.push_back({parent, n.revision->id, false});
        for (const auto& dep : n.revision->depends_on) {
            std::string id = dependency_id(graph, dep);
            if (!id.empty()) edges.push_back({id, n.revision->id, true});
        }
    }
    return edges;
}

std::string dot_quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    return out + "\"";
}

// Mermaid labels: quotes and angle brackets as entity codes, so any message is safe.
std::string mermaid_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '"')
            out += "#quot;";
        else if (c == '<')
            out += "#lt;";
        else if (c == '>')
            out += "#gt;";
        else if (c == '#')
            out += "#35;";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string render_graph_dot(const RevisionGraph& graph, const GraphState& state) {
    std::vector<Node> nodes = nodes_of(graph, state);
    std::string out = "digraph revisions {\n";
    out += "  rankdir=TB;\n";
    out +=
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\", "
        "fontname=\"Helvetica\"];\n";
    out += "  edge [arrowhead=vee];\n";
    for (const auto& n : nodes) {
        std::string attrs = "label=" + dot_quoted(join(n.lines, "\n"));
        if (n.head) attrs += ", penwidth=2";
        if (n.revision->is_merge_point()) attrs += ", shape=box3d";
        if (n.applied) attrs += ", fillcolor=\"#c8e6c9\"";
        if (n.current) attrs += ", color=\"#2e7d32\"";
        out += "  " + dot_quoted(n.revision->id) + " [" + attrs + "];\n";
    }
    for (const auto& e : edges_of(graph, nodes))
        out += "  " + dot_quoted(e.from) + " -> " + dot_quoted(e.to) +
               (e.dependency ? " [style=dashed]" : "") + ";\n";
    return out + "}\n";
}

std::string render_graph_mermaid(const RevisionGraph& graph, const GraphState& state) {
    std::vector<Node> nodes = nodes_of(graph, state);
    std::unordered_map<std::string, std::string> key;  // revision id -> r0, r1, ...
    for (size_t i = 0; i < nodes.size(); ++i) key[nodes[i].revision->id] = "r" + std::to_string(i);
    std::string out = "```mermaid\nflowchart TD\n";
    std::vector<std::string> heads, applied, current;
    for (const auto& n : nodes) {
        std::vector<std::string> lines;
        for (const auto& l : n.lines) lines.push_back(mermaid_text(l));
        const std::string& k = key[n.revision->id];
        out += "  " + k + "[\"" + join(lines, "<br/>") + "\"]\n";
        if (n.head) heads.push_back(k);
        if (n.applied) applied.push_back(k);
        if (n.current) current.push_back(k);
    }
    for (const auto& e : edges_of(graph, nodes))
        out += "  " + key[e.from] + (e.dependency ? " -.-> " : " --> ") + key[e.to] + "\n";
    out += "  classDef head stroke-width:3px\n";
    out += "  classDef applied fill:#c8e6c9\n";
    out += "  classDef current stroke:#2e7d32\n";
    if (!heads.empty()) out += "  class " + join(heads, ",") + " head\n";
    if (!applied.empty()) out += "  class " + join(applied, ",") + " applied\n";
    if (!current.empty()) out += "  class " + join(current, ",") + " current\n";
    return out + "```\n";
}

std::string render_graph(const RevisionGraph& graph, GraphFormat format, const GraphState& state) {
    return format == GraphFormat::Dot ? render_graph_dot(graph, state)
                                      : render_graph_mermaid(graph, state);
}

}  // namespace migrate
