#include "core/operations/operations.h"

#include <algorithm>

#include "core/base/errors.h"
#include "core/base/overloaded.h"
#include "core/operations/operation_sequences.h"

namespace migrate {

bool Execute::operator==(const Execute& o) const {
    return sql == o.sql && dialect == o.dialect && effect == o.effect &&
           has_effect() == o.has_effect() && reverse == o.reverse &&
           transactional == o.transactional;
}

bool runs_outside_transaction(const Operation& op) {
    if (const auto* o = op.as<CreateIndex>()) return o->concurrently;
    if (const auto* o = op.as<DropIndex>()) return o->concurrently;
    if (const auto* o = op.as<Execute>()) return !o->transactional;
    return false;
}

const char* to_string(ConstraintType t) {
    switch (t) {
        case ConstraintType::Unique:
            return "unique";
        case ConstraintType::ForeignKey:
            return "foreign_key";
        case ConstraintType::Check:
            return "check";
        case ConstraintType::PrimaryKey:
            return "primary_key";
    }
    return "unique";
}

namespace {

std::string q(const std::string& schema, const std::string& name) {
    return "'" + (schema.empty() ? name : schema + "." + name) + "'";
}

std::string qc(const std::string& schema, const std::string& table, const std::string& column) {
    return "'" + (schema.empty() ? table : schema + "." + table) + "." + column + "'";
}

[[noreturn]] void cannot_reverse(const Operation& op, const char* missing) {
    throw InputError("cannot reverse " + describe(op) + ": the operation does not record " +
                     missing + "; write the downgrade by hand");
}

// A create with if_not_exists (or a drop with if_exists) may have done nothing: its
// reverse would drop (or create) what it never touched.
void refuse_conditional(const Operation& op, bool conditional, const char* key) {
    if (conditional)
        throw InputError("cannot reverse " + describe(op) + ": with " + key +
                         " it may have changed nothing; write the downgrade by hand");
}

}  // namespace

const char* op_name(const Operation& op) {
    return std::visit(Overloaded{
                          [](const CreateTable&) { return "create_table"; },
                          [](const DropTable&) { return "drop_table"; },
                          [](const RenameTable&) { return "rename_table"; },
                          [](const AddColumn&) { return "add_column"; },
                          [](const DropColumn&) { return "drop_column"; },
                          [](const AlterColumn&) { return "alter_column"; },
                          [](const CreateIndex&) { return "create_index"; },
                          [](const DropIndex&) { return "drop_index"; },
                          [](const CreateUniqueConstraint&) { return "create_unique_constraint"; },
                          [](const CreateForeignKey&) { return "create_foreign_key"; },
                          [](const CreateCheckConstraint&) { return "create_check_constraint"; },
                          [](const CreatePrimaryKey&) { return "create_primary_key"; },
                          [](const DropConstraint&) { return "drop_constraint"; },
                          [](const CreateEnum&) { return "create_enum"; },
                          [](const DropEnum&) { return "drop_enum"; },
                          [](const AlterEnumAddValue&) { return "alter_enum_add_value"; },
                          [](const AlterEnumDropValue&) { return "alter_enum_drop_value"; },
                          [](const SetTableComment&) { return "set_table_comment"; },
                          [](const Execute&) { return "execute"; },
                          [](const CreateSequence&) { return "create_sequence"; },
                          [](const DropSequence&) { return "drop_sequence"; },
                          [](const AlterSequence&) { return "alter_sequence"; },
                      },
                      op.op);
}

std::string describe(const Operation& op) {
    return std::visit(
        Overloaded{
            [](const CreateTable& o) { return "create table " + q(o.table.schema, o.table.name); },
            [](const DropTable& o) { return "drop table " + q(o.schema, o.name); },
            [](const RenameTable& o) {
                return "rename table " + q(o.schema, o.name) + " to '" + o.new_name + "'";
            },
            [](const AddColumn& o) { return "add column " + qc(o.schema, o.table, o.column.name); },
            [](const DropColumn& o) { return "drop column " + qc(o.schema, o.table, o.name); },
            [](const AlterColumn& o) {
                std::string s = "alter column " + qc(o.schema, o.table, o.name);
                std::vector<std::string> what;
                if (o.new_name) what.push_back("rename to '" + *o.new_name + "'");
                if (o.type) what.push_back("type " + o.type->to_string());
                if (o.nullable) what.push_back(*o.nullable ? "null" : "not null");
                if (o.server_default)
                    what.push_back(*o.server_default ? "default " + **o.server_default
                                                     : "drop default");
                if (o.comment) what.push_back(*o.comment ? "comment" : "drop comment");
                if (o.autoincrement)
                    what.push_back(*o.autoincrement ? "autoincrement" : "drop autoincrement");
                for (size_t i = 0; i < what.size(); ++i) s += (i ? ", " : ": ") + what[i];
                return s;
            },
            [](const CreateIndex& o) {
                return std::string(o.index.unique ? "create unique index '" : "create index '") +
                       o.index.name + "' on " + q(o.schema, o.table);
            },
            [](const DropIndex& o) {
                return "drop index '" + o.name + "' on " + q(o.schema, o.table);
            },
            [](const CreateUniqueConstraint& o) {
                return "create unique constraint '" + o.constraint.name + "' on " +
                       q(o.schema, o.table);
            },
            [](const CreateForeignKey& o) {
                return "create foreign key '" + o.constraint.name + "' on " + q(o.schema, o.table);
            },
            [](const CreateCheckConstraint& o) {
                return "create check constraint '" + o.constraint.name + "' on " +
                       q(o.schema, o.table);
            },
            [](const CreatePrimaryKey& o) {
                return "create primary key '" + o.constraint.name + "' on " + q(o.schema, o.table);
            },
            [](const DropConstraint& o) {
                std::string kind = to_string(o.type);
                std::replace(kind.begin(), kind.end(), '_', ' ');
                return "drop " + kind + " constraint '" + o.name + "' on " + q(o.schema, o.table);
            },
            [](const CreateEnum& o) {
                return "create enum " + q(o.enum_type.schema, o.enum_type.name);
            },
            [](const DropEnum& o) { return "drop enum " + q(o.schema, o.name); },
            [](const AlterEnumAddValue& o) {
                return "add value '" + o.value + "' to enum " + q(o.schema, o.name);
            },
            [](const AlterEnumDropValue& o) {
                return "drop value '" + o.value + "' from enum " + q(o.schema, o.name);
            },
            [](const SetTableComment& o) {
                return std::string(o.comment ? "set comment on table " : "drop comment on table ") +
                       q(o.schema, o.table);
            },
            [](const Execute& o) {
                std::string first = o.sql.substr(0, o.sql.find('\n'));
                if (first.size() > 60) first = first.substr(0, 57) + "...";
                return "execute SQL" + (o.dialect.empty() ? "" : " (" + o.dialect + " only)") +
                       ": " + first;
            },
            [](const CreateSequence& o) {
                return "create sequence " + q(o.sequence.schema, o.sequence.name);
            },
            [](const DropSequence& o) { return "drop sequence " + q(o.schema, o.name); },
            [](const AlterSequence& o) { return detail::describe_alter_sequence(o); },
        },
        op.op);
}

namespace {

Operation reverse_alter(const AlterColumn& o, const Operation& whole) {
    AlterColumn r;
    r.schema = o.schema;
    r.table = o.table;
    r.name = o.new_name.value_or(o.name);
    if (o.new_name) r.new_name = o.name;
    if (o.type) {
        if (!o.existing_type) cannot_reverse(whole, "existing_type");
        r.type = o.existing_type;
    }
    if (o.nullable) {
        if (!o.existing_nullable) cannot_reverse(whole, "existing_nullable");
        r.nullable = o.existing_nullable;
    }
    if (o.server_default) {
        if (!o.existing_server_default) cannot_reverse(whole, "existing_server_default");
        r.server_default = o.existing_server_default;
    }
    if (o.comment) {
        if (!o.existing_comment) cannot_reverse(whole, "existing_comment");
        r.comment = o.existing_comment;
    }
    if (o.autoincrement) {
        if (!o.existing_autoincrement) cannot_reverse(whole, "existing_autoincrement");
        r.autoincrement = o.existing_autoincrement;
    }
    // What the reverse changes existed before as what this one set; what it leaves
    // alone is the same on both sides.
    r.existing_type = o.type ? o.type : o.existing_type;
    r.existing_nullable = o.nullable ? o.nullable : o.existing_nullable;
    r.existing_server_default = o.server_default ? o.server_default : o.existing_server_default;
    r.existing_comment = o.comment ? o.comment : o.existing_comment;
    r.existing_autoincrement = o.autoincrement ? o.autoincrement : o.existing_autoincrement;
    return r;
}

// An execute with `reverse` SQL: that SQL, with the reverse of the declared effect (an
// effect that cannot be reversed leaves the reverse's effect unknown).
Operation reverse_execute(const Execute& o, const Operation& whole) {
    if (!o.reverse) cannot_reverse(whole, "how to undo its SQL (no `reverse`)");
    Execute r{*o.reverse, o.dialect, {}};
    r.reverse = o.sql;
    r.transactional = o.transactional;
    if (o.has_effect()) {
        try {
            r.effect = reverse(o.effect);
            r.effect_declared = true;
        } catch (const InputError&) {
            r.effect.clear();
        }
    }
    return r;
}

Operation reverse_drop_constraint(const DropConstraint& o, const Operation& whole) {
    switch (o.type) {
        case ConstraintType::Unique:
            if (!o.existing_unique) cannot_reverse(whole, "the constraint's columns");
            return CreateUniqueConstraint{o.schema, o.table, *o.existing_unique};
        case ConstraintType::ForeignKey:
            if (!o.existing_foreign_key) cannot_reverse(whole, "the foreign key's definition");
            return CreateForeignKey{o.schema, o.table, *o.existing_foreign_key};
        case ConstraintType::Check:
            if (!o.existing_check) cannot_reverse(whole, "the check's expression");
            return CreateCheckConstraint{o.schema, o.table, *o.existing_check};
        case ConstraintType::PrimaryKey:
            if (!o.existing_primary_key) cannot_reverse(whole, "the primary key's columns");
            return CreatePrimaryKey{o.schema, o.table, *o.existing_primary_key};
    }
    cannot_reverse(whole, "the constraint");
}

}  // namespace

Operation reverse(const Operation& op) {
    return std::visit(
        Overloaded{
            [&](const CreateTable& o) -> Operation {
                refuse_conditional(op, o.if_not_exists, "if_not_exists");
                return DropTable{o.table.schema, o.table.name, o.table};
            },
            [&](const DropTable& o) -> Operation {
                refuse_conditional(op, o.if_exists, "if_exists");
                if (!o.existing) cannot_reverse(op, "the table's definition");
                return CreateTable{*o.existing};
            },
            [&](const RenameTable& o) -> Operation {
                return RenameTable{o.schema, o.new_name, o.name};
            },
            [&](const AddColumn& o) -> Operation {
                refuse_conditional(op, o.if_not_exists, "if_not_exists");
                return DropColumn{o.schema, o.table, o.column.name, o.column};
            },
            [&](const DropColumn& o) -> Operation {
                refuse_conditional(op, o.if_exists, "if_exists");
                if (!o.existing) cannot_reverse(op, "the column's definition");
                return AddColumn{o.schema, o.table, *o.existing};
            },
            [&](const AlterColumn& o) -> Operation { return reverse_alter(o, op); },
            [&](const CreateIndex& o) -> Operation {
                refuse_conditional(op, o.if_not_exists, "if_not_exists");
                return DropIndex{o.schema, o.table, o.index.name, o.index, o.concurrently};
            },
            [&](const DropIndex& o) -> Operation {
                refuse_conditional(op, o.if_exists, "if_exists");
                if (!o.existing) cannot_reverse(op, "the index's definition");
                return CreateIndex{o.schema, o.table, *o.existing, o.concurrently};
            },
            [&](const CreateUniqueConstraint& o) -> Operation {
                DropConstraint d{o.schema, o.table, o.constraint.name, ConstraintType::Unique};
                d.existing_unique = o.constraint;
                return d;
            },
            [&](const CreateForeignKey& o) -> Operation {
                DropConstraint d{o.schema, o.table, o.constraint.name, ConstraintType::ForeignKey};
                d.existing_foreign_key = o.constraint;
                return d;
            },
            [&](const CreateCheckConstraint& o) -> Operation {
                DropConstraint d{o.schema, o.table, o.constraint.name, ConstraintType::Check};
                d.existing_check = o.constraint;
                return d;
            },
            [&](const CreatePrimaryKey& o) -> Operation {
                DropConstraint d{o.schema, o.table, o.constraint.name, ConstraintType::PrimaryKey};
                d.existing_primary_key = o.constraint;
                return d;
            },
            [&](const DropConstraint& o) -> Operation { return reverse_drop_constraint(o, op); },
            [&](const CreateEnum& o) -> Operation {
                return DropEnum{o.enum_type.schema, o.enum_type.name, o.enum_type};
            },
            [&](const DropEnum& o) -> Operation {
                if (!o.existing) cannot_reverse(op, "the enum's values");
                return CreateEnum{*o.existing};
            },
            [&](const AlterEnumAddValue& o) -> Operation {
                return AlterEnumDropValue{o.schema, o.name, o.value, o.before, o.after};
            },
            [&](const AlterEnumDropValue& o) -> Operation {
                return AlterEnumAddValue{o.schema, o.name, o.value, o.before, o.after};
            },
            [&](const SetTableComment& o) -> Operation {
                if (!o.existing_comment) cannot_reverse(op, "existing_comment");
                return SetTableComment{o.schema, o.table, *o.existing_comment, o.comment};
            },
            [&](const Execute& o) -> Operation { return reverse_execute(o, op); },
            [&](const CreateSequence& o) -> Operation {
                return DropSequence{o.sequence.schema, o.sequence.name, o.sequence};
            },
            [&](const DropSequence& o) -> Operation {
                if (!o.existing) cannot_reverse(op, "the sequence's definition");
                return CreateSequence{*o.existing};
            },
            [&](const AlterSequence& o) -> Operation {
                return detail::reverse_alter_sequence(o, cannot_reverse);
            },
        },
        op.op);
}

Operations reverse(const Operations& ops) {
    Operations out;
    out.reserve(ops.size());
    for (auto it = ops.rbegin(); it != ops.rend(); ++it) out.push_back(reverse(*it));
    return out;
}

}  // namespace migrate
