// diff_schemas: prepares both sides, resolves renames, runs the comparers, and joins
// their phases into the upgrade; the downgrade is its reverse.

#include "core/diff/differ.h"

#include "core/diff/diff_context.h"

namespace migrate {

namespace {

void diff_table_comment(diff::Context& ctx, const Table& current, const Table& target) {
    if (!ctx.normalizer.compare_comments() || current.comment == target.comment) return;
    ctx.change("changed comment on table " + diff::quoted(target.schema, target.name));
    ctx.emit(diff::Phase::TableComments,
             SetTableComment{target.schema, target.name, target.comment, current.comment});
}

void diff_kept_tables(diff::Context& ctx, const Schema& current, const Schema& target) {
    for (const auto& t : target.tables) {
        const Table* c = current.find_table(t.schema, t.name);
        if (!c) continue;
        diff::diff_columns(ctx, *c, t);
        diff::diff_indexes(ctx, *c, t);
        diff::diff_constraints(ctx, *c, t);
        diff_table_comment(ctx, *c, t);
    }
}

}  // namespace

DiffResult diff_schemas(const Schema& current_in, const Schema& target_in,
                        const DiffOptions& options) {
    diff::Context ctx{diff::Normalizer(options.dialect, options.full_fidelity), {}, {}};
    Schema current = diff::prepare(current_in, options, ctx.normalizer);
    Schema target = diff::prepare(target_in, options, ctx.normalizer);
    if (!ctx.normalizer.compare_comments()) diff::adopt_comments(current, target);
    diff::diff_renames(ctx, current, target, options.naming);
    diff::diff_enums(ctx, current, target);
    diff::diff_sequences(ctx, current, target);
    diff::diff_tables(ctx, current, target);
    diff_kept_tables(ctx, current, target);

    DiffResult result;
    for (auto& phase : ctx.phases)
        for (auto& op : phase) result.upgrade.push_back(std::move(op));
    result.downgrade = reverse(result.upgrade);
    result.changes = std::move(ctx.changes);
    return result;
}

}  // namespace migrate
