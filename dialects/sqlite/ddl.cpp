// SQLite DDL (see ddl.h).
#include "dialects/sqlite/ddl.h"

#include <algorithm>

#include "core/base/errors.h"
#include "core/base/overloaded.h"
#include "core/dialect/conditional_ddl.h"
#include "core/operations/apply_operation.h"
#include "core/schema/derived_names.h"
#include "core/schema/sql_identifiers.h"
#include "dialects/sqlite/quote.h"
#include "dialects/sqlite/rebuild.h"
#include "dialects/sqlite/types.h"

namespace migrate::sqlite {

using migrate::Overloaded;

namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

// The single integer primary-key column, when the table has one.
const Column* single_integer_pk(const Table& t) {
    if (!t.primary_key || t.primary_key->columns.size() != 1) return nullptr;
    const Column* c = t.find_column(t.primary_key->columns[0]);
    return c && is_integer_kind(c->type.kind) ? c : nullptr;
}

// An autoincrement key must be declared exactly INTEGER to be SQLite's rowid alias;
// a non-autoincrement integer one is declared INT so that it is not (BIGINT and
// SMALLINT are not either).
std::string column_type_sql(const Table& t, const Column& c) {
    if (single_integer_pk(t) == &c && (c.autoincrement || c.type.kind == TypeKind::Integer))
        return c.autoincrement ? "INTEGER" : "INT";
    return render_type(c.type);
}

// SQLite accepts AUTOINCREMENT only in a column's own PRIMARY KEY clause.
bool keyed_in_column(const Table& t, const Column& c) {
    return t.sqlite_autoincrement && c.autoincrement && single_integer_pk(t) == &c;
}

std::string constraint(const std::string& name) {
    return name.empty() ? "" : "CONSTRAINT " + quote_identifier(name) + " ";
}

std::string column_sql(const Table& t, const Column& c) {
    std::string s = quote_identifier(c.name);
    std::string type = column_type_sql(t, c);
    if (!type.empty()) s += " " + type;
    if (c.collation) s += " COLLATE " + quote_identifier(*c.collation);
    if (!c.nullable) s += " NOT NULL";
    if (keyed_in_column(t, c))
        s += " " + constraint(t.primary_key->name) + "PRIMARY KEY AUTOINCREMENT";
    if (c.server_default) s += " DEFAULT " + render_default(*c.server_default);
    return s;
}

std::string actions_sql(const ForeignKey& fk) {
    std::string s;
    if (!fk.on_delete.empty()) s += " ON DELETE " + upper(fk.on_delete);
    if (!fk.on_update.empty()) s += " ON UPDATE " + upper(fk.on_update);
    return s;
}

std::vector<std::string> table_constraints_sql(const Table& t) {
    std::vector<std::string> out;
    const Column* key = single_integer_pk(t);
    if (t.primary_key && !(key && keyed_in_column(t, *key)))
        out.push_back(constraint(t.primary_key->name) + "PRIMARY KEY (" +
                      quote_list(t.primary_key->columns) + ")");
    for (const auto& u : t.unique_constraints)
        out.push_back(constraint(u.name) + "UNIQUE (" + quote_list(u.columns) + ")");
    for (const auto& fk : t.foreign_keys)
        out.push_back(constraint(fk.name) + "FOREIGN KEY (" + quote_list(fk.columns) +
                      ") REFERENCES " + quote_identifier(fk.referred_table) + " (" +
                      quote_list(fk.referred_columns) + ")" + actions_sql(fk));
    for (const auto& ck : t.checks)
        out.push_back(constraint(ck.name) + "CHECK (" + ck.expression + ")");
    return out;
}

std::string element_sql(const IndexElement& e) {
    std::string s = e.is_expression() ? e.expression : quote_identifier(e.column);
    if (e.order == SortOrder::Desc) s += " DESC";
    return s;
}

const Table& table_in(const RenderContext& ctx, const std::string& schema, const std::string& name,
                      const Operation& op) {
    if (const Table* t = ctx.before.find_table(schema, name)) return *t;
    throw InputError("cannot render " + describe(op) + " for SQLite: table '" + name +
                     "' does not exist");
}

Table after_table(const RenderContext& ctx, const Operation& op, const std::string& schema,
                  const std::string& name) {
    Schema after = ctx.before;
    apply_operation(after, op, ctx.naming);
    return *after.find_table(schema, name);
}

// The CREATE TRIGGER statements of `table` that the caller read from the database, for
// a rebuild to recreate. A WITHOUT ROWID or STRICT table (known online) cannot be
// rebuilt: the models cannot say so, and the rebuilt table would be an ordinary one.
std::vector<std::string> triggers_of(const RenderContext& ctx, const std::string& table) {
    std::vector<std::string> out;
    if (!ctx.database_objects) return out;
    for (const auto& o : *ctx.database_objects) {
        if (o.kind == "trigger" && o.table == table && !o.sql.empty()) out.push_back(o.sql);
        if ((o.kind == "WITHOUT ROWID table" || o.kind == "STRICT table") && o.table == table)
            throw InputError(
                "cannot rebuild table '" + table + "': it is a " + o.kind +
                ", which the models cannot express and a rebuild would make an ordinary table; "
                "make this change with an execute operation");
    }
    return out;
}

std::vector<std::string> rebuild_for(const Operation& op, const RenderContext& ctx,
                                     const std::string& schema, const std::string& table,
                                     const ColumnSources& sources = {}) {
    const Table& before = table_in(ctx, schema, table, op);
    return rebuild_table(before, after_table(ctx, op, schema, table), sources, ctx.before,
                         triggers_of(ctx, table));
}

// SQLite's ALTER TABLE has no IF [NOT] EXISTS on columns (the runner refuses such an
// operation before a run; this says why to any other caller).
[[noreturn]] void no_column_condition(const Operation& op, const char* ddl) {
    throw InputError("cannot render " + describe(op) + ": SQLite has no " + ddl);
}

std::vector<std::string> render_add_column(const AddColumn& o, const Operation& op,
                                           const RenderContext& ctx) {
    if (o.if_not_exists) no_column_condition(op, "ADD COLUMN IF NOT EXISTS");
    const Table& before = table_in(ctx, o.schema, o.table, op);
    if (o.fill)  // existing rows take the fill; the column keeps its own default (or none)
        return rebuild_table(before, after_table(ctx, op, o.schema, o.table), {}, ctx.before,
                             triggers_of(ctx, o.table), {{o.column.name, *o.fill}});
    std::optional<std::string> def = normalize_default(o.column.server_default);
    bool constant = !def || is_constant_default(*def);
    if (!constant || (!o.column.nullable && !def)) return rebuild_for(op, ctx, o.schema, o.table);
    Table t = after_table(ctx, op, o.schema, o.table);
    return {"ALTER TABLE " + quote_identifier(o.table) + " ADD COLUMN " +
            column_sql(t, *t.find_column(o.column.name))};
}

// After a native RENAME of a table or column (`from` to `to`), the names the naming
// convention derived from the old name follow it, as in the replay (core/schema/derived_names.h):
// indexes are dropped and created under their new names; constraint names live in the
// CREATE TABLE text, so a table whose constraints are renamed is rebuilt, its triggers
// recreated with the rename applied to their text (as SQLite's RENAME did).
std::vector<std::string> follow_derived_names(const Schema& after, const RenderContext& ctx,
                                              const std::string& from, const std::string& to) {
    Schema mid = keep_names(after, ctx.before);
    std::vector<std::string> out;
    for (size_t i = 0; i < mid.tables.size() && i < after.tables.size(); ++i) {
        const Table& m = mid.tables[i];
        const Table& a = after.tables[i];
        if (a == m) continue;
        bool constraints_renamed = m.primary_key != a.primary_key ||
                                   m.unique_constraints != a.unique_constraints ||
                                   m.foreign_keys != a.foreign_keys || m.checks != a.checks;
        if (constraints_renamed) {
            std::vector<std::string> triggers;
            for (const auto& sql : triggers_of(ctx, ctx.before.tables[i].name))
                triggers.push_back(replace_identifier(sql, from, to));
            for (std::string& sql : rebuild_table(m, a, {}, mid, triggers))
                out.push_back(std::move(sql));
            continue;
        }
        for (size_t j = 0; j < m.indexes.size() && j < a.indexes.size(); ++j)
            if (m.indexes[j].name != a.indexes[j].name) {
                out.push_back("DROP INDEX " + quote_identifier(m.indexes[j].name));
                out.push_back(create_index_sql(a.name, a.indexes[j]));
            }
    }
    return out;
}

std::vector<std::string> render_alter_column(const AlterColumn& o, const Operation& op,
                                             const RenderContext& ctx) {
    const Table& t = table_in(ctx, o.schema, o.table, op);
    Schema after = ctx.before;
    apply_operation(after, op, ctx.naming);  // validates the column and new name
    bool rename = o.new_name && *o.new_name != o.name;
    if (!o.type && !o.nullable && !o.server_default && !o.autoincrement) {
        if (!rename) return {};  // only a comment: SQLite has no comments
        std::vector<std::string> out = {"ALTER TABLE " + quote_identifier(o.table) +
                                        " RENAME COLUMN " + quote_identifier(o.name) + " TO " +
                                        quote_identifier(*o.new_name)};
        for (auto& sql : follow_derived_names(after, ctx, o.name, *o.new_name))
            out.push_back(std::move(sql));
        return out;
    }
    ColumnSources sources;
    std::vector<std::string> triggers = triggers_of(ctx, o.table);
    if (rename) {
        sources[*o.new_name] = o.name;
        for (auto& sql : triggers) sql = replace_identifier(sql, o.name, *o.new_name);
    }
    return rebuild_table(t, *after.find_table(o.schema, o.table), sources, ctx.before, triggers);
}

// ALTER TABLE RENAME, then the convention-derived names here and in tables whose
// foreign keys were named after this one.
std::vector<std::string> render_rename_table(const RenameTable& o, const Operation& op,
                                             const RenderContext& ctx) {
    table_in(ctx, o.schema, o.name, op);
    Schema after = ctx.before;
    apply_operation(after, op, ctx.naming);
    std::vector<std::string> out = {"ALTER TABLE " + quote_identifier(o.name) + " RENAME TO " +
                                    quote_identifier(o.new_name)};
    for (auto& sql : follow_derived_names(after, ctx, o.name, o.new_name))
        out.push_back(std::move(sql));
    return out;
}

std::vector<std::string> render_drop_column(const DropColumn& o, const Operation& op,
                                            const RenderContext& ctx) {
    if (o.if_exists) no_column_condition(op, "DROP COLUMN IF EXISTS");
    const Table& before = table_in(ctx, o.schema, o.table, op);
    for (const auto& other : ctx.before.tables)
        for (const auto& fk : other.foreign_keys)
            if (fk.referred_table == o.table && fk.referred_schema == o.schema &&
                std::find(fk.referred_columns.begin(), fk.referred_columns.end(), o.name) !=
                    fk.referred_columns.end() &&
                !(other.name == o.table && other.schema == o.schema))
                throw InputError("cannot apply " + describe(op) + ": foreign key '" + fk.name +
                                 "' of table '" + other.name +
                                 "' refers to it; drop that foreign key first");
    Table after = after_table(ctx, op, o.schema, o.table);
    Table column_only = before;
    std::erase_if(column_only.columns, [&](const Column& c) { return c.name == o.name; });
    if (column_only == after)  // nothing else uses the column: ALTER TABLE can drop it
        return {"ALTER TABLE " + quote_identifier(o.table) + " DROP COLUMN " +
                quote_identifier(o.name)};
    return rebuild_table(before, after, {}, ctx.before, triggers_of(ctx, o.table));
}

}  // namespace

