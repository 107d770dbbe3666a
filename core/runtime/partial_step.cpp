// The partial-step state and its words (partial_step.h).

#include "core/runtime/partial_step.h"

#include "core/base/errors.h"
#include "core/operations/operations.h"

namespace migrate {

std::string PartialStep::progress() const {
    return std::string(to_string(direction)) + " " + std::to_string(done) + "/" +
           std::to_string(total);
}

std::string PartialStep::describe() const {
    std::string counts = std::to_string(done) + " of " + std::to_string(total);
    if (direction == Direction::Upgrade)
        return "revision " + revision + " is partially applied: " + counts + " operations";
    return "revision " + revision + " is partially downgraded: " + counts + " downgrade operations";
}

std::optional<PartialStep> parse_partial(const std::string& revision, const std::string& progress) {
    auto space = progress.find(' ');
    auto slash = progress.find('/');
    if (space == std::string::npos || slash == std::string::npos || slash < space)
        return std::nullopt;
    std::string dir = progress.substr(0, space);
    if (dir != "upgrade" && dir != "downgrade") return std::nullopt;
    try {
        size_t used = 0;
        std::string done = progress.substr(space + 1, slash - space - 1);
        std::string total = progress.substr(slash + 1);
        PartialStep p{revision, dir == "upgrade" ? Direction::Upgrade : Direction::Downgrade,
                      std::stoul(done, &used), 0};
        if (used != done.size()) return std::nullopt;
        p.total = std::stoul(total, &used);
        if (used != total.size()) return std::nullopt;
        return p;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

bool skipped_on(const Operation& op, const std::string& dialect) {
    const Execute* e = op.as<Execute>();
    return e && !e->dialect.empty() && !dialect.empty() && e->dialect != dialect;
}

std::string partial_undo_blocker(const PartialStep& partial, const Revision& full_revision,
                                 const std::string& dialect) {
    const Operations& ops =
        partial.direction == Direction::Upgrade ? full_revision.upgrade : full_revision.downgrade;
    for (size_t i = std::min(partial.done, ops.size()); i-- > 0;) {
        if (skipped_on(ops[i], dialect)) continue;
        try {
            reverse(ops[i]);
        } catch (const InputError& e) {
            return std::string(to_string(partial.direction)) + " operation " +
                   std::to_string(i + 1) + ": " + e.what();
        }
    }
    return "";
}

std::string partial_way_on(const PartialStep& partial, const std::string& rows,
                           const std::string& undo_blocker) {
    bool up = partial.direction == Direction::Upgrade;
    const std::string& rev = partial.revision;
    std::string resume = up ? "`migrate upgrade " + rev + "`" : "`migrate downgrade " + rev + "-1`";
    std::string undo = up ? "`migrate downgrade -1`" : "`migrate upgrade " + rev + "`";
    std::string out = "To go on: fix the cause, then " + resume + " (or any target beyond it) " +
                      "resumes at " + (up ? "" : "downgrade ") + "operation " +
                      std::to_string(partial.done + 1) + " of " + std::to_string(partial.total);
    if (partial.done == 0) return out + ".";
    std::string first = partial.done == 1 ? "its first operation"
                                          : "its first " + std::to_string(partial.done) +
                                                (up ? " operations" : " downgrade operations");
    if (undo_blocker.empty()) return out + "; or " + undo + " undoes " + first + ".";
    return out + ". Undoing " + first + " is not possible automatically (" + undo_blocker +
           "): undo by hand, then `migrate stamp " + (up ? rows : rev) + "` clears the record.";
}

std::string partial_status(const PartialStep& partial, RevisionLoader& revisions,
                           const std::vector<std::string>& rows, const std::string& dialect) {
    std::string at;
    for (const auto& r : rows) at += (at.empty() ? "" : ", ") + r;
    if (at.empty()) at = "base";
    std::string blocker;
    if (!revisions.graph().find(partial.revision))
        blocker = "no revision file defines " + partial.revision;
    else
        blocker = partial_undo_blocker(partial, *revisions.full(partial.revision), dialect);
    return partial.describe() + "; the database stays at " + at + " with it. " +
           partial_way_on(partial, at, blocker);
}

}  // namespace migrate
