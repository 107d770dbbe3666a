#include "cli/output.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace migrate::cli {

bool color_wanted(int fd, bool no_color_flag) {
    if (no_color_flag) return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string(term) == "dumb") return false;
    return isatty(fd) != 0;
}

void Output::configure(bool json, bool quiet, bool verbose, bool color) {
    json_ = json;
    quiet_ = quiet;
    verbose_ = verbose;
    color_ = color && !json;
    color_stderr_ = color && color_wanted(STDERR_FILENO, false);
}

std::string Output::style(const std::string& text, Style s) const {
    if (!color_ || s == Style::Plain) return text;
    const char* code = "";
    switch (s) {
        case Style::Bold:
            code = "1";
            break;
        case Style::Dim:
            code = "2";
            break;
        case Style::Green:
            code = "32";
            break;
        case Style::Yellow:
            code = "33";
            break;
        case Style::Red:
            code = "31";
            break;
        case Style::Cyan:
            code = "36";
            break;
        case Style::Plain:
            break;
    }
    return std::string("\033[") + code + "m" + text + "\033[0m";
}

void Output::print(const std::string& line) {
    if (json_) return;
    std::cout << line << '\n';
}

void Output::progress(const std::string& line) {
    if (quiet_) return;
    (json_ ? std::cerr : std::cout) << line << std::endl;
}

void Output::warning(const std::string& text) {
    std::string message = redact_(text);
    warnings_.push_back(message);
    std::string prefix = color_stderr_ ? "\033[33mwarning:\033[0m " : "warning: ";
    std::cerr << prefix << message << std::endl;
}

void Output::detail(const std::string& line) {
    if (verbose_) std::cerr << line << std::endl;
}

void Output::finish_json(const std::string& command, int exit_code) {
    if (!json_) return;
    nlohmann::json doc = {
        {"schema_version", kJsonSchemaVersion},
        {"command", command},
        {"ok", exit_code == 0},
        {"exit_code", exit_code},
        {"result", result_.is_null() ? nlohmann::json::object() : result_},
        {"warnings", warnings_},
    };
    std::cout << doc.dump(2) << std::endl;
}

void Output::error(const std::string& command, const std::string& kind, const std::string& text,
                   int exit_code, const nlohmann::json& details) {
    std::string message = redact_(text);
    if (json_) {
        nlohmann::json err = {{"kind", kind}, {"message", message}};
        if (!details.is_null()) err["details"] = details;
        nlohmann::json doc = {
            {"schema_version", kJsonSchemaVersion},
            {"command", command},
            {"ok", false},
            {"exit_code", exit_code},
            {"error", err},
            {"warnings", warnings_},
        };
        if (!result_.is_null()) doc["result"] = result_;
        std::cout << doc.dump(2) << std::endl;
        return;
    }
    std::string prefix = color_stderr_ ? "\033[31merror:\033[0m " : "error: ";
    std::cerr << prefix << message << std::endl;
}

}  // namespace migrate::cli
