#pragma once
// The table of subcommands. Each cli/cmd_<name>.cpp defines one subcommand and
// registers it with a static CommandRegistration, so main.cpp never changes when a
// command is added:
//
//   static const CommandRegistration registration{{
//       .name = "models", .order = 20, .summary = "...",
//       .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner { ... }}};
//
// setup() declares the subcommand's options on `sub` and returns the function that
// runs it. The runner returns the exit code (0 ok, 1 check failed) and throws
// migrate::Error subclasses for everything else; main maps those to exit codes.

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/output.h"

namespace migrate::cli {

// Options accepted before or after any subcommand.
struct GlobalOptions {
    std::string config_path = "migrate.yaml";
    bool config_given = false;  // -c was passed explicitly
    std::string url;            // --url; "" = from the config
    bool json = false;
    bool quiet = false;
    bool verbose = false;
    bool no_color = false;
    std::optional<double> lock_timeout;
    std::map<std::string, std::string> x_args;  // -x KEY=VALUE, for ${x.KEY} in the config
};

struct CommandContext {
    GlobalOptions& global;
    Output& out;
};

using CommandRunner = std::function<int()>;

struct CommandSpec {
    std::string name;
    int order = 100;  // position in `migrate --help`
    // Whether it may open the database (its --help then lists --url and --lock-timeout).
    bool opens_database = true;
    std::string summary;  // one line for the command list
    std::string example;  // shown in the subcommand's --help footer
    std::function<CommandRunner(CLI::App& sub, CommandContext& ctx)> setup;
};

std::vector<CommandSpec>& command_table();

struct CommandRegistration {
    explicit CommandRegistration(CommandSpec spec) { command_table().push_back(std::move(spec)); }
};

}  // namespace migrate::cli
