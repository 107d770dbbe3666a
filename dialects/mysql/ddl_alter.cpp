// MySQL DDL for the operations that read the schema before them (see ddl.h):
// alter_column (MODIFY / CHANGE COLUMN with the full definition), renames and the
// names derived from them, enum value changes.
#include <algorithm>

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

// The table an alter_column renames a column of ("" for other operations).
std::string op_table(const Operation& op) {
    const AlterColumn* a = op.as<AlterColumn>();
    return a ? a->table : "";
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

// Whether the column of `op` is the first column of its table's primary key or of a
// unique constraint: what MySQL asks of an AUTO_INCREMENT column.
bool leads_a_key(const Schema& before, const AlterColumn& op) {
    const Table* t = before.find_table(op.schema, op.table);
    if (!t) return true;  // unknown: write what the operation says
    if (t->primary_key && !t->primary_key->columns.empty() && t->primary_key->columns[0] == op.name)
        return true;
    for (const auto& uq : t->unique_constraints)
        if (!uq.columns.empty() && uq.columns[0] == op.name) return true;
    return false;
}

}  // namespace

// MySQL changes a column by restating it whole: MODIFY COLUMN (CHANGE COLUMN when it is
// renamed too) with the type, nullability, default, AUTO_INCREMENT, comment and
// collation it has after the operation; what the operation leaves alone comes from the
// schema before it (or the operation's existing_* fields). The server converts the
// values itself: a PostgreSQL `using` expression is not needed and not written.
//
// A renamed column that a foreign key of its table uses is renamed in one statement
// with the key dropped and added back (under its derived name): MariaDB refuses to
// rename such a column when the table must be copied (a UNIQUE on a TEXT column).
Statements render_alter_column(const AlterColumn& op, const RenderContext& ctx) {
    bool rename = op.new_name && *op.new_name != op.name;
    bool modify = op.type || op.nullable || op.server_default || op.comment || op.autoincrement;
    std::vector<std::string> clauses;
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
        // AUTO_INCREMENT needs a key on the column: on one without, it is written by the
        // create_primary_key that follows (ddl.cpp), which sees it in the schema.
        if (now.autoincrement && !was->autoincrement && !leads_a_key(ctx.before, op))
            now.autoincrement = false;
        if (rename) now.name = *op.new_name;
        clauses.push_back((rename ? "CHANGE COLUMN " + quote_identifier(op.name) + " "
                                  : std::string("MODIFY COLUMN ")) +
                          column_definition(now, ctx.before));
    } else if (rename) {
        clauses.push_back("RENAME COLUMN " + quote_identifier(op.name) + " TO " +
                          quote_identifier(*op.new_name));
    }
    const Table* table = ctx.before.find_table(op.schema, op.table);
    if (!rename || !table) {
        if (clauses.empty()) return {};
        return {alter_table(op.table) + clauses[0]};
    }
    Schema after = ctx.before;
    apply_operation(after, op, ctx.naming);
    const Table& t_after = *after.find_table(op.schema, op.table);
    std::vector<std::string> moved;  // foreign keys re-added in the rename's statement
    std::vector<std::string> drops, adds;
    for (size_t i = 0; i < table->foreign_keys.size(); ++i) {
        const ForeignKey& fk = table->foreign_keys[i];
        if (std::find(fk.columns.begin(), fk.columns.end(), op.name) == fk.columns.end()) continue;
        const ForeignKey& now = t_after.foreign_keys.at(i);
        drops.push_back("DROP FOREIGN KEY " + quote_identifier(fk.name));
        adds.push_back("ADD " + foreign_key_clause(now));
        if (fk.name != now.name && has_implicit_index(*table, fk))
            adds.push_back("RENAME INDEX " + quote_identifier(fk.name) + " TO " +
                           quote_identifier(now.name));
        moved.push_back(fk.name);
    }
    std::string sql = alter_table(op.table);
    std::vector<std::string> all = drops;
    all.insert(all.end(), clauses.begin(), clauses.end());
    all.insert(all.end(), adds.begin(), adds.end());
    for (size_t i = 0; i < all.size(); ++i) sql += (i ? ", " : "") + all[i];
    Statements out{sql};
    for (auto& s : rename_derived_names(op, ctx, moved)) out.push_back(std::move(s));
    return out;
}

// Indexes (and unique constraints, which are indexes) are renamed in place; MySQL
// cannot rename a foreign key or a check, so those are dropped and added under the new
// name in one statement. A primary key is always PRIMARY.
Statements rename_derived_names(const Operation& op, const RenderContext& ctx,
                                const std::vector<std::string>& skip_foreign_keys) {
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
                check_name_length(
                    r.kind == DerivedRename::Kind::Index ? "index" : "unique constraint", r.to);
                out.push_back(prefix + "RENAME INDEX " + from + " TO " + quote_identifier(r.to));
                break;
            case DerivedRename::Kind::ForeignKey:
                if (r.table == op_table(op) &&
                    std::find(skip_foreign_keys.begin(), skip_foreign_keys.end(), r.from) !=
                        skip_foreign_keys.end())
                    break;
                for (const auto& fk : t->foreign_keys)
                    if (fk.name == r.to) {
                        std::string s =
                            prefix + "DROP FOREIGN KEY " + from + ", ADD " + foreign_key_clause(fk);
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
            bool uses =
                c.type.kind == TypeKind::Enum &&
                (c.type.name == name || (!schema.empty() && c.type.name == schema + "." + name));
            if (uses)
                out.push_back(alter_table(t.name) + "MODIFY COLUMN " +
                              column_definition(c, changed));
        }
    return out;
}

}  // namespace migrate::mysql
