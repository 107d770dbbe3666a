// Revision files: reading (ids stay strings, every problem reported), writing
// (golden text, quoted ids), file names, loading folders recursively.

#include "core/revision/revision_file.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/revision/revision_graph.h"
#include "core/revision/revision_header_scan.h"
#include "core/revision/revision_loader.h"
#include "tests/support/temp_dir.h"

using namespace migrate;
using migrate::test::TempDir;

TEST_CASE("revision files read ids as strings and write them quoted", "[revision_file]") {
    Revision r = parse_revision(
        "revision: 0e12\ndown_revision: [1234, 00ab]\nmessage: m\nupgrade: []\ndowngrade: []\n",
        "v/x.yaml", NamingConvention{});
    CHECK(r.id == "0e12");
    CHECK(r.down_revisions == std::vector<std::string>{"1234", "00ab"});
    CHECK(r.path == "v/x.yaml");
    Revision base =
        parse_revision("revision: \"abc\"\ndown_revision: null\n", "x.yaml", NamingConvention{});
    CHECK(base.is_base());

    Revision w;
    w.id = "0e1200000000";
    w.down_revisions = {"1234"};
    w.message = "Add posts: table!";
    w.create_date = "2026-11-21T10:15:00Z";
    w.depends_on = {"777"};
    std::string text = emit_revision(w, NamingConvention{});
    CHECK(text ==
          "revision: \"0e1200000000\"\n"
          "down_revision: \"1234\"\n"
          "branch_labels: []\n"
          "depends_on: [\"777\"]\n"
          "message: \"Add posts: table!\"\n"
          "create_date: 2026-11-21T10:15:00Z\n"
          "upgrade: []\n"
          "downgrade: []\n");
    Revision back = parse_revision(text, "", NamingConvention{});
    back.path.clear();
    CHECK(back == w);
    CHECK(revision_file_name(w) == "0e1200000000_add_posts_table.yaml");
    w.message = "!!!";
    CHECK(revision_file_name(w) == "0e1200000000.yaml");
}

