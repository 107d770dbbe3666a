#pragma once
// The revision graph: pure and in memory, built from Revision values (no files, no
// database). It validates the graph (duplicate ids, missing parents, cycles, bad
// labels), answers structural questions (heads, bases, branch and merge points,
// branch labels, depends_on), resolves identifiers (core/revision/revision_ids.cpp) and plans
// upgrades and downgrades with the exact version-table change of every step
// (core/revision/revision_plan.cpp), as Alembic's RevisionMap and HeadMaintainer do.
//
// Edges: a revision's parents are its down_revisions ("versioned" edges, which decide
// heads) plus its depends_on (which only order the plan). Everything is linear in the
// number of revisions: nodes are indexed, ordered once topologically, and closures are
// one breadth-first walk.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/revision/revision.h"

namespace migrate {

enum class Direction { Upgrade, Downgrade };
const char* to_string(Direction d);  // "upgrade", "downgrade"

// One change to the version table (one row per applied head, as Alembic keeps it).
struct VersionChange {
    enum class Kind { Insert, Delete, Update };
    Kind kind = Kind::Insert;
    std::string from;  // Delete, Update: the row's version_num before
    std::string to;    // Insert, Update: the row's version_num after

    std::string to_string() const;  // "insert a", "delete a", "update a -> b"
    bool operator==(const VersionChange&) const = default;
};

struct PlanStep {
    const Revision* revision = nullptr;
    Direction direction = Direction::Upgrade;
    std::vector<VersionChange> version_changes;  // applied after the step's operations
};

struct Plan {
    std::vector<PlanStep> steps;            // in the order to run them; each revision once
    std::vector<std::string> heads_before;  // version-table rows before
    std::vector<std::string> heads_after;   // version-table rows once every step ran
};

// What an identifier names: a set of revisions (empty = base). `branch`, set by
// `X@base`, `X@head`, `X@-N`, `REV-N` (X a branch label or a revision), limits a
// downgrade to the revisions of that branch.
struct Target {
    std::vector<std::string> revisions;
    std::string branch;
    bool is_base() const { return revisions.empty(); }
};

class RevisionGraph {
  public:
    // Validates and indexes; throws RevisionError naming the files involved.
    explicit RevisionGraph(std::vector<Revision> revisions);

    size_t size() const { return revs_.size(); }
    const std::vector<Revision>& revisions() const { return revs_; }
    const Revision* find(const std::string& id) const;  // exact id, or nullptr
    const Revision& get(const std::string& id) const;   // exact id; RevisionError if unknown

    // Heads have no down_revision child (Alembic's `heads`); bases have no
    // down_revision. Lists are in topological order (oldest first).
    std::vector<std::string> heads() const;
    // The heads no other revision depends on either (Alembic's "real heads"): exactly the
    // rows the version table holds once `upgrade heads` ran, since applying a revision
    // removes the rows of what it depends on.
    std::vector<std::string> real_heads() const;
    // Whether version-table rows are the real heads: nothing left for `upgrade heads`.
    bool at_heads(const std::vector<std::string>& rows) const;
    // Real heads left unmerged by accident: when there are several, every one that has no
    // branch label of its own (two developers each adding a revision on the same parent).
    // Heads that each carry a label no other head has are independent branches by
    // design (`upgrade heads` applies them all) and are not listed. Empty = nothing to merge.
    std::vector<std::string> unmerged_heads() const;
    std::vector<std::string> bases() const;
    std::vector<std::string> branch_points() const;  // several down_revision children
    std::vector<std::string> merge_points() const;   // several down_revisions
    std::vector<std::string> children(const std::string& id) const;    // down_revision children
    std::vector<std::string> dependents(const std::string& id) const;  // revisions depending on it
    bool is_head(const std::string& id) const;
    bool is_branch_point(const std::string& id) const;
    // Labels that apply to a revision: declared on it, or inherited along its branch
    // (descendants of the labelled revision, and ancestors down to a branch point).
    std::vector<std::string> branch_labels_of(const std::string& id) const;
    // Whether `ancestor` is `id` or one of its ancestors (down_revisions and depends_on).
    bool is_ancestor(const std::string& ancestor, const std::string& id) const;

