// The revision graph, in memory: structure, every identifier form, every error,
// history ranges and scale. Table-driven; plans are in revision_plan_test.cpp.

#include "core/revision/revision_graph.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "tests/unit/revision_graph_fixtures.h"

using namespace migrate;
using namespace migrate::test_graphs;

TEST_CASE("graph structure: heads, bases, branch and merge points", "[graph]") {
    RevisionGraph l(linear());
    CHECK(l.heads() == Ids{"d"});
    CHECK(l.bases() == Ids{"a"});
    CHECK(l.branch_points().empty());
    RevisionGraph b(branched());
    CHECK(b.heads() == Ids{"c2", "d1"});  // heads in id order, each after its branch
    CHECK(b.branch_points() == Ids{"b"});
    CHECK(b.children("b") == Ids{"c2", "c1"});
    CHECK(b.branch_labels_of("d1") == Ids{"feat"});
    CHECK(b.branch_labels_of("c1") == Ids{"feat"});
    CHECK(b.branch_labels_of("b").empty());  // stops at the branch point
    CHECK(b.branch_labels_of("c2").empty());
    RevisionGraph m(merged());
    CHECK(m.heads() == Ids{"n"});
    CHECK(m.merge_points() == Ids{"m"});
    CHECK(m.is_ancestor("c2", "n"));
    CHECK_FALSE(m.is_ancestor("c2", "d1"));
    RevisionGraph mb(multibase());
    CHECK(mb.bases() == Ids{"x1", "y1"});
    CHECK(mb.heads() == Ids{"x2", "y2"});
    RevisionGraph d(depends());
    CHECK(d.heads() == Ids{"b", "z2"});  // a dependency target stays a head
    CHECK(d.dependents("b") == Ids{"z2"});
    CHECK(d.is_ancestor("b", "z2"));
}

TEST_CASE("identifiers resolve to revisions", "[graph][ids]") {
    struct Case {
        int n;
        std::vector<Revision> graph;
        std::string identifier;
        Ids current;
        Ids expected;
    };
    std::vector<Revision> prefixed = {rev("abc123"), rev("abd456", {"abc123"}),
                                      rev("abc789", {"abd456"})};
    std::vector<Case> cases = {
        {1, linear(), "c", {}, {"c"}},
        {2, linear(), "head", {}, {"d"}},
        {3, linear(), "heads", {}, {"d"}},
        {4, linear(), "base", {}, {}},
        {5, linear(), "head-1", {}, {"c"}},
        {6, linear(), "head-4", {}, {}},
        {7, linear(), "b+2", {}, {"d"}},
        {8, linear(), "c-2", {}, {"a"}},
        {9, linear(), "+1", {"b"}, {"c"}},
        {10, linear(), "-1", {"b"}, {"a"}},
        {11, linear(), "+2", {}, {"b"}},
        {12, linear(), "-2", {"b"}, {}},
        {13, linear(), "base+1", {}, {"a"}},
        {14, prefixed, "abd", {}, {"abd456"}},
        {15, prefixed, "abc7", {}, {"abc789"}},
        {16, branched(), "feat@head", {}, {"d1"}},
        {17, branched(), "feat", {}, {"c1"}},
        {18, branched(), "heads", {}, {"c2", "d1"}},
        {19, branched(), "feat@d1", {}, {"d1"}},
        {20, merged(), "m-1", {}, {"d1", "c2"}},
        {21, merged(), "head-1", {}, {"m"}},
        {22, merged(), "c2+1", {}, {"m"}},
        {23, multibase(), "ys@head", {}, {"y2"}},
        {24, multibase(), "xs@base", {}, {}},
        {25, linear(), "d+0", {}, {"d"}},
        {26, branched(), "current", {"d1", "c2"}, {"d1", "c2"}},
        {27, branched(), "current", {}, {}},
        {28, branched(), "c1@head", {}, {"d1"}},
        {29, branched(), "feat@+1", {"b"}, {"c1"}},
        {30, branched(), "feat@+2", {}, {"b"}},  // from base along feat's lineage
        {31, branched(), "feat@+1", {"c2"}, {"c1"}},
        {32, branched(), "feat@-1", {"d1", "c2"}, {"c1"}},
        {33, branched(), "c2@-1", {"d1", "c2"}, {"b"}},
        {34, branched(), "d1-1", {"d1", "c2"}, {"c1"}},
        {35, branched(), "feat@d1-1", {}, {"c1"}},
        {36, branched(), "current-1", {"d1"}, {"c1"}},
    };
    for (const auto& c : cases) {
        INFO("case " << c.n << ": " << c.identifier);
        RevisionGraph g(c.graph);
        CHECK(g.resolve(c.identifier, c.current).revisions == c.expected);
    }
    CHECK(RevisionGraph(multibase()).resolve("xs@base").branch == "xs");
    CHECK(RevisionGraph(branched()).resolve("c1@base").branch == "c1");
    // a step down from a revision or a branch keeps the downgrade on that branch
    CHECK(RevisionGraph(branched()).resolve("d1-2").branch == "d1");
    CHECK(RevisionGraph(branched()).resolve("feat@-1", {"d1", "c2"}).branch == "feat");
    CHECK(RevisionGraph(branched()).resolve("d1+0").branch.empty());
    CHECK(RevisionGraph(linear()).resolve_one("head").id == "d");
}