TEST_CASE("bad revision files report every problem with file:line:column",
          "[revision_file][errors]") {
    auto error_of = [](const std::string& text) {
        try {
            parse_revision(text, "v/bad.yaml", NamingConvention{});
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("<no error>");
    };
    std::string e =
        error_of("revision: a-b\ndown_revison: x\nupgrade:\n  - drop_tabel: {name: t}\n");
    CHECK_THAT(e, Catch::Contains("v/bad.yaml:1:11: revision id 'a-b' contains '-'"));
    CHECK_THAT(e, Catch::Contains("v/bad.yaml:2:1: unknown key 'down_revison' in a revision file "
                                  "(did you mean 'down_revision'?)"));
    CHECK_THAT(e, Catch::Contains("v/bad.yaml:4:5: unknown operation 'drop_tabel'"));
    CHECK_THAT(error_of("message: x\n"), Catch::Contains("needs 'revision'"));
    CHECK_THAT(error_of("revision: [a\n"), Catch::Contains("v/bad.yaml:2:1: malformed YAML"));
}

TEST_CASE("writing and loading version folders", "[revision_file]") {
    TempDir dir;
    Revision a;
    a.id = "aaaaaaaaaaaa";
    a.message = "first";
    a.upgrade = {DropTable{"", "t", std::nullopt}};
    std::string path = write_revision_file(a, dir / "versions", NamingConvention{});
    CHECK(path == dir / "versions/aaaaaaaaaaaa_first.yaml");
    CHECK_THROWS_AS(write_revision_file(a, dir / "versions", NamingConvention{}), InputError);
    dir.write("versions/sub/b.yaml", "revision: \"bbb\"\ndown_revision: \"aaaaaaaaaaaa\"\n");
    dir.write("versions/.hidden/c.yaml", "not: a revision\n");
    dir.write("versions/notes.txt", "ignored\n");
    auto revs = load_revisions({dir / "versions", dir / "missing"}, NamingConvention{});
    REQUIRE(revs.size() == 2);
    CHECK(revs[0].id == "aaaaaaaaaaaa");
    CHECK(revs[0].upgrade.size() == 1);
    CHECK(revs[1].id == "bbb");
    CHECK(revs[1].path == dir / "versions/sub/b.yaml");
    dir.write("versions/z1.yaml", "revision: z1\nbogus: 1\n");
    dir.write("versions/z2.yaml", "revision: z2\nupgrade: 3\n");
    try {
        load_revisions({dir / "versions"}, NamingConvention{});
        FAIL("expected an error");
    } catch (const InputError& e) {
        CHECK(e.diagnostics().size() == 2);  // both files' problems, at once
    }
}

TEST_CASE("new revision ids are 12 hex digits", "[revision_file]") {
    std::string id = random_revision_id();
    CHECK(id.size() == 12);
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(random_revision_id() != id);
    CHECK(utc_now_iso8601().size() == 20);
}

TEST_CASE("the header fast path reads what the full parser reads, or gives up",
          "[revision_file][header]") {
    NamingConvention naming;
    std::vector<std::string> simple = {
        "revision: \"3f2a\"\ndown_revision: \"8c0d\"\nbranch_labels: []\ndepends_on: []\nmessage: "
        "add posts table\n"
        "create_date: 2026-11-21T10:15:00Z\nupgrade:\n  - drop_table: {name: t}\ndowngrade: []\n",
        "revision: 0e12   # a comment\r\ndown_revision: [a1, 'b2']\r\nbranch_labels: "
        "[feat]\r\nmessage: 'quoted: text'\r\n",
        "# leading comment\nrevision: abc\ndown_revision: null\nupgrade:\n- execute: x\nmessage: "
        "after the block\n",
        "revision: abc\ndown_revision: ~\ndepends_on: xyz\nallow_hazards: [data_loss]\n",
    };
    for (const auto& text : simple) {
        INFO(text);
        auto header = scan_revision_header(text, "f.yaml");
        REQUIRE(header);
        Revision full = parse_revision(text, "f.yaml", naming);
        CHECK(header->id == full.id);
        CHECK(header->down_revisions == full.down_revisions);
        CHECK(header->branch_labels == full.branch_labels);
        CHECK(header->depends_on == full.depends_on);
        CHECK(header->message == full.message);
        CHECK(header->create_date == full.create_date);
        CHECK(header->allow_hazards == full.allow_hazards);
    }
    std::vector<std::string> unusual = {
        "{revision: abc}\n",
        "revision: abc\nmessage: >\n  folded\n",
        "revision: abc\nmessage: \"esc\\\"aped\"\n",
        "revision: abc\ndown_revision:\n  - a\n",
        "revision: abc\nbogus: 1\n",
        "revision: abc\nrevision: def\n",
        "message: no id\n",
        "revision: a-b\n",
        "revision: abc\nmessage: a: b\n",
    };
    for (const auto& text : unusual) {
        INFO(text);
        CHECK_FALSE(scan_revision_header(text, "f.yaml"));
    }
}

TEST_CASE("loading headers only, with fallback to the full parser", "[revision_file][header]") {
    TempDir dir;
    dir.write("v/a.yaml", "revision: a\nupgrade:\n  - drop_table: {name: t}\n");
    dir.write("v/b.yaml", "revision: b\ndown_revision:\n  - a\n");  // block list: full parser
    auto revs = load_revisions({dir / "v"}, NamingConvention{}, LoadMode::Headers);
    REQUIRE(revs.size() == 2);
    CHECK_FALSE(revs[0].operations_loaded);
    CHECK(revs[0].upgrade.empty());
    CHECK(revs[1].operations_loaded);
    CHECK(revs[1].down_revisions == std::vector<std::string>{"a"});
}

TEST_CASE("operations are read as the parser streams them; a syntax error is reported alone",
          "[revision_file][errors][streaming]") {
    auto diagnostics_of = [](const std::string& text) {
        try {
            parse_revision(text, "v/r.yaml", NamingConvention{});
        } catch (const InputError& e) {
            return e.diagnostics();
        }
        return std::vector<Diagnostic>{};
    };
    // Operation errors come before the header's in the text's order, whatever order
    // they were found in.
    auto d = diagnostics_of("upgrade:\n  - drop_tabel: {name: t}\nrevision: a-b\ndowngrade: []\n");
    REQUIRE(d.size() == 2);
    CHECK(d[0].to_string().starts_with("v/r.yaml:2:5: unknown operation 'drop_tabel'"));
    CHECK(d[1].to_string().starts_with("v/r.yaml:3:11: revision id 'a-b'"));
    // A malformed file: only its syntax error, not the bad operation read before it.
    d = diagnostics_of(
        "revision: \"0001\"\nupgrade:\n  - drop_tabel: {name: t}\n  - drop_table: {name: [\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].to_string().starts_with("v/r.yaml:5:1: malformed YAML"));
    // `upgrade:` that is not a list is still reported.
    d = diagnostics_of("revision: \"0001\"\nupgrade: {drop_table: {name: t}}\n");
    REQUIRE(d.size() == 1);
    CHECK_THAT(d[0].message, Catch::Contains("operations must be a list"));
    // Both lists, in order.
    Revision r = parse_revision(
        "revision: \"0001\"\nupgrade:\n  - drop_table: {name: a}\n  - drop_table: {name: b}\n"
        "downgrade:\n  - execute: SELECT 1\n",
        "v/r.yaml", NamingConvention{});
    REQUIRE(r.upgrade.size() == 2);
    CHECK(r.upgrade[1].as<DropTable>()->name == "b");
    CHECK(r.downgrade.size() == 1);
}

TEST_CASE("the revision loader parses a revision when asked and keeps nothing",
          "[revision_file][loader]") {
    TempDir dir;
    dir.write("v/a.yaml", "revision: a\nupgrade:\n  - drop_table: {name: t}\n");
    dir.write("v/b.yaml", "revision: b\ndown_revision: a\nupgrade:\n  - drop_table: {name: u}\n");
    NamingConvention naming;
    RevisionGraph graph(load_revisions({dir / "v"}, naming, LoadMode::Headers));
    RevisionLoader loader(graph, naming);
    std::shared_ptr<const Revision> b = loader.full("b");
    REQUIRE(b->operations_loaded);
    CHECK(b->upgrade.at(0).as<DropTable>()->name == "u");
    CHECK_FALSE(graph.get("b").operations_loaded);  // the graph keeps headers only
    std::weak_ptr<const Revision> watch = b;
    b.reset();
    CHECK(watch.expired());              // the caller held the only copy: one revision at a time
    CHECK(loader.full("b") != nullptr);  // and it can be read again
    dir.write("v/b.yaml", "revision: b\ndown_revision: x\n");
    CHECK_THROWS_WITH(loader.full("b"),
                      Catch::Contains("the file changed while migrate was reading it"));
}
