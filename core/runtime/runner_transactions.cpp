// Migrations outside a transaction (runner_sink.h): which migrations run outside one
// (`transactional: false`, or only operations that cannot run in one), and the checks
// made before anything runs: a migration that mixes such operations with others, and
// IF [NOT] EXISTS on columns where the database has no such DDL, are refused (InputError,
// exit 2) naming the file and the operation, on every sink.

#include "core/base/errors.h"
#include "core/runtime/runner_sink.h"

namespace migrate::detail {

namespace {

const Operations& operations_of(const Revision& revision, Direction direction) {
    return direction == Direction::Upgrade ? revision.upgrade : revision.downgrade;
}

std::string place(Direction direction, size_t index, const Operation& op) {
    return std::string(to_string(direction)) + " operation " + std::to_string(index + 1) + " (" +
           describe(op) + ")";
}

const char* why_outside(const Operation& op) {
    return op.is<Execute>() ? "transactional: false" : "concurrently: true";
}

void check_mixing(const Revision& revision, Direction direction) {
    if (!revision.transactional) return;
    const Operations& ops = operations_of(revision, direction);
    std::optional<size_t> outside, inside;
    for (size_t i = 0; i < ops.size(); ++i) {
        if (runs_outside_transaction(ops[i]))
            outside = outside.value_or(i);
        else
            inside = inside.value_or(i);
    }
    if (!outside || !inside) return;
    const Operation& out = ops[*outside];
    throw InputError(revision.where() + ", " + place(direction, *outside, out) +
                     ": it cannot run inside a transaction (" + why_outside(out) + "), but " +
                     place(direction, *inside, ops[*inside]) +
                     " runs inside the migration's transaction; move it to a revision of its "
                     "own, or declare the whole revision `transactional: false` (its operations "
                     "then run one by one, their progress recorded); nothing was applied");
}

void check_column_conditions(const Dialect& dialect, const Revision& revision,
                             Direction direction) {
    if (dialect.capabilities().if_exists_columns) return;
    const Operations& ops = operations_of(revision, direction);
    for (size_t i = 0; i < ops.size(); ++i) {
        const auto* add = ops[i].as<AddColumn>();
        const auto* drop = ops[i].as<DropColumn>();
        if (!(add && add->if_not_exists) && !(drop && drop->if_exists)) continue;
        throw InputError(revision.where() + ", " + place(direction, i, ops[i]) + ": " +
                         dialect.name() + " has no " +
                         (add ? "ADD COLUMN IF NOT EXISTS" : "DROP COLUMN IF EXISTS") + ", so '" +
                         (add ? "if_not_exists" : "if_exists") +
                         "' cannot be applied to it; nothing was applied");
    }
}

}  // namespace

bool runs_outside_transaction(const Revision& revision, Direction direction) {
    if (!revision.transactional) return true;
    for (const auto& op : operations_of(revision, direction))
        if (runs_outside_transaction(op)) return true;
    return false;
}

bool check_transaction_modes(const Dialect& dialect, RevisionLoader& revisions,
                             const RunPlan& plan) {
    bool outside = false;
    for (const auto& step : plan.steps) {
        if (step.is_stamp()) continue;
        std::shared_ptr<const Revision> full = revisions.full(step.plan.revision->id);
        Direction direction =
            step.undo_partial ? step.undo_partial->direction : step.plan.direction;
        check_mixing(*full, direction);
        if (!step.undo_partial) check_column_conditions(dialect, *full, direction);
        outside = outside || runs_outside_transaction(*full, direction);
    }
    return outside;
}

}  // namespace migrate::detail
