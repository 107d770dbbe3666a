// MySQL DDL for the operations that read the schema before them (see ddl.h):
// alter_column (MODIFY / CHANGE COLUMN with the full definition), renames and the
// names derived from them, enum value changes.
#include "core/base/errors.h"
#include "core/operations/apply_operation.h"
#include "core/schema/derived_names.h"
#include "dialects/mysql/ddl.h"
#include "dialects/mysql/quote.h"

namespace migrate::mysql {

namespace {

std::string alter_table(const std::string& table) {
    return "ALTER TABLE " + quote_identifier(table) + " ";
}

template <typename T>
std::optional<T> flat(const std::optional<std::optional<T>>& v) {
    return v ? *v : std::nullopt;
}

// The column as it stands before `op`: from the schema, else from the op's existing_*.
std::optional<Column> column_before(const AlterColumn& op, const Schema& before) {
    if (const Table* t = before.find_table(op.schema, op.table))
        if (const Column* c = t->find_column(op.name)) return *c;
    std::optional<ColumnType> type = op.existing_type;
    if (!type) type = op.type;
    if (!type) return std::nullopt;
    Column c;
    c.name = op.name;
    c.type = *type;
    c.nullable = op.existing_nullable.value_or(true);
    c.server_default = flat(op.existing_server_default);
    c.comment = flat(op.existing_comment);
    c.autoincrement = op.existing_autoincrement.value_or(false);
    return c;
}

}  // namespace

// MySQL changes a column by restating it whole: MODIFY COLUMN (CHANGE COLUMN when it is
// renamed too) with the type, nullability, default, AUTO_INCREMENT, comment and
// collation it has after the operation; what the operation leaves alone comes from the
// schema before it (or the operation's existing_* fields). The server converts the
// values itself: a PostgreSQL `using` expression is not needed and not written.
Statements render_alter_column(const AlterColumn& op, const RenderContext& ctx) {
    bool rename = op.new_name && *op.new_name != op.name;
    bool modify = op.type || op.nullable || op.server_default || op.comment || op.autoincrement;
    Statements out;
    if (modify) {
        std::optional<Column> was = column_before(op, ctx.before);
        if (!was)
            throw InputError("column '" + op.table + "." + op.name +
                             "' is not in the schema before this operation and the operation "
                             "has no existing_type; MySQL restates the whole column "
                             "(MODIFY COLUMN), so its type must be known");
        Column now = *was;
        if (op.type) now.type = *op.type;
        if (op.nullable) now.nullable = *op.nullable;
        if (op.server_default) now.server_default = *op.server_default;
        if (op.comment) now.comment = *op.comment;
        if (op.autoincrement) now.autoincrement = *op.autoincrement;
        if (rename) now.name = *op.new_name;
        out.push_back(alter_table(op.table) +
                      (rename ? "CHANGE COLUMN " + quote_identifier(op.name) + " "
                              : std::string("MODIFY COLUMN ")) +
                      column_definition(now, ctx.before));
    } else if (rename) {
        out.push_back(alter_table(op.table) + "RENAME COLUMN " + quote_identifier(op.name) +
                      " TO " + quote_identifier(*op.new_name));
    }
    if (rename && ctx.before.find_table(op.schema, op.table))
        for (auto& s : rename_derived_names(op, ctx)) out.push_back(std::move(s));
    return out;
}

// Indexes (and unique constraints, which are indexes) are renamed in place; MySQL
// cannot rename a foreign key or a check, so those are dropped and added under the new
// name in one statement. A primary key is always PRIMARY.
Statements rename_derived_names(const Operation& op, const RenderContext& ctx) {
    Schema after = ctx.before;
    apply_operation(after, op, ctx.naming);
    Statements out;
    for (const auto& r : derived_renames(ctx.before, after)) {
        std::string prefix = alter_table(r.table);
        std::string from = quote_identifier(r.from);
        const Table* t = after.find_table(r.schema, r.table);
        switch (r.kind) {
            case DerivedRename::Kind::PrimaryKey:
                break;
            case DerivedRename::Kind::Index:
            case DerivedRename::Kind::Unique:
                check_name_length(r.kind == DerivedRename::Kind::Index ? "index" : "unique constraint",
                                  r.to);
                out.push_back(prefix + "RENAME INDEX " + from + " TO " + quote_identifier(r.to));
                break;
            case DerivedRename::Kind::ForeignKey:
                for (const auto& fk : t->foreign_keys)
                    if (fk.name == r.to) {
                        std::string s = prefix + "DROP FOREIGN KEY " + from + ", ADD " +
                                        foreign_key_clause(fk);
                        // The index MySQL made for the key keeps the old name otherwise.
                        if (has_implicit_index(*t, fk))
                            s += ", RENAME INDEX " + from + " TO " + quote_identifier(r.to);
                        out.push_back(s);
                    }
                break;
            case DerivedRename::Kind::Check:
                for (const auto& ck : t->checks)
                    if (ck.name == r.to)
                        out.push_back(prefix + "DROP CONSTRAINT " + from + ", ADD " +
                                      check_clause(ck));
                break;
        }
    }
    return out;
}

Statements render_rename_table(const RenameTable& op, const RenderContext& ctx) {
    check_name_length("table", op.new_name);
    Statements out{"RENAME TABLE " + quote_identifier(op.name) + " TO " +
                   quote_identifier(op.new_name)};
    if (!ctx.before.find_table(op.schema, op.name)) return out;
    for (auto& s : rename_derived_names(op, ctx)) out.push_back(std::move(s));
    return out;
}

Statements render_enum_change(const std::string& schema, const std::string& name,
                              const std::vector<std::string>& values, const Schema& before) {
    Schema changed = before;
    changed.find_enum(schema, name)->values = values;
    Statements out;
    for (const auto& t : before.tables)
        for (const auto& c : t.columns) {
            bool uses = c.type.kind == TypeKind::Enum &&
                        (c.type.name == name || (!schema.empty() && c.type.name == schema + "." + name));
            if (uses)
                out.push_back(alter_table(t.name) + "MODIFY COLUMN " + column_definition(c, changed));
        }
    return out;
}

}  // namespace migrate::mysql
