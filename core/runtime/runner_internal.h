#pragma once
// Pieces of the online runner shared by its files (not a public API): the migration
// lock as an RAII owner, the live schema kept current across a run, the execution of one
// operation, and the live sink that runs the runner loop's plan on a connection.

#include <chrono>
#include <optional>
#include <string>

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

  private:
    const Dialect& dialect_;
    Connection& connection_;
    ReflectOptions options_;
    const NamingConvention& naming_;
    Schema schema_;
    std::vector<UnmanagedObject> objects_;
    bool stale_ = true;
};

struct StepContext {
    const Dialect& dialect;
    Connection& connection;
    const VersionTable& version_table;
    const RunnerOptions& options;
};

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

// The live sink (runner_live_sink.cpp): runs the loop's plan on the connection under the
// migration lock (taken by start(), released by finish() or on destruction), reading the
// rows inside each step's transaction so that the loop re-plans after a concurrent run.
class LiveSink : public RunSink {
  public:
    LiveSink(const Dialect& dialect, Connection& connection, RevisionLoader& revisions,
             const RunnerOptions& options, const VersionTable& version_table);

    std::vector<std::string> start() override;
    void planned(const RunPlan& plan, bool replanned) override;
    void begin_run() override { connection_.begin(); }
    void begin() override { connection_.begin(); }
    void commit() override { connection_.commit(); }
    void rollback() override { connection_.rollback(); }
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

  private:
    const Dialect& dialect_;
    Connection& connection_;
    RevisionLoader& revisions_;
    const RunnerOptions& options_;
    StepContext ctx_;
    std::optional<MigrationLock> lock_;
    std::optional<LiveSchema> schema_;
    std::chrono::steady_clock::time_point step_start_;
    std::string applied_at_;
};

}  // namespace migrate::detail
