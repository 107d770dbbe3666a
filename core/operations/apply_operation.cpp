// Replays one operation on an in-memory Schema (see apply_operation.h). Each operation
// checks that it fits (the table, column, index or constraint exists, or the new name is
// free) and throws InputError naming the operation when it does not.
#include "core/operations/apply_operation.h"

#include <algorithm>
#include <cctype>

#include "core/base/errors.h"
#include "core/base/overloaded.h"
#include "core/operations/apply_rename.h"
#include "core/operations/apply_sequence.h"
#include "core/schema/sql_identifiers.h"

namespace migrate {

namespace {

[[noreturn]] void fail(const Operation& op, const std::string& why) {
    throw InputError("cannot apply " + describe(op) + ": " + why);
}

std::string suggest(const std::string& word, const std::vector<std::string>& names) {
    std::string m = closest_match(word, names);
    return m.empty() ? "" : " (did you mean '" + m + "'?)";
}

Table& table_of(Schema& s, const std::string& schema, const std::string& name,
                const Operation& op) {
    if (Table* t = s.find_table(schema, name)) return *t;
    std::vector<std::string> names;
    for (const auto& t : s.tables) names.push_back(t.name);
    fail(op, "table '" + (schema.empty() ? name : schema + "." + name) + "' does not exist" +
                 suggest(name, names));
}

Column& column_of(Table& t, const std::string& name, const Operation& op) {
    if (Column* c = t.find_column(name)) return *c;
    std::vector<std::string> names;
    for (const auto& c : t.columns) names.push_back(c.name);
    fail(op,
         "column '" + name + "' does not exist in table '" + t.name + "'" + suggest(name, names));
}

void require_columns(Table& t, const std::vector<std::string>& cols, const Operation& op) {
    for (const auto& c : cols) column_of(t, c, op);
}

template <typename T>
bool has_name(const std::vector<T>& v, const std::string& name) {
    return std::any_of(v.begin(), v.end(), [&](const T& x) { return x.name == name; });
}

// Constraint names must be unique within a table (index names within the schema).
void require_free_constraint_name(const Table& t, const std::string& name, const Operation& op) {
    if (has_name(t.unique_constraints, name) || has_name(t.foreign_keys, name) ||
        has_name(t.checks, name) || (t.primary_key && t.primary_key->name == name) ||
        has_name(t.indexes, name))
        fail(op, "table '" + t.name + "' already has a constraint or index named '" + name + "'");
}

template <typename T>
void erase_named(std::vector<T>& v, const std::string& name, const Table& t, const char* kind,
                 const Operation& op) {
    auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.name == name; });
    if (it == v.end()) {
        std::vector<std::string> names;
        for (const auto& x : v) names.push_back(x.name);
        fail(op, std::string(kind) + " '" + name + "' does not exist on table '" + t.name + "'" +
                     suggest(name, names));
    }
    v.erase(it);
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

void apply_rename_table(Schema& s, const RenameTable& o, const NamingConvention& naming,
                        const Operation& op) {
    Table& t = table_of(s, o.schema, o.name, op);
    if (s.find_table(o.schema, o.new_name)) fail(op, "table '" + o.new_name + "' already exists");
    rename_table_in(s, t, o.new_name, naming);
    detail::sequences_follow_table_rename(s, o.schema, o.name, o.new_name);
}

void apply_drop_column(Schema& s, const DropColumn& o, const Operation& op) {
    Table& t = table_of(s, o.schema, o.table, op);
    if (o.if_exists && !t.find_column(o.name)) return;
    column_of(t, o.name, op);
    std::erase_if(t.columns, [&](const Column& c) { return c.name == o.name; });
    // As PostgreSQL does: indexes and constraints that use the column go with it.
    std::erase_if(t.indexes, [&](const Index& ix) {
        if (ix.where && mentions(*ix.where, o.name)) return true;
        return std::any_of(ix.elements.begin(), ix.elements.end(), [&](const IndexElement& e) {
            return e.is_expression() ? mentions(e.expression, o.name) : e.column == o.name;
        });
    });
    std::erase_if(t.unique_constraints,
                  [&](const UniqueConstraint& u) { return contains(u.columns, o.name); });
    std::erase_if(t.foreign_keys,
                  [&](const ForeignKey& fk) { return contains(fk.columns, o.name); });
    std::erase_if(t.checks,
                  [&](const CheckConstraint& c) { return mentions(c.expression, o.name); });
    if (t.primary_key && contains(t.primary_key->columns, o.name)) t.primary_key.reset();
    detail::drop_owned_sequences(s, o.schema, o.table, o.name);
}

void apply_alter_column(Schema& s, const AlterColumn& o, const NamingConvention& naming,
                        const Operation& op) {
    Table& t = table_of(s, o.schema, o.table, op);
    Column& c = column_of(t, o.name, op);
    if (o.type) c.type = *o.type;
    if (o.nullable) {
        if (*o.nullable && t.primary_key && contains(t.primary_key->columns, o.name))
            fail(op, "column '" + o.name + "' is part of the primary key and cannot be nullable");
        c.nullable = *o.nullable;
    }
    if (o.server_default) c.server_default = *o.server_default;
    if (o.comment) c.comment = *o.comment;
    if (o.autoincrement) {
        if (*o.autoincrement && !is_integer_type(c.type))
            fail(op, "autoincrement needs an integer column; '" + o.name + "' is " +
                         c.type.to_string());
        c.autoincrement = *o.autoincrement;
        if (c.autoincrement) c.nullable = false;  // identity columns are NOT NULL
    }
    if (o.new_name && *o.new_name != o.name) {
        if (t.find_column(*o.new_name))
            fail(op, "column '" + *o.new_name + "' already exists in table '" + t.name + "'");
        rename_column_in(s, t, o.name, *o.new_name, naming);
        detail::sequences_follow_column_rename(s, o.schema, o.table, o.name, *o.new_name);
    }
}

void apply_create_index(Schema& s, const CreateIndex& o, const Operation& op,
                        const NamingConvention& naming) {
    Table& t = table_of(s, o.schema, o.table, op);
    // As the database does: an index of that name on any table of the schema, or on
    // this table where names are per table.
    auto taken_by = [&](const Table& other) {
        return other.schema == o.schema && (!naming.names_per_table || &other == &t) &&
               has_name(other.indexes, o.index.name);
    };
    if (o.if_not_exists)
        for (const auto& other : s.tables)
            if (taken_by(other)) return;
    for (const auto& e : o.index.elements)
        if (!e.is_expression()) column_of(t, e.column, op);
    for (const auto& other : s.tables)
        if (taken_by(other))
            fail(op, "an index named '" + o.index.name + "' already exists on table '" +
                         other.name + "'");
    require_free_constraint_name(t, o.index.name, op);
    t.indexes.push_back(o.index);
}

void apply_create_foreign_key(Schema& s, const CreateForeignKey& o, const Operation& op) {
    Table& t = table_of(s, o.schema, o.table, op);
    const ForeignKey& fk = o.constraint;
    require_columns(t, fk.columns, op);
    std::string ref_schema = fk.referred_schema.empty() ? o.schema : fk.referred_schema;
    Table& ref = table_of(s, ref_schema, fk.referred_table, op);
    require_columns(ref, fk.referred_columns, op);
    if (fk.columns.size() != fk.referred_columns.size())
        fail(op, "the foreign key has " + std::to_string(fk.columns.size()) +
                     " columns but refers to " + std::to_string(fk.referred_columns.size()));
    require_free_constraint_name(t, fk.name, op);
    t.foreign_keys.push_back(fk);
}

void apply_create_primary_key(Schema& s, const CreatePrimaryKey& o, const Operation& op) {
    Table& t = table_of(s, o.schema, o.table, op);
    if (t.primary_key)
        fail(op, "table '" + t.name + "' already has primary key '" + t.primary_key->name + "'");
    require_columns(t, o.constraint.columns, op);
    require_free_constraint_name(t, o.constraint.name, op);
    for (const auto& c : o.constraint.columns) t.find_column(c)->nullable = false;
    t.primary_key = o.constraint;
}

void apply_drop_constraint(Schema& s, const DropConstraint& o, const Operation& op) {
    Table& t = table_of(s, o.schema, o.table, op);
    switch (o.type) {
        case ConstraintType::Unique:
            erase_named(t.unique_constraints, o.name, t, "unique constraint", op);
            break;
        case ConstraintType::ForeignKey:
            erase_named(t.foreign_keys, o.name, t, "foreign key", op);
            break;
        case ConstraintType::Check:
            erase_named(t.checks, o.name, t, "check constraint", op);
            break;
        case ConstraintType::PrimaryKey:
            if (!t.primary_key) fail(op, "table '" + t.name + "' has no primary key");
            if (!o.name.empty() && t.primary_key->name != o.name)
                fail(op, "the primary key of table '" + t.name + "' is named '" +
                             t.primary_key->name + "'");
            for (const auto& c : t.primary_key->columns)
                if (Column* col = t.find_column(c)) col->autoincrement = false;
            t.primary_key.reset();
            break;
    }
}

Enum& enum_of(Schema& s, const std::string& schema, const std::string& name, const Operation& op) {
    if (Enum* e = s.find_enum(schema, name)) return *e;
    fail(op, "enum '" + (schema.empty() ? name : schema + "." + name) + "' does not exist");
}

void apply_add_enum_value(Schema& s, const AlterEnumAddValue& o, const Operation& op) {
    Enum& e = enum_of(s, o.schema, o.name, op);
    if (contains(e.values, o.value))
        fail(op, "enum '" + o.name + "' already has value '" + o.value + "'");
    auto pos = e.values.end();
    if (o.before || o.after) {
        const std::string& anchor = o.before ? *o.before : *o.after;
        pos = std::find(e.values.begin(), e.values.end(), anchor);
        if (pos == e.values.end()) fail(op, "enum '" + o.name + "' has no value '" + anchor + "'");
        if (o.after) ++pos;
    }
    e.values.insert(pos, o.value);
}

void apply_drop_enum_value(Schema& s, const AlterEnumDropValue& o, const Operation& op) {
    Enum& e = enum_of(s, o.schema, o.name, op);
    if (!contains(e.values, o.value))
        fail(op, "enum '" + o.name + "' has no value '" + o.value + "'");
    std::erase(e.values, o.value);
}

}  // namespace