TEST_CASE("identifier errors are named and helpful", "[graph][ids][errors]") {
    struct Case {
        int n;
        std::vector<Revision> graph;
        std::string identifier;
        Ids current;
        std::vector<std::string> message_parts;
    };
    std::vector<Revision> prefixed = {rev("abc123"), rev("abd456", {"abc123"}),
                                      rev("abc789", {"abd456"})};
    std::vector<Case> cases = {
        {1,
         branched(),
         "head",
         {},
         {"'head' is ambiguous", "2 heads", "d1 (versions/d1.yaml)", "c2 (versions/c2.yaml)",
          "heads", "merge"}},
        {2,
         prefixed,
         "abc",
         {},
         {"prefix 'abc' is ambiguous", "abc123 (versions/abc123.yaml)", "abc789"}},
        {3, linear(), "zzz", {}, {"no revision 'zzz'"}},
        {4, linear(), "hed", {}, {"did you mean 'head'?"}},
        {5, linear(), "head-5", {}, {"steps past base", "only 4 revision(s)"}},
        {6, linear(), "c+2", {}, {"steps past head", "'d' (versions/d.yaml) is a head"}},
        {7,
         branched(),
         "b+1",
         {},
         {"ambiguous", "several children", "c1 (versions/c1.yaml)", "c2"}},
        {8, merged(), "m-2", {}, {"ambiguous", "several revisions"}},
        {9, branched(), "+1", {"d1", "c2"}, {"several heads (d1, c2)", "d1+1"}},
        {10, branched(), "nolabel@head", {}, {"no branch label or revision 'nolabel'"}},
        {11, branched(), "fet@head", {}, {"did you mean 'feat'?"}},
        {12, branched(), "feat@c2", {}, {"not on branch 'feat'"}},
        {13, multibase(), "+1", {}, {"ambiguous", "base has several children", "x1", "y1"}},
        {14, linear(), "", {}, {"empty revision identifier"}},
        {15, linear(), "-1", {}, {"steps past base"}},
        {16, branched(), "feat@+3", {"b"}, {"'feat@+3' steps past head"}},  // was: every id
        {17, branched(), "@+1", {}, {"'@+1'", "nothing before '@'"}},
        {18, branched(), "feat@-1", {"c2"}, {"'feat@-1'", "no revision on branch 'feat'"}},
        {19, branched(), "b@head", {}, {"'b@head' is ambiguous", "d1", "c2"}},
        {20, branched(), "nosuch@+1", {}, {"no branch label or revision 'nosuch'"}},
        {21, branched(), "c2@d1", {}, {"'c2@d1'", "not on branch 'c2'"}},
        {22, branched(), "feat@", {}, {"'feat@'"}},
    };
    for (const auto& c : cases) {
        INFO("case " << c.n << ": " << c.identifier);
        RevisionGraph g(c.graph);
        std::string msg = error_of([&] { g.resolve(c.identifier, c.current); });
        for (const auto& part : c.message_parts) CHECK_THAT(msg, Catch::Contains(part));
    }
    CHECK_THAT(error_of([] { RevisionGraph(merged()).resolve_one("m-1"); }),
               Catch::Contains("several revisions"));
    CHECK_THAT(error_of([] { RevisionGraph(linear()).resolve_one("base"); }),
               Catch::Contains("names base"));
}