    // Identifier resolution (core/revision/revision_ids.cpp). `current` is the version table's
    // rows, needed only by `current` and the forms relative to it (+N, -N, X@+N, X@-N).
    Target resolve(const std::string& identifier,
                   const std::vector<std::string>& current = {}) const;
    // Exactly one revision (not base, not several): for `show`, `--head`, `depends_on`.
    const Revision& resolve_one(const std::string& identifier) const;
    // Revisions in a range "A:B" (either side optional; no colon = that revision and
    // its ancestors), newest first. Both ends inclusive; "base:" or ":B" from the bases.
    // `current` (the version table's rows) is what `current` and -N/+N in the range name.
    std::vector<std::string> history(const std::string& range = "",
                                     const std::vector<std::string>& current = {}) const;
    // The heads that share a lineage with `name` (a branch label or a revision): its
    // descendants' heads, as Alembic's `X@head` / `X@heads`.
    std::vector<std::string> heads_of(const std::string& name) const;
    // Whether revision `id` is an ancestor or a descendant of `branch` (its anchor).
    bool on_lineage(const std::string& id, const std::string& branch) const;

    // Plans (core/revision/revision_plan.cpp). `current` = the version table's rows.
    Plan plan_upgrade(const std::vector<std::string>& current, const std::string& target) const;
    Plan plan_downgrade(const std::vector<std::string>& current, const std::string& target) const;
    Plan plan_upgrade(const std::vector<std::string>& current, const Target& target) const;
    Plan plan_downgrade(const std::vector<std::string>& current, const Target& target) const;
    // Every revision that the rows imply applied (the rows and their ancestors), in
    // topological order. RevisionError for a row no revision file defines.
    std::vector<std::string> applied(const std::vector<std::string>& current) const;

  private:
    using Bits = std::vector<char>;

    int index_of(const std::string& id) const;  // -1 when unknown
    const std::string& id_at(int i) const { return revs_[i].id; }
    std::vector<std::string> ids_in_order(const Bits& set) const;
    Bits ancestors_closure(const std::vector<int>& from) const;    // inclusive, all edges
    Bits descendants_closure(const std::vector<int>& from) const;  // inclusive, all edges
    std::vector<int> rows_to_indexes(const std::vector<std::string>& current) const;
    std::vector<int> target_indexes(const Target& target) const;

    void index_revisions();
    void link_parents();
    void order_topologically();
    void compute_branch_labels();

    // core/revision/revision_ids.cpp
    Target resolve_plain(const std::string& identifier) const;
    Target resolve_labelled(const std::string& label, const std::string& rest) const;
    Target resolve_relative(const std::string& branch, const std::string& symbol, char sign,
                            int steps, const std::vector<std::string>& current) const;
    Target relative_from_current(const std::string& branch, char sign, int steps,
                                 const std::vector<std::string>& current,
                                 const std::string& identifier) const;
    // `lineage`, when given, keeps the walk on one branch (Alembic's branch_label@+N).
    Target step_up(Target from, int steps, const std::string& identifier,
                   const Bits* lineage = nullptr) const;
    Target step_down(Target from, int steps, const std::string& identifier) const;
    // core/revision/revision_branches.cpp: branches named by a label or a revision.
    int branch_anchor(const std::string& name) const;  // the label's owner or the revision
    Bits lineage(int anchor) const;                    // ancestors and descendants, versioned
    Bits branch_closure(int anchor) const;  // descendants, and ancestors to a branch point
    Bits branch_members(const std::string& branch) const;
    std::string single_head_or_throw(const std::string& identifier) const;

    std::vector<Revision> revs_;
    std::unordered_map<std::string, int> by_id_;
    std::vector<std::pair<std::string, int>> sorted_ids_;  // for prefix lookup
    std::vector<std::vector<int>> down_;                   // versioned parents
    std::vector<std::vector<int>> parents_;                // down_ + depends_on, deduplicated
    std::vector<std::vector<int>> up_;                     // versioned children
    std::vector<std::vector<int>> children_;               // all children
    std::vector<int> topo_;                                // topological order, parents first
    std::vector<int> topo_index_;                          // position of a node in topo_
    std::unordered_map<std::string, int> label_owner_;     // label -> the revision declaring it
    std::unordered_map<std::string, Bits> label_members_;  // label -> revisions on its branch
};

}  // namespace migrate
