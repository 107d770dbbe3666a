#pragma once
// Pieces of the online runner shared by its files (not a public API): the migration
// lock as an RAII owner, the live schema kept current across a run, the execution of one
// operation, and the live sink that runs the runner loop's plan on a connection.

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "core/base/errors.h"
#include "core/dialect/dialect.h"
#include "core/revision/revision_graph.h"
#include "core/runtime/runner.h"
#include "core/runtime/runner_sink.h"
#include "core/runtime/version_table.h"

namespace migrate::detail {

// Holds the dialect's migration lock from construction to destruction, whatever happens.
class MigrationLock {
  public:
    MigrationLock(const Dialect& dialect, Connection& connection, std::string key,
                  std::optional<double> timeout);
    ~MigrationLock();
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

  private:
    const Dialect& dialect_;
    Connection& connection_;
    std::string key_;
};

// The database's schema during a run: reflected once, when first needed, then kept
// current by applying each operation in memory. An execute without a declared effect
// (or an operation the model cannot follow) marks it stale: reflected again when next needed.
class LiveSchema {
  public:
    LiveSchema(const Dialect& dialect, Connection& connection, ReflectOptions options,
               const NamingConvention& naming);
    const Schema& get();
    // What the last reflection found besides the schema (triggers, views, ...).
    const std::vector<UnmanagedObject>& objects() const { return objects_; }
    void apply(const Operation& op);
    void invalidate() { stale_ = true; }
    // A database without named enum types (MySQL) keeps an enum inline in each column
    // (ENUM('a','b')), and reflection cannot tell which named enum a column was made
    // from. `declared` gives the schema the revisions applied so far declare; the
    // reflected inline-enum columns take their named enum from it, so that a later
    // revision changing the enum's values finds the columns to change.
    void declared_by(std::function<Schema()> declared) { declared_ = std::move(declared); }

  private:
    const Dialect& dialect_;
    Connection& connection_;
    ReflectOptions options_;
    const NamingConvention& naming_;
    Schema schema_;
    std::vector<UnmanagedObject> objects_;
    bool stale_ = true;
    std::function<Schema()> declared_;
};

struct StepContext {
    const Dialect& dialect;
    Connection& connection;
    const VersionTable& version_table;
    const RunnerOptions& options;
};

// "versions/b.yaml, upgrade operation 2 (add column 'users.email')".
std::string operation_place(const Revision& revision, Direction direction, size_t index,
                            const Operation& op);
// The operation's statements, rendered against the live schema; an operation that does
// not fit the database as it stands is a DatabaseError naming it.
std::vector<std::string> render_operation(const StepContext& ctx, const Revision& revision,
                                          Direction direction, size_t index, const Operation& op,
                                          LiveSchema& schema);
// The error of a statement the database refused, naming where it came from.
DatabaseError statement_failed(const std::string& place, const std::string& sql,
                               const DatabaseError& e);

// Renders one operation against the live schema and runs its SQL. Throws DatabaseError
// naming the revision file, the operation's index and description, and the SQL (or, for
// an operation that does not fit the database's schema, why).
void run_operation(const StepContext& ctx, const Revision& revision, Direction direction,
                   size_t index, const Operation& op, LiveSchema& schema);

// The version table's rows after `changes` (kept sorted).
void apply_version_changes(std::vector<std::string>& rows,
                           const std::vector<VersionChange>& changes);

// Runs `changes` on the version table.
void write_version_changes(const StepContext& ctx, const std::vector<VersionChange>& changes);

// A migration run operation by operation on a database without transactional DDL
// (runner_step_by_step.cpp, undo in runner_undo.cpp): its progress kept in the partial
// row (partial_step.h) as it goes; on a failure, the failed operation's statements that
// ran and then the applied operations undone by their reverses, newest first, rendered
// against the live schema, so that schema and version table end as before; when the undo
// cannot run, the partial row says how far the revision got. note() is what the error adds.
class StepByStep {
  public:
    explicit StepByStep(const StepContext& ctx) : ctx_(ctx) {}

