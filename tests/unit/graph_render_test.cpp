// Revision graph drawings from in-memory graphs: dependency edges, escaping of any
// message in both formats, applied and current marks, and a stable order.

#include "core/revision/graph_render.h"

#include <catch2/catch.hpp>

using namespace migrate;

namespace {

Revision rev(const std::string& id, std::vector<std::string> parents, const std::string& message,
             std::vector<std::string> depends_on = {}) {
    Revision r;
    r.id = id;
    r.down_revisions = std::move(parents);
    r.message = message;
    r.depends_on = std::move(depends_on);
    return r;
}

RevisionGraph sample() {
    return RevisionGraph({rev("a1", {}, "base \\ \"quoted\"\nsecond line"),
                          rev("b2", {"a1"}, "<b> & #1"), rev("c3", {}, "other root", {"b2"})});
}

}  // namespace

TEST_CASE("DOT escapes messages and draws depends_on dashed", "[graph_render]") {
    std::string dot = render_graph_dot(sample());
    CHECK_THAT(dot, Catch::Contains(
                        "  \"a1\" [label=\"a1\\nbase \\\\ \\\"quoted\\\"\\nsecond line\"];\n"));
    CHECK_THAT(dot, Catch::Contains("  \"a1\" -> \"b2\";\n"));
    CHECK_THAT(dot, Catch::Contains("  \"b2\" -> \"c3\" [style=dashed];\n"));
    CHECK_THAT(dot, Catch::Contains("[label=\"b2\\n<b> & #1\\n(head)\", penwidth=2]"));
    CHECK(dot == render_graph(sample(), GraphFormat::Dot));
}

TEST_CASE("Mermaid labels hold no raw quotes, brackets or newlines", "[graph_render]") {
    std::string mermaid = render_graph_mermaid(sample());
    CHECK_THAT(mermaid, Catch::Contains("[\"a1<br/>base \\ #quot;quoted#quot; second line\"]"));
    CHECK_THAT(mermaid, Catch::Contains("[\"b2<br/>#lt;b#gt; & #35;1<br/>(head)\"]"));
    CHECK_THAT(mermaid, Catch::Contains(" -.-> "));
    CHECK_THAT(mermaid, Catch::StartsWith("```mermaid\nflowchart TD\n"));
    CHECK_THAT(mermaid, Catch::EndsWith("```\n"));
}

TEST_CASE("applied and current marks only when the database was read", "[graph_render]") {
    GraphState state;
    state.current = {"a1"};
    state.applied = {"a1"};
    CHECK(render_graph_dot(sample(), state) == render_graph_dot(sample()));  // known = false
    state.known = true;
    std::string dot = render_graph_dot(sample(), state);
    CHECK_THAT(dot, Catch::Contains(
                        "second line\\n(current)\", fillcolor=\"#c8e6c9\", color=\"#2e7d32\"]"));
    std::string mermaid = render_graph_mermaid(sample(), state);
    CHECK_THAT(mermaid, Catch::Contains("  class r0 applied\n  class r0 current\n"));
}
