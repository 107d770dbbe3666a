// Branches named by a branch label or by a revision (Alembic's `X@head`, `X@base`,
// `X@-N`): the revision anchoring the name, its lineage (what `X@head` and `X@+N` walk
// along), and the members a downgrade restricted to the branch may revert.

#include <deque>

#include "core/base/errors.h"
#include "core/revision/revision_graph.h"

namespace migrate {

int RevisionGraph::branch_anchor(const std::string& name) const {
    if (auto label = label_owner_.find(name); label != label_owner_.end()) return label->second;
    return index_of(resolve_one(name).id);
}

RevisionGraph::Bits RevisionGraph::lineage(int anchor) const {
    Bits seen(revs_.size(), 0);
    for (const auto* edges : {&down_, &up_}) {
        std::vector<int> stack{anchor};
        while (!stack.empty()) {
            int x = stack.back();
            stack.pop_back();
            for (int next : (*edges)[x])
                if (!seen[next]) seen[next] = 1, stack.push_back(next);
        }
    }
    seen[anchor] = 1;
    return seen;
}

// The revision, its descendants, and its ancestors down to (not including) a branch point.
RevisionGraph::Bits RevisionGraph::branch_closure(int anchor) const {
    Bits members(revs_.size(), 0);
    std::deque<int> queue{anchor};
    members[anchor] = 1;
    while (!queue.empty()) {
        int x = queue.front();
        queue.pop_front();
        for (int c : up_[x])
            if (!members[c]) members[c] = 1, queue.push_back(c);
    }
    int x = anchor;
    while (down_[x].size() == 1) {
        int p = down_[x][0];
        if (up_[p].size() > 1) break;
        members[p] = 1;
        x = p;
    }
    return members;
}

RevisionGraph::Bits RevisionGraph::branch_members(const std::string& branch) const {
    if (auto it = label_members_.find(branch); it != label_members_.end()) return it->second;
    return branch_closure(branch_anchor(branch));
}

bool RevisionGraph::on_lineage(const std::string& id, const std::string& branch) const {
    return lineage(branch_anchor(branch))[index_of(get(id).id)] != 0;
}

std::vector<std::string> RevisionGraph::heads_of(const std::string& name) const {
    Bits on = label_owner_.count(name) ? label_members_.at(name) : lineage(branch_anchor(name));
    std::vector<std::string> out;
    for (int i : topo_)
        if (on[i] && up_[i].empty()) out.push_back(id_at(i));
    return out;
}

}  // namespace migrate
