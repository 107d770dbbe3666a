#pragma once
// Offline mode (--sql): the whole script for the URL's dialect, without a connection.
// Version-table CREATEs when the range starts at base, then per migration the dialect's
// BEGIN/COMMIT around its operations' SQL and its version-table statements (one
// transaction for the whole script with transaction_per_migration: false). The schema
// before each operation (SQLite rebuilds need it) comes from replaying the revisions.

#include <string>
#include <vector>

#include "core/dialect/dialect.h"
#include "core/revision/revision_loader.h"
#include "core/runtime/version_table.h"
#include "core/schema/naming.h"

namespace migrate {

struct OfflineOptions {
    VersionTableNames version_table;
    NamingConvention naming;
    bool transaction_per_migration = true;
    std::string now;  // applied_at of the log rows
    std::string tool_version = MIGRATE_VERSION;
};

struct OfflineScript {
    std::string sql;
    std::vector<std::string> warnings;  // e.g. revisions the replay could not follow
};

// `range`: "TARGET" (from base) or "FROM:TO", as Alembic's `upgrade A:B --sql`.
OfflineScript offline_upgrade(const Dialect& dialect, RevisionLoader& revisions,
                              const std::string& range, const OfflineOptions& options);
// `range`: "FROM:TO" is required (there is no database to say where it stands).
OfflineScript offline_downgrade(const Dialect& dialect, RevisionLoader& revisions,
                                const std::string& range, const OfflineOptions& options);
// `ranges`: "TARGET" (from base; with CREATEs) or "FROM:TO"; several targets are stamped
// together, and those with a FROM must all name the same one (as in Alembic).
OfflineScript offline_stamp(const Dialect& dialect, RevisionLoader& revisions,
                            const std::vector<std::string>& ranges, bool purge,
                            const OfflineOptions& options);
inline OfflineScript offline_stamp(const Dialect& dialect, RevisionLoader& revisions,
                                   const std::string& range, bool purge,
                                   const OfflineOptions& options) {
    return offline_stamp(dialect, revisions, std::vector<std::string>{range}, purge, options);
}

}  // namespace migrate
