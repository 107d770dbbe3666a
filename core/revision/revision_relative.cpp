// Relative identifiers, as Alembic reads `[X@][SYMBOL](+|-)N`: from a revision
// (REV+N, REV-N, head-1, X@REV+N), from the database's rows (+N, -N), or from the row
// on one branch (X@+N, X@-N, X a branch label or a revision). A downward step from a
// revision or a branch keeps the downgrade on that branch: at two heads, `REV-1` and
// `REV@-1` revert REV's branch only.

#include "core/base/errors.h"
#include "core/revision/revision_graph.h"

namespace migrate {

namespace {

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

std::string list_with_files(const std::vector<int>& nodes, const std::vector<Revision>& revs) {
    std::string list;
    for (int n : nodes) list += "\n  " + revs[n].id + " (" + revs[n].where() + ")";
    return list;
}

}  // namespace

Target RevisionGraph::resolve_relative(const std::string& branch, const std::string& symbol,
                                       char sign, int steps,
                                       const std::vector<std::string>& current) const {
    std::string identifier =
        (branch.empty() ? "" : branch + "@") + symbol + sign + std::to_string(steps);
    if (symbol.empty() && !branch.empty())
        return relative_from_current(branch, sign, steps, current, identifier);
    Target from;
    if (symbol.empty()) {
        for (const auto& row : current) from.revisions.push_back(get(row).id);
        if (from.revisions.size() > 1)
            throw RevisionError("'" + identifier +
                                "' is ambiguous: the database is at several heads (" +
                                joined(from.revisions) + "); step from one of them, e.g. " +
                                from.revisions.front() + sign + std::to_string(steps));
    } else {
        from = branch.empty() ? resolve(symbol, current) : resolve_labelled(branch, symbol);
    }
    if (sign == '+') {
        if (steps == 0) return from;
        Bits on;
        if (!branch.empty()) on = lineage(branch_anchor(branch));
        Target t = step_up(std::move(from), steps, identifier, branch.empty() ? nullptr : &on);
        t.branch.clear();
        return t;
    }
    std::string own = !branch.empty()              ? branch
                      : from.revisions.size() == 1 ? from.revisions.front()
                                                   : std::string();
    Target t = steps == 0 ? std::move(from) : step_down(std::move(from), steps, identifier);
    t.branch = own;
    return t;
}

// X@+N / X@-N: from the database's row on X's lineage (Alembic's filter_for_lineage);
// upward from the newest applied revision of that lineage, or from base.
Target RevisionGraph::relative_from_current(const std::string& branch, char sign, int steps,
                                            const std::vector<std::string>& current,
                                            const std::string& identifier) const {
    resolve_labelled(branch, "base");  // names the branch, or says it is unknown
    Bits on = lineage(branch_anchor(branch));
    std::vector<std::string> rows;
    for (const auto& row : current)
        if (on[index_of(get(row).id)]) rows.push_back(get(row).id);
    if (rows.size() > 1)
        throw RevisionError("'" + identifier + "' is ambiguous: the database is at several " +
                            "revisions on branch '" + branch + "' (" + joined(rows) + ")");
    Target from{rows, ""};
    if (sign == '-') {
        if (rows.empty())
            throw RevisionError("'" + identifier + "': the database has no revision on branch '" +
                                branch + "' to step down from (it is at " +
                                (current.empty() ? std::string("base") : joined(current)) + ")");
        Target t = steps == 0 ? from : step_down(from, steps, identifier);
        t.branch = branch;
        return t;
    }
    if (rows.empty()) {  // the branch is not applied: start from its newest applied ancestor
        Bits applied = ancestors_closure(rows_to_indexes(current));
        std::vector<std::string> tips;
        for (int i : topo_) {
            if (!applied[i] || !on[i]) continue;
            bool tip = true;
            for (int c : up_[i]) tip = tip && !(applied[c] && on[c]);
            if (tip) tips.push_back(id_at(i));
        }
        if (tips.size() > 1)
            throw RevisionError("'" + identifier + "' is ambiguous: it steps from several " +
                                "applied revisions (" + joined(tips) + ")");
        from.revisions = tips;
    }
    return steps == 0 ? from : step_up(from, steps, identifier, &on);
}

Target RevisionGraph::step_up(Target from, int steps, const std::string& identifier,
                              const Bits* lineage) const {
    for (int k = 0; k < steps; ++k) {
        std::vector<int> next;
        std::string here;
        if (from.is_base()) {
            for (int i : topo_)
                if (down_[i].empty()) next.push_back(i);
            here = "base";
        } else if (from.revisions.size() > 1) {
            throw RevisionError("'" + identifier +
                                "' is ambiguous: it steps from several revisions; name one");
        } else {
            next = up_[index_of(from.revisions.front())];
            here = "'" + from.revisions.front() + "' (" + get(from.revisions.front()).where() + ")";
        }
        if (lineage) std::erase_if(next, [&](int n) { return !(*lineage)[n]; });
        if (next.empty())
            throw RevisionError("'" + identifier + "' steps past head: " + here +
                                " is a head after " + std::to_string(k) + " of " +
                                std::to_string(steps) + " steps");
        if (next.size() > 1)
            throw RevisionError("'" + identifier + "' is ambiguous: " + here +
                                " has several children:" + list_with_files(next, revs_) +
                                "\nname the revision to go to");
        from.revisions = {id_at(next.front())};
    }
    return from;
}

Target RevisionGraph::step_down(Target from, int steps, const std::string& identifier) const {
    for (int k = 0; k < steps; ++k) {
        if (from.is_base())
            throw RevisionError("'" + identifier + "' steps past base: only " + std::to_string(k) +
                                " revision(s) lie below the starting point");
        if (from.revisions.size() > 1) {
            std::vector<int> nodes;
            for (const auto& r : from.revisions) nodes.push_back(index_of(r));
            throw RevisionError("'" + identifier +
                                "' is ambiguous: the step reaches several revisions:" +
                                list_with_files(nodes, revs_) + "\nstep from one of them instead");
        }
        std::vector<std::string> next;
        for (int p : down_[index_of(from.revisions.front())]) next.push_back(id_at(p));
        from.revisions = std::move(next);
    }
    return from;
}

}  // namespace migrate
