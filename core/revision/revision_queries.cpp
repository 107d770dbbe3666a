// Structural queries on the revision graph: lookups, heads, bases, branch and merge
// points, labels, ancestry, closures and history ranges. Each is one linear pass.

#include <algorithm>

#include "core/base/errors.h"
#include "core/revision/revision_graph.h"

namespace migrate {

const Revision* RevisionGraph::find(const std::string& id) const {
    int i = index_of(id);
    return i < 0 ? nullptr : &revs_[i];
}

const Revision& RevisionGraph::get(const std::string& id) const {
    int i = index_of(id);
    if (i < 0) throw RevisionError("no revision '" + id + "' in the versions folders");
    return revs_[i];
}

std::vector<std::string> RevisionGraph::ids_in_order(const Bits& set) const {
    std::vector<std::string> out;
    for (int i : topo_)
        if (set[i]) out.push_back(revs_[i].id);
    return out;
}

std::vector<std::string> RevisionGraph::heads() const {
    Bits set(revs_.size(), 0);
    for (size_t i = 0; i < revs_.size(); ++i) set[i] = up_[i].empty();
    return ids_in_order(set);
}

std::vector<std::string> RevisionGraph::real_heads() const {
    Bits set(revs_.size(), 0);
    for (size_t i = 0; i < revs_.size(); ++i) set[i] = children_[i].empty();
    return ids_in_order(set);
}

bool RevisionGraph::at_heads(const std::vector<std::string>& rows) const {
    std::vector<std::string> expected = real_heads();
    std::vector<std::string> actual = rows;
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    return actual == expected;
}

std::vector<std::string> RevisionGraph::unmerged_heads() const {
    std::vector<std::string> heads = real_heads();
    if (heads.size() < 2) return {};
    std::unordered_map<std::string, int> label_count;
    for (const auto& h : heads)
        for (const auto& label : branch_labels_of(h)) ++label_count[label];
    std::vector<std::string> unmerged;
    for (const auto& h : heads) {
        auto labels = branch_labels_of(h);
        bool own = std::any_of(labels.begin(), labels.end(),
                               [&](const std::string& l) { return label_count[l] == 1; });
        if (!own) unmerged.push_back(h);
    }
    // One head left alone among labelled branches is a branch of its own too.
    if (unmerged.size() < 2) return {};
    return unmerged;
}

std::vector<std::string> RevisionGraph::bases() const {
    Bits set(revs_.size(), 0);
    for (size_t i = 0; i < revs_.size(); ++i) set[i] = down_[i].empty();
    return ids_in_order(set);
}

std::vector<std::string> RevisionGraph::branch_points() const {
    Bits set(revs_.size(), 0);
    for (size_t i = 0; i < revs_.size(); ++i) set[i] = up_[i].size() > 1;
    return ids_in_order(set);
}

std::vector<std::string> RevisionGraph::merge_points() const {
    Bits set(revs_.size(), 0);
    for (size_t i = 0; i < revs_.size(); ++i) set[i] = down_[i].size() > 1;
    return ids_in_order(set);
}

std::vector<std::string> RevisionGraph::children(const std::string& id) const {
    std::vector<std::string> out;
    for (int c : up_[index_of(get(id).id)]) out.push_back(revs_[c].id);
    return out;
}

std::vector<std::string> RevisionGraph::dependents(const std::string& id) const {
    int i = index_of(get(id).id);
    std::vector<std::string> out;
    for (int c : children_[i])
        if (std::find(down_[c].begin(), down_[c].end(), i) == down_[c].end())
            out.push_back(revs_[c].id);
    return out;
}

bool RevisionGraph::is_head(const std::string& id) const {
    return up_[index_of(get(id).id)].empty();
}

bool RevisionGraph::is_branch_point(const std::string& id) const {
    return up_[index_of(get(id).id)].size() > 1;
}

std::vector<std::string> RevisionGraph::branch_labels_of(const std::string& id) const {
    int i = index_of(get(id).id);
    std::vector<std::string> out;
    for (const auto& [label, members] : label_members_)
        if (members[i]) out.push_back(label);
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

// Every node reachable from `from` along `edges`, `from` included: one linear walk.
std::vector<char> reachable(const std::vector<int>& from,
                            const std::vector<std::vector<int>>& edges) {
    std::vector<char> seen(edges.size(), 0);
    std::vector<int> stack;
    for (int f : from)
        if (!seen[f]) seen[f] = 1, stack.push_back(f);
    while (!stack.empty()) {
        int x = stack.back();
        stack.pop_back();
        for (int next : edges[x])
            if (!seen[next]) seen[next] = 1, stack.push_back(next);
    }
    return seen;
}

}  // namespace

RevisionGraph::Bits RevisionGraph::ancestors_closure(const std::vector<int>& from) const {
    return reachable(from, parents_);
}

RevisionGraph::Bits RevisionGraph::descendants_closure(const std::vector<int>& from) const {
    return reachable(from, children_);
}

bool RevisionGraph::is_ancestor(const std::string& ancestor, const std::string& id) const {
    int a = index_of(get(ancestor).id), d = index_of(get(id).id);
    if (topo_index_[a] > topo_index_[d]) return false;  // a parent always comes first
    return ancestors_closure({d})[a] != 0;
}

std::vector<std::string> RevisionGraph::history(const std::string& range,
                                                const std::vector<std::string>& current) const {
    size_t colon = range.find(':');
    std::string lower = colon == std::string::npos ? "" : range.substr(0, colon);
    std::string upper = colon == std::string::npos ? range : range.substr(colon + 1);
    Target top = upper.empty() || upper == "heads" ? Target{heads(), {}} : resolve(upper, current);
    Bits set = ancestors_closure(target_indexes(top));
    if (!lower.empty() && lower != "base") {
        Target bottom = resolve(lower, current);
        // X@base: what X's heads need from base (their ancestors, depends_on included),
        // not the other branches, as Alembic lists it.
        Bits above;
        if (bottom.is_base() && !bottom.branch.empty()) {
            std::vector<int> branch_heads;
            for (const auto& h : heads_of(bottom.branch)) branch_heads.push_back(index_of(h));
            above = ancestors_closure(branch_heads);
        } else {
            above = descendants_closure(target_indexes(bottom));
        }
        for (size_t i = 0; i < set.size(); ++i) set[i] = set[i] && above[i];
    }
    std::vector<std::string> out = ids_in_order(set);
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace migrate
