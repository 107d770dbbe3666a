#pragma once
// Runs real programs (the built `migrate`, psql, sqlite3) the way a user or CI does:
// fresh process, given working directory and environment additions, no stdin.

#include <string>
#include <utility>
#include <vector>

namespace migrate::test {

struct ProcessResult {
    int exit_code = -1;  // 128+N when killed by signal N
    std::string out;
    std::string err;
};

using EnvVars = std::vector<std::pair<std::string, std::string>>;

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd = "",
                          const EnvVars& env = {}, const std::string& stdin_text = "");

// Runs the built migrate binary with NO_COLOR unset and no TTY.
ProcessResult run_migrate(const std::vector<std::string>& args, const std::string& cwd = "",
                          const EnvVars& env = {});

std::string migrate_binary();
std::string source_dir();

}  // namespace migrate::test
