// SQLite DDL (see ddl.h).
#include "dialects/sqlite/ddl.h"

#include <algorithm>

#include "core/apply_operation.h"
#include "core/errors.h"
#include "core/overloaded.h"
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
// a non-autoincrement one is declared INT so that it is not.
std::string column_type_sql(const Table& t, const Column& c) {
    if (single_integer_pk(t) == &c) return c.autoincrement ? "INTEGER" : "INT";
    return render_type(c.type);
}

std::string column_sql(const Table& t, const Column& c) {
    std::string s = quote_identifier(c.name);
    std::string type = column_type_sql(t, c);
    if (!type.empty()) s += " " + type;
    if (c.collation) s += " COLLATE " + quote_identifier(*c.collation);
    if (!c.nullable) s += " NOT NULL";
    if (c.server_default) s += " DEFAULT " + render_default(*c.server_default);
    return s;
}

std::string actions_sql(const ForeignKey& fk) {
    std::string s;
    if (!fk.on_delete.empty()) s += " ON DELETE " + upper(fk.on_delete);
    if (!fk.on_update.empty()) s += " ON UPDATE " + upper(fk.on_update);
    return s;
}

std::string constraint(const std::string& name) {
    return name.empty() ? "" : "CONSTRAINT " + quote_identifier(name) + " ";
}

std::vector<std::string> table_constraints_sql(const Table& t) {
    std::vector<std::string> out;
    if (t.primary_key)
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

// The CREATE TRIGGER statements of `table` that the caller read from the database.
std::vector<std::string> triggers_of(const RenderContext& ctx, const std::string& table) {
    std::vector<std::string> out;
    if (!ctx.database_objects) return out;
    for (const auto& o : *ctx.database_objects)
        if (o.kind == "trigger" && o.table == table && !o.sql.empty()) out.push_back(o.sql);
    return out;
}

std::vector<std::string> rebuild_for(const Operation& op, const RenderContext& ctx,
                                     const std::string& schema, const std::string& table,
                                     const ColumnSources& sources = {}) {
    const Table& before = table_in(ctx, schema, table, op);
    return rebuild_table(before, after_table(ctx, op, schema, table), sources, ctx.before,
                         triggers_of(ctx, table));
}

std::vector<std::string> render_add_column(const AddColumn& o, const Operation& op,
                                           const RenderContext& ctx) {
    table_in(ctx, o.schema, o.table, op);
    std::optional<std::string> def = normalize_default(o.column.server_default);
    bool constant = !def || is_constant_default(*def);
    if (!constant || (!o.column.nullable && !def)) return rebuild_for(op, ctx, o.schema, o.table);
    Table t = after_table(ctx, op, o.schema, o.table);
    return {"ALTER TABLE " + quote_identifier(o.table) + " ADD COLUMN " +
            column_sql(t, *t.find_column(o.column.name))};
}

std::vector<std::string> render_alter_column(const AlterColumn& o, const Operation& op,
                                             const RenderContext& ctx) {
    const Table& t = table_in(ctx, o.schema, o.table, op);
    Schema after = ctx.before;
    apply_operation(after, op, ctx.naming);  // validates the column and new name
    bool rename = o.new_name && *o.new_name != o.name;
    if (!o.type && !o.nullable && !o.server_default) {
        if (!rename) return {};  // only a comment: SQLite has no comments
        return {"ALTER TABLE " + quote_identifier(o.table) + " RENAME COLUMN " +
                quote_identifier(o.name) + " TO " + quote_identifier(*o.new_name)};
    }
    ColumnSources sources;
    if (rename) sources[*o.new_name] = o.name;
    return rebuild_table(t, *after.find_table(o.schema, o.table), sources, ctx.before,
                         triggers_of(ctx, o.table));
}

// ALTER TABLE RENAME, then new names for convention-derived indexes (drop and
// create) and constraints (in the CREATE TABLE text: a rebuild), here and in tables
// whose foreign keys were named after this one.
std::vector<std::string> render_rename_table(const RenameTable& o, const Operation& op,
                                             const RenderContext& ctx) {
    table_in(ctx, o.schema, o.name, op);
    Schema after = ctx.before;
    apply_operation(after, op, ctx.naming);
    Schema mid = ctx.before;  // renamed, references followed, nothing else
    for (auto& t : mid.tables) {
        if (t.schema == o.schema && t.name == o.name) t.name = o.new_name;
        for (auto& fk : t.foreign_keys)
            if (fk.referred_schema == o.schema && fk.referred_table == o.name)
                fk.referred_table = o.new_name;
    }
    std::vector<std::string> out = {"ALTER TABLE " + quote_identifier(o.name) + " RENAME TO " +
                                    quote_identifier(o.new_name)};
    for (const Table& m : mid.tables) {
        const Table& a = *after.find_table(m.schema, m.name);
        if (a == m) continue;
        bool constraints_renamed = m.primary_key != a.primary_key ||
                                   m.unique_constraints != a.unique_constraints ||
                                   m.foreign_keys != a.foreign_keys || m.checks != a.checks;
        if (constraints_renamed) {
            for (std::string& s : rebuild_table(m, a, {}, mid)) out.push_back(std::move(s));
            continue;
        }
        for (size_t i = 0; i < m.indexes.size(); ++i)
            if (m.indexes[i].name != a.indexes[i].name) {
                out.push_back("DROP INDEX " + quote_identifier(m.indexes[i].name));
                out.push_back(create_index_sql(a.name, a.indexes[i]));
            }
    }
    return out;
}

std::vector<std::string> render_drop_column(const DropColumn& o, const Operation& op,
                                            const RenderContext& ctx) {
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

std::string quote_identifier(const std::string& name) {
    std::string s = "\"";
    for (char c : name) s += c == '"' ? std::string("\"\"") : std::string(1, c);
    return s + "\"";
}

std::string quote_literal(const std::string& value) {
    std::string s = "'";
    for (char c : value) s += c == '\'' ? std::string("''") : std::string(1, c);
    return s + "'";
}

std::string quote_list(const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + quote_identifier(names[i]);
    return s;
}

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
    for (size_t i = 0; i < ix.elements.size(); ++i)
        s += (i ? ", " : "") + element_sql(ix.elements[i]);
    s += ")";
    if (ix.where) s += " WHERE " + *ix.where;
    return s;
}

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
                return out;
            },
            [&](const DropTable& o) -> Out { return {"DROP TABLE " + quote_identifier(o.name)}; },
            [&](const RenameTable& o) -> Out { return render_rename_table(o, op, ctx); },
            [&](const AddColumn& o) -> Out { return render_add_column(o, op, ctx); },
            [&](const DropColumn& o) -> Out { return render_drop_column(o, op, ctx); },
            [&](const AlterColumn& o) -> Out { return render_alter_column(o, op, ctx); },
            [&](const CreateIndex& o) -> Out { return {create_index_sql(o.table, o.index)}; },
            [&](const DropIndex& o) -> Out { return {"DROP INDEX " + quote_identifier(o.name)}; },
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
        },
        op.op);
}

}  // namespace migrate::sqlite
