// Constraints of a table present on both sides: the primary key (compared by its
// columns; its name is the database's business), unique constraints, foreign keys
// (columns, referred table and columns, actions) and check constraints (by normalised
// expression). A changed constraint is dropped and created again.

#include "core/diff/diff_context.h"

namespace migrate::diff {

namespace {

DropConstraint drop_of(const Table& t, const std::string& name, ConstraintType type) {
    return DropConstraint{t.schema, t.name, name, type};
}

void diff_primary_key(Context& ctx, const Table& current, const Table& target) {
    const auto& was = current.primary_key;
    const auto& now = target.primary_key;
    bool had = was && !was->columns.empty(), has = now && !now->columns.empty();
    if (had && has && was->columns == now->columns) return;
    if (!had && !has) return;
    std::string on = " on " + quoted(target.schema, target.name);
    ctx.change(std::string(had && has ? "changed"
                           : had      ? "removed"
                                      : "added") +
               " primary key" + on);
    if (had) {
        DropConstraint d = drop_of(current, was->name, ConstraintType::PrimaryKey);
        d.existing_primary_key = *was;
        ctx.emit(Phase::DropIndexes, d);
    }
    if (has) ctx.emit(Phase::CreateConstraints, CreatePrimaryKey{target.schema, target.name, *now});
}

void diff_unique(Context& ctx, const Table& current, const Table& target) {
    auto m = match_by_name(current.unique_constraints, target.unique_constraints,
                           [](const UniqueConstraint& a, const UniqueConstraint& b) {
                               return a.columns == b.columns;
                           });
    std::string on = "' on " + quoted(target.schema, target.name);
    auto drop = [&](const UniqueConstraint& uq) {
        DropConstraint d = drop_of(current, uq.name, ConstraintType::Unique);
        d.existing_unique = uq;
        ctx.emit(Phase::DropIndexes, d);
    };
    auto create = [&](const UniqueConstraint& uq) {
        ctx.emit(Phase::CreateConstraints, CreateUniqueConstraint{target.schema, target.name, uq});
    };
    for (const auto* uq : m.removed) {
        ctx.change("removed unique constraint '" + uq->name + on);
        drop(*uq);
    }
    for (const auto& [was, now] : m.changed) {
        ctx.change("changed unique constraint '" + now->name + on);
        drop(*was);
        create(*now);
    }
    for (const auto* uq : m.added) {
        ctx.change("added unique constraint '" + uq->name + on);
        create(*uq);
    }
}

void diff_foreign_keys(Context& ctx, const Table& current, const Table& target) {
    const Normalizer& n = ctx.normalizer;
    auto m = match_by_name(
        current.foreign_keys, target.foreign_keys,
        [&](const ForeignKey& a, const ForeignKey& b) { return n.same_foreign_key(a, b); });
    std::string on = "' on " + quoted(target.schema, target.name);
    auto drop = [&](const ForeignKey& fk) {
        DropConstraint d = drop_of(current, fk.name, ConstraintType::ForeignKey);
        d.existing_foreign_key = fk;
        ctx.emit(Phase::DropForeignKeys, d);
    };
    auto create = [&](const ForeignKey& fk) {
        ctx.emit(Phase::CreateForeignKeys, CreateForeignKey{target.schema, target.name, fk});
    };
    for (const auto* fk : m.removed) {
        ctx.change("removed foreign key '" + fk->name + on);
        drop(*fk);
    }
    for (const auto& [was, now] : m.changed) {
        ctx.change("changed foreign key '" + now->name + on);
        drop(*was);
        create(*now);
    }
    for (const auto* fk : m.added) {
        ctx.change("added foreign key '" + fk->name + on);
        create(*fk);
    }
}

void diff_checks(Context& ctx, const Table& current, const Table& target) {
    const Normalizer& n = ctx.normalizer;
    auto m = match_by_name(current.checks, target.checks,
                           [&](const CheckConstraint& a, const CheckConstraint& b) {
                               return n.same_expression(a.expression, b.expression);
                           });
    std::string on = "' on " + quoted(target.schema, target.name);
    auto drop = [&](const CheckConstraint& ck) {
        DropConstraint d = drop_of(current, ck.name, ConstraintType::Check);
        d.existing_check = ck;
        ctx.emit(Phase::DropIndexes, d);
    };
    auto create = [&](const CheckConstraint& ck) {
        ctx.emit(Phase::CreateConstraints, CreateCheckConstraint{target.schema, target.name, ck});
    };
    for (const auto* ck : m.removed) {
        ctx.change("removed check constraint '" + ck->name + on);
        drop(*ck);
    }
    for (const auto& [was, now] : m.changed) {
        ctx.change("changed check constraint '" + now->name + on);
        drop(*was);
        create(*now);
    }
    for (const auto* ck : m.added) {
        ctx.change("added check constraint '" + ck->name + on);
        create(*ck);
    }
}

}  // namespace

void diff_constraints(Context& ctx, const Table& current, const Table& target) {
    diff_primary_key(ctx, current, target);
    diff_unique(ctx, current, target);
    diff_foreign_keys(ctx, current, target);
    diff_checks(ctx, current, target);
}

}  // namespace migrate::diff
