#pragma once
// One way to print a revision: as a history line, a head line, a verbose entry, or
// JSON; and the report of a revision just written ("Generating <path> ... done").

#include <nlohmann/json.hpp>
#include <string>

#include "cli/command.h"
#include "core/project/script_directory.h"
#include "core/revision/revision_graph.h"

namespace migrate::cli {

// Alembic-style: "8c0d2e -> 3f2a9c (head), add posts table"; a base shows "<base>",
// a merge "a, b -> m (mergepoint)", depends_on "(dep)" after the parents.
std::string history_line(const RevisionGraph& graph, const Revision& revision);
// "3f2a9c1b7d4e (feat) (head)": the id, labels and head marker.
std::string head_line(const RevisionGraph& graph, const Revision& revision);
// A multi-line entry: Rev, Parent, Also depends on, Branches into, Merges, Branch
// names, Path, and the message with id and date.
std::string verbose_entry(const RevisionGraph& graph, const Revision& revision);

nlohmann::json revision_json(const RevisionGraph& graph, const Revision& revision);

// Writes `revision` into the script directory (ScriptDirectory::write), then reports
// it as Alembic does ("Generating <path> ... done"), with "path" and "revision" added
// to `result` for --json. Returns the exit code (0).
int write_and_report_revision(CommandContext& ctx, const ScriptDirectory& script, Revision revision,
                              const std::string& version_path,
                              nlohmann::json result = nlohmann::json::object());

}  // namespace migrate::cli
