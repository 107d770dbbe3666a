#pragma once
// What `revision --autogenerate`, `check` and `diff` share: the project loaded (config,
// models, revisions), the comparison run online (the configured database) or offline
// (the replayed head schema), and one way to print the report as text or JSON.

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/project.h"
#include "core/runtime/autogenerate.h"

namespace migrate::cli {

struct AutogenerateRun {
    Settings settings;
    ScriptDirectory script;
    Schema models;
    std::unique_ptr<Dialect> dialect;  // online: the database's; offline: the URL's, or nullptr
    AutogenerateReport report;
};

// Loads the project and compares. Online connects read-only to the configured database
// (a SQLite file that does not exist is an error, or an empty database with
// `missing_is_empty`: nothing is created either way); offline never connects and uses
// the URL's dialect, when one is configured, to normalise. `include_drift` keeps the
// operations that undo drift in the diff (revision/diff --include-drift).
AutogenerateRun run_autogenerate(const GlobalOptions& global, bool offline,
                                 bool include_drift = false, bool missing_is_empty = false);

// "Detected added table 'posts'" per change (a warning line for destructive ones).
void print_changes(Output& out, const std::vector<Change>& changes, const std::string& indent = "");
// Only the warning lines of the changes (diff prints operations, not changes).
void print_change_warnings(Output& out, const std::vector<Change>& changes);
// Drift, "not managed" objects and the report's warnings.
void print_drift(Output& out, const AutogenerateReport& report);
void print_not_managed(Output& out, const AutogenerateReport& report);
// After print_drift, for revision and diff: whether the operations undo the drift, and
// what to do about it otherwise.
void print_drift_policy(Output& out, const AutogenerateReport& report);
// The comment lines a revision written with --include-drift carries at its top.
std::vector<std::string> drift_notes(const AutogenerateReport& report);
// "FAILED: the revisions have 2 unmerged heads (a, b): ..." when there are any.
void print_unmerged_heads(Output& out, const AutogenerateReport& report);
void print_warnings(Output& out, const AutogenerateReport& report);

// The report for --json: changes, operations (described), drift, not_managed, warnings.
nlohmann::json report_json(const AutogenerateReport& report);

}  // namespace migrate::cli
