// `migrate graph` run as a user runs it: DOT and Mermaid golden output for a graph with
// a branch point, branch labels and a merge; Graphviz renders the DOT; the applied
// revisions are marked when the version table says so (rows stamped with SQL), and an
// unreachable database only costs the marks.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

std::string revision(const std::string& id, const std::string& parents, const std::string& labels,
                     const std::string& message) {
    return "revision: \"" + id + "\"\ndown_revision: " + parents + "\nbranch_labels: " + labels +
           "\ndepends_on: []\nmessage: " + message +
           "\ncreate_date: 2026-11-18T11:06:40Z\nupgrade: []\ndowngrade: []\n";
}

// base 0001 -> 0002 (branch point) -> 0003 [comments] and 0004 [audit] -> 0005 (merge).
struct Project {
    TempDir dir;
    explicit Project(const std::string& url = "sqlite:///app.db") {
        dir.write("migrate.yaml", "database: " + url + "\nmodels: models\nversions: versions\n");
        dir.write("versions/0001_create_users.yaml",
                  revision("0001", "null", "[]", "create users"));
        dir.write("versions/0002_add_posts.yaml",
                  revision("0002", "\"0001\"", "[]", "add \"posts\" <table>"));
        dir.write("versions/0003_comments.yaml",
                  revision("0003", "\"0002\"", "[comments]", "comments"));
        dir.write("versions/0004_audit.yaml", revision("0004", "\"0002\"", "[audit]", "audit log"));
        dir.write("versions/0005_merge.yaml",
                  revision("0005", "[\"0003\", \"0004\"]", "[]", "merge comments and audit"));
    }
    ProcessResult ok(const std::vector<std::string>& args) const {
        ProcessResult r = run_migrate(args, dir.path());
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        return r;
    }
};

const char* kDotOffline =
    "digraph revisions {\n"
    "  rankdir=TB;\n"
    "  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\", fontname=\"Helvetica\"];\n"
    "  edge [arrowhead=vee];\n"
    "  \"0001\" [label=\"0001\\ncreate users\"];\n"
    "  \"0002\" [label=\"0002\\nadd \\\"posts\\\" <table>\\n(branchpoint)\"];\n"
    "  \"0003\" [label=\"0003\\ncomments\\n[comments]\"];\n"
    "  \"0004\" [label=\"0004\\naudit log\\n[audit]\"];\n"
    "  \"0005\" [label=\"0005\\nmerge comments and audit\\n(head, mergepoint)\", penwidth=2, "
    "shape=box3d];\n"
    "  \"0001\" -> \"0002\";\n"
    "  \"0002\" -> \"0003\";\n"
    "  \"0002\" -> \"0004\";\n"
    "  \"0003\" -> \"0005\";\n"
    "  \"0004\" -> \"0005\";\n"
    "}\n";

}  // namespace

TEST_CASE("graph draws DOT with labels, branch and merge points; dot renders it", "[e2e][graph]") {
    Project p;
    auto r = p.ok({"graph"});  // app.db does not exist yet: nothing is applied
    CHECK(r.out == kDotOffline);
    CHECK(p.ok({"graph", "--offline", "--format", "dot"}).out == kDotOffline);
    p.dir.write("graph.dot", r.out);
    auto svg = run_process({"dot", "-Tsvg", p.dir / "graph.dot"});
    INFO(svg.err);
    CHECK(svg.exit_code == 0);
    CHECK_THAT(svg.out, Catch::Contains("<svg"));
    CHECK_THAT(svg.out, Catch::Contains("merge comments and audit"));
}

TEST_CASE("graph draws a Mermaid flowchart in a Markdown fence", "[e2e][graph]") {
    Project p;
    CHECK(p.ok({"graph", "--format", "mermaid"}).out ==
          "```mermaid\n"
          "flowchart TD\n"
          "  r0[\"0001<br/>create users\"]\n"
          "  r1[\"0002<br/>add #quot;posts#quot; #lt;table#gt;<br/>(branchpoint)\"]\n"
          "  r2[\"0003<br/>comments<br/>[comments]\"]\n"
          "  r3[\"0004<br/>audit log<br/>[audit]\"]\n"
          "  r4[\"0005<br/>merge comments and audit<br/>(head, mergepoint)\"]\n"
          "  r0 --> r1\n"
          "  r1 --> r2\n"
          "  r1 --> r3\n"
          "  r2 --> r4\n"
          "  r3 --> r4\n"
          "  classDef head stroke-width:3px\n"
          "  classDef applied fill:#c8e6c9\n"
          "  classDef current stroke:#2e7d32\n"
          "  class r4 head\n"
          "```\n");
    auto bad = run_migrate({"graph", "--format", "svg"}, p.dir.path());
    CHECK(bad.exit_code == 2);
}

TEST_CASE("graph marks the revisions the SQLite version table says are applied", "[e2e][graph]") {
    Project p;
    auto made = run_process({"sqlite3", p.dir / "app.db"}, "", {},
                            "CREATE TABLE migrate_version (version_num VARCHAR(255) PRIMARY KEY);"
                            "INSERT INTO migrate_version VALUES ('0003');");
    REQUIRE(made.exit_code == 0);
    std::string dot = p.ok({"graph"}).out;
    CHECK_THAT(
        dot,
        Catch::Contains(
            "  \"0001\" [label=\"0001\\ncreate users\\n(applied)\", fillcolor=\"#c8e6c9\"];\n"));
    CHECK_THAT(dot,
               Catch::Contains("  \"0003\" [label=\"0003\\ncomments\\n[comments]\\n(current)\", "
                               "fillcolor=\"#c8e6c9\", color=\"#2e7d32\"];\n"));
    CHECK_THAT(dot, Catch::Contains("  \"0004\" [label=\"0004\\naudit log\\n[audit]\"];\n"));
    CHECK(run_process({"dot", "-Tsvg"}, "", {}, dot).exit_code == 0);
    std::string mermaid = p.ok({"graph", "--format", "mermaid"}).out;
    CHECK_THAT(mermaid, Catch::Contains("  class r0,r1,r2 applied\n  class r2 current\n"));
    auto doc = nlohmann::json::parse(p.ok({"graph", "--json"}).out);
    CHECK(doc["result"]["applied"] == nlohmann::json::array({"0001", "0002", "0003"}));
    CHECK(doc["result"]["current"] == nlohmann::json::array({"0003"}));
    CHECK(p.ok({"graph", "--offline"}).out == kDotOffline);
}

TEST_CASE("graph with an unreachable database warns and draws without marks", "[e2e][graph]") {
    Project p("postgresql://nobody@127.0.0.1:1/none");
    auto r = p.ok({"graph"});
    CHECK(r.out == kDotOffline);
    CHECK_THAT(r.err, Catch::Contains("warning: applied revisions not shown"));
}

TEST_CASE("graph marks applied revisions on PostgreSQL", "[e2e][graph][pg]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    db.psql(
        "CREATE TABLE migrate_version (version_num varchar(255) PRIMARY KEY);"
        "INSERT INTO migrate_version VALUES ('0003'), ('0004');");
    Project p(db.url());
    auto doc = nlohmann::json::parse(p.ok({"graph", "--json"}).out);
    CHECK(doc["result"]["applied"] == nlohmann::json::array({"0001", "0002", "0003", "0004"}));
    CHECK_THAT(doc["result"]["graph"].get<std::string>(),
               Catch::Contains("(branchpoint, applied)"));
}
