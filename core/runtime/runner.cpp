// The online runner (runner.h): lock, read the rows, plan, then each migration in its
// own transaction after re-checking the rows (a concurrent run may have moved them).

#include "core/runtime/runner.h"

#include <algorithm>

#include "core/base/errors.h"
#include "core/revision/revision_file.h"
#include "core/runtime/runner_internal.h"

namespace migrate {

using detail::LiveSchema;
using detail::MigrationLock;
using detail::StepContext;

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep = ", ") {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

std::string rows_text(const std::vector<std::string>& rows) {
    return rows.empty() ? "base" : join(rows);
}

Plan make_plan(const RevisionGraph& graph, Direction direction,
               const std::vector<std::string>& rows, const Target& target) {
    return direction == Direction::Upgrade ? graph.plan_upgrade(rows, target)
                                           : graph.plan_downgrade(rows, target);
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

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
void refuse_sequences(const Dialect& dialect, RevisionLoader& revisions, const Plan& plan) {
    if (dialect.capabilities().sequences) return;
    for (const auto& step : plan.steps) {
        std::shared_ptr<const Revision> full = revisions.full(step.revision->id);
        const Revision& r = *full;
        const Operations& ops = step.direction == Direction::Upgrade ? r.upgrade : r.downgrade;
        for (size_t i = 0; i < ops.size(); ++i) {
            std::string name = sequence_named(ops[i]);
            if (name.empty()) continue;
            throw InputError(r.where() + ", " + to_string(step.direction) + " operation " +
                             std::to_string(i + 1) + " (" + describe(ops[i]) + "): sequence '" +
                             name + "' cannot be applied to " + dialect.name() +
                             ", which has no sequences; nothing was applied");
        }
    }
}

}  // namespace

std::string migration_lock_key(const Dialect& dialect, const DatabaseUrl& url,
                               const VersionTableNames& names) {
    std::string db = dialect.lock_scope(url);
    return "migrate:" + db + ":" + (names.schema.empty() ? "" : names.schema + ".") + names.table;
}

std::string progress_line(const PlanStep& step) {
    const Revision& r = *step.revision;
    std::string parents = join(r.down_revisions);
    if (step.direction == Direction::Upgrade)
        return "Running upgrade " + parents + " -> " + r.id + ", " + r.message;
    return "Running downgrade " + r.id + " -> " + parents + ", " + r.message;
}

Runner::Runner(const Dialect& dialect, Connection& connection, RevisionLoader& revisions,
               RunnerOptions options)
    : dialect_(dialect),
      connection_(connection),
      revisions_(revisions),
      options_(std::move(options)),
      version_table_(dialect, options_.version_table) {}

std::vector<std::string> Runner::current() { return version_table_.read_heads(connection_); }

RunResult Runner::upgrade(const std::string& target) { return run(Direction::Upgrade, target); }
RunResult Runner::downgrade(const std::string& target) { return run(Direction::Downgrade, target); }

RunResult Runner::run(Direction direction, const std::string& target_text) {
    MigrationLock lock(dialect_, connection_, options_.lock_key, options_.lock_timeout);
    const RevisionGraph& graph = revisions_.graph();
    RunResult result;
    std::vector<std::string> expected = version_table_.read_heads(connection_);
    result.heads_before = expected;
    Target target = graph.resolve(target_text, expected);
    Plan plan = make_plan(graph, direction, expected, target);
    if (plan.steps.empty()) {
        result.heads_after = expected;
        return result;
    }
    refuse_sequences(dialect_, revisions_, plan);
    LiveSchema schema(dialect_, connection_,
                      ReflectOptions{options_.include_schemas, {}, version_table_.hidden_tables()},
                      options_.naming);
    StepContext ctx{dialect_, connection_, version_table_, options_};
    bool per_migration = options_.transaction_per_migration;
    bool ensured = false;
    if (!per_migration) connection_.begin();
    for (size_t i = 0; i < plan.steps.size(); ++i) {
        if (per_migration) connection_.begin();
        std::vector<std::string> rows = version_table_.read_heads(connection_);
        if (rows != expected) {  // another run moved the rows: plan again from where they are
            plan = make_plan(graph, direction, rows, target);
            expected = rows;
            schema.invalidate();
            i = 0;
            if (plan.steps.empty()) break;
        }
        if (!ensured && direction == Direction::Upgrade) version_table_.ensure(connection_);
        ensured = true;
        const PlanStep& step = plan.steps[i];
        std::shared_ptr<const Revision> revision = revisions_.full(step.revision->id);
        if (options_.progress) options_.progress(progress_line(step));
        try {
            result.steps.push_back(detail::run_step(ctx, step, *revision, schema));
        } catch (const DatabaseError& e) {
            connection_.rollback();
            std::vector<std::string> at = per_migration ? expected : result.heads_before;
            throw DatabaseError(std::string(e.what()) +
                                    "\nThe migration was rolled back; the database stays at " +
                                    rows_text(at) + ".",
                                e.sqlstate(), e.statement());
        }
        detail::apply_version_changes(expected, step.version_changes);
        if (per_migration) connection_.commit();
    }
    if (connection_.in_transaction()) connection_.commit();
    result.heads_after = sorted(expected);
    return result;
}

StampResult Runner::stamp(const std::string& target_text, bool purge) {
    MigrationLock lock(dialect_, connection_, options_.lock_key, options_.lock_timeout);
    const RevisionGraph& graph = revisions_.graph();
    StampResult result;
    connection_.begin();
    version_table_.ensure(connection_);
    std::vector<std::string> rows = version_table_.read_heads(connection_);
    result.heads_before = rows;
    std::vector<std::string> targets =
        graph.resolve(target_text, purge ? std::vector<std::string>{} : rows).revisions;
    std::vector<std::string> next;
    for (const auto& t : targets)
        if (std::none_of(targets.begin(), targets.end(),
                         [&](const std::string& o) { return o != t && graph.is_ancestor(t, o); }))
            next.push_back(t);
    if (!purge && !targets.empty()) {
        for (const auto& row : rows) {
            if (!graph.find(row))
                throw RevisionError("the version table holds revision '" + row +
                                    "', which no revision file defines; use `migrate stamp " +
                                    target_text + " --purge`");
            bool related = std::any_of(targets.begin(), targets.end(), [&](const std::string& t) {
                return graph.is_ancestor(row, t) || graph.is_ancestor(t, row);
            });
            if (!related) next.push_back(row);
        }
    }
    next = sorted(next);
    version_table_.delete_all(connection_);
    std::string now = utc_now_iso8601();
    for (const auto& row : next) {
        version_table_.insert_head(connection_, row);
        if (std::find(rows.begin(), rows.end(), row) == rows.end())
            version_table_.append_log(connection_,
                                      LogEntry{row, "stamp", "", now, 0, options_.tool_version});
    }
    connection_.commit();
    result.heads_after = next;
    return result;
}

}  // namespace migrate
