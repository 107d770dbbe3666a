#pragma once
// Small revision graphs shared by the graph and plan tests (revision_graph_test.cpp,
// revision_plan_test.cpp).

#include <functional>
#include <string>
#include <vector>

#include "core/base/errors.h"
#include "core/revision/revision_graph.h"

namespace migrate::test_graphs {

inline Revision rev(std::string id, std::vector<std::string> down = {},
                    std::vector<std::string> labels = {}, std::vector<std::string> depends = {}) {
    Revision r;
    r.id = std::move(id);
    r.down_revisions = std::move(down);
    r.branch_labels = std::move(labels);
    r.depends_on = std::move(depends);
    r.message = "rev " + r.id;
    r.path = "versions/" + r.id + ".yaml";
    return r;
}

// a <- b <- c <- d
inline std::vector<Revision> linear() {
    return {rev("a"), rev("b", {"a"}), rev("c", {"b"}), rev("d", {"c"})};
}

// a <- b <- c1 <- d1 (label feat on c1)
//        \<- c2
inline std::vector<Revision> branched() {
    return {rev("a"), rev("b", {"a"}), rev("c1", {"b"}, {"feat"}), rev("d1", {"c1"}),
            rev("c2", {"b"})};
}

// branched + m merging d1 and c2, then n
inline std::vector<Revision> merged() {
    auto g = branched();
    g.push_back(rev("m", {"d1", "c2"}));
    g.push_back(rev("n", {"m"}));
    return g;
}

// two independent chains: x1 <- x2 (label xs), y1 <- y2 (label ys)
inline std::vector<Revision> multibase() {
    return {rev("x1", {}, {"xs"}), rev("x2", {"x1"}), rev("y1", {}, {"ys"}), rev("y2", {"y1"})};
}

// a <- b ; z <- z2 which depends on b
inline std::vector<Revision> depends() {
    return {rev("a"), rev("b", {"a"}), rev("z"), rev("z2", {"z"}, {}, {"b"})};
}

using Ids = std::vector<std::string>;

inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const RevisionError& e) {
        return e.what();
    }
    return "<no error>";
}

}  // namespace migrate::test_graphs
