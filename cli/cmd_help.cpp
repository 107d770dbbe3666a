// `migrate help [COMMAND]` and `migrate version`: the forms Alembic users and other tools
// take for granted, the same text as `--help` and `--version`.

#include <iostream>

#include "cli/command.h"
#include "cli/usage_errors.h"
#include "core/base/errors.h"

namespace migrate::cli {

namespace {

int run_help(CLI::App& app, const std::string& command) {
    if (command.empty()) {
        // Not app.help(): with a subcommand parsed (this one), it prints that one's help.
        std::cout << app.get_formatter()->make_help(&app, "migrate", CLI::AppFormatMode::Normal);
        return 0;
    }
    CLI::App* sub = nullptr;
    for (CLI::App* s : app.get_subcommands([](CLI::App*) { return true; }))
        if (s->get_name() == command) sub = s;
    if (!sub)
        throw InputError("unknown command '" + printable(command) + "'" +
                         command_suggestion(app, command) +
                         "; run `migrate help` to list the commands");
    std::cout << sub->help("migrate");
    return 0;
}

const CommandRegistration help_registration{{
    .name = "help",
    .order = 90,
    .opens_database = false,
    .summary = "Show the help of migrate or of one command",
    .example = "migrate help upgrade",
    .setup = [](CLI::App& sub, CommandContext&) -> CommandRunner {
        auto command = std::make_shared<std::string>();
        sub.add_option("command", *command, "The command to explain");
        CLI::App* app = sub.get_parent();
        return [app, command] { return run_help(*app, *command); };
    },
}};

const CommandRegistration version_registration{{
    .name = "version",
    .order = 91,
    .opens_database = false,
    .summary = "Show migrate's version",
    .example = "migrate version --json",
    .setup = [](CLI::App&, CommandContext& ctx) -> CommandRunner {
        return [&ctx] {
            ctx.out.set_result({{"version", MIGRATE_VERSION}});
            ctx.out.print(std::string("migrate ") + MIGRATE_VERSION);
            return 0;
        };
    },
}};

}  // namespace

}  // namespace migrate::cli
