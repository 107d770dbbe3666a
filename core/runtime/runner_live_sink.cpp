// The live sink (runner_internal.h): the runner loop's plan executed on a connection,
// under the migration lock, with the live schema kept current across the run.

#include "core/base/errors.h"
#include "core/revision/replay.h"
#include "core/revision/revision_file.h"
#include "core/runtime/runner_internal.h"

namespace migrate::detail {

namespace {

// The sequence a sequence operation names, or "".
std::string sequence_named(const Operation& op) {
    if (const auto* o = op.as<CreateSequence>()) return o->sequence.qualified_name();
    if (const auto* o = op.as<DropSequence>())
        return o->schema.empty() ? o->name : o->schema + "." + o->name;
    if (const auto* o = op.as<AlterSequence>())
        return o->schema.empty() ? o->name : o->schema + "." + o->name;
    return "";
}

// A dialect without sequences refuses a plan with a sequence operation before anything
// runs, so that no earlier migration of the plan is applied either.
void refuse_sequences(const Dialect& dialect, RevisionLoader& revisions, const RunPlan& plan) {
    if (dialect.capabilities().sequences) return;
    for (const auto& step : plan.steps) {
        if (step.is_stamp()) continue;
        std::shared_ptr<const Revision> full = revisions.full(step.plan.revision->id);
        const Revision& r = *full;
        Direction direction = step.plan.direction;
        const Operations& ops = direction == Direction::Upgrade ? r.upgrade : r.downgrade;
        for (size_t i = 0; i < ops.size(); ++i) {
            std::string name = sequence_named(ops[i]);
            if (name.empty()) continue;
            throw InputError(r.where() + ", " + to_string(direction) + " operation " +
                             std::to_string(i + 1) + " (" + describe(ops[i]) + "): sequence '" +
                             name + "' cannot be applied to " + dialect.name() +
                             ", which has no sequences; nothing was applied");
        }
    }
}

}  // namespace

LiveSink::LiveSink(const Dialect& dialect, Connection& connection, RevisionLoader& revisions,
                   const RunnerOptions& options, const VersionTable& version_table)
    : dialect_(dialect),
      connection_(connection),
      revisions_(revisions),
      options_(options),
      ctx_{dialect, connection, version_table, options},
      transactional_(dialect.capabilities().transactional_ddl),
      grouped_(transactional_ && dialect.capabilities().grouped_commits &&
               options.group_commit_seconds > 0),
      steps_(ctx_) {}

std::vector<std::string> LiveSink::start() {
    lock_.emplace(dialect_, connection_, options_.lock_key, options_.lock_timeout);
    steps_.read_partial();  // a revision run outside a transaction leaves them anywhere
    return ctx_.version_table.read_heads(connection_);
}

void LiveSink::planned(const RunPlan& plan, bool replanned) {
    if (replanned) {
        if (schema_) schema_->invalidate();
        return;
    }
    refuse_sequences(dialect_, revisions_, plan);
    schema_.emplace(
        dialect_, connection_,
        ReflectOptions{options_.include_schemas, {}, ctx_.version_table.hidden_tables()},
        options_.naming);
    schema_->declared_by([this] {
        return replay_loaded(revisions_, rows_, dialect_.name(), options_.naming).schema;
    });
}

void LiveSink::finish() {
    if (connection_.in_transaction()) connection_.commit();
    lock_.reset();
}

std::vector<std::string> LiveSink::read_rows() {
    rows_ = ctx_.version_table.read_heads(connection_);
    return rows_;
}

void LiveSink::ensure_version_table() { ctx_.version_table.ensure(connection_); }

void LiveSink::step_started(const RunStep& step) {
    step_by_step_ = !transactional_;
    step_start_ = std::chrono::steady_clock::now();
    applied_at_ = utc_now_iso8601();
    if (!step.is_stamp() && options_.progress) options_.progress(progress_line(step.plan));
}

void LiveSink::operation(const Revision& revision, Direction direction, size_t index,
                         const Operation& op) {
    if (!step_by_step_) return run_operation(ctx_, revision, direction, index, op, *schema_);
    steps_.operation(revision, direction, index, op, *schema_);
}

void LiveSink::operations_started(const Revision& revision, Direction direction, size_t first,
                                  size_t total) {
    leave_transaction(revision, direction);
    if (first > 0) step_by_step_ = true;  // resuming a partial step: its row goes at the end
    if (step_by_step_) steps_.start(revision, direction, first, total, applied_at_);
}

void LiveSink::operations_finished() {
    if (autocommit_) connection_.begin();  // the version-table changes are one transaction
    autocommit_ = false;
}

void LiveSink::undo_partial(const Revision& revision, const PartialStep& partial) {
    leave_transaction(revision, partial.direction);
    step_by_step_ = true;
    steps_.undo_partial(revision, partial, *schema_, applied_at_);
    operations_finished();
}

void LiveSink::clear_partial() { ctx_.version_table.delete_all_partial(connection_); }

std::string LiveSink::failure_note(const std::string& rows) {
    autocommit_ = false;
    return step_by_step_ ? steps_.note(rows) : RunSink::failure_note(rows);
}

void LiveSink::purge() { ctx_.version_table.delete_all(connection_); }

void LiveSink::version_changes(const std::vector<VersionChange>& changes) {
    write_version_changes(ctx_, changes);
}

LogEntry LiveSink::log(LogEntry entry) {
    entry.applied_at = applied_at_;
    entry.duration_ms = entry.direction == "stamp"
                            ? 0
                            : std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now() - step_start_)
                                  .count();
    entry.tool_version = options_.tool_version;
    ctx_.version_table.append_log(connection_, entry);
    if (step_by_step_ && entry.direction != "stamp") steps_.finished();
    return entry;
}

}  // namespace migrate::detail
