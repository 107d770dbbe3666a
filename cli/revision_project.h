#pragma once
// What the revision commands share: the config's version folders loaded into a
// revision graph (paths shown relative to the working directory), and one way to
// print a revision as a history line, a verbose entry, or JSON.

#include <nlohmann/json.hpp>
#include <string>

#include "cli/command.h"
#include "core/runtime/config.h"
#include "core/revision/revision_file.h"
#include "core/revision/revision_graph.h"

namespace migrate::cli {

struct RevisionProject {
    Config config;
    RevisionGraph graph;
};

// Loads the config (-c) and every revision file of its version folders. Headers mode
// (the default) suits the commands that only walk the graph.
RevisionProject load_revision_project(const GlobalOptions& global, LoadMode mode = LoadMode::Headers);

// A path for messages: relative to the working directory when under it.
std::string display_path(const std::string& path);

// Alembic-style: "8c0d2e -> 3f2a9c (head), add posts table"; a base shows "<base>",
// a merge "a, b -> m (mergepoint)", depends_on "(dep)" after the parents.
std::string history_line(const RevisionGraph& graph, const Revision& revision);
// "3f2a9c1b7d4e (feat) (head)": the id, labels and head marker.
std::string head_line(const RevisionGraph& graph, const Revision& revision);
// A multi-line entry: Rev, Parent, Also depends on, Branches into, Merges, Branch
// names, Path, and the message with id and date.
std::string verbose_entry(const RevisionGraph& graph, const Revision& revision);

nlohmann::json revision_json(const RevisionGraph& graph, const Revision& revision);

}  // namespace migrate::cli

namespace migrate::cli {

// Ids and dates for new revisions: random ids; the clock honours SOURCE_DATE_EPOCH
// (reproducible files, golden tests).
RevisionSource cli_revision_source();

// Validates `revision` against the graph (ids, parents, labels, cycles), picks its
// folder (--version-path, which must be a configured folder; else the folder of its
// first parent; else the first configured folder), writes it, returns the path.
std::string write_new_revision(const RevisionProject& project, Revision revision, const std::string& version_path);

// write_new_revision, then the report Alembic users know ("Generating <path> ... done"),
// with "path" and "revision" added to `result` for --json. Returns the exit code (0).
int write_and_report_revision(CommandContext& ctx, const RevisionProject& project, Revision revision,
                              const std::string& version_path, nlohmann::json result = nlohmann::json::object());

}  // namespace migrate::cli
