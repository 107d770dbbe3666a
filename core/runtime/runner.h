#pragma once
// The runner: applies upgrade and downgrade plans to a database, one transaction per
// migration (or one for the whole run), under the dialect's migration lock, keeping the
// version table and its log current. Dialect-free: it talks to Dialect and Connection,
// plans with RevisionGraph, and parses in full only the revisions it runs. Every command
// goes through the one runner loop (core/runtime/runner_sink.h) into the live sink; offline
// scripts (--sql, core/runtime/runner_offline.h) go through the same loop into the script
// sink. Checksum checks are in core/runtime/checksum_check.h.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/dialect/dialect.h"
#include "core/revision/revision_graph.h"
#include "core/revision/revision_loader.h"
#include "core/runtime/version_table.h"
#include "core/schema/naming.h"

namespace migrate {

struct RunnerOptions {
    VersionTableNames version_table;
    NamingConvention naming;
    std::vector<std::string> include_schemas;  // reflected for rendering (PostgreSQL)
    bool transaction_per_migration = true;
    // Where the dialect allows grouped commits (Capabilities::grouped_commits): the
    // longest a finished migration waits for its commit. A crash in that window loses
    // only migrations that the next run applies again; 0 commits every migration.
    double group_commit_seconds = 0.5;
    std::optional<double> lock_timeout;  // seconds; nullopt = wait
    std::string lock_key;                // database + version table (see migration_lock_key)
    std::string tool_version = MIGRATE_VERSION;
    // Called once per migration before it runs ("Running upgrade a -> b, msg").
    std::function<void(const std::string&)> progress;
};

// "migrate:<database>:<schema.>version_table", the database as the dialect names it
// (Dialect::lock_scope): two runs on one database and table share a lock.
std::string migration_lock_key(const Dialect& dialect, const DatabaseUrl& url,
                               const VersionTableNames& names);

// Alembic's progress line: "Running upgrade 8c0d2e -> 3f2a9c, add posts table" (a base
// shows nothing before "->", a merge its parents joined by ", ").
std::string progress_line(const PlanStep& step);

struct AppliedStep {
    std::string revision;
    Direction direction = Direction::Upgrade;
    std::string checksum;
    long long duration_ms = 0;
};

struct RunResult {
    std::vector<std::string> heads_before;  // the version table's rows, sorted
    std::vector<std::string> heads_after;
    std::vector<AppliedStep> steps;  // what this run applied, in order
};

struct StampResult {
    std::vector<std::string> heads_before;
    std::vector<std::string> heads_after;
};

class Runner {
  public:
    Runner(const Dialect& dialect, Connection& connection, RevisionLoader& revisions,
           RunnerOptions options);

    // Upgrades to `target` (any identifier form; relative ones count from the rows read
    // under the lock). Two concurrent runs apply every migration exactly once: each step
    // re-reads the rows inside its transaction and re-plans when another run moved them.
    // Throws DatabaseError naming the revision file, operation, SQL and the database's
    // message when a statement fails; that migration is rolled back. Without
    // transactional DDL it runs operation by operation, and a failure undoes the applied
    // operations by their reverses, or, when that cannot be done, leaves the revision
    // partially applied (partial_step.h): the next run in its direction resumes it, a run
    // in the other direction first undoes its applied operations.
    RunResult upgrade(const std::string& target);
    RunResult downgrade(const std::string& target);
    // Sets the version table to `target` without running migrations; `purge` empties it
    // first (also when its rows name revisions no file defines).
    // Several targets are stamped together (Alembic's `stamp A B`), one row per branch.
    StampResult stamp(const std::vector<std::string>& targets, bool purge);
    StampResult stamp(const std::string& target, bool purge) {
        return stamp(std::vector<std::string>{target}, purge);
    }

    // The version table's rows, sorted (no lock; empty when the table is missing).
    std::vector<std::string> current();
    // Revisions partly applied (core/runtime/partial_step.h): only on a database without
    // transactional DDL, where a migration runs operation by operation.
    std::vector<PartialStep> partial();

  private:
    RunResult run(Direction direction, const std::string& target);

    const Dialect& dialect_;
    Connection& connection_;
    RevisionLoader& revisions_;
    RunnerOptions options_;
    VersionTable version_table_;
};

}  // namespace migrate
