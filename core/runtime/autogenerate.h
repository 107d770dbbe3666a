#pragma once
// Autogenerate as the commands use it (`revision --autogenerate`, `check`, `diff`):
// compares the models with the database (online) or with the head schema replayed
// from the revisions (offline), and returns one report: the changes and their
// upgrade/downgrade operations, drift (the database vs what its applied revisions
// imply), the objects that are not managed, and warnings. The CLI prints the report.

#include <optional>
#include <string>
#include <vector>

#include "core/dialect/dialect.h"
#include "core/diff/differ.h"
#include "core/revision/revision_graph.h"
#include "core/runtime/version_table.h"
#include "core/schema/naming.h"
#include "core/schema/schema.h"

namespace migrate {

struct AutogenerateSettings {
    std::vector<std::string> include_schemas;
    std::vector<std::string> exclude_tables;
    VersionTableNames version_table;
    NamingConvention naming;
    // Online, with drift: diff the models against the reflected database, so that the
    // operations also undo the drift (`--include-drift`). Otherwise drift is reported and
    // left out of the operations.
    bool include_drift = false;
};

// Where the database stands relative to the revision graph (online only).
enum class DatabaseState {
    AtHead,       // version-table rows == graph heads (an empty database with no revisions too)
    Behind,       // rows differ from the heads: `upgrade head` first
    Unversioned,  // tables but no version table: `stamp` it
};

struct AutogenerateReport {
    bool offline = false;
    DatabaseState state = DatabaseState::AtHead;
    std::vector<std::string> database_heads;  // version-table rows (online)
    std::vector<std::string> graph_heads;
    Schema current;   // what the models were compared with: reflected or replayed
    DiffResult diff;  // current -> models
    // Online, under version control: replayed(applied revisions) -> reflected database.
    // "added column 'users.x'" means the database has a column its revisions never made.
    std::optional<DiffResult> drift;
    std::vector<UnmanagedObject> not_managed;
    std::vector<std::string> warnings;  // revisions the replay could not follow, checksums
    bool drift_included = false;        // the operations also undo the drift (include_drift)
    // Heads to merge (RevisionGraph::unmerged_heads): `check` fails while there are any.
    std::vector<std::string> unmerged_heads;
    // Revisions partly applied (core/runtime/partial_step.h), each said with the way on;
    // any makes the database Behind.
    std::vector<std::string> partial;

    bool at_head() const { return state == DatabaseState::AtHead; }
    bool has_drift() const { return drift && !drift->empty(); }
    // "the database is behind head (at a, heads b): run `migrate upgrade head` first".
    std::string state_message() const;
};

// Online: reads the version table, reflects the database (version tables hidden), and
// diffs it with the models. Drift is computed when the database has a version table and
// its rows are known revisions. The database is only read.
AutogenerateReport compare_with_database(const Schema& models, const RevisionGraph& graph,
                                         const Dialect& dialect, Connection& connection,
                                         const AutogenerateSettings& settings);

// Offline: replays the graph's heads (core/revision/replay.h) and diffs the result with the
// models. `dialect` (may be nullptr) normalises both sides and decides which
// dialect-specific `execute` operations the replay follows. No connection.
AutogenerateReport compare_with_revisions(const Schema& models, const RevisionGraph& graph,
                                          const Dialect* dialect,
                                          const AutogenerateSettings& settings);

// The SQL that `ops` render to on `dialect`, starting from `before` (each statement
// complete, without a trailing semicolon), as `diff --sql` prints it.
std::vector<std::string> render_operations(const Dialect& dialect, Schema before,
                                           const Operations& ops, const NamingConvention& naming);

}  // namespace migrate
