// Renames from renamed_from hints. A target table (or column) whose hint names an
// object that exists in `current`, while its own name does not, becomes rename_table
// (or alter_column new_name) instead of drop + add. The working copy of `current` is
// then renamed as the database will be — references in other tables' foreign keys,
// index and constraint columns, check and index expressions, and (for tables) the
// index and constraint names derived from the table name — so the other comparers
// diff the renamed object's remaining attributes under its new name.

#include <cctype>

#include "core/apply_operation.h"
#include "core/diff_context.h"

namespace migrate::diff {

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Replaces the identifier `from` by `to` in `sql`, outside string literals.
std::string replace_identifier(const std::string& sql, const std::string& from,
                               const std::string& to) {
    std::string out;
    bool in_string = false;
    for (size_t i = 0; i < sql.size();) {
        char c = sql[i];
        if (c == '\'') in_string = !in_string;
        bool starts = !in_string && sql.compare(i, from.size(), from) == 0 &&
                      (i == 0 || !ident_char(sql[i - 1])) &&
                      (i + from.size() == sql.size() || !ident_char(sql[i + from.size()]));
        if (starts) {
            out += to;
            i += from.size();
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

// As the database (and the replay) will: other tables' foreign keys follow, and the
// names the naming convention derived from the old table name are renamed.
void rename_table(const Normalizer& n, Schema& current, const RenameTable& op,
                  const NamingConvention& naming) {
    apply_operation(current, op, naming);
    for (auto& other : current.tables)  // cross-schema references the replay keys differently
        for (auto& fk : other.foreign_keys)
            if (n.referred_schema(other, fk) == op.schema && fk.referred_table == op.name)
                fk.referred_table = op.new_name;
}

void rename_in(std::vector<std::string>& columns, const std::string& from, const std::string& to) {
    for (auto& c : columns)
        if (c == from) c = to;
}

void rename_column(const Normalizer& n, Schema& current, Table& table, const std::string& from,
                   const std::string& to) {
    table.find_column(from)->name = to;
    for (auto& ix : table.indexes) {
        for (auto& e : ix.elements) {
            if (e.column == from) e.column = to;
            if (e.is_expression()) e.expression = replace_identifier(e.expression, from, to);
        }
        if (ix.where) ix.where = replace_identifier(*ix.where, from, to);
    }
    if (table.primary_key) rename_in(table.primary_key->columns, from, to);
    for (auto& uq : table.unique_constraints) rename_in(uq.columns, from, to);
    for (auto& ck : table.checks) ck.expression = replace_identifier(ck.expression, from, to);
    for (auto& fk : table.foreign_keys) rename_in(fk.columns, from, to);
    for (auto& other : current.tables) {
        for (auto& fk : other.foreign_keys) {
            if (n.referred_schema(other, fk) == table.schema && fk.referred_table == table.name)
                rename_in(fk.referred_columns, from, to);
        }
    }
    for (auto& q : current.sequences)  // ownership follows the column
        if (q.schema == table.schema && q.owned_by == table.name + "." + from)
            q.owned_by = table.name + "." + to;
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

void rename_columns(Context& ctx, Schema& current, const Table& t) {
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
        rename_column(ctx.normalizer, current, *c, old, col.name);
    }
}

void strip_hints(Schema& schema) {
    for (auto& t : schema.tables) {
        t.renamed_from.reset();
        for (auto& c : t.columns) c.renamed_from.reset();
    }
}

}  // namespace

void diff_renames(Context& ctx, Schema& current, Schema& target, const NamingConvention& naming) {
    rename_tables(ctx, current, target, naming);
    for (const auto& t : target.tables) rename_columns(ctx, current, t);
    strip_hints(current);
    strip_hints(target);
    current.sort();
}

}  // namespace migrate::diff
