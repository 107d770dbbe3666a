// The documentation cannot rot: every shell block marked <!-- runnable --> in README.md
// and docs/**/*.md runs against the built binary (see docs_blocks.h for the markers and
// docs_runner.h for how a page runs). Also tests the extractor and the runner on pages
// made up here, so that a broken example is reported with its file and line.

#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/e2e/docs_blocks.h"
#include "tests/e2e/docs_runner.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

std::string migrate_dir() { return std::filesystem::path(migrate_binary()).parent_path().string(); }

DocsPage load_page(const std::string& relative) {
    return extract_docs_blocks(relative, read_file(source_dir() + "/" + relative));
}

void run_pages(std::optional<std::string> pg_url, DocsTarget wanted) {
    for (const auto& relative : docs_pages(source_dir())) {
        DocsPage page = load_page(relative);
        bool has_wanted = false;
        for (const auto& b : page.blocks) has_wanted |= b.target == wanted;
        if (!has_wanted) continue;
        // A PostgreSQL page gets its own database; SQLite-only pages run without one.
        std::optional<PgTestDatabase> db;
        if (wanted == DocsTarget::postgresql) db.emplace(*pg_url);
        auto result =
            run_docs_page(page, {migrate_dir(), db ? std::optional(db->url()) : std::nullopt});
        for (const auto& failure : result.failures) FAIL_CHECK(failure);
        CHECK(result.blocks_skipped == 0);
    }
}

}  // namespace

TEST_CASE("every runnable example in README.md and docs/ runs on SQLite", "[e2e][docs]") {
    for (const auto& relative : docs_pages(source_dir())) {
        for (const auto& problem : load_page(relative).problems) FAIL_CHECK(problem);
    }
    // Pages with PostgreSQL blocks run in the test below, where a server is required.
    for (const auto& relative : docs_pages(source_dir())) {
        DocsPage page = load_page(relative);
        bool any_pg = false;
        for (const auto& b : page.blocks) any_pg |= b.target == DocsTarget::postgresql;
        if (page.blocks.empty() || any_pg) continue;
        auto result = run_docs_page(page, {migrate_dir(), std::nullopt});
        for (const auto& failure : result.failures) FAIL_CHECK(failure);
        CHECK(result.blocks_run == static_cast<int>(page.blocks.size()));
    }
}

TEST_CASE("every runnable example on a page with PostgreSQL blocks runs",
          "[e2e][docs][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    run_pages(server, DocsTarget::postgresql);
}

TEST_CASE("the pages that must have runnable examples have them", "[e2e][docs]") {
    for (const char* relative :
         {"README.md", "docs/getting-started.md", "docs/coming-from-alembic.md",
          "docs/troubleshooting.md", "docs/ci.md"}) {
        INFO(relative);
        CHECK(load_page(relative).blocks.size() >= 1);
    }
    CHECK(load_page("docs/getting-started.md").blocks.size() >= 5);
}

TEST_CASE("the extractor reads markers, targets and expected output", "[e2e][docs]") {
    std::string md =
        "# Page\n"             // 1
        "<!-- runnable -->\n"  // 2
        "```sh\n"              // 3
        "echo one\n"           // 4
        "```\n"                // 5
        "<!-- output -->\n"    // 6
        "```text\n"            // 7
        "one\n"                // 8
        "```\n"                // 9
        "```sh\n"              // 10 not marked: not run
        "<!-- runnable -->\n"  // 11 inside a block: text
        "```\n"                // 12
        "<!-- runnable: postgresql -->\n"
        "```bash\n"
        "migrate current\n"
        "```\n"
        "<!-- a plain comment -->\n"
        "<!-- runnable -->\n"
        "\n"
        "```yaml\n"
        "```\n"
        "<!-- runnable: mysql -->\n"
        "```sh\n"
        "```\n";
    DocsPage page = extract_docs_blocks("page.md", md);
    REQUIRE(page.blocks.size() == 3);
    CHECK(page.blocks[0].first_line == 4);
    CHECK(page.blocks[0].code == "echo one\n");
    CHECK(page.blocks[0].expected_output == "one\n");
    CHECK(page.blocks[0].expected_line == 8);
    CHECK(page.blocks[1].target == DocsTarget::postgresql);
    CHECK(page.blocks[1].first_line == 15);
    REQUIRE(page.problems.size() == 2);
    CHECK(page.problems[0] ==
          "page.md:18: <!-- runnable --> must be followed directly by a fenced block");
    CHECK(page.problems[1] ==
          "page.md:22: unknown runnable target 'mysql' (use postgresql or nothing)");
}

