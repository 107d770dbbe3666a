// Checksum comparison of applied revisions with their files (checksum_check.h).

#include "core/runtime/checksum_check.h"

#include <unordered_set>

#include "core/revision/checksum.h"

namespace migrate {

std::vector<ChangedRevision> changed_revisions(RevisionLoader& revisions,
                                               const std::vector<std::string>& rows,
                                               const std::vector<LogEntry>& latest_upgrades) {
    std::vector<ChangedRevision> changed;
    if (latest_upgrades.empty()) return changed;
    const RevisionGraph& graph = revisions.graph();
    std::vector<std::string> known_rows;
    for (const auto& r : rows)
        if (graph.find(r)) known_rows.push_back(r);
    auto applied_ids = graph.applied(known_rows);
    std::unordered_set<std::string> applied(applied_ids.begin(), applied_ids.end());
    for (const auto& entry : latest_upgrades) {
        if (entry.checksum.empty() || !applied.count(entry.revision)) continue;
        std::shared_ptr<const Revision> revision = revisions.full(entry.revision);
        std::string now = revision_checksum(*revision);
        if (now != entry.checksum)
            changed.push_back(
                {revision->id, revision->path, entry.checksum, now, entry.applied_at});
    }
    return changed;
}

std::vector<ChangedRevision> find_changed_revisions(const Dialect& dialect, Connection& connection,
                                                    const VersionTableNames& names,
                                                    RevisionLoader& revisions) {
    VersionTable table(dialect, names);
    auto rows = table.read_heads(connection);
    if (rows.empty()) return {};
    return changed_revisions(revisions, rows, table.read_latest_upgrades(connection));
}

std::string changed_revision_warning(const ChangedRevision& c) {
    return "revision " + c.revision + " (" + c.path + ") has changed since it was applied" +
           (c.applied_at.empty() ? "" : " on " + c.applied_at) +
           ": the database ran a different version of its operations (checksum " +
           c.applied_checksum.substr(0, 19) + "..., now " + c.current_checksum.substr(0, 19) +
           "...); put the file back, or add a new revision for the change";
}

}  // namespace migrate
