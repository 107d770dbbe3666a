#include "dialects/postgresql/ddl.h"

#include "core/base/errors.h"
#include "core/dialect/conditional_ddl.h"
#include "dialects/postgresql/quote.h"

namespace migrate::pg {

namespace {

std::string alter_table(const std::string& schema, const std::string& table) {
    return "ALTER TABLE " + qualified(schema, table) + " ";
}

std::string enum_values(const std::vector<std::string>& values) {
    std::string s = "(";
    for (size_t i = 0; i < values.size(); ++i) s += (i ? ", " : "") + quote_literal(values[i]);
    return s + ")";
}

struct Renderer {
    const RenderContext& ctx;

    Statements operator()(const CreateTable& op) const {
        Statements out = render_create_table(op.table, ctx.before);
        return op.if_not_exists ? create_if_not_exists(std::move(out)) : out;
    }
    Statements operator()(const DropTable& op) const {
        return {std::string("DROP TABLE ") + (op.if_exists ? "IF EXISTS " : "") +
                qualified(op.schema, op.name)};
    }
    Statements operator()(const RenameTable& op) const { return render_rename_table(op, ctx); }
    Statements operator()(const AddColumn& op) const {
        // A fill is the column's default while it is added (existing rows take it), then
        // the column's own default (or none).
        Column added = op.column;
        if (op.fill) added.server_default = op.fill;
        Statements out{alter_table(op.schema, op.table) + "ADD COLUMN " +
                       (op.if_not_exists ? "IF NOT EXISTS " : "") +
                       column_definition(added, op.schema, ctx.before)};
        if (op.fill)
            out.push_back(alter_table(op.schema, op.table) + "ALTER COLUMN " +
                          quote_identifier(op.column.name) +
                          (op.column.server_default ? " SET DEFAULT " + *op.column.server_default
                                                    : std::string(" DROP DEFAULT")));
        if (op.column.comment)
            out.push_back(comment_sql(
                "COLUMN " + qualified(op.schema, op.table) + "." + quote_identifier(op.column.name),
                op.column.comment));
        return out;
    }
    Statements operator()(const DropColumn& op) const {
        return {alter_table(op.schema, op.table) + "DROP COLUMN " +
                (op.if_exists ? "IF EXISTS " : "") + quote_identifier(op.name)};
    }
    Statements operator()(const AlterColumn& op) const { return render_alter_column(op, ctx); }
    // CONCURRENTLY builds (or drops) the index without locking out writes; it cannot run
    // in a transaction, which the runner knows from the operation (runs_outside_transaction).
    Statements operator()(const CreateIndex& op) const {
        std::string sql = create_index_sql(op.schema, op.table, op.index);
        if (op.concurrently) sql = add_clause_after(sql, "INDEX", "CONCURRENTLY");
        if (op.if_not_exists) sql = add_clause_after(sql, "INDEX", "IF NOT EXISTS");
        return {sql};
    }
    Statements operator()(const DropIndex& op) const {
        return {std::string("DROP INDEX ") + (op.concurrently ? "CONCURRENTLY " : "") +
                (op.if_exists ? "IF EXISTS " : "") + qualified(op.schema, op.name)};
    }
    Statements operator()(const CreateUniqueConstraint& op) const {
        return {alter_table(op.schema, op.table) + "ADD " + unique_clause(op.constraint)};
    }
    Statements operator()(const CreateForeignKey& op) const {
        return {alter_table(op.schema, op.table) + "ADD " +
                foreign_key_clause(op.constraint, op.schema)};
    }
    Statements operator()(const CreateCheckConstraint& op) const {
        return {alter_table(op.schema, op.table) + "ADD " + check_clause(op.constraint)};
    }
    Statements operator()(const CreatePrimaryKey& op) const {
        return {alter_table(op.schema, op.table) + "ADD " + primary_key_clause(op.constraint)};
    }
    Statements operator()(const DropConstraint& op) const {
        return {alter_table(op.schema, op.table) + "DROP CONSTRAINT " + quote_identifier(op.name)};
    }
    Statements operator()(const CreateEnum& op) const {
        Statements out;
        const Enum& e = op.enum_type;
        if (!e.schema.empty())
            out.push_back("CREATE SCHEMA IF NOT EXISTS " + quote_identifier(e.schema));
        out.push_back("CREATE TYPE " + qualified(e.schema, e.name) + " AS ENUM " +
                      enum_values(e.values));
        return out;
    }
    Statements operator()(const DropEnum& op) const {
        return {"DROP TYPE " + qualified(op.schema, op.name)};
    }
    Statements operator()(const AlterEnumAddValue& op) const {
        std::string s =
            "ALTER TYPE " + qualified(op.schema, op.name) + " ADD VALUE " + quote_literal(op.value);
        if (op.before)
            s += " BEFORE " + quote_literal(*op.before);
        else if (op.after)
            s += " AFTER " + quote_literal(*op.after);
        return {s};
    }
    Statements operator()(const AlterEnumDropValue& op) const {
        return render_drop_enum_value(op, ctx.before);
    }
    Statements operator()(const SetTableComment& op) const {
        return {comment_sql("TABLE " + qualified(op.schema, op.table), op.comment)};
    }
    Statements operator()(const Execute& op) const {
        if (!op.dialect.empty() && op.dialect != "postgresql") return {};
        return {op.sql};
    }
    Statements operator()(const CreateSequence& op) const { return render_create_sequence(op); }
    Statements operator()(const DropSequence& op) const { return render_drop_sequence(op); }
    Statements operator()(const AlterSequence& op) const { return render_alter_sequence(op); }
};

}  // namespace

Statements render(const Operation& op, const RenderContext& ctx) {
    return std::visit(Renderer{ctx}, op.op);
}

}  // namespace migrate::pg
