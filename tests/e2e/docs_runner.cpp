#include "tests/e2e/docs_runner.h"

#include <cstdlib>
#include <sstream>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace migrate::test {

namespace {

const char* const failed_marker = "__docs_failed_line=";

// Lines of the wrapper before the block's first line; keep in step with wrap_block.
constexpr int wrapper_lines = 8;

// The block wrapped so that it resumes the previous block's folder and exports, saves
// its own on exit, and reports the script line of a failing command.
std::string wrap_block(const DocsBlock& block, const std::string& database_url) {
    std::string db =
        database_url.empty() ? "unset DATABASE_URL" : "export DATABASE_URL='" + database_url + "'";
    return "exec 2>&1\n"
           "__docs_state=\"$1\"; cd \"$2\"\n"
           "if [ -s \"$__docs_state\" ]; then . \"$__docs_state\"; fi\n" +
           db +
           "\n"
           "export NO_COLOR=1\n"
           "trap 'echo \"" +
           failed_marker +
           "$LINENO\"' ERR\n"
           "trap '{ export -p; printf \"cd %q\\n\" \"$PWD\"; } > \"$__docs_state\"' EXIT\n"
           "set -eE -o pipefail\n" +
           block.code;
}

// The page line of the failing command (from the ERR trap), or the block's first line.
int failing_line(const DocsBlock& block, const std::string& out) {
    auto at = out.find(failed_marker);
    if (at == std::string::npos) return block.first_line;
    int script_line = std::atoi(out.c_str() + at + std::string(failed_marker).size());
    int line = block.first_line + script_line - wrapper_lines - 1;
    return line < block.first_line ? block.first_line : line;
}

std::string without_marker_lines(const std::string& out) {
    std::istringstream in(out);
    std::string line, kept;
    while (std::getline(in, line))
        if (line.rfind(failed_marker, 0) != 0) kept += line + "\n";
    return kept;
}

std::string nth_line(const std::string& text, int n) {
    std::istringstream in(text);
    std::string line;
    for (int i = 1; std::getline(in, line); ++i)
        if (i == n) return line;
    return "";
}

}  // namespace

DocsRunResult run_docs_page(const DocsPage& page, const DocsRunOptions& options) {
    DocsRunResult result;
    TempDir project, scratch;
    std::string path =
        options.migrate_dir + ":" + (std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin");
    for (size_t i = 0; i < page.blocks.size(); ++i) {
        const DocsBlock& block = page.blocks[i];
        std::string url;
        if (block.target == DocsTarget::postgresql) {
            if (!options.postgres_url) {
                ++result.blocks_skipped;
                continue;
            }
            url = *options.postgres_url;
        }
        std::string script = "block" + std::to_string(i) + ".sh";
        scratch.write(script, wrap_block(block, url));
        auto r = run_process({"env", "-u", "DATABASE_URL", "PATH=" + path, "timeout", "300", "bash",
                              scratch / script, scratch / "state.sh", project.path()});
        ++result.blocks_run;
        std::string out = without_marker_lines(r.out + r.err);
        if (r.exit_code != 0) {
            int line = failing_line(block, r.out + r.err);
            result.failures.push_back(
                page.file + ":" + std::to_string(line) + ": exit " + std::to_string(r.exit_code) +
                " from `" + nth_line(block.code, line - block.first_line + 1) + "`\n" + out);
            break;  // later blocks build on this one
        }
        if (block.expected_output) {
            if (auto missing = first_missing_output_line(*block.expected_output, out)) {
                result.failures.push_back(
                    page.file + ":" + std::to_string(block.expected_line + *missing - 1) +
                    ": output of the block at line " + std::to_string(block.first_line) +
                    " lacks `" + nth_line(*block.expected_output, *missing) + "`; it printed:\n" +
                    out);
            }
        }
    }
    return result;
}

}  // namespace migrate::test