    void read_partial() { partial_ = ctx_.version_table.read_partial(ctx_.connection); }
    const std::vector<PartialStep>& partial() const { return partial_; }
    void start(const Revision& revision, Direction direction, size_t first, size_t total,
               const std::string& applied_at);
    void operation(const Revision& revision, Direction direction, size_t index, const Operation& op,
                   LiveSchema& schema);
    void finished();  // the step completed: its partial row goes
    void undo_partial(const Revision& revision, const PartialStep& partial, LiveSchema& schema,
                      const std::string& applied_at);
    std::string note(const std::string& rows) const;

  private:
    struct Undo {
        std::string blocker;  // "" = everything undone
        std::vector<std::string> undone;
    };
    // Undoes ops[current_.done - 1] down to ops[to], progress written after each.
    Undo undo(const Operations& ops, size_t to, LiveSchema& schema);
    // Removes what the statements of a failed operation that ran did; "" or why not.
    std::string undo_statements(const Schema& before, LiveSchema& schema);
    void progress();
    void fail(const std::string& blocker, std::vector<std::string> undone);

    const StepContext& ctx_;
    std::vector<PartialStep> partial_;
    PartialStep current_;
    size_t first_ = 0;
    bool row_exists_ = false;
    std::string applied_at_;
    bool failed_ = false;
    bool undoing_partial_ = false;
    std::string blocker_;
    std::vector<std::string> undone_;
    const Revision* revision_ = nullptr;
};

// The live sink (runner_live_sink.cpp): runs the loop's plan on the connection under the
// migration lock (taken by start(), released by finish() or on destruction), reading the
// rows inside each step's transaction so that the loop re-plans after a concurrent run.
class LiveSink : public RunSink {
  public:
    LiveSink(const Dialect& dialect, Connection& connection, RevisionLoader& revisions,
             const RunnerOptions& options, const VersionTable& version_table);

    const Dialect& dialect() const override { return dialect_; }
    std::vector<std::string> start() override;
    void planned(const RunPlan& plan, bool replanned) override;
    // runner_live_transactions.cpp: one transaction per step, per run, or per group of
    // steps with a savepoint each (Capabilities::grouped_commits).
    void begin_run() override;
    void begin() override;
    bool commit() override;
    bool rollback() override;
    void finish() override;
    std::vector<std::string> read_rows() override;
    void ensure_version_table() override;
    void step_started(const RunStep& step) override;
    void operation(const Revision& revision, Direction direction, size_t index,
                   const Operation& op) override;
    void purge() override;
    void version_changes(const std::vector<VersionChange>& changes) override;
    LogEntry log(LogEntry entry) override;
    void step_done(const RunStep&) override {}
    std::vector<PartialStep> partial_steps() override { return steps_.partial(); }
    void operations_started(const Revision& revision, Direction direction, size_t first,
                            size_t total) override;
    void operations_finished() override;
    void undo_partial(const Revision& revision, const PartialStep& partial) override;
    void clear_partial() override;
    std::string failure_note(const std::string& rows) override;

  private:
    // On a database with transactional DDL, a migration that runs outside a transaction
    // commits the step's transaction first and goes step by step.
    void leave_transaction(const Revision& revision, Direction direction);

    const Dialect& dialect_;
    Connection& connection_;
    RevisionLoader& revisions_;
    const RunnerOptions& options_;
    StepContext ctx_;
    bool transactional_;  // Capabilities::transactional_ddl
    // The current migration runs operation by operation (StepByStep): always without
    // transactional DDL; otherwise when it runs outside a transaction
    // (runs_outside_transaction), between a COMMIT and a BEGIN (`autocommit_`).
    bool step_by_step_ = false;
    bool autocommit_ = false;
    bool grouped_;  // Capabilities::grouped_commits, and a group window set
    bool whole_run_ = false;
    bool group_open_ = false;  // a transaction holds steps not yet committed
    bool step_alone_ = false;  // this step left the group (it runs outside a transaction)
    std::chrono::steady_clock::time_point group_start_;
    StepByStep steps_;
    std::vector<std::string> rows_;  // the version rows as last read (LiveSchema::declared_by)
    std::optional<MigrationLock> lock_;
    std::optional<LiveSchema> schema_;
    std::chrono::steady_clock::time_point step_start_;
    std::string applied_at_;
};

}  // namespace migrate::detail
