#pragma once
// Finds the runnable shell examples of a Markdown page, so that the docs test can run
// them. The markers are HTML comments, which GitHub does not render:
//
//   <!-- runnable -->                 the next ```sh (or ```bash) block runs, SQLite default
//   <!-- runnable: postgresql -->     ... runs with DATABASE_URL set to a PostgreSQL database
//   <!-- output -->                   the next fenced block lists lines that the output of
//                                     the preceding runnable block must contain, in order;
//                                     `...` inside a line matches any text, a line `...`
//                                     is skipped
//
// A marker must be followed directly by a fence (no blank line); a misplaced or unknown
// marker is reported as a problem rather than silently skipped.

#include <optional>
#include <string>
#include <vector>

namespace migrate::test {

enum class DocsTarget { sqlite, postgresql };

struct DocsBlock {
    std::string file;    // as given to extract_docs_blocks (relative for messages)
    int first_line = 0;  // 1-based line of the block's first code line
    std::string code;
    DocsTarget target = DocsTarget::sqlite;
    std::optional<std::string> expected_output;  // from a following <!-- output --> block
    int expected_line = 0;                       // 1-based line of that block's first line
};

struct DocsPage {
    std::string file;
    std::vector<DocsBlock> blocks;
    std::vector<std::string> problems;  // "file:line: what is wrong with a marker"
};

DocsPage extract_docs_blocks(const std::string& display_name, const std::string& markdown);

// README.md and every docs/**/*.md under `root`, sorted, as paths relative to `root`.
std::vector<std::string> docs_pages(const std::string& root);

// Checks `actual` against an <!-- output --> block; returns the first expected line
// (1-based within the block) that was not found, or nullopt when all were.
std::optional<int> first_missing_output_line(const std::string& expected,
                                             const std::string& actual);

}  // namespace migrate::test
