// Upgrade and downgrade plans of the revision graph, in memory, with their
// version-table changes, and plan errors. Table-driven; the graphs are in
// revision_graph_fixtures.h.

#include <catch2/catch.hpp>

#include "core/revision/revision_graph.h"
#include "tests/unit/revision_graph_fixtures.h"

using namespace migrate;
using namespace migrate::test_graphs;

namespace {

// "rev:upgrade[change; change]" for each step, for compact table rows.
std::vector<std::string> describe(const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& s : plan.steps) {
        std::string line = s.revision->id + ":" + to_string(s.direction) + "[";
        for (size_t i = 0; i < s.version_changes.size(); ++i)
            line += (i ? "; " : "") + s.version_changes[i].to_string();
        out.push_back(line + "]");
    }
    return out;
}

}  // namespace

TEST_CASE("upgrade plans with their version-table changes", "[graph][plan]") {
    struct Case {
        int n;
        std::vector<Revision> graph;
        Ids current;
        std::string target;
        std::vector<std::string> steps;
        Ids heads_after;
    };
    std::vector<Case> cases = {
        {1,
         linear(),
         {},
         "head",
         {"a:upgrade[insert a]", "b:upgrade[update a -> b]", "c:upgrade[update b -> c]",
          "d:upgrade[update c -> d]"},
         {"d"}},
        {2, linear(), {"b"}, "+1", {"c:upgrade[update b -> c]"}, {"c"}},
        {3, linear(), {"d"}, "head", {}, {"d"}},
        {4, linear(), {"c"}, "b", {}, {"c"}},
        {5,
         branched(),
         {},
         "heads",
         {"a:upgrade[insert a]", "b:upgrade[update a -> b]", "c2:upgrade[update b -> c2]",
          "c1:upgrade[insert c1]", "d1:upgrade[update c1 -> d1]"},
         {"c2", "d1"}},
        {6, branched(), {"d1"}, "c2", {"c2:upgrade[insert c2]"}, {"c2", "d1"}},
        {7,
         merged(),
         {"d1", "c2"},
         "head",
         {"m:upgrade[delete d1; update c2 -> m]", "n:upgrade[update m -> n]"},
         {"n"}},
        {8,
         merged(),
         {"d1"},
         "m",
         {"c2:upgrade[insert c2]", "m:upgrade[delete d1; update c2 -> m]"},
         {"m"}},
        {9,
         multibase(),
         {"x2"},
         "ys@head",
         {"y1:upgrade[insert y1]", "y2:upgrade[update y1 -> y2]"},
         {"x2", "y2"}},
        {10,
         depends(),
         {},
         "z2",
         {"a:upgrade[insert a]", "b:upgrade[update a -> b]", "z:upgrade[insert z]",
          "z2:upgrade[delete z; update b -> z2]"},
         {"z2"}},
        {11,
         depends(),
         {"b"},
         "heads",
         {"z:upgrade[insert z]", "z2:upgrade[delete z; update b -> z2]"},
         {"z2"}},
        {12,
         branched(),
         {"b"},
         "feat@head",
         {"c1:upgrade[update b -> c1]", "d1:upgrade[update c1 -> d1]"},
         {"d1"}},
    };
    for (const auto& c : cases) {
        INFO("case " << c.n << ": upgrade " << c.target);
        RevisionGraph g(c.graph);
        Plan plan = g.plan_upgrade(c.current, c.target);
        CHECK(describe(plan) == c.steps);
        CHECK(plan.heads_after == c.heads_after);
    }
}

