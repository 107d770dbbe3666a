// The one runner loop (runner_sink.h): plans a run from the version rows and runs it
// into a live or a script sink; stamps are planned here too, as one step of version-table
// changes, so that online and offline stamps change the same rows.

#include <algorithm>

#include "core/base/errors.h"
#include "core/base/text.h"
#include "core/revision/checksum.h"
#include "core/runtime/runner_internal.h"
#include "core/runtime/runner_sink.h"

namespace migrate::detail {

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

RunPlanner::RunPlanner(const RevisionGraph& graph, const RunRequest& request,
                       const std::vector<std::string>& start_rows)
    : graph_(graph), request_(request) {
    if (request.target_is_start) {
        target_ = Target{start_rows, ""};
        return;
    }
    std::vector<std::string> rows =
        request.kind == RunKind::Stamp && request.purge ? std::vector<std::string>{} : start_rows;
    target_ = graph.resolve(request.target, rows);
    for (const auto& more : request.more_targets) {
        Target t = graph.resolve(more, rows);
        for (const auto& id : t.revisions)
            if (!contains(target_.revisions, id)) target_.revisions.push_back(id);
        if (t.is_base() && !t.branch.empty()) stamp_bases_.push_back(t.branch);
    }
    if (target_.is_base() && !target_.branch.empty()) stamp_bases_.push_back(target_.branch);
}

RunPlan RunPlanner::plan(const std::vector<std::string>& rows) const {
    if (request_.kind == RunKind::Stamp) return plan_stamp(rows);
    Plan plan = request_.kind == RunKind::Upgrade ? graph_.plan_upgrade(rows, target_)
                                                  : graph_.plan_downgrade(rows, target_);
    RunPlan run{request_.kind, {}, plan.heads_before};
    for (auto& step : plan.steps) run.steps.push_back(RunStep{std::move(step), false});
    return run;
}

// Alembic's stamp: the targets replace the rows they are related to (ancestors or
// descendants); rows on unrelated branches stay. `stamp X@base` takes off the rows of
// X's branch only; `stamp base` and --purge keep nothing.
RunPlan RunPlanner::plan_stamp(const std::vector<std::string>& rows) const {
    const std::vector<std::string>& targets = target_.revisions;
    std::vector<std::string> off_branch;  // rows unrelated to every X of `stamp X@base`
    if (!request_.purge && !stamp_bases_.empty())
        for (const auto& row : rows)
            if (graph_.find(row) &&
                std::none_of(stamp_bases_.begin(), stamp_bases_.end(),
                             [&](const std::string& b) { return graph_.on_lineage(row, b); }))
                off_branch.push_back(row);
    std::vector<std::string> wanted;  // the targets that no other target descends from
    for (const auto& t : targets)
        if (std::none_of(targets.begin(), targets.end(),
                         [&](const std::string& o) { return o != t && graph_.is_ancestor(t, o); }))
            wanted.push_back(t);
    std::vector<std::string> kept;
    if (!request_.purge && !targets.empty()) {
        for (const auto& row : rows) {
            if (!graph_.find(row))
                throw RevisionError("the version table holds revision '" + row +
                                    "', which no revision file defines; use `migrate stamp " +
                                    request_.target + " --purge`");
            bool related = std::any_of(targets.begin(), targets.end(), [&](const std::string& t) {
                return graph_.is_ancestor(row, t) || graph_.is_ancestor(t, row);
            });
            if (!related) kept.push_back(row);
        }
    }
    if (targets.empty() && !stamp_bases_.empty())
        kept = off_branch;
    else if (!stamp_bases_.empty())
        std::erase_if(kept, [&](const std::string& row) { return !contains(off_branch, row); });
    RunStep step;
    step.plan.direction = Direction::Upgrade;
    step.purge = request_.purge;
    std::vector<std::string> remaining = request_.purge ? std::vector<std::string>{} : rows;
    for (const auto& row : remaining)
        if (!contains(kept, row) && !contains(wanted, row))
            step.plan.version_changes.push_back({VersionChange::Kind::Delete, row, ""});
    for (const auto& t : wanted)
        if (!contains(remaining, t))
            step.plan.version_changes.push_back({VersionChange::Kind::Insert, "", t});
    return RunPlan{RunKind::Stamp, {std::move(step)}, rows};
}

namespace {

// A step's operations, version-table changes and log rows, into the sink.
// `full`: the step's revision loaded in full (null for a stamp).
void run_step(RunSink& sink, const Revision* full, const RunPlan& plan, const RunStep& step,
              RunResult& result) {
    sink.step_started(step);
    if (step.is_stamp()) {
        sink.clear_partial();
        if (step.purge) sink.purge();
        for (const auto& change : step.plan.version_changes) {
            sink.version_changes({change});
            if (change.kind == VersionChange::Kind::Insert &&
                !contains(plan.heads_before, change.to))
                sink.log(LogEntry{change.to, "stamp", "", "", 0, ""});
        }
        return;
    }
    const Revision& revision = *full;
    Direction direction = step.plan.direction;
    const Operations& ops = direction == Direction::Upgrade ? revision.upgrade : revision.downgrade;
    if (step.undo_partial) {
        sink.undo_partial(revision, *step.undo_partial);
    } else {
        sink.operations_started(revision, direction, step.first_operation, ops.size());
        for (size_t i = step.first_operation; i < ops.size(); ++i)
            sink.operation(revision, direction, i, ops[i]);
        sink.operations_finished();
    }
    sink.version_changes(step.plan.version_changes);
    LogEntry entry = sink.log(
        LogEntry{revision.id, to_string(direction), revision_checksum(revision), "", 0, ""});
    result.steps.push_back(AppliedStep{revision.id, direction, entry.checksum, entry.duration_ms});
}

}  // namespace

std::string RunSink::failure_note(const std::string& rows) {
    return "\nThe migration was rolled back; the database stays at " + rows + ".";
}

void RunSink::undo_partial(const Revision& revision, const PartialStep&) {
    throw InternalError("no partial step of " + revision.id + " to undo here");
}

RunResult run_plan(RunSink& sink, RevisionLoader& revisions, const RunRequest& given) {
    RunResult result;
    std::vector<std::string> expected = sink.start();
    result.heads_before = expected;
    std::vector<PartialStep> partial = sink.partial_steps();
    RunRequest request = count_partial_step(given, partial);
    RunPlanner planner(revisions.graph(), request, expected);
    RunPlan plan = planner.plan(expected);
    fit_partial(plan, partial, revisions, request);
    bool outside = check_transaction_modes(sink.dialect(), revisions, plan);
    sink.planned(plan, false);
    if (plan.steps.empty()) {
        sink.finish();
        result.heads_after = expected;
        return result;
    }
    // A stamp is one step in one transaction, whatever transaction_per_migration says.
    // A migration outside a transaction commits what ran before it: each step commits
    // by itself, so that a failure says truly where the database stays.
    bool per_step = request.transaction_per_migration || request.kind == RunKind::Stamp ||
                    !request.transactional_ddl || outside;
    bool ensured = request.kind == RunKind::Downgrade;  // a downgrade never creates the table
    if (!per_step) sink.begin_run();
    std::vector<std::string> committed = expected;  // the rows as last committed
    for (size_t i = 0; i < plan.steps.size(); ++i) {
        if (per_step) sink.begin();
        std::vector<std::string> rows = sink.read_rows();
        if (rows != expected) {  // another run moved the rows: plan again from where they are
            plan = planner.plan(rows);
            fit_partial(plan, partial, revisions, request);
            expected = committed = rows;
            sink.planned(plan, true);
            i = 0;
            if (plan.steps.empty()) break;
        }
        if (!ensured) sink.ensure_version_table();
        ensured = true;
        const RunStep& step = plan.steps[i];
        // Loaded here, not in run_step: a failure note below reads the revision still.
        std::shared_ptr<const Revision> full =
            step.is_stamp() ? nullptr : revisions.full(step.plan.revision->id);
        try {
            run_step(sink, full.get(), plan, step, result);
        } catch (const DatabaseError& e) {
            bool kept = sink.rollback();
            if (step.is_stamp()) throw;
            std::vector<std::string> at = !per_step ? result.heads_before
                                          : kept    ? expected
                                                    : committed;
            throw DatabaseError(std::string(e.what()) + sink.failure_note(join_or(at, "base")),
                                e.sqlstate(), e.statement());
        }
        if (step.purge) expected.clear();
        apply_version_changes(expected, step.plan.version_changes);
        if (per_step && sink.commit()) committed = expected;
        sink.step_done(step);
    }
    sink.finish();
    result.heads_after = expected;
    return result;
}

}  // namespace migrate::detail
