// Indexes of a table present on both sides: added, removed, and changed (unique,
// partial predicate, expressions, ordering, access method). A changed index is a
// drop_index before the column changes and a create_index after them.

#include "core/diff/diff_context.h"

namespace migrate::diff {

namespace {

std::string index_kind(const Index& ix) { return ix.unique ? "unique index '" : "index '"; }

}  // namespace

void diff_indexes(Context& ctx, const Table& current, const Table& target) {
    const Normalizer& n = ctx.normalizer;
    auto m = match_by_name(current.indexes, target.indexes,
                           [&](const Index& a, const Index& b) { return n.same_index(a, b); });
    std::string on = "' on " + quoted(target.schema, target.name);
    for (const Index* ix : m.removed) {
        ctx.change("removed " + index_kind(*ix) + ix->name + on);
        ctx.emit(Phase::DropIndexes, DropIndex{current.schema, current.name, ix->name, *ix});
    }
    for (const auto& [was, now] : m.changed) {
        ctx.change("changed " + index_kind(*now) + now->name + on);
        ctx.emit(Phase::DropIndexes, DropIndex{current.schema, current.name, was->name, *was});
        ctx.emit(Phase::CreateConstraints, CreateIndex{target.schema, target.name, *now});
    }
    for (const Index* ix : m.added) {
        ctx.change("added " + index_kind(*ix) + ix->name + on);
        ctx.emit(Phase::CreateConstraints, CreateIndex{target.schema, target.name, *ix});
    }
}

}  // namespace migrate::diff