TEST_CASE("expected output matches lines in order, with ... as a wildcard", "[e2e][docs]") {
    std::string out =
        "Generating migrations/versions/3f2a_add.yaml ... done\n<base> -> 3f2a (head), add\n";
    CHECK_FALSE(
        first_missing_output_line("Generating ... done\n...\n<base> -> ... (head), add\n", out));
    CHECK(first_missing_output_line("<base> -> ... (head), add\nGenerating\n", out) == 2);
    CHECK(first_missing_output_line("\nnot there\n", out) == 2);
}

TEST_CASE("a failing example is reported with its file and line; state carries over",
          "[e2e][docs]") {
    std::string md =
        "<!-- runnable -->\n"                   // 1
        "```sh\n"                               // 2
        "mkdir sub && cd sub\n"                 // 3
        "export GREETING=hello\n"               // 4
        "```\n"                                 // 5
        "<!-- runnable -->\n"                   // 6
        "```sh\n"                               // 7
        "echo \"$GREETING from ${PWD##*/}\"\n"  // 8
        "test -z \"${DATABASE_URL:-}\"\n"       // 9
        "migrate --help > /dev/null\n"          // 10
        "```\n"                                 // 11
        "<!-- output -->\n"                     // 12
        "```\n"                                 // 13
        "hello from sub\n"                      // 14
        "```\n"                                 // 15
        "<!-- runnable -->\n"                   // 16
        "```sh\n"                               // 17
        "true\n"                                // 18
        "false\n"                               // 19
        "echo never\n"                          // 20
        "```\n"                                 // 21
        "<!-- runnable -->\n"                   // 22
        "```sh\n"                               // 23
        "echo not reached\n"                    // 24
        "```\n";
    DocsPage page = extract_docs_blocks("guide.md", md);
    REQUIRE(page.problems.empty());
    auto result = run_docs_page(page, {migrate_dir(), std::nullopt});
    CHECK(result.blocks_run == 3);
    REQUIRE(result.failures.size() == 1);
    CHECK_THAT(result.failures[0], Catch::StartsWith("guide.md:19: exit 1 from `false`"));
    CHECK_THAT(result.failures[0], !Catch::Contains("never"));

    DocsPage wrong =
        extract_docs_blocks("out.md",
                            "<!-- runnable -->\n```sh\necho hi\n```\n<!-- output -->\n```\n"
                            "hi\nbye\n```\n");
    auto mismatch = run_docs_page(wrong, {migrate_dir(), std::nullopt});
    REQUIRE(mismatch.failures.size() == 1);
    CHECK_THAT(mismatch.failures[0],
               Catch::StartsWith("out.md:8: output of the block at line 3 lacks `bye`"));
}

TEST_CASE("docs/README.md links every page in docs/", "[e2e][docs]") {
    std::string index = read_file(source_dir() + "/docs/README.md");
    int pages = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(source_dir() + "/docs")) {
        auto ext = entry.path().extension();
        if (!entry.is_regular_file() || (ext != ".md" && ext != ".json")) continue;
        std::string relative =
            std::filesystem::relative(entry.path(), source_dir() + "/docs").generic_string();
        if (relative == "README.md") continue;
        ++pages;
        INFO(relative);
        CHECK_THAT(index, Catch::Contains("](" + relative + ")"));
    }
    CHECK(pages >= 10);
}
