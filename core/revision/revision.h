#pragma once
// One revision: the value a revision file holds once parsed. The revision graph is
// built from these values (pure, in memory); core/revision/revision_file.h reads and writes them.

#include <string>
#include <vector>

#include "core/operations/operations.h"

namespace migrate {

struct Revision {
    std::string id;                           // "3f2a9c1b7d4e" (always a string)
    std::vector<std::string> down_revisions;  // empty = a base; several = a merge point
    std::vector<std::string> branch_labels;   // labels declared on this revision
    std::vector<std::string> depends_on;      // ids (or labels) this one needs applied first
    std::string message;
    std::string create_date;  // ISO 8601, as written ("2026-11-21T10:15:00Z")
    Operations upgrade;
    Operations downgrade;
    std::vector<std::string> allow_hazards;  // hazards acknowledged for `lint`
    // false (`transactional: false`): the migration runs outside a transaction, operation
    // by operation with its progress recorded (docs/partial-migrations.md), whatever the
    // database. Needed to mix operations that cannot run in a transaction (create_index
    // with `concurrently`) with others.
    bool transactional = true;
    // Comment lines written at the top of a new file (a warning for the reviewer); being
    // comments, they are never read back and never part of the checksum.
    std::vector<std::string> notes;
    std::string path;               // the file it came from ("" when built in memory)
    bool operations_loaded = true;  // false when only the header was read (LoadMode::Headers)

    bool is_base() const { return down_revisions.empty(); }
    bool is_merge_point() const { return down_revisions.size() > 1; }
    // "path" or "revision 'id'" when built in memory: how messages name it.
    std::string where() const { return path.empty() ? "revision '" + id + "'" : path; }

    bool operator==(const Revision&) const = default;
};

}  // namespace migrate
