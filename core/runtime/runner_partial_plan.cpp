// Partial steps in a plan (runner_sink.h): a revision that a database without
// transactional DDL left partly applied is resumed by a run in its direction, undone
// first by a run in the other, and stops any other run with the way on.

#include <algorithm>
#include <regex>

#include "core/base/errors.h"
#include "core/base/text.h"
#include "core/runtime/runner_sink.h"

namespace migrate::detail {

namespace {

Direction opposite(Direction d) {
    return d == Direction::Upgrade ? Direction::Downgrade : Direction::Upgrade;
}

}  // namespace

RunRequest count_partial_step(const RunRequest& request, const std::vector<PartialStep>& partial) {
    RunRequest out = request;
    if (request.kind != RunKind::Downgrade) return out;
    bool pending = std::any_of(partial.begin(), partial.end(), [](const PartialStep& p) {
        return p.direction == Direction::Upgrade;
    });
    std::smatch m;
    static const std::regex relative("-([0-9]+)");
    if (!pending || !std::regex_match(request.target, m, relative)) return out;
    int steps = std::stoi(m[1].str());
    if (steps <= 1)
        out.target_is_start = true;
    else
        out.target = "-" + std::to_string(steps - 1);
    return out;
}

void fit_partial(RunPlan& plan, const std::vector<PartialStep>& partial, RevisionLoader& revisions,
                 const RunRequest& request) {
    if (plan.kind == RunKind::Stamp) return;
    Direction run = plan.kind == RunKind::Upgrade ? Direction::Upgrade : Direction::Downgrade;
    for (const auto& p : partial) {
        auto same = std::find_if(plan.steps.begin(), plan.steps.end(), [&](const RunStep& s) {
            return s.plan.revision && s.plan.revision->id == p.revision &&
                   s.plan.direction == p.direction && !s.undo_partial;
        });
        if (same != plan.steps.end()) {
            same->first_operation = p.done;
            continue;
        }
        const Revision* revision = revisions.graph().find(p.revision);
        if (!revision)
            throw DatabaseError(p.describe() + ", but no revision file defines " + p.revision +
                                "; restore its file, or undo its operations by hand and run "
                                "`migrate stamp` to clear the record");
        if (run == opposite(p.direction)) {
            RunStep undo;
            undo.plan.revision = revision;
            undo.plan.direction = run;
            undo.undo_partial = p;
            plan.steps.insert(plan.steps.begin(), std::move(undo));
            continue;
        }
        std::string blocker = partial_undo_blocker(p, *revisions.full(p.revision), "");
        throw DatabaseError(p.describe() + ", and this " + to_string(run) + " to '" +
                            request.target + "' does not reach it; the database stays at " +
                            join_or(plan.heads_before, "base") + ".\n" +
                            partial_way_on(p, join_or(plan.heads_before, "base"), blocker));
    }
}

}  // namespace migrate::detail
