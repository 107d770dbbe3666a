#pragma once
// A revision partly applied on a database without transactional DDL (MySQL commits at
// every DDL statement): a migration there runs operation by operation, and when a
// failed one could not be undone, the first `done` of its `total` operations stay
// applied. The state is one row of the version log whose direction is "partial" and
// whose checksum column reads "<direction> <done>/<total>" ("upgrade 2/5"): the version
// table keeps Alembic's shape (its rows still name the completed revisions) and readers
// that know only "upgrade" log rows pass it by. This file owns the text: how the row
// reads, and how commands say the state and the way on.

#include <optional>
#include <string>
#include <vector>

#include "core/operations/operations.h"
#include "core/revision/revision_graph.h"
#include "core/revision/revision_loader.h"

namespace migrate {

struct PartialStep {
    std::string revision;
    Direction direction = Direction::Upgrade;
    size_t done = 0;   // operations of `direction` applied, from the first
    size_t total = 0;  // the revision's operations in that direction when it ran

    // "upgrade 2/5": the log row's checksum column.
    std::string progress() const;
    // "revision b is partially applied: 2 of 5 operations" (a downgrade: "partially
    // downgraded: 2 of 5 downgrade operations").
    std::string describe() const;
    bool operator==(const PartialStep&) const = default;
};

// Reads a "partial" log row; nullopt for a text that is not "<direction> <done>/<total>".
std::optional<PartialStep> parse_partial(const std::string& revision, const std::string& progress);

// What to do next, for error messages, `current` and `check`: resuming (after fixing the
// cause) continues the direction from operation done+1; the other direction undoes the
// first `done` operations, unless `undo_blocker` names why they cannot be undone (then
// by hand, and `migrate stamp` clears the record). `rows` are where the version table
// stands ("a", "base").
std::string partial_way_on(const PartialStep& partial, const std::string& rows,
                           const std::string& undo_blocker);

// Why the first `done` operations of the partial step cannot be undone by their
// reverses ("" when they can): the first operation, from the last, without a reverse. An
// `execute` bound to another dialect than `dialect` ran nothing and needs no undo.
std::string partial_undo_blocker(const PartialStep& partial, const Revision& full_revision,
                                 const std::string& dialect);

// Whether `op` ran nothing on `dialect` (an execute bound to another dialect).
bool skipped_on(const Operation& op, const std::string& dialect);

// The state and the way on, for `current`, `check` and refused runs: "revision b is
// partially applied: 2 of 5 operations; the database stays at a with it. To go on: ...".
// `rows`: the version table's rows.
std::string partial_status(const PartialStep& partial, RevisionLoader& revisions,
                           const std::vector<std::string>& rows, const std::string& dialect);

}  // namespace migrate
