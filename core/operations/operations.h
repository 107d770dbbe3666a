#pragma once
// The operation vocabulary: the spine of migrate. Autogenerate emits operations,
// revision files store them, replay applies them to an in-memory Schema, dialects
// render them as SQL, `describe` prints them. Each operation is a value type and an
// Operation is a variant of them. Field names follow the revision file format of
// SPEC.md; the existing_* fields carry what a reverse (or a SQLite rebuild) needs.

#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/schema/schema.h"

namespace migrate {

enum class ConstraintType { Unique, ForeignKey, Check, PrimaryKey };
const char* to_string(ConstraintType t);  // "unique", "foreign_key", "check", "primary_key"

// if_not_exists / if_exists (create and drop of tables, columns and indexes): the DDL
// says IF NOT EXISTS / IF EXISTS, and replay treats the operation as a no-op when the
// object is already there (or already gone). For hand-written revisions only: autogenerate
// never sets them.
struct CreateTable {
    Table table;  // table.schema is the operation's schema
    bool if_not_exists = false;
    bool operator==(const CreateTable&) const = default;
};

struct DropTable {
    std::string schema, name;
    std::optional<Table> existing;  // the full definition, when known (to reverse)
    bool if_exists = false;
    bool operator==(const DropTable&) const = default;
};

struct RenameTable {
    std::string schema, name, new_name;
    bool operator==(const RenameTable&) const = default;
};

// `fill`: the value (SQL, as server_default) that rows already in the table get, so a
// NOT NULL column without a default can be added to a table with rows. The column ends
// with its own server_default (or none): the fill is a one-off.
struct AddColumn {
    std::string schema, table;
    Column column;
    std::optional<std::string> fill;
    bool if_not_exists = false;
    bool operator==(const AddColumn&) const = default;
};

struct DropColumn {
    std::string schema, table, name;
    std::optional<Column> existing;
    bool if_exists = false;
    bool operator==(const DropColumn&) const = default;
};

// Only the fields that are set change. server_default and comment are
// optional<optional<...>>: outer empty = unchanged, inner empty = drop it.
struct AlterColumn {
    std::string schema, table, name;
    std::optional<std::string> new_name;
    std::optional<ColumnType> type;
    std::optional<bool> nullable;
    std::optional<std::optional<std::string>> server_default;
    std::optional<std::optional<std::string>> comment;
    std::optional<bool> autoincrement;      // identity / serial on or off
    std::optional<std::string> using_expr;  // PostgreSQL USING cast expression
    std::optional<ColumnType> existing_type;
    std::optional<bool> existing_nullable;
    std::optional<std::optional<std::string>> existing_server_default;
    std::optional<std::optional<std::string>> existing_comment;
    std::optional<bool> existing_autoincrement;
    bool operator==(const AlterColumn&) const = default;
};

// concurrently: CREATE/DROP INDEX CONCURRENTLY on PostgreSQL (a plain CREATE/DROP INDEX
// elsewhere); the operation then runs outside the migration's transaction.
struct CreateIndex {
    std::string schema, table;
    Index index;
    bool concurrently = false;
    bool if_not_exists = false;
    bool operator==(const CreateIndex&) const = default;
};

struct DropIndex {
    std::string schema, table, name;
    std::optional<Index> existing;
    bool concurrently = false;
    bool if_exists = false;
    bool operator==(const DropIndex&) const = default;
};

struct CreateUniqueConstraint {
    std::string schema, table;
    UniqueConstraint constraint;
    bool operator==(const CreateUniqueConstraint&) const = default;
};

struct CreateForeignKey {
    std::string schema, table;
    ForeignKey constraint;
    bool operator==(const CreateForeignKey&) const = default;
};

struct CreateCheckConstraint {
    std::string schema, table;
    CheckConstraint constraint;
    bool operator==(const CreateCheckConstraint&) const = default;
};

struct CreatePrimaryKey {
    std::string schema, table;
    PrimaryKey constraint;
    bool operator==(const CreatePrimaryKey&) const = default;
};

// The existing_* member matching `type`, when known, lets the drop be reversed.
struct DropConstraint {
    std::string schema, table, name;
    ConstraintType type = ConstraintType::Unique;
    std::optional<UniqueConstraint> existing_unique;
    std::optional<ForeignKey> existing_foreign_key;
    std::optional<CheckConstraint> existing_check;
    std::optional<PrimaryKey> existing_primary_key;
    bool operator==(const DropConstraint&) const = default;
};

struct CreateEnum {
    Enum enum_type;
    bool operator==(const CreateEnum&) const = default;
};

struct DropEnum {
    std::string schema, name;
    std::optional<Enum> existing;
    bool operator==(const DropEnum&) const = default;
};

struct AlterEnumAddValue {
    std::string schema, name, value;
    std::optional<std::string> before, after;
    bool operator==(const AlterEnumAddValue&) const = default;
};

// The reverse of AlterEnumAddValue (revision file: `alter_enum_drop_value`). PostgreSQL
// cannot drop an enum value, so the dialect recreates the type without it and converts
// the columns that use it.
struct AlterEnumDropValue {
    std::string schema, name, value;
    // Where the value stood, so that the reverse puts it back in place (optional).
    std::optional<std::string> before, after;
    bool operator==(const AlterEnumDropValue&) const = default;
};

struct SetTableComment {
    std::string schema, table;
    std::optional<std::string> comment;  // empty = drop the comment
    std::optional<std::optional<std::string>> existing_comment;
    bool operator==(const SetTableComment&) const = default;
};

// Standalone sequences (PostgreSQL). create_sequence with owned_by needs the owning
// table and column to exist; autogenerate sets the owner with a later alter_sequence.
struct CreateSequence {
    Sequence sequence;
    bool operator==(const CreateSequence&) const = default;
};

struct DropSequence {
    std::string schema, name;
    std::optional<Sequence> existing;  // the full definition, when known (to reverse)
    bool operator==(const DropSequence&) const = default;
};

// Only the settings that are set change; owned_by is optional<optional<...>>: outer
// empty = unchanged, inner empty = OWNED BY NONE. The existing_* members reverse it.
struct AlterSequence {
    std::string schema, name;
    std::optional<std::int64_t> start, increment, min_value, max_value, cache;
    std::optional<bool> cycle;
    std::optional<std::optional<std::string>> owned_by;
    std::optional<std::int64_t> existing_start, existing_increment, existing_min_value,
        existing_max_value, existing_cache;
    std::optional<bool> existing_cycle;
    std::optional<std::optional<std::string>> existing_owned_by;
    bool changes_nothing() const {
        return !start && !increment && !min_value && !max_value && !cache && !cycle && !owned_by;
    }
    bool operator==(const AlterSequence&) const = default;
};

struct Operation;

// Opaque SQL. `dialect` "" runs everywhere, else only on that dialect ("sqlite",
// "postgresql", "mysql"). `effect` optionally declares the schema change the SQL makes, in the
// same vocabulary, so that replay can follow it; without it replay reports the
// revision as one it could not follow. `effect_declared` tells the two apart: a file
// with `effect: []` declares "no schema change" (a data migration), one without an
// `effect` key leaves the effect unknown. `reverse` optionally gives the SQL that undoes
// it: then the execute has a reverse (an execute whose effect is the reverse of this
// effect), which the runner uses to undo a failed migration on a database without
// transactional DDL.
struct Execute {
    std::string sql;
    std::string dialect;
    std::vector<Operation> effect;
    bool effect_declared = false;  // the `effect` key was given
    std::optional<std::string> reverse;
    // false: the SQL cannot run inside a transaction (VACUUM, ALTER TYPE ... ADD VALUE on
    // old servers): the operation runs outside the migration's transaction.
    bool transactional = true;
    // Whether the effect is known: declared, or non-empty.
    bool has_effect() const { return effect_declared || !effect.empty(); }
    bool operator==(const Execute&) const;
};

using OperationVariant =
    std::variant<CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn,
                 CreateIndex, DropIndex, CreateUniqueConstraint, CreateForeignKey,
                 CreateCheckConstraint, CreatePrimaryKey, DropConstraint, CreateEnum, DropEnum,
                 AlterEnumAddValue, AlterEnumDropValue, SetTableComment, Execute, CreateSequence,
                 DropSequence, AlterSequence>;

struct Operation {
    OperationVariant op;

    template <typename T>
    requires(!std::is_same_v<std::decay_t<T>, Operation>) Operation(T value)
        : op(std::move(value)) {}  // NOLINT: implicit by design

    template <typename T>
    const T* as() const {
        return std::get_if<T>(&op);
    }
    template <typename T>
    T* as() {
        return std::get_if<T>(&op);
    }
    template <typename T>
    bool is() const {
        return std::holds_alternative<T>(op);
    }

    bool operator==(const Operation&) const = default;
};

using Operations = std::vector<Operation>;

// The revision-file key of an operation: "create_table", "alter_enum_add_value", ...
const char* op_name(const Operation& op);

// Whether `op` must run outside a transaction: create_index / drop_index with
// `concurrently`, an execute with `transactional: false`.
bool runs_outside_transaction(const Operation& op);

// The operation that undoes `op`. Needs the existing_* details for drops and alters;
// throws InputError naming the operation when they are missing.
Operation reverse(const Operation& op);
// The reverse of a whole list: each reversed, in reverse order.
Operations reverse(const Operations& ops);

// One line for humans: "add column 'posts.title'", "drop table 'tags'".
std::string describe(const Operation& op);

}  // namespace migrate
