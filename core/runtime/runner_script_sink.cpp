// The script sink (runner_script_sink.h): statements ended by ';', one per line.

#include "core/runtime/runner_script_sink.h"

#include "core/base/errors.h"
#include "core/operations/apply_operation.h"
#include "core/revision/replay.h"
#include "core/runtime/runner_internal.h"

namespace migrate::detail {

ScriptSink::ScriptSink(const Dialect& dialect, RevisionLoader& revisions,
                       const OfflineOptions& options, std::vector<std::string> rows,
                       bool create_tables)
    : dialect_(dialect),
      revisions_(revisions),
      options_(options),
      table_(dialect, options.version_table),
      rows_(std::move(rows)),
      create_tables_(create_tables),
      transactional_(dialect.capabilities().transactional_ddl) {}

void ScriptSink::statement(std::string sql) {
    if (pending_begin_) {
        pending_begin_ = false;
        statement(dialect_.begin_sql());
        open_ = true;
    }
    while (!sql.empty() && (sql.back() == '\n' || sql.back() == ' ')) sql.pop_back();
    out_ += sql + (sql.ends_with(";") ? "\n" : ";\n");
}

std::vector<std::string> ScriptSink::start() {
    if (!transactional_)
        out_ += "-- " + dialect_.name() +
                " commits every DDL statement by itself: when a statement fails, the "
                "operations before it in its migration stay applied.\n\n";
    if (create_tables_) {
        for (const auto& s : table_.create_sql()) statement(s);
        blank();
    }
    return rows_;
}

void ScriptSink::planned(const RunPlan& plan, bool replanned) {
    if (replanned || plan.kind == RunKind::Stamp) return;
    // The schema where the plan starts, replayed one revision at a time: each is read in
    // full, applied and dropped, as are the plan's own steps.
    ReplayResult replayed =
        replay_loaded(revisions_, plan.heads_before, dialect_.name(), options_.naming);
    schema_ = std::move(replayed.schema);
    for (const auto& id : replayed.not_followed)
        warnings_.push_back("revision " + id +
                            " has an execute without a declared effect: the schema the "
                            "script assumes after it may be incomplete");
}

void ScriptSink::begin_run() {
    statement(dialect_.begin_sql());
    blank();
    run_open_ = true;
    open_ = true;
}

bool ScriptSink::commit() {
    statement(dialect_.commit_sql());
    open_ = false;
    return true;
}

void ScriptSink::finish() {
    if (run_open_) statement(dialect_.commit_sql());
    run_open_ = false;
    open_ = false;
}

void ScriptSink::operations_started(const Revision& revision, Direction direction, size_t,
                                    size_t total) {
    total_ = total;
    autocommit_ = transactional_ && runs_outside_transaction(revision, direction);
    if (!autocommit_) return;
    if (open_) statement(dialect_.commit_sql());
    pending_begin_ = false;
    open_ = false;
    out_ += "-- outside a transaction: each operation below commits by itself\n";
}

void ScriptSink::operations_finished() {
    if (!autocommit_) return;
    autocommit_ = false;
    statement(dialect_.begin_sql());
    open_ = true;
}

void ScriptSink::step_started(const RunStep& step) {
    if (!step.is_stamp()) out_ += "-- " + progress_line(step.plan) + "\n";
}

void ScriptSink::operation(const Revision& revision, Direction direction, size_t index,
                           const Operation& op) {
    if (!transactional_ || autocommit_) {
        if (pending_begin_) {
            pending_begin_ = false;
            statement(dialect_.begin_sql());
            open_ = true;
        }
        out_ += "-- " + std::string(to_string(direction)) + " operation " +
                std::to_string(index + 1) + " of " + std::to_string(total_) + ": " + describe(op) +
                "\n";
    }
    try {
        for (const auto& sql : dialect_.render(op, RenderContext{schema_, options_.naming}))
            statement(sql);
        apply_operation(schema_, op, options_.naming);
    } catch (const InputError& e) {
        throw InputError(revision.where() + ", " + to_string(direction) + " operation " +
                         std::to_string(index + 1) + " (" + describe(op) + "): " + e.what());
    }
}

void ScriptSink::purge() {
    statement(table_.delete_all_sql());
    rows_.clear();
}

void ScriptSink::version_changes(const std::vector<VersionChange>& changes) {
    for (const auto& c : changes) {
        if (c.kind == VersionChange::Kind::Insert) statement(table_.insert_head_sql(c.to));
        if (c.kind == VersionChange::Kind::Delete) statement(table_.delete_head_sql(c.from));
        if (c.kind == VersionChange::Kind::Update) statement(table_.update_head_sql(c.from, c.to));
    }
    apply_version_changes(rows_, changes);
}

// A script's log rows carry the time it was written and no duration.
LogEntry ScriptSink::log(LogEntry entry) {
    entry.applied_at = options_.now;
    entry.duration_ms = 0;
    entry.tool_version = options_.tool_version;
    statement(table_.append_log_sql(entry));
    return entry;
}

void ScriptSink::step_done(const RunStep& step) {
    if (!step.is_stamp()) blank();
}

OfflineScript ScriptSink::take() { return {std::move(out_), std::move(warnings_)}; }

}  // namespace migrate::detail
