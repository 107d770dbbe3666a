// MySQL / MariaDB DDL: the dispatch over the operations (see ddl.h).
#include "dialects/mysql/ddl.h"

#include <algorithm>

#include "core/base/errors.h"
#include "core/dialect/conditional_ddl.h"
#include "dialects/mysql/quote.h"

namespace migrate::mysql {

namespace {

std::string alter_table(const std::string& table) {
    return "ALTER TABLE " + quote_identifier(table) + " ";
}

// The enum's values after `op` adds `value` (before / after a value, else last).
std::vector<std::string> with_value(std::vector<std::string> values, const AlterEnumAddValue& op) {
    auto at = values.end();
    if (op.before) at = std::find(values.begin(), values.end(), *op.before);
    if (op.after) {
        at = std::find(values.begin(), values.end(), *op.after);
        if (at != values.end()) ++at;
    }
    values.insert(at, op.value);
    return values;
}

const Enum& enum_in(const Schema& before, const std::string& schema, const std::string& name) {
    if (const Enum* e = before.find_enum(schema, name)) return *e;
    throw InputError("enum '" + name + "' does not exist in the schema before this operation");
}

struct Renderer {
    const RenderContext& ctx;

    Statements operator()(const CreateTable& op) const {
        Statements out = render_create_table(op.table, ctx.before);
        return op.if_not_exists ? create_if_not_exists(std::move(out)) : out;
    }
    Statements operator()(const DropTable& op) const {
        return {std::string("DROP TABLE ") + (op.if_exists ? "IF EXISTS " : "") +
                quote_identifier(op.name)};
    }
    Statements operator()(const RenameTable& op) const { return render_rename_table(op, ctx); }
    Statements operator()(const AddColumn& op) const {
        // A fill is the column's default while it is added (existing rows take it), then
        // the column's own default (or none).
        Column added = op.column;
        if (op.fill) added.server_default = op.fill;
        Statements out{alter_table(op.table) + "ADD COLUMN " +
                       (op.if_not_exists ? "IF NOT EXISTS " : "") +
                       column_definition(added, ctx.before)};
        if (op.fill)
            out.push_back(
                alter_table(op.table) + "ALTER COLUMN " + quote_identifier(op.column.name) +
                (op.column.server_default
                     ? " SET DEFAULT " + default_sql(*op.column.server_default, op.column.type)
                     : std::string(" DROP DEFAULT")));
        return out;
    }
    Statements operator()(const DropColumn& op) const {
        return {alter_table(op.table) + "DROP COLUMN " + (op.if_exists ? "IF EXISTS " : "") +
                quote_identifier(op.name)};
    }
    Statements operator()(const AlterColumn& op) const { return render_alter_column(op, ctx); }
    // `concurrently` is PostgreSQL's: MariaDB builds a secondary index online already
    // (ALGORITHM=INPLACE, LOCK=NONE by default), so the plain statement is written.
    Statements operator()(const CreateIndex& op) const {
        std::string sql = create_index_sql(op.table, op.index);
        if (op.if_not_exists) sql = add_clause_after(sql, "INDEX", "IF NOT EXISTS");
        return {sql};
    }
    // MySQL refuses to drop the index a foreign key needs: the statement adds the index
    // MySQL would have made for the key itself (named after it) in its place.
    Statements operator()(const DropIndex& op) const {
        std::string keep = indexes_for_keys_without(op.schema, op.table, op.name);
        std::string if_exists = op.if_exists ? "IF EXISTS " : "";
        if (keep.empty())
            return {"DROP INDEX " + if_exists + quote_identifier(op.name) + " ON " +
                    quote_identifier(op.table)};
        return {alter_table(op.table) + "DROP INDEX " + if_exists + quote_identifier(op.name) +
                keep};
    }
    // ", ADD INDEX `fk` (...)" for each foreign key of the table that the index or unique
    // constraint `name` serves and that nothing else would serve once it is gone.
    std::string indexes_for_keys_without(const std::string& schema, const std::string& table,
                                         const std::string& name) const {
        const Table* t = ctx.before.find_table(schema, table);
        if (!t) return "";
        Table after = *t;
        std::erase_if(after.indexes, [&](const Index& ix) { return ix.name == name; });
        std::erase_if(after.unique_constraints,
                      [&](const UniqueConstraint& u) { return u.name == name; });
        std::string sql;
        for (const auto& fk : t->foreign_keys)
            if (!has_implicit_index(*t, fk) && has_implicit_index(after, fk))
                sql += ", ADD INDEX " + quote_identifier(fk.name) + " " + column_list(fk.columns);
        return sql;
    }
    Statements operator()(const CreateUniqueConstraint& op) const {
        return {alter_table(op.table) + "ADD " + unique_clause(op.constraint)};
    }
    Statements operator()(const CreateForeignKey& op) const {
        return {alter_table(op.table) + "ADD " + foreign_key_clause(op.constraint)};
    }
    Statements operator()(const CreateCheckConstraint& op) const {
        return {alter_table(op.table) + "ADD " + check_clause(op.constraint)};
    }
    // An autoincrement column of the key gets AUTO_INCREMENT with the key (MySQL
    // refuses it on a column without one: render_alter_column left it out).
    Statements operator()(const CreatePrimaryKey& op) const {
        std::string sql = alter_table(op.table) + "ADD " + primary_key_clause(op.constraint);
        const Table* t = ctx.before.find_table(op.schema, op.table);
        for (const Column* c : autoincrement_columns(op.schema, op.table, op.constraint.columns))
            if (!leads_a_key(*t, c->name))
                sql += ", MODIFY COLUMN " + column_definition(*c, ctx.before);
        return {sql};
    }
    // Whether `column` leads the primary key or a unique constraint of `t` (then it
    // already has its AUTO_INCREMENT).
    static bool leads_a_key(const Table& t, const std::string& column) {
        if (t.primary_key && !t.primary_key->columns.empty() && t.primary_key->columns[0] == column)
            return true;
        for (const auto& uq : t.unique_constraints)
            if (!uq.columns.empty() && uq.columns[0] == column) return true;
        return false;
    }
    // The autoincrement columns among `columns` of the table, as ctx.before has them.
    std::vector<const Column*> autoincrement_columns(
        const std::string& schema, const std::string& table,
        const std::vector<std::string>& columns) const {
        std::vector<const Column*> out;
        const Table* t = ctx.before.find_table(schema, table);
        if (!t) return out;
        for (const auto& name : columns)
            if (const Column* c = t->find_column(name); c && c->autoincrement) out.push_back(c);
        return out;
    }
    Statements operator()(const DropConstraint& op) const {
        std::string name = quote_identifier(op.name);
        switch (op.type) {
            case ConstraintType::PrimaryKey: {
                // AUTO_INCREMENT goes with the key (MySQL keeps none without a key), in
                // the same statement.
                std::string sql = alter_table(op.table);
                const Table* t = ctx.before.find_table(op.schema, op.table);
                std::vector<std::string> key;
                if (t && t->primary_key) key = t->primary_key->columns;
                for (const Column* c : autoincrement_columns(op.schema, op.table, key)) {
                    Column plain = *c;
                    plain.autoincrement = false;
                    sql += "MODIFY COLUMN " + column_definition(plain, ctx.before) + ", ";
                }
                return {sql + "DROP PRIMARY KEY"};
            }
            case ConstraintType::Unique:
                return {alter_table(op.table) + "DROP INDEX " + name +
                        indexes_for_keys_without(op.schema, op.table, op.name)};
            case ConstraintType::Check:
                return {alter_table(op.table) + "DROP CONSTRAINT " + name};
            case ConstraintType::ForeignKey:
                break;
        }
        // The index MySQL made for the foreign key stays behind a DROP FOREIGN KEY: drop it too.
        std::string sql = alter_table(op.table) + "DROP FOREIGN KEY " + name;
        const Table* t = ctx.before.find_table(op.schema, op.table);
        const ForeignKey* fk = nullptr;
        if (t)
            for (const auto& f : t->foreign_keys)
                if (f.name == op.name) fk = &f;
        if (!fk && op.existing_foreign_key) fk = &*op.existing_foreign_key;
        if (t && fk && has_implicit_index(*t, *fk)) sql += ", DROP INDEX " + name;
        return {sql};
    }
    // An enum is inline in its columns (ENUM('a','b')): creating or dropping the named
    // type itself is nothing on MySQL; changing its values rewrites its columns.
    Statements operator()(const CreateEnum&) const { return {}; }
    Statements operator()(const DropEnum&) const { return {}; }
    Statements operator()(const AlterEnumAddValue& op) const {
        const Enum& e = enum_in(ctx.before, op.schema, op.name);
        if (std::find(e.values.begin(), e.values.end(), op.value) != e.values.end())
            throw InputError("enum '" + op.name + "' already has the value '" + op.value + "'");
        return render_enum_change(op.schema, op.name, with_value(e.values, op), ctx.before);
    }
    Statements operator()(const AlterEnumDropValue& op) const {
        std::vector<std::string> values = enum_in(ctx.before, op.schema, op.name).values;
        auto it = std::find(values.begin(), values.end(), op.value);
        if (it == values.end())
            throw InputError("enum '" + op.name + "' has no value '" + op.value + "'");
        values.erase(it);
        return render_enum_change(op.schema, op.name, values, ctx.before);
    }
    Statements operator()(const SetTableComment& op) const {
        return {alter_table(op.table) + "COMMENT = " + quote_literal(op.comment.value_or(""))};
    }
    Statements operator()(const Execute& op) const {
        if (!op.dialect.empty() && op.dialect != "mysql") return {};
        return {op.sql};
    }
    Statements operator()(const CreateSequence&) const { return no_sequences(); }
    Statements operator()(const DropSequence&) const { return no_sequences(); }
    Statements operator()(const AlterSequence&) const { return no_sequences(); }

    [[noreturn]] static Statements no_sequences() {
        throw InputError(
            "MySQL has no sequences (AUTO_INCREMENT is per column); keep sequences to "
            "PostgreSQL revisions (or an `execute` with `dialect: postgresql`)");
    }
};

// The schema an operation names, when it names one.
std::string schema_of(const Operation& op) {
    return std::visit(
        [](const auto& o) -> std::string {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, CreateTable>)
                return o.table.schema;
            else if constexpr (std::is_same_v<T, CreateEnum>)
                return o.enum_type.schema;
            else if constexpr (std::is_same_v<T, Execute>)
                return "";
            else if constexpr (std::is_same_v<T, CreateSequence>)
                return o.sequence.schema;
            else
                return o.schema;
        },
        op.op);
}

}  // namespace

Statements render(const Operation& op, const RenderContext& ctx) {
    try {
        std::string schema = schema_of(op);
        if (!schema.empty())
            throw InputError("it names schema '" + schema +
                             "'; the MySQL dialect manages the one database of its URL");
        return std::visit(Renderer{ctx}, op.op);
    } catch (const InputError& e) {
        throw InputError("cannot render " + describe(op) + " for MySQL: " + e.what());
    }
}

}  // namespace migrate::mysql
