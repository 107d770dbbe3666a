#pragma once
// What a user sees when the command line does not parse: the unknown command or option
// named, with "did you mean" (as the model loader does for keys), instead of CLI11's
// "a command is required" or "The following argument was not expected".

#include <CLI/CLI.hpp>
#include <string>

namespace migrate::cli {

// The message for `error`, raised while parsing argv against `app` (the subcommands
// already declared).
std::string usage_message(CLI::App& app, const CLI::ParseError& error, int argc, char** argv);

// " (did you mean 'x'?)" for `word` among the names `app` accepts as subcommands, or "".
std::string command_suggestion(const CLI::App& app, const std::string& word);

}  // namespace migrate::cli