TEST_CASE("broken graphs are named errors naming the files", "[graph][errors]") {
    struct Case {
        int n;
        std::vector<Revision> graph;
        std::vector<std::string> message_parts;
    };
    std::vector<Case> cases = {
        {1,
         {rev("a"), rev("b", {"a"}), rev("b", {"a"})},
         {"duplicate revision id 'b'", "versions/b.yaml and versions/b.yaml"}},
        {2,
         {rev("abcdef"), rev("b", {"abcdeg"})},
         {"versions/b.yaml", "down_revision 'abcdeg' is not a revision", "did you mean 'abcdef'?"}},
        {3,
         {rev("a", {"c"}), rev("b", {"a"}), rev("c", {"b"})},
         {"cycle", "versions/a.yaml", "versions/b.yaml", "versions/c.yaml"}},
        {4, {rev("a", {"a"})}, {"cycle", "versions/a.yaml"}},
        {5, {rev("a"), rev("b", {"a"}, {}, {"nope"})}, {"depends_on 'nope'"}},
        {6, {rev("a:1")}, {"versions/a:1.yaml", "contains ':'"}},
        {7, {rev("a", {}, {"x"}), rev("b", {"a"}, {"x"})}, {"branch label 'x' is declared twice"}},
        {8, {rev("a", {}, {"a"})}, {"branch label 'a' is also a revision id"}},
        {9, {rev("head")}, {"reserved word"}},
        {10,
         {rev("a"), rev("b", {"a"}), rev("c", {"b"}), rev("r", {"c"}, {}, {"s"}),
          rev("s", {"a"}, {}, {"r"})},
         {"cycle"}},
    };
    for (const auto& c : cases) {
        INFO("case " << c.n);
        std::string msg = error_of([&] { RevisionGraph g(c.graph); });
        for (const auto& part : c.message_parts) CHECK_THAT(msg, Catch::Contains(part));
    }
}

TEST_CASE("history lists revisions newest first within a range", "[graph][history]") {
    RevisionGraph l(linear());
    CHECK(l.history() == Ids{"d", "c", "b", "a"});
    CHECK(l.history("b:c") == Ids{"c", "b"});
    CHECK(l.history("b:") == Ids{"d", "c", "b"});
    CHECK(l.history(":b") == Ids{"b", "a"});
    CHECK(l.history("base:head-1") == Ids{"c", "b", "a"});
    RevisionGraph m(merged());
    CHECK(m.history("c1:") == Ids{"n", "m", "d1", "c1"});
    CHECK(m.history().size() == 7);
    CHECK(m.history().front() == "n");
    CHECK(m.history().back() == "a");
    // current, and steps from it, name the database's rows (given by the caller)
    CHECK(l.history("-2:", {"d"}) == Ids{"d", "c", "b"});
    CHECK(l.history("current:", {"c"}) == Ids{"d", "c"});
    CHECK(l.history(":current", {"b"}) == Ids{"b", "a"});
    CHECK(l.history("-1:current", {"c"}) == Ids{"c", "b"});
    CHECK_THAT(error_of([&] { l.history("-2:"); }), Catch::Contains("steps past base"));
    RevisionGraph b(branched());
    CHECK(b.history("feat@base:") == Ids{"d1", "c1", "b", "a"});  // not c2
    CHECK(b.history("c2@base:") == Ids{"c2", "b", "a"});
    CHECK_THAT(error_of([&] { l.history("b:nope"); }), Catch::Contains("no revision 'nope'"));
}

TEST_CASE("a graph of 10,000 revisions stays linear", "[graph][slow]") {
    std::vector<Revision> revs;
    for (int i = 0; i < 10000; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "r%06d", i);
        Revision r = rev(id);
        if (i > 0) r.down_revisions = {revs.back().id};
        revs.push_back(std::move(r));
    }
    RevisionGraph g(revs);
    CHECK(g.heads() == Ids{"r009999"});
    CHECK(g.plan_upgrade({}, "heads").steps.size() == 10000);
    CHECK(g.plan_downgrade({"r009999"}, "base").steps.size() == 10000);
    CHECK(g.resolve("head-9999").revisions == Ids{"r000000"});
    CHECK(g.history().size() == 10000);
}
