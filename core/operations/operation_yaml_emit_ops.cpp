// The body of each operation as revision-file YAML (core/operations/operation_yaml.h): one
// visitor over the operation vocabulary, built from the Emitter's shapes.

#include "core/operations/operation_yaml_emit_internal.h"

namespace migrate::detail {

V Emitter::body(const Operation& op) const {
    return std::visit(
        EmitVisitor{
            [&](const CreateTable& o) {
                V m = table(o.table);
                if (o.if_not_exists) m.add("if_not_exists", V::boolean(true));
                return m;
            },
            [&](const DropTable& o) {
                V m = V::map();
                m.add("name", V::str(o.name));
                schema(m, o.schema);
                if (o.if_exists) m.add("if_exists", V::boolean(true));
                if (o.existing) m.add("existing", table(*o.existing));
                return m;
            },
            [&](const RenameTable& o) {
                V m = V::map();
                m.add("name", V::str(o.name)).add("new_name", V::str(o.new_name));
                return schema(m, o.schema);
            },
            [&](const AddColumn& o) {
                V m = V::map();
                m.add("table", V::str(o.table)).add("column", column(o.column, false, false));
                opt(m, "fill", o.fill);
                schema(m, o.schema);
                if (o.if_not_exists) m.add("if_not_exists", V::boolean(true));
                return m;
            },
            [&](const DropColumn& o) {
                V m = V::map();
                m.add("table", V::str(o.table)).add("name", V::str(o.name));
                schema(m, o.schema);
                if (o.if_exists) m.add("if_exists", V::boolean(true));
                if (o.existing) m.add("existing", column(*o.existing, false, false));
                return m;
            },
            [&](const AlterColumn& o) {
                V m = V::map();
                m.add("table", V::str(o.table)).add("name", V::str(o.name));
                schema(m, o.schema);
                opt(m, "new_name", o.new_name);
                if (o.type) m.add("type", V::str(o.type->to_string()));
                if (o.nullable) m.add("nullable", V::boolean(*o.nullable));
                opt_nullable(m, "server_default", o.server_default);
                opt_nullable(m, "comment", o.comment);
                if (o.autoincrement) m.add("autoincrement", V::boolean(*o.autoincrement));
                opt(m, "using", o.using_expr);
                if (o.existing_type) m.add("existing_type", V::str(o.existing_type->to_string()));
                if (o.existing_nullable)
                    m.add("existing_nullable", V::boolean(*o.existing_nullable));
                opt_nullable(m, "existing_server_default", o.existing_server_default);
                opt_nullable(m, "existing_comment", o.existing_comment);
                // Written with the change it reverses; otherwise it adds nothing.
                if (o.autoincrement && o.existing_autoincrement)
                    m.add("existing_autoincrement", V::boolean(*o.existing_autoincrement));
                return m;
            },
            [&](const CreateIndex& o) {
                V m = V::map();
                m.add("name", V::str(o.index.name)).add("table", V::str(o.table));
                schema(m, o.schema);
                if (o.concurrently) m.add("concurrently", V::boolean(true));
                if (o.if_not_exists) m.add("if_not_exists", V::boolean(true));
                return index(o.index, false, std::move(m));
            },
            [&](const DropIndex& o) {
                V m = V::map();
                m.add("name", V::str(o.name)).add("table", V::str(o.table));
                schema(m, o.schema);
                if (o.concurrently) m.add("concurrently", V::boolean(true));
                if (o.if_exists) m.add("if_exists", V::boolean(true));
                if (o.existing) m.add("existing", index(*o.existing, false));
                return m;
            },
            [&](const CreateUniqueConstraint& o) {
                V m = V::map();
                m.add("name", V::str(o.constraint.name)).add("table", V::str(o.table));
                schema(m, o.schema);
                return m.add("columns", V::str_list(o.constraint.columns));
            },
            [&](const CreateForeignKey& o) {
                V m = V::map();
                m.add("name", V::str(o.constraint.name)).add("table", V::str(o.table));
                schema(m, o.schema);
                return foreign_key_fields(o.constraint, std::move(m));
            },
            [&](const CreateCheckConstraint& o) {
                V m = V::map();
                m.add("name", V::str(o.constraint.name)).add("table", V::str(o.table));
                schema(m, o.schema);
                return m.add("expression", V::str(o.constraint.expression));
            },
            [&](const CreatePrimaryKey& o) {
                V m = V::map();
                m.add("name", V::str(o.constraint.name)).add("table", V::str(o.table));
                schema(m, o.schema);
                return m.add("columns", V::str_list(o.constraint.columns));
            },
            [&](const DropConstraint& o) {
                V m = V::map();
                m.add("name", V::str(o.name))
                    .add("table", V::str(o.table))
                    .add("type", V::str(to_string(o.type)));
                schema(m, o.schema);
                if (o.type == ConstraintType::Unique && o.existing_unique)
                    m.add("existing",
                          V::map(true).add("columns", V::str_list(o.existing_unique->columns)));
                if (o.type == ConstraintType::PrimaryKey && o.existing_primary_key)
                    m.add("existing", V::map(true).add(
                                          "columns", V::str_list(o.existing_primary_key->columns)));
                if (o.type == ConstraintType::Check && o.existing_check)
                    m.add("existing",
                          V::map(true).add("expression", V::str(o.existing_check->expression)));
                if (o.type == ConstraintType::ForeignKey && o.existing_foreign_key)
                    m.add("existing", foreign_key_fields(*o.existing_foreign_key, V::map(true)));
                return m;
            },
            [&](const CreateEnum& o) {
                V m = V::map();
                m.add("name", V::str(o.enum_type.name));
                schema(m, o.enum_type.schema);
                return m.add("values", V::str_list(o.enum_type.values));
            },
            [&](const DropEnum& o) {
                V m = V::map();
                m.add("name", V::str(o.name));
                schema(m, o.schema);
                if (o.existing) m.add("existing_values", V::str_list(o.existing->values));
                return m;
            },
            [&](const AlterEnumAddValue& o) {
                V m = V::map();
                m.add("name", V::str(o.name)).add("value", V::str(o.value));
                schema(m, o.schema);
                opt(m, "before", o.before);
                opt(m, "after", o.after);
                return m;
            },
            [&](const AlterEnumDropValue& o) {
                V m = V::map();
                m.add("name", V::str(o.name)).add("value", V::str(o.value));
                return schema(m, o.schema);
            },
            [&](const SetTableComment& o) {
                V m = V::map();
                m.add("table", V::str(o.table));
                schema(m, o.schema);
                m.add("comment", o.comment ? V::str(*o.comment) : V::null());
                opt_nullable(m, "existing_comment", o.existing_comment);
                return m;
            },
            [&](const Execute& o) {
                bool declared = o.has_effect();
                if (o.dialect.empty() && !declared && !o.reverse && o.transactional)
                    return V::str(o.sql);
                V m = V::map();
                m.add("sql", V::str(o.sql));
                nonempty(m, "dialect", o.dialect);
                if (!o.transactional) m.add("transactional", V::boolean(false));
                if (o.reverse) m.add("reverse", V::str(*o.reverse));
                if (declared) {
                    V effects = V::seq();
                    for (const auto& e : o.effect)
                        effects.push(V::map().add(op_name(e), fold_short(body(e))));
                    m.add("effect", std::move(effects));
                }
                return m;
            },
            [&](const CreateSequence& o) { return create_sequence_body(o); },
            [&](const DropSequence& o) { return drop_sequence_body(o); },
            [&](const AlterSequence& o) { return alter_sequence_body(o); },
        },
        op.op);
}

}  // namespace migrate::detail