std::string create_table_sql(const Table& t, const std::string& as_name) {
    std::vector<std::string> lines;
    for (const auto& c : t.columns) lines.push_back(column_sql(t, c));
    for (auto& c : table_constraints_sql(t)) lines.push_back(std::move(c));
    std::string s = "CREATE TABLE " + quote_identifier(as_name) + " (";
    for (size_t i = 0; i < lines.size(); ++i) s += (i ? ",\n    " : "\n    ") + lines[i];
    return s + "\n)";
}

std::string create_index_sql(const std::string& table, const Index& ix) {
    std::string s = std::string(ix.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") +
                    quote_identifier(ix.name) + " ON " + quote_identifier(table) + " (";
    for (size_t i = 0; i < ix.elements.size(); ++i) {
        if (ix.elements[i].length)
            throw InputError("index '" + ix.name +
                             "': a prefix 'length' is MySQL's; SQLite indexes whole columns");
        s += (i ? ", " : "") + element_sql(ix.elements[i]);
    }
    s += ")";
    if (ix.where) s += " WHERE " + *ix.where;
    return s;
}

namespace {

// SQLite has no sequences (AUTOINCREMENT is per table): a sequence operation is an error.
[[noreturn]] void no_sequences(const Operation& op, const std::string& schema,
                               const std::string& name) {
    throw InputError(
        "cannot render " + describe(op) + ": SQLite has no sequences, so sequence '" +
        (schema.empty() ? name : schema + "." + name) +
        "' cannot be created, changed or dropped; keep sequences to PostgreSQL revisions "
        "(or an `execute` with `dialect: postgresql`)");
}

}  // namespace

std::vector<std::string> render_operation(const Operation& op, const RenderContext& ctx) {
    using Out = std::vector<std::string>;
    return std::visit(
        Overloaded{
            // Statements that SQLite checks itself are not checked here: a table that is
            // already there (or not there) is SQLite's error, naming the statement, as
            // it is PostgreSQL's.
            [&](const CreateTable& o) -> Out {
                Out out = {create_table_sql(o.table, o.table.name)};
                for (const auto& ix : o.table.indexes)
                    out.push_back(create_index_sql(o.table.name, ix));
                return o.if_not_exists ? create_if_not_exists(std::move(out)) : out;
            },
            [&](const DropTable& o) -> Out {
                return {std::string("DROP TABLE ") + (o.if_exists ? "IF EXISTS " : "") +
                        quote_identifier(o.name)};
            },
            [&](const RenameTable& o) -> Out { return render_rename_table(o, op, ctx); },
            [&](const AddColumn& o) -> Out { return render_add_column(o, op, ctx); },
            [&](const DropColumn& o) -> Out { return render_drop_column(o, op, ctx); },
            [&](const AlterColumn& o) -> Out { return render_alter_column(o, op, ctx); },
            // `concurrently` is PostgreSQL's: SQLite has one writer at a time anyway, so
            // the plain statement is written.
            [&](const CreateIndex& o) -> Out {
                std::string sql = create_index_sql(o.table, o.index);
                if (o.if_not_exists) sql = add_clause_after(sql, "INDEX", "IF NOT EXISTS");
                return {sql};
            },
            [&](const DropIndex& o) -> Out {
                return {std::string("DROP INDEX ") + (o.if_exists ? "IF EXISTS " : "") +
                        quote_identifier(o.name)};
            },
            [&](const CreateUniqueConstraint& o) -> Out {
                return rebuild_for(op, ctx, o.schema, o.table);
            },
            [&](const CreateForeignKey& o) -> Out {
                return rebuild_for(op, ctx, o.schema, o.table);
            },
            [&](const CreateCheckConstraint& o) -> Out {
                return rebuild_for(op, ctx, o.schema, o.table);
            },
            [&](const CreatePrimaryKey& o) -> Out {
                return rebuild_for(op, ctx, o.schema, o.table);
            },
            [&](const DropConstraint& o) -> Out { return rebuild_for(op, ctx, o.schema, o.table); },
            // SQLite has no enum types (enum columns are TEXT) and no comments.
            [&](const CreateEnum&) -> Out { return {}; },
            [&](const DropEnum&) -> Out { return {}; },
            [&](const AlterEnumAddValue&) -> Out { return {}; },
            [&](const AlterEnumDropValue&) -> Out { return {}; },
            [&](const SetTableComment& o) -> Out {
                table_in(ctx, o.schema, o.table, op);
                return {};
            },
            [&](const Execute& o) -> Out {
                if (!o.dialect.empty() && o.dialect != "sqlite") return {};
                return {o.sql};
            },
            [&](const CreateSequence& o) -> Out {
                no_sequences(op, o.sequence.schema, o.sequence.name);
            },
            [&](const DropSequence& o) -> Out { no_sequences(op, o.schema, o.name); },
            [&](const AlterSequence& o) -> Out { no_sequences(op, o.schema, o.name); },
        },
        op.op);
}

}  // namespace migrate::sqlite
