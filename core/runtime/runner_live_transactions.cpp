// The live sink's transactions (LiveSink in runner_internal.h). A step is one
// transaction; or, where the dialect allows grouped commits, one savepoint inside a
// transaction that is committed once it is group_commit_seconds old (and at the end):
// a failed step is rolled back to its savepoint and the steps before it are committed,
// exactly as if each had committed alone, for one commit (a handful of fsyncs on SQLite)
// per group instead of per migration.

#include "core/base/errors.h"
#include "core/runtime/runner_internal.h"

namespace migrate::detail {

namespace {

const char* const kSavepoint = "migrate_step";

}  // namespace

void LiveSink::begin_run() {
    whole_run_ = true;
    if (transactional_) connection_.begin();
}

void LiveSink::begin() {
    if (!transactional_) return;
    step_alone_ = false;
    if (!grouped_) return connection_.begin();
    if (!group_open_) {
        connection_.begin();
        group_open_ = true;
        group_start_ = std::chrono::steady_clock::now();
    }
    connection_.execute(std::string("SAVEPOINT ") + kSavepoint);
}

bool LiveSink::commit() {
    if (!transactional_) return true;
    if (!grouped_ || step_alone_) {
        if (connection_.in_transaction()) connection_.commit();
        return true;
    }
    connection_.execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
    std::chrono::duration<double> open = std::chrono::steady_clock::now() - group_start_;
    if (open.count() < options_.group_commit_seconds) return false;
    connection_.commit();
    group_open_ = false;
    return true;
}

bool LiveSink::rollback() {
    if (!transactional_) return true;  // the steps before committed themselves
    if (!grouped_ || whole_run_ || step_alone_) {
        if (connection_.in_transaction()) connection_.rollback();
        return !whole_run_;
    }
    if (!group_open_) return true;
    group_open_ = false;
    try {
        connection_.execute(std::string("ROLLBACK TO SAVEPOINT ") + kSavepoint);
        connection_.execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
        connection_.commit();
        return true;
    } catch (const Error&) {
        // The connection cannot keep the group (it was lost): nothing of it stays.
        try {
            connection_.rollback();
        } catch (const Error&) {
        }
        return false;
    }
}

// A migration that runs outside a transaction commits what ran before it (the open
// group with it) and then runs alone: its version-table changes are a plain transaction.
void LiveSink::leave_transaction(const Revision& revision, Direction direction) {
    if (!transactional_ || !runs_outside_transaction(revision, direction)) return;
    step_by_step_ = true;
    autocommit_ = true;
    step_alone_ = true;
    group_open_ = false;
    if (connection_.in_transaction()) connection_.commit();
}

}  // namespace migrate::detail
