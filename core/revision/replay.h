#pragma once
// "The schema at a revision" (SPEC.md): replays revisions' upgrade operations from base
// in memory with apply_operation, no database needed. It powers `check --offline`,
// drift detection, `revision --autogenerate --offline`, and offline SQL for SQLite
// rebuilds (the table definition comes from the replay).

#include <string>
#include <vector>

#include "core/schema/naming.h"
#include "core/schema/schema.h"

namespace migrate {

class RevisionGraph;
class RevisionLoader;
struct Revision;

struct ReplayResult {
    Schema schema;  // sorted
    // Revisions with an `execute` that applies to the dialect and declares no `effect`:
    // the replay cannot know what its SQL did to the schema. Ids, in replay order.
    std::vector<std::string> not_followed;
};

// Replays every revision that `heads` imply applied (the heads and their ancestors), in
// topological order. `dialect` ("sqlite", "postgresql", or "" when unknown) decides
// which dialect-specific `execute` operations apply. Throws InputError naming the
// revision file and operation when an operation does not fit the replayed schema.
ReplayResult replay_to(const RevisionGraph& graph, const std::vector<std::string>& heads,
                       const std::string& dialect, const NamingConvention& naming);

// replay_to for a graph of headers: each revision that `heads` imply applied is read in
// full through `loader`, applied and dropped, so memory holds one revision at a time.
ReplayResult replay_loaded(const RevisionLoader& loader, const std::vector<std::string>& heads,
                           const std::string& dialect, const NamingConvention& naming);

// Applies the upgrade operations of one revision (loaded in full) to `schema`; false
// when it has an execute that cannot be followed (see ReplayResult).
bool replay_revision(Schema& schema, const Revision& revision, const std::string& dialect,
                     const NamingConvention& naming);

// Applies the upgrade operations of the given revisions, in the given order, to `schema`.
// Returns the ids not followed (see ReplayResult).
std::vector<std::string> replay_revisions(Schema& schema, const RevisionGraph& graph,
                                          const std::vector<std::string>& revision_ids,
                                          const std::string& dialect,
                                          const NamingConvention& naming);

}  // namespace migrate
