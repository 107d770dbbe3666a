#include "cli/usage_errors.h"

#include <algorithm>
#include <vector>

#include "core/base/errors.h"

namespace migrate::cli {

namespace {

// The global options that take a value: their value is not a command name.
bool takes_value(const std::string& arg) {
    return arg == "-c" || arg == "--config" || arg == "--url" || arg == "--lock-timeout" ||
           arg == "-x";
}

// The first argument that is not an option or an option's value: what the user meant as
// the command.
std::string first_word(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (takes_value(arg)) {
            ++i;
            continue;
        }
        if (!arg.empty() && arg[0] != '-') return arg;
    }
    return "";
}

std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        for (const auto& n : option->get_lnames()) names.push_back("--" + n);
        for (const auto& n : option->get_snames()) names.push_back("-" + n);
    }
    return names;
}

// The one option that `name` abbreviates ("--autogen" for "--autogenerate"), or "".
std::string unique_prefix_of(const std::string& name, const std::vector<std::string>& known) {
    std::string found;
    for (const auto& k : known) {
        if (name.size() < 3 || k.size() <= name.size() || k.compare(0, name.size(), name) != 0)
            continue;
        if (!found.empty() && found != k) return "";
        found = k;
    }
    return found;
}

std::string quote_list(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "'" : ", '") + printable(w) + "'";
    return s;
}

std::string extras_message(CLI::App& app, const std::vector<std::string>& extras) {
    CLI::App* command = nullptr;
    for (CLI::App* sub : app.get_subcommands()) command = sub;  // the one parsed
    std::string where = command ? "`migrate " + command->get_name() + "`" : "`migrate`";
    std::vector<std::string> known = option_names(app);
    if (command) {
        auto own = option_names(*command);
        known.insert(known.end(), own.begin(), own.end());
    }
    std::vector<std::string> options, words;
    std::string hint;
    for (const auto& extra : extras) {
        std::string name = extra.substr(0, extra.find('='));
        if (!name.empty() && name[0] == '-') {
            options.push_back(name);
            std::string match = unique_prefix_of(name, known);
            if (match.empty()) match = closest_match(name, known);
            if (hint.empty() && !match.empty()) hint = " (did you mean '" + match + "'?)";
        } else {
            words.push_back(extra);
        }
    }
    std::string help =
        "; run `migrate " + (command ? command->get_name() + " " : "") + "--help` for its options";
    if (!options.empty())
        return std::string(options.size() == 1 ? "unknown option " : "unknown options ") +
               quote_list(options) + " for " + where + hint + help;
    return std::string(words.size() == 1 ? "unexpected argument " : "unexpected arguments ") +
           quote_list(words) + " for " + where + help;
}

}  // namespace

std::string command_suggestion(const CLI::App& app, const std::string& word) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    std::string match = closest_match(word, names);
    return match.empty() ? "" : " (did you mean '" + match + "'?)";
}

std::string usage_message(CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
    bool no_command = app.get_subcommands().empty();
    std::string word = first_word(argc, argv);
    if (no_command && !word.empty())
        return "unknown command '" + printable(word) + "'" + command_suggestion(app, word) +
               "; run `migrate --help` to list the commands";
    if (no_command && error.get_name() == "RequiredError")
        return "a command is required; run `migrate --help` to list them";
    // CLI11 checks what is required before what is unexpected: `upgrade --autogen` names
    // the unknown option rather than the missing TARGET it pushed out.
    if (error.get_name() == "RequiredError") {
        std::vector<std::string> unknown;
        for (const auto& arg : app.remaining(true))
            if (arg.size() > 1 && arg[0] == '-') unknown.push_back(arg);
        if (!unknown.empty()) return extras_message(app, unknown);
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
        // CLI11 names the arguments it did not expect at the end of its message.
        std::string text = error.what();
        size_t colon = text.find("expected: ");
        // Matched against argv in order, so an argument with a space stays whole (and the
        // output's redactor, which masks whole arguments, still recognises it).
        std::vector<std::string> extras;
        std::string rest = colon == std::string::npos ? "" : text.substr(colon + 10);
        for (int i = 1; i < argc && !rest.empty(); ++i) {
            std::string arg = argv[i];
            if (arg.empty() || rest.compare(0, arg.size(), arg) != 0) continue;
            if (rest.size() > arg.size() && rest[arg.size()] != ' ') continue;
            extras.push_back(arg);
            rest.erase(0, std::min(rest.size(), arg.size() + 1));
        }
        return extras_message(app, extras);
    }
    return error.what();
}

}  // namespace migrate::cli