TEST_CASE("downgrade plans with their version-table changes", "[graph][plan]") {
    struct Case {
        int n;
        std::vector<Revision> graph;
        Ids current;
        std::string target;
        std::vector<std::string> steps;
        Ids heads_after;
    };
    std::vector<Case> cases = {
        {1,
         linear(),
         {"d"},
         "base",
         {"d:downgrade[update d -> c]", "c:downgrade[update c -> b]", "b:downgrade[update b -> a]",
          "a:downgrade[delete a]"},
         {}},
        {2, linear(), {"d"}, "-1", {"d:downgrade[update d -> c]"}, {"c"}},
        {3,
         linear(),
         {"d"},
         "b",
         {"d:downgrade[update d -> c]", "c:downgrade[update c -> b]"},
         {"b"}},
        {4, branched(), {"d1", "c2"}, "c1", {"d1:downgrade[update d1 -> c1]"}, {"c2", "c1"}},
        {5,
         branched(),
         {"d1", "c2"},
         "b",
         {"d1:downgrade[update d1 -> c1]", "c1:downgrade[delete c1]",
          "c2:downgrade[update c2 -> b]"},
         {"b"}},
        {6,
         branched(),
         {"d1", "c2"},
         "feat@base",
         {"d1:downgrade[update d1 -> c1]", "c1:downgrade[delete c1]"},
         {"c2"}},
        // downgrading a merge point only as far as asked
        {7,
         merged(),
         {"n"},
         "d1",
         {"n:downgrade[update n -> m]", "m:downgrade[insert d1; update m -> c2]"},
         {"d1", "c2"}},
        {8,
         merged(),
         {"n"},
         "m-1",
         {"n:downgrade[update n -> m]", "m:downgrade[insert d1; update m -> c2]"},
         {"d1", "c2"}},
        {9,
         merged(),
         {"n"},
         "c1",
         {"n:downgrade[update n -> m]", "m:downgrade[insert d1; update m -> c2]",
          "d1:downgrade[update d1 -> c1]"},
         {"c1", "c2"}},
        {10,
         multibase(),
         {"x2", "y2"},
         "xs@base",
         {"x2:downgrade[update x2 -> x1]", "x1:downgrade[delete x1]"},
         {"y2"}},
        {11, depends(), {"z2"}, "b", {"z2:downgrade[insert z; update z2 -> b]"}, {"b", "z"}},
        {12,
         depends(),
         {"z2"},
         "a",
         {"z2:downgrade[insert z; update z2 -> b]", "b:downgrade[update b -> a]"},
         {"a", "z"}},
        {13, linear(), {"b"}, "b", {}, {"b"}},
        // at two heads a step down from one of them reverts that branch only
        {14, branched(), {"c1", "c2"}, "c1-1", {"c1:downgrade[delete c1]"}, {"c2"}},
        {15, branched(), {"c1", "c2"}, "c1@-1", {"c1:downgrade[delete c1]"}, {"c2"}},
        {16, branched(), {"d1", "c2"}, "feat@-1", {"d1:downgrade[update d1 -> c1]"}, {"c2", "c1"}},
        {17, branched(), {"d1", "c2"}, "c2@base", {"c2:downgrade[delete c2]"}, {"d1"}},
    };
    for (const auto& c : cases) {
        INFO("case " << c.n << ": downgrade " << c.target);
        RevisionGraph g(c.graph);
        Plan plan = g.plan_downgrade(c.current, c.target);
        CHECK(describe(plan) == c.steps);
        CHECK(plan.heads_after == c.heads_after);
    }
}

TEST_CASE("plan errors", "[graph][plan][errors]") {
    RevisionGraph l(linear());
    CHECK_THAT(error_of([&] { l.plan_downgrade({"b"}, "c"); }),
               Catch::Contains("cannot downgrade to 'c' (versions/c.yaml): it is not applied"));
    CHECK_THAT(error_of([&] { l.plan_upgrade({"gone"}, "head"); }),
               Catch::Contains("version table holds revision 'gone'"));
    CHECK_THAT(error_of([&] { RevisionGraph(branched()).plan_upgrade({}, "head"); }),
               Catch::Contains("ambiguous"));
    CHECK(l.applied({"c"}) == Ids{"a", "b", "c"});
}
