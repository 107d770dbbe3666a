#pragma once
// One plan, two sinks (not a public API): the runner plans a run (upgrade, downgrade or
// stamp) from the version rows and runs it through ONE loop, run_plan(), into a sink.
// The live sink (runner_live_sink.cpp) executes it on a connection under the migration
// lock, one transaction per migration, re-planning when a concurrent run moved the
// rows; the script sink (runner_script_sink.cpp) writes it as the --sql script. Online
// and offline therefore cannot disagree on what a plan does to the version table.

#include <string>
#include <vector>

#include "core/revision/revision_graph.h"
#include "core/revision/revision_loader.h"
#include "core/runtime/runner.h"
#include "core/runtime/version_table.h"

namespace migrate::detail {

enum class RunKind { Upgrade, Downgrade, Stamp };

struct RunRequest {
    RunKind kind = RunKind::Upgrade;
    std::string target;  // any identifier form
    bool purge = false;  // stamp: empty the version table first
    bool transaction_per_migration = true;
};

// One step of a run: a migration (plan.revision set), or a stamp (plan.revision null:
// no operations, only version-table changes, each inserted row logged as "stamp").
struct RunStep {
    PlanStep plan;
    bool purge = false;  // a stamp that empties the table before its changes
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
};

// Where a run goes. The loop calls, in order: start; planned; then per step begin (or one
// begin_run for the whole run), read_rows, ensure_version_table (first step of an
// upgrade or stamp), step_started, operation per operation, purge/version_changes/log,
// commit, step_done; finish at the end; rollback when a step throws DatabaseError.
class RunSink {
  public:
    virtual ~RunSink() = default;
    // The version rows the run starts from (live: under the migration lock).
    virtual std::vector<std::string> start() = 0;
    // A plan is about to run; `replanned` after another run moved the rows.
    virtual void planned(const RunPlan& plan, bool replanned) = 0;
    virtual void begin_run() = 0;  // one transaction around the whole run
    virtual void begin() = 0;      // one transaction around the next step
    virtual void commit() = 0;
    virtual void rollback() = 0;
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
};

// THE loop: plans `request` from the rows the sink starts at and runs each step into the
// sink. A step the database refuses (DatabaseError) is rolled back; a migration's error
// then says where the database stays.
RunResult run_plan(RunSink& sink, RevisionLoader& revisions, const RunRequest& request);

}  // namespace migrate::detail
