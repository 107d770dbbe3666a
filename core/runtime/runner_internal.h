#pragma once
// Pieces of the online runner shared by its files (not a public API): the migration
// lock as an RAII owner, the live schema kept current across a run, and the execution
// of one plan step.

#include <optional>
#include <string>

#include "core/dialect/dialect.h"
#include "core/revision/revision_graph.h"
#include "core/runtime/runner.h"
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

// Runs one migration inside the caller's transaction: renders and runs each operation,
// applies the step's version-table changes, appends the log row. Throws DatabaseError
// naming the revision file, the operation's index and description, and the SQL (or,
// for an operation that does not fit the database's schema, why).
AppliedStep run_step(const StepContext& ctx, const PlanStep& step, const Revision& revision,
                     LiveSchema& schema);

// The version table's rows after `changes` (kept sorted).
void apply_version_changes(std::vector<std::string>& rows,
                           const std::vector<VersionChange>& changes);

// Runs `changes` on the version table.
void write_version_changes(const StepContext& ctx, const std::vector<VersionChange>& changes);

}  // namespace migrate::detail
