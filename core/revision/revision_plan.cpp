// Upgrade and downgrade plans: which revisions to run, in which order, and how the
// version table (one row per applied head) changes after each step, as Alembic's
// HeadMaintainer does. The rows are always the applied revisions that no applied
// revision builds on (down_revisions and depends_on both count), so each step only
// touches its own row and its parents' rows; the simulation is linear.

#include <algorithm>
#include <functional>

#include "core/base/errors.h"
#include "core/revision/revision_graph.h"

namespace migrate {

namespace {

// The version table during a plan: applied set, rows, and how many applied revisions
// build on each revision (a revision with none is a row).
class HeadTracker {
  public:
    HeadTracker(size_t n, const std::vector<std::vector<int>>& parents)
        : parents_(parents), applied_(n, 0), row_(n, 0), built_on_(n, 0) {}

    void start(const std::vector<char>& applied, const std::vector<int>& rows) {
        applied_ = applied;
        for (size_t i = 0; i < applied_.size(); ++i)
            if (applied_[i])
                for (int p : parents_[i]) ++built_on_[p];
        for (int r : rows) row_[r] = 1;
    }

    std::vector<VersionChange> upgrade(int r, const std::vector<Revision>& revs) {
        std::vector<int> removed;
        for (int p : parents_[r]) {
            ++built_on_[p];
            if (row_[p]) row_[p] = 0, removed.push_back(p);
        }
        applied_[r] = 1;
        row_[r] = 1;
        std::vector<VersionChange> changes;
        if (removed.empty()) return {{VersionChange::Kind::Insert, "", revs[r].id}};
        // As Alembic's HeadMaintainer merges: delete all but the last parent's row, then
        // update the last one (the same statements in the same order in --sql scripts).
        for (size_t k = 0; k + 1 < removed.size(); ++k)
            changes.push_back({VersionChange::Kind::Delete, revs[removed[k]].id, ""});
        changes.push_back({VersionChange::Kind::Update, revs[removed.back()].id, revs[r].id});
        return changes;
    }

    std::vector<VersionChange> downgrade(int r, const std::vector<Revision>& revs) {
        applied_[r] = 0;
        bool was_row = row_[r];
        row_[r] = 0;
        std::vector<int> added;
        for (int p : parents_[r])
            if (--built_on_[p] == 0 && applied_[p] && !row_[p]) row_[p] = 1, added.push_back(p);
        std::vector<VersionChange> changes;
        if (added.empty())
            return was_row
                       ? std::vector<VersionChange>{{VersionChange::Kind::Delete, revs[r].id, ""}}
                       : changes;
        // Alembic's unmerge: insert all but the last parent's row, then update the
        // revision's own row to the last parent.
        for (size_t k = 0; k + 1 < added.size(); ++k)
            changes.push_back({VersionChange::Kind::Insert, "", revs[added[k]].id});
        if (was_row)
            changes.push_back({VersionChange::Kind::Update, revs[r].id, revs[added.back()].id});
        else
            changes.push_back({VersionChange::Kind::Insert, "", revs[added.back()].id});
        return changes;
    }

    bool is_row(int i) const { return row_[i] != 0; }

  private:
    const std::vector<std::vector<int>>& parents_;
    std::vector<char> applied_, row_;
    std::vector<int> built_on_;
};

}  // namespace

std::vector<int> RevisionGraph::rows_to_indexes(const std::vector<std::string>& current) const {
    std::vector<int> rows;
    for (const auto& row : current) {
        int i = index_of(row);
        if (i < 0)
            throw RevisionError("the version table holds revision '" + row +
                                "', which no revision file defines; restore its file or fix the "
                                "table with `migrate stamp`");
        if (std::find(rows.begin(), rows.end(), i) == rows.end()) rows.push_back(i);
    }
    return rows;
}

std::vector<int> RevisionGraph::target_indexes(const Target& target) const {
    std::vector<int> out;
    for (const auto& id : target.revisions) out.push_back(index_of(get(id).id));
    return out;
}

std::vector<std::string> RevisionGraph::applied(const std::vector<std::string>& current) const {
    return ids_in_order(ancestors_closure(rows_to_indexes(current)));
}

Plan RevisionGraph::plan_upgrade(const std::vector<std::string>& current,
                                 const std::string& target) const {
    return plan_upgrade(current, resolve(target, current));
}

Plan RevisionGraph::plan_downgrade(const std::vector<std::string>& current,
                                   const std::string& target) const {
    return plan_downgrade(current, resolve(target, current));
}

namespace {

std::vector<std::string> row_ids(const std::vector<int>& order, const std::vector<Revision>& revs,
                                 const std::function<bool(int)>& is_row) {
    std::vector<std::string> out;
    for (int i : order)
        if (is_row(i)) out.push_back(revs[i].id);
    return out;
}

}  // namespace

Plan RevisionGraph::plan_upgrade(const std::vector<std::string>& current,
                                 const Target& target) const {
    std::vector<int> rows = rows_to_indexes(current);
    Bits applied = ancestors_closure(rows);
    Bits wanted = ancestors_closure(target_indexes(target));
    HeadTracker tracker(revs_.size(), parents_);
    tracker.start(applied, rows);
    Plan plan;
    plan.heads_before = row_ids(topo_, revs_, [&](int i) { return tracker.is_row(i); });
    for (int i : topo_) {
        if (!wanted[i] || applied[i]) continue;
        plan.steps.push_back({&revs_[i], Direction::Upgrade, tracker.upgrade(i, revs_)});
    }
    plan.heads_after = row_ids(topo_, revs_, [&](int i) { return tracker.is_row(i); });
    return plan;
}

Plan RevisionGraph::plan_downgrade(const std::vector<std::string>& current,
                                   const Target& target) const {
    std::vector<int> rows = rows_to_indexes(current);
    Bits applied = ancestors_closure(rows);
    std::vector<int> targets = target_indexes(target);
    for (int t : targets)
        if (!applied[t])
            throw RevisionError("cannot downgrade to '" + id_at(t) + "' (" + revs_[t].where() +
                                "): it is not applied; the database is at " +
                                (current.empty() ? std::string("base") : current.front()) +
                                (current.size() > 1 ? " and other heads" : ""));
    Bits keep = ancestors_closure(targets);
    Bits remove = applied;
    if (!targets.empty()) {
        Bits above = descendants_closure(targets);
        for (size_t i = 0; i < remove.size(); ++i) remove[i] = remove[i] && above[i] && !keep[i];
    }
    if (!target.branch.empty()) {
        std::vector<int> members;
        Bits on_branch = branch_members(target.branch);
        for (size_t i = 0; i < on_branch.size(); ++i)
            if (on_branch[i]) members.push_back(static_cast<int>(i));
        Bits affected = descendants_closure(members);
        for (size_t i = 0; i < remove.size(); ++i) remove[i] = remove[i] && affected[i];
    }
    HeadTracker tracker(revs_.size(), parents_);
    tracker.start(applied, rows);
    Plan plan;
    plan.heads_before = row_ids(topo_, revs_, [&](int i) { return tracker.is_row(i); });
    for (auto it = topo_.rbegin(); it != topo_.rend(); ++it)
        if (remove[*it])
            plan.steps.push_back(
                {&revs_[*it], Direction::Downgrade, tracker.downgrade(*it, revs_)});
    plan.heads_after = row_ids(topo_, revs_, [&](int i) { return tracker.is_row(i); });
    return plan;
}

}  // namespace migrate
