#pragma once
// Runs the runnable blocks of one documentation page as a reader would type them into
// one terminal: in order, in a fresh empty project folder, each with `bash -e -o pipefail`
// (a failing `migrate` fails the block even when piped), with the built `migrate` first
// on PATH, DATABASE_URL unset (so projects use their SQLite default) and NO_COLOR set. The working
// directory and exported variables carry over from one block to the next. A failure names the
// page's file and line.

#include <optional>
#include <string>
#include <vector>

#include "tests/e2e/docs_blocks.h"

namespace migrate::test {

struct DocsRunOptions {
    std::string migrate_dir;                  // folder holding the `migrate` to put on PATH
    std::optional<std::string> postgres_url;  // DATABASE_URL for `runnable: postgresql` blocks
};

struct DocsRunResult {
    std::vector<std::string> failures;  // each "file:line: what failed" plus the output
    int blocks_run = 0;
    int blocks_skipped = 0;  // postgresql blocks without a server
};

DocsRunResult run_docs_page(const DocsPage& page, const DocsRunOptions& options);

}  // namespace migrate::test
