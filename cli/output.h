#pragma once
// The one place that writes to the terminal. Commands compute results and hand them
// here: text for people (colour only on a TTY, never with NO_COLOR or --no-color),
// or one JSON document on stdout with --json (errors included, schema_version field).

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace migrate::cli {

enum class Style { Plain, Bold, Dim, Green, Yellow, Red, Cyan };

class Output {
  public:
    Output() = default;
    void configure(bool json, bool quiet, bool verbose, bool color);
    // Applied to every error and warning message before it is shown (main masks
    // passwords with it); identity by default.
    void set_redactor(std::function<std::string(const std::string&)> redact) {
        redact_ = std::move(redact);
    }

    bool json() const { return json_; }
    bool quiet() const { return quiet_; }
    bool verbose() const { return verbose_; }

    // A line of the command's text result on stdout. Ignored in JSON mode.
    void print(const std::string& line);
    // Progress of a long run ("Running upgrade a -> b, msg"). stdout in text mode,
    // stderr in JSON mode (stdout holds the document); silent with --quiet.
    void progress(const std::string& line);
    // "warning: ..." on stderr; in JSON mode also listed under "warnings".
    void warning(const std::string& message);
    // Extra detail shown with --verbose only (stderr).
    void detail(const std::string& line);

    // The JSON payload for --json ("result"). Commands call this once.
    void set_result(nlohmann::json result) { result_ = std::move(result); }
    // Prints the JSON document for a successful command (exit code given).
    void finish_json(const std::string& command, int exit_code);
    // Reports an error: text on stderr, or the JSON error document on stdout.
    void error(const std::string& command, const std::string& kind, const std::string& message,
               int exit_code, const nlohmann::json& details = nullptr);

    std::string style(const std::string& text, Style style) const;

  private:
    bool json_ = false;
    bool quiet_ = false;
    bool verbose_ = false;
    bool color_ = false;
    bool color_stderr_ = false;
    nlohmann::json result_;
    std::vector<std::string> warnings_;
    std::function<std::string(const std::string&)> redact_ = [](const std::string& s) { return s; };
};

// Whether colour should be used on the given stream (TTY, no NO_COLOR, no --no-color).
bool color_wanted(int fd, bool no_color_flag);

constexpr int kJsonSchemaVersion = 1;

}  // namespace migrate::cli
