// The revision graph's construction and validation: indexing, parent links, the
// topological order (with cycle detection) and branch-label membership. Queries live
// in revision_queries.cpp, identifiers in revision_ids.cpp, plans in revision_plan.cpp.

#include "core/revision/revision_graph.h"

#include <algorithm>
#include <deque>

#include "core/base/errors.h"
#include "core/revision/revision_id_rules.h"

namespace migrate {

const char* to_string(Direction d) { return d == Direction::Upgrade ? "upgrade" : "downgrade"; }

std::string VersionChange::to_string() const {
    switch (kind) {
        case Kind::Insert:
            return "insert " + to;
        case Kind::Delete:
            return "delete " + from;
        case Kind::Update:
            return "update " + from + " -> " + to;
    }
    return {};
}

RevisionGraph::RevisionGraph(std::vector<Revision> revisions) : revs_(std::move(revisions)) {
    index_revisions();
    link_parents();
    order_topologically();
    compute_branch_labels();
}

void RevisionGraph::index_revisions() {
    by_id_.reserve(revs_.size() * 2);
    for (int i = 0; i < static_cast<int>(revs_.size()); ++i) {
        const Revision& r = revs_[i];
        if (auto problem = id_problem(r.id))
            throw RevisionError(r.where() + ": revision id '" + r.id + "' " + *problem);
        auto [it, inserted] = by_id_.emplace(r.id, i);
        if (!inserted)
            throw RevisionError("duplicate revision id '" + r.id + "' in " +
                                revs_[it->second].where() + " and " + r.where() +
                                "; give one of them a new id");
    }
    sorted_ids_.reserve(revs_.size());
    for (const auto& [id, i] : by_id_) sorted_ids_.emplace_back(id, i);
    std::sort(sorted_ids_.begin(), sorted_ids_.end());
    for (int i = 0; i < static_cast<int>(revs_.size()); ++i) {
        for (const auto& label : revs_[i].branch_labels) {
            if (auto problem = id_problem(label))
                throw RevisionError(revs_[i].where() + ": branch label '" + label + "' " +
                                    *problem);
            if (by_id_.count(label))
                throw RevisionError(revs_[i].where() + ": branch label '" + label +
                                    "' is also a revision id (" + revs_[by_id_.at(label)].where() +
                                    ")");
            auto [it, inserted] = label_owner_.emplace(label, i);
            if (!inserted)
                throw RevisionError("branch label '" + label + "' is declared twice: in " +
                                    revs_[it->second].where() + " and " + revs_[i].where());
        }
    }
}

namespace {

[[noreturn]] void missing_parent(const Revision& r, const std::string& parent, const char* field,
                                 const std::vector<std::pair<std::string, int>>& ids) {
    std::vector<std::string> candidates;
    candidates.reserve(ids.size());
    for (const auto& p : ids) candidates.push_back(p.first);
    std::string msg =
        r.where() + ": " + field + " '" + parent + "' is not a revision in the versions folders";
    // Short ids are all within a few edits of each other: suggest only for longer ones.
    std::string near = ids.size() <= 5000 && parent.size() >= 4 ? closest_match(parent, candidates)
                                                                : std::string();
    if (!near.empty()) msg += "; did you mean '" + near + "'?";
    throw RevisionError(msg);
}

void push_unique(std::vector<int>& v, int x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

}  // namespace

void RevisionGraph::link_parents() {
    size_t n = revs_.size();
    down_.assign(n, {});
    parents_.assign(n, {});
    up_.assign(n, {});
    children_.assign(n, {});
    for (size_t i = 0; i < n; ++i) {
        const Revision& r = revs_[i];
        for (const auto& d : r.down_revisions) {
            int p = index_of(d);
            if (p < 0) missing_parent(r, d, "down_revision", sorted_ids_);
            push_unique(down_[i], p);
            push_unique(parents_[i], p);
        }
        for (const auto& d : r.depends_on) {
            int p = index_of(d);
            if (p < 0) {
                auto label = label_owner_.find(d);
                if (label == label_owner_.end()) missing_parent(r, d, "depends_on", sorted_ids_);
                p = label->second;
            }
            push_unique(parents_[i], p);
        }
        for (int p : down_[i]) up_[p].push_back(static_cast<int>(i));
        for (int p : parents_[i]) children_[p].push_back(static_cast<int>(i));
    }
}

// Iterative depth-first post-order over parents from the heads (in id order), so the
// order is deterministic and a branch's revisions stay together. A grey node met again is a
// cycle, reported with every file on it.
void RevisionGraph::order_topologically() {
    size_t n = revs_.size();
    std::vector<char> colour(n, 0);  // 0 white, 1 grey, 2 black
    std::vector<std::pair<int, size_t>> stack;
    topo_.reserve(n);
    std::vector<int> roots;
    for (const auto& entry : sorted_ids_)
        if (up_[entry.second].empty()) roots.push_back(entry.second);
    for (const auto& entry : sorted_ids_) roots.push_back(entry.second);
    for (int root : roots) {
        if (colour[root]) continue;
        stack.emplace_back(root, 0);
        colour[root] = 1;
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            if (next < parents_[node].size()) {
                int p = parents_[node][next++];
                if (colour[p] == 1) {
                    std::string files;
                    bool on = false;
                    for (const auto& frame : stack) {
                        if (frame.first == p) on = true;
                        if (on) files += (files.empty() ? "" : " -> ") + revs_[frame.first].where();
                    }
                    throw RevisionError("the revision graph has a cycle: " + files + " -> " +
                                        revs_[p].where() +
                                        "; fix down_revision or depends_on in one of these files");
                }
                if (colour[p] == 0) {
                    colour[p] = 1;
                    stack.emplace_back(p, 0);
                }
                continue;
            }
            colour[node] = 2;
            topo_.push_back(node);
            stack.pop_back();
        }
    }
    topo_index_.assign(n, 0);
    for (size_t k = 0; k < n; ++k) topo_index_[topo_[k]] = static_cast<int>(k);
    // Children lists in topological order, so every walk over them is deterministic.
    auto by_topo = [this](int a, int b) { return topo_index_[a] < topo_index_[b]; };
    for (size_t i = 0; i < n; ++i) {
        std::sort(up_[i].begin(), up_[i].end(), by_topo);
        std::sort(children_[i].begin(), children_[i].end(), by_topo);
    }
}

// As Alembic: a label covers the labelled revision, its down_revision descendants, and
// its ancestors down to (not including) a branch point or merge point.
void RevisionGraph::compute_branch_labels() {
    for (const auto& [label, owner] : label_owner_)
        label_members_.emplace(label, branch_closure(owner));
}

int RevisionGraph::index_of(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? -1 : it->second;
}

}  // namespace migrate
