#pragma once
// One plan, two sinks (not a public API): the runner plans a run (upgrade, downgrade or
// stamp) from the version rows and runs it through ONE loop, run_plan(), into a sink.
// The live sink (runner_live_sink.cpp) executes it on a connection under the migration
// lock, one transaction per migration, re-planning when a concurrent run moved the
// rows; the script sink (runner_script_sink.cpp) writes it as the --sql script. Online
// and offline therefore cannot disagree on what a plan does to the version table.

#include <optional>
#include <string>
#include <vector>

#include "core/dialect/dialect.h"
#include "core/revision/revision_graph.h"
#include "core/revision/revision_loader.h"
#include "core/runtime/partial_step.h"
#include "core/runtime/runner.h"
#include "core/runtime/version_table.h"

namespace migrate::detail {

enum class RunKind { Upgrade, Downgrade, Stamp };

struct RunRequest {
    RunKind kind = RunKind::Upgrade;
    std::string target;  // any identifier form
    bool purge = false;  // stamp: empty the version table first
    bool transaction_per_migration = true;
    // false: the database commits at every DDL statement, so the run goes step by step
    // whatever transaction_per_migration says (runner_step_by_step.cpp).
    bool transactional_ddl = true;
    // The target is where the rows stand when the run starts (see count_partial_step).
    bool target_is_start = false;
    // stamp: further targets, stamped together with `target` (Alembic's `stamp A B`).
    std::vector<std::string> more_targets;
};

// One step of a run: a migration (plan.revision set), or a stamp (plan.revision null:
// no operations, only version-table changes, each inserted row logged as "stamp").
struct RunStep {
    PlanStep plan;
    bool purge = false;  // a stamp that empties the table before its changes
    // Resuming a partial step (partial_step.h): the operations before this one ran.
    size_t first_operation = 0;
    // Set: this step undoes the first `done` operations of that partial step of its
    // revision (which ran in the other direction); no version-table change.
    std::optional<PartialStep> undo_partial;
    bool is_stamp() const { return plan.revision == nullptr; }
};

struct RunPlan {
    RunKind kind = RunKind::Upgrade;
    std::vector<RunStep> steps;
    std::vector<std::string> heads_before;  // the rows it was planned from (as the plan reads them)
};

// Plans `request` from the rows; the target is resolved once, from the rows the run
// started at, and kept when the run re-plans.
class RunPlanner {
  public:
    RunPlanner(const RevisionGraph& graph, const RunRequest& request,
               const std::vector<std::string>& start_rows);
    RunPlan plan(const std::vector<std::string>& rows) const;

  private:
    RunPlan plan_stamp(const std::vector<std::string>& rows) const;

    const RevisionGraph& graph_;
    const RunRequest& request_;
    Target target_;
    std::vector<std::string> stamp_bases_;  // stamp X@base: the branches to take off
};

// Where a run goes. The loop calls, in order: start; planned; then per step begin (or one
// begin_run for the whole run), read_rows, ensure_version_table (first step of an
// upgrade or stamp), step_started, operation per operation, purge/version_changes/log,
// commit, step_done; finish at the end; rollback when a step throws DatabaseError.
// A step's commit may be grouped with the next ones' (Capabilities::grouped_commits):
// commit() says whether everything so far is durable, rollback() whether the steps
// before the failed one were kept.
class RunSink {
  public:
    virtual ~RunSink() = default;
    virtual const Dialect& dialect() const = 0;  // the database (or script) it runs into
    // The version rows the run starts from (live: under the migration lock).
    virtual std::vector<std::string> start() = 0;
    // A plan is about to run; `replanned` after another run moved the rows.
    virtual void planned(const RunPlan& plan, bool replanned) = 0;
    virtual void begin_run() = 0;  // one transaction around the whole run
    virtual void begin() = 0;      // one transaction (or savepoint) around the next step
    // Ends the step; true when every step so far is committed.
    virtual bool commit() = 0;
    // Undoes the failed step; true when the steps before it stay applied.
    virtual bool rollback() = 0;
    virtual void finish() = 0;  // commits a transaction still open
    // The rows as they are now, inside the step's transaction.
    virtual std::vector<std::string> read_rows() = 0;
    virtual void ensure_version_table() = 0;
    virtual void step_started(const RunStep& step) = 0;
    virtual void operation(const Revision& revision, Direction direction, size_t index,
                           const Operation& op) = 0;
    virtual void purge() = 0;  // empties the version table
    virtual void version_changes(const std::vector<VersionChange>& changes) = 0;
    // Completes (time, duration, tool version) and writes the log row; returns it.
    virtual LogEntry log(LogEntry entry) = 0;
    virtual void step_done(const RunStep& step) = 0;

    // Partial steps (partial_step.h) of the database, read by start(); a script has none.
    virtual std::vector<PartialStep> partial_steps() { return {}; }
    // A migration's operations are about to run, from `first` (0, or where a partial
    // step stopped) of `total`.
    virtual void operations_started(const Revision&, Direction, size_t /*first*/,
                                    size_t /*total*/) {}
    // The migration's operations ran (its version-table changes and log row follow).
    virtual void operations_finished() {}
    // Undoes the first `partial.done` operations of the revision's partial step.
    virtual void undo_partial(const Revision& revision, const PartialStep& partial);
    // A stamp: the user says where the database stands, so no partial step remains.
    virtual void clear_partial() {}
    // What the error of a failed migration adds after the database's message: where
    // the database stays (`rows`: "a", "base").
    virtual std::string failure_note(const std::string& rows);
};

// Whether the migration of `revision` in `direction` runs outside a transaction, operation
// by operation with its progress recorded as on a database without transactional DDL: the
// revision says `transactional: false`, or it has operations that cannot run in a
// transaction (runs_outside_transaction(op); with others, check_transaction_modes refuses it).
bool runs_outside_transaction(const Revision& revision, Direction direction);

// Before anything of `plan` runs (runner_transactions.cpp): refuses (InputError naming the
// file and the operation) a migration that mixes operations that cannot run in a
// transaction with others in a revision not declared `transactional: false`, and an
// if_not_exists / if_exists column operation the dialect has no DDL for. Returns whether
// some migration of the plan runs outside a transaction.
bool check_transaction_modes(const Dialect& dialect, RevisionLoader& revisions,
                             const RunPlan& plan);

// Fits the partial steps into a plan (runner_partial_plan.cpp): the step of a partial
// revision in the same direction resumes where it stopped; a run in the other direction
// first undoes its applied operations; a plan that neither resumes nor undoes it is
// refused (DatabaseError naming the state and the way on).
void fit_partial(RunPlan& plan, const std::vector<PartialStep>& partial, RevisionLoader& revisions,
                 const RunRequest& request);

// `downgrade -N` counts a partially applied revision as one step: the request with the
// target moved one step less (`-1`: stay at the rows, once the partial step is undone).
RunRequest count_partial_step(const RunRequest& request, const std::vector<PartialStep>& partial);

// THE loop: plans `request` from the rows the sink starts at and runs each step into the
// sink. A step the database refuses (DatabaseError) is rolled back; a migration's error
// then says where the database stays.
RunResult run_plan(RunSink& sink, RevisionLoader& revisions, const RunRequest& request);

}  // namespace migrate::detail