void apply_operation(Schema& s, const Operation& op, const NamingConvention& naming) {
    std::visit(Overloaded{
                   [&](const CreateTable& o) {
                       bool there = s.find_table(o.table.schema, o.table.name) != nullptr;
                       if (there && o.if_not_exists) return;
                       if (there) fail(op, "table '" + o.table.name + "' already exists");
                       s.tables.push_back(o.table);
                   },
                   [&](const DropTable& o) {
                       if (o.if_exists && !s.find_table(o.schema, o.name)) return;
                       table_of(s, o.schema, o.name, op);
                       std::erase_if(s.tables, [&](const Table& t) {
                           return t.schema == o.schema && t.name == o.name;
                       });
                       detail::drop_owned_sequences(s, o.schema, o.name);
                   },
                   [&](const RenameTable& o) { apply_rename_table(s, o, naming, op); },
                   [&](const AddColumn& o) {
                       Table& t = table_of(s, o.schema, o.table, op);
                       if (o.if_not_exists && t.find_column(o.column.name)) return;
                       if (t.find_column(o.column.name))
                           fail(op, "column '" + o.column.name + "' already exists in table '" +
                                        t.name + "'");
                       t.columns.push_back(o.column);
                   },
                   [&](const DropColumn& o) { apply_drop_column(s, o, op); },
                   [&](const AlterColumn& o) { apply_alter_column(s, o, naming, op); },
                   [&](const CreateIndex& o) { apply_create_index(s, o, op, naming); },
                   [&](const DropIndex& o) {
                       Table& t = table_of(s, o.schema, o.table, op);
                       if (o.if_exists && !has_name(t.indexes, o.name)) return;
                       erase_named(t.indexes, o.name, t, "index", op);
                   },
                   [&](const CreateUniqueConstraint& o) {
                       Table& t = table_of(s, o.schema, o.table, op);
                       require_columns(t, o.constraint.columns, op);
                       require_free_constraint_name(t, o.constraint.name, op);
                       t.unique_constraints.push_back(o.constraint);
                   },
                   [&](const CreateForeignKey& o) { apply_create_foreign_key(s, o, op); },
                   [&](const CreateCheckConstraint& o) {
                       Table& t = table_of(s, o.schema, o.table, op);
                       require_free_constraint_name(t, o.constraint.name, op);
                       t.checks.push_back(o.constraint);
                   },
                   [&](const CreatePrimaryKey& o) { apply_create_primary_key(s, o, op); },
                   [&](const DropConstraint& o) { apply_drop_constraint(s, o, op); },
                   [&](const CreateEnum& o) {
                       if (s.find_enum(o.enum_type.schema, o.enum_type.name))
                           fail(op, "enum '" + o.enum_type.name + "' already exists");
                       s.enums.push_back(o.enum_type);
                   },
                   [&](const DropEnum& o) {
                       enum_of(s, o.schema, o.name, op);
                       std::erase_if(s.enums, [&](const Enum& e) {
                           return e.schema == o.schema && e.name == o.name;
                       });
                   },
                   [&](const AlterEnumAddValue& o) { apply_add_enum_value(s, o, op); },
                   [&](const AlterEnumDropValue& o) { apply_drop_enum_value(s, o, op); },
                   [&](const SetTableComment& o) {
                       table_of(s, o.schema, o.table, op).comment = o.comment;
                   },
                   [&](const Execute& o) {
                       for (const auto& effect : o.effect) apply_operation(s, effect, naming);
                   },
                   [&](const CreateSequence& o) { detail::apply_create_sequence(s, o, op); },
                   [&](const DropSequence& o) { detail::apply_drop_sequence(s, o, op); },
                   [&](const AlterSequence& o) { detail::apply_alter_sequence(s, o, op); },
               },
               op.op);
}

}  // namespace migrate
