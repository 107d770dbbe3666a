// Renames from renamed_from hints. A target table (or column) whose hint names an
// object that exists in `current`, while its own name does not, becomes rename_table
// (or alter_column new_name) instead of drop + add. The working copy of `current` is
// then renamed as the database will be — references in other tables' foreign keys,
// index and constraint columns, check and index expressions, and the index and
// constraint names the naming convention derived from the old name (core/operations/apply_rename.h)
// — so the other comparers diff the renamed object's remaining attributes under its new
// name.

#include "core/diff/diff_context.h"
#include "core/operations/apply_operation.h"

namespace migrate::diff {

namespace {

// Calls `follow` for each foreign key of `current` that refers to schema.table, as the
// differ resolves the referred schema: cross-schema references, which the replay keys
// differently, follow a rename through here.
template <class F>
void each_reference(const Normalizer& n, Schema& current, const std::string& schema,
                    const std::string& table, F&& follow) {
    for (auto& other : current.tables)
        for (auto& fk : other.foreign_keys)
            if (n.referred_schema(other, fk) == schema && fk.referred_table == table) follow(fk);
}

// As the database (and the replay) will: other tables' foreign keys follow, and so do
// the names the naming convention derived from the old table name.
void rename_table(const Normalizer& n, Schema& current, const RenameTable& op,
                  const NamingConvention& naming) {
    apply_operation(current, op, naming);
    each_reference(n, current, op.schema, op.name,
                   [&](ForeignKey& fk) { fk.referred_table = op.new_name; });
}

// As the database (and the replay) will: references and expressions follow, and so do
// the names the naming convention derived from the old column name.
void rename_column(const Normalizer& n, Schema& current, const AlterColumn& op,
                   const NamingConvention& naming) {
    apply_operation(current, op, naming);
    each_reference(n, current, op.schema, op.table, [&](ForeignKey& fk) {
        for (auto& c : fk.referred_columns)
            if (c == op.name) c = *op.new_name;
    });
}

void rename_tables(Context& ctx, Schema& current, const Schema& target,
                   const NamingConvention& naming) {
    for (const auto& t : target.tables) {
        if (!t.renamed_from || *t.renamed_from == t.name) continue;
        const std::string& old = *t.renamed_from;
        if (current.find_table(t.schema, t.name) || target.find_table(t.schema, old)) continue;
        if (!current.find_table(t.schema, old)) continue;
        RenameTable op{t.schema, old, t.name};
        ctx.emit(Phase::RenameTables, op);
        ctx.change("renamed table " + quoted(t.schema, old) + " to " + quoted(t.schema, t.name));
        rename_table(ctx.normalizer, current, op, naming);
    }
}

void rename_columns(Context& ctx, Schema& current, const Table& t, const NamingConvention& naming) {
    Table* c = current.find_table(t.schema, t.name);
    if (!c) return;
    for (const auto& col : t.columns) {
        if (!col.renamed_from || *col.renamed_from == col.name) continue;
        const std::string& old = *col.renamed_from;
        if (c->find_column(col.name) || t.find_column(old)) continue;
        const Column* existing = c->find_column(old);
        if (!existing) continue;
        AlterColumn a;
        a.schema = t.schema;
        a.table = t.name;
        a.name = old;
        a.new_name = col.name;
        a.existing_type = existing->type;
        a.existing_nullable = existing->nullable;
        a.existing_server_default = existing->server_default;
        a.existing_comment = existing->comment;
        ctx.emit(Phase::RenameColumns, a);
        ctx.change("renamed column " + quoted_column(t.schema, t.name, old) + " to " +
                   quoted_column(t.schema, t.name, col.name));
        rename_column(ctx.normalizer, current, a, naming);
        c = current.find_table(t.schema, t.name);
    }
}

void strip_hints(Schema& schema) {
    for (auto& t : schema.tables) {
        t.renamed_from.reset();
        for (auto& c : t.columns) {
            c.renamed_from.reset();
            c.fill.reset();
        }
    }
}

void collect_fills(Context& ctx, const Schema& target) {
    for (const auto& t : target.tables)
        for (const auto& c : t.columns)
            if (c.fill) ctx.fills[t.schema + "." + t.name + "." + c.name] = *c.fill;
}

}  // namespace

void diff_renames(Context& ctx, Schema& current, Schema& target, const NamingConvention& naming) {
    collect_fills(ctx, target);
    rename_tables(ctx, current, target, naming);
    for (const auto& t : target.tables) rename_columns(ctx, current, t, naming);
    strip_hints(current);
    strip_hints(target);
    current.sort();
}

}  // namespace migrate::diff
