// Entry point: builds the CLI from the command table, parses, runs the chosen command,
// and maps every error to its exit code in one place (text or --json).

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "cli/command.h"
#include "cli/usage_errors.h"
#include "core/base/errors.h"
#include "core/dialect/database_url.h"

namespace migrate::cli {

std::vector<CommandSpec>& command_table() {
    static std::vector<CommandSpec> table;
    return table;
}

namespace {

nlohmann::json diagnostics_json(const InputError& e) {
    if (e.diagnostics().empty()) return nullptr;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& d : e.diagnostics()) {
        list.push_back({{"file", d.where.file},
                        {"line", d.where.line},
                        {"column", d.where.column},
                        {"message", mask_passwords(d.message)}});
    }
    return {{"diagnostics", list}};
}

// Replaces every occurrence of `raw` in `text` with `shown`.
std::string replace_all(std::string text, const std::string& raw, const std::string& shown) {
    for (size_t at = text.find(raw); !raw.empty() && at != std::string::npos;
         at = text.find(raw, at + shown.size()))
        text.replace(at, raw.size(), shown);
    return text;
}

// An argument that mask_passwords() cannot see whole: credentials-like ("x:y@") with
// a space or control character in it.
bool split_credentials(const std::string& arg) {
    size_t at = arg.rfind('@');
    bool spaced = std::any_of(arg.begin(), arg.end(),
                              [](char c) { return static_cast<unsigned char>(c) <= ' '; });
    return at != std::string::npos && spaced && arg.substr(0, at).find(':') != std::string::npos;
}

// What an error or warning shows of text that may quote a URL. mask_passwords() sees
// one word at a time, so the --url value, and an argument with credentials and a space
// in it, are first replaced whole by their mask_url() form.
std::function<std::string(const std::string&)> redactor(const GlobalOptions& g, int argc,
                                                        char** argv) {
    std::vector<std::string> given;
    for (int i = 1; i < argc; ++i)
        if (split_credentials(argv[i])) given.push_back(argv[i]);
    return [&g, given](const std::string& text) {
        std::string out = text;
        for (const auto& raw : given) out = replace_all(out, raw, mask_url(raw));
        if (!g.url.empty()) out = replace_all(out, g.url, mask_url(g.url));
        return mask_passwords(out);
    };
}

void add_global_options(CLI::App& app, GlobalOptions& g) {
    app.add_option_function<std::string>(
        "-c,--config",
        [&g](const std::string& v) {
            g.config_path = v;
            g.config_given = true;
        },
        "Config file (default ./migrate.yaml)");
    app.add_option("--url", g.url, "Database URL; overrides `database:` in the config");
    app.add_flag("--json", g.json, "Machine-readable output on stdout (errors included)");
    app.add_flag("-q,--quiet", g.quiet, "Print only what the command is for");
    app.add_flag("-v,--verbose", g.verbose, "Print more detail");
    app.add_flag("--no-color", g.no_color,
                 "No colour (also when NO_COLOR is set or output is not a terminal)");
    app.add_option("--lock-timeout", g.lock_timeout,
                   "Seconds to wait for the migration lock (default: wait)")
        ->check(CLI::NonNegativeNumber);
    app.add_option_function<std::vector<std::string>>(
           "-x",
           [&g](const std::vector<std::string>& values) {
               for (const auto& v : values) {
                   size_t eq = v.find('=');
                   if (eq == std::string::npos || eq == 0)
                       throw CLI::ValidationError(
                           "-x takes KEY=VALUE (for ${x.KEY} in migrate.yaml), not '" +
                           printable(v) + "'");
                   g.x_args[v.substr(0, eq)] = v.substr(eq + 1);
               }
           },
           "KEY=VALUE for ${x.KEY} in the config (repeatable)")
        ->type_name("KEY=VALUE")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

// The global options, for each command's --help (CLI11 lists only a subcommand's own).
std::string global_options_help(bool opens_database) {
    std::string s =
        "Global options (before or after the command):\n"
        "  -c,--config FILE            Config file (default ./migrate.yaml)\n";
    if (opens_database)
        s += "  --url URL                   Database URL; overrides `database:` in the config\n";
    s += "  --json                      Machine-readable output on stdout (errors included)\n"
         "  -q,--quiet                  Print only what the command is for\n"
         "  -v,--verbose                Print more detail\n"
         "  --no-color                  No colour\n"
         "  -x KEY=VALUE                ${x.KEY} in the config (repeatable)";
    if (opens_database)
        s += "\n  --lock-timeout SECONDS      Seconds to wait for the migration lock (default: "
             "wait)";
    return s;
}

}  // namespace

int run(int argc, char** argv) {
    GlobalOptions global;
    Output out;
    out.set_redactor(redactor(global, argc, argv));
    CommandContext ctx{global, out};

    CLI::App app{
        "migrate: schema migrations for SQLite, PostgreSQL and MySQL/MariaDB, from YAML models",
        "migrate"};
    app.set_version_flag("--version", std::string("migrate ") + MIGRATE_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    app.footer(
        "Run `migrate COMMAND --help` for a command's options and an example.\n"
        "Exit codes: 0 ok, 1 check failed, 2 usage or input error, 3 database error, 4 lock "
        "timeout.");
    add_global_options(app, global);

    auto& table = command_table();
    std::stable_sort(table.begin(), table.end(),
                     [](const CommandSpec& a, const CommandSpec& b) { return a.order < b.order; });
    std::vector<std::pair<CLI::App*, CommandRunner>> runners;
    for (auto& spec : table) {
        CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
        sub->footer(global_options_help(spec.opens_database) +
                    (spec.example.empty() ? "" : "\n\nExample:\n  " + spec.example));
        runners.emplace_back(sub, spec.setup(*sub, ctx));
    }

    std::string command = "migrate";
    try {
        try {
            app.parse(argc, argv);
        } catch (const CLI::Success& e) {
            return app.exit(e);
        } catch (const CLI::ParseError& e) {
            bool json = std::find_if(argv, argv + argc, [](const char* a) {
                            return std::string(a) == "--json";
                        }) != argv + argc;
            out.configure(json, false, false, color_wanted(STDOUT_FILENO, true));
            out.error(command, "usage", usage_message(app, e, argc, argv), 2);
            return 2;
        }
        out.configure(global.json, global.quiet, global.verbose,
                      color_wanted(STDOUT_FILENO, global.no_color));
        for (auto& [sub, runner] : runners) {
            if (!sub->parsed()) continue;
            command = sub->get_name();
            int code = runner();
            out.finish_json(command, code);
            return code;
        }
        out.error(command, "usage", "a command is required; run `migrate --help` to list them", 2);
        return 2;
    } catch (const InputError& e) {
        out.error(command, e.kind(), e.what(), e.exit_code(), diagnostics_json(e));
        return e.exit_code();
    } catch (const DatabaseError& e) {
        nlohmann::json details = nullptr;
        if (!e.sqlstate().empty() || !e.statement().empty())
            details = {{"sqlstate", e.sqlstate()}, {"statement", mask_passwords(e.statement())}};
        out.error(command, e.kind(), e.what(), e.exit_code(), details);
        return e.exit_code();
    } catch (const Error& e) {
        out.error(command, e.kind(), e.what(), e.exit_code());
        return e.exit_code();
    } catch (const std::exception& e) {
        out.error(command, "internal",
                  std::string("internal error: ") + e.what() +
                      " (this is a bug in migrate; please report it)",
                  70);
        return 70;
    }
}

}  // namespace migrate::cli

int main(int argc, char** argv) { return migrate::cli::run(argc, argv); }
