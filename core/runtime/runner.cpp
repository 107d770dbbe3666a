// The online runner (runner.h): each command is a request that the one runner loop
// (runner_sink.h) plans and runs into the live sink: lock, read the rows, plan, then each
// migration in its own transaction after re-checking the rows (a concurrent run may
// have moved them).

#include "core/runtime/runner.h"

#include "core/base/text.h"
#include "core/runtime/runner_internal.h"
#include "core/runtime/runner_sink.h"

namespace migrate {

using detail::LiveSink;
using detail::RunKind;
using detail::RunRequest;

namespace {}  // namespace

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

std::vector<PartialStep> Runner::partial() { return version_table_.read_partial(connection_); }

RunResult Runner::upgrade(const std::string& target) { return run(Direction::Upgrade, target); }
RunResult Runner::downgrade(const std::string& target) { return run(Direction::Downgrade, target); }

RunResult Runner::run(Direction direction, const std::string& target) {
    RunRequest request{direction == Direction::Upgrade ? RunKind::Upgrade : RunKind::Downgrade,
                       target, false, options_.transaction_per_migration,
                       dialect_.capabilities().transactional_ddl};
    LiveSink sink(dialect_, connection_, revisions_, options_, version_table_);
    return detail::run_plan(sink, revisions_, request);
}

StampResult Runner::stamp(const std::vector<std::string>& targets, bool purge) {
    RunRequest request{RunKind::Stamp, targets.at(0), purge, options_.transaction_per_migration,
                       dialect_.capabilities().transactional_ddl};
    request.more_targets.assign(targets.begin() + 1, targets.end());
    LiveSink sink(dialect_, connection_, revisions_, options_, version_table_);
    RunResult run = detail::run_plan(sink, revisions_, request);
    return StampResult{run.heads_before, run.heads_after};
}

}  // namespace migrate
