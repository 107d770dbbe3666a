#pragma once
// Applied revisions whose file changed since they were applied: the latest upgrade
// entry of the log table carries the checksum of what ran; the file's current
// checksum (core/revision/checksum.h) is compared with it. `upgrade`, `current --verbose` and
// `check` report each as a warning.

#include <string>
#include <vector>

#include "core/dialect/dialect.h"
#include "core/revision/revision_loader.h"
#include "core/runtime/version_table.h"

namespace migrate {

struct ChangedRevision {
    std::string revision;
    std::string path;
    std::string applied_checksum;  // from the log
    std::string current_checksum;  // of the file now
    std::string applied_at;
};

// The applied revisions (the rows and their ancestors) whose latest upgrade log entry
// has a checksum different from their file's. Entries without a checksum (stamped,
// or written by an older tool) and revisions no longer applied are skipped.
std::vector<ChangedRevision> changed_revisions(RevisionLoader& revisions,
                                               const std::vector<std::string>& rows,
                                               const std::vector<LogEntry>& latest_upgrades);

// The same, reading the rows and the log from the database (no lock, no writes).
std::vector<ChangedRevision> find_changed_revisions(const Dialect& dialect, Connection& connection,
                                                    const VersionTableNames& names,
                                                    RevisionLoader& revisions);

// "revision 3f2a9c (migrations/versions/3f2a9c_add.yaml) has changed since it was applied on ..."
std::string changed_revision_warning(const ChangedRevision& changed);

}  // namespace migrate
