#pragma once
// The schema model: what model files declare, what reflection reads from a database,
// what replaying revisions computes. One normalised shape for all three, so that the
// differ compares like with like:
//   - column-level shorthands of model files (unique, index, references) are expanded
//     into table-level UniqueConstraint / Index / ForeignKey entries by the loader;
//   - every index and constraint has a name (the naming convention fills in missing ones);
//   - identifiers are kept exactly as written (case-sensitive, unquoted).

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/schema/types.h"

namespace migrate {

struct Column {
    std::string name;
    ColumnType type;
    bool nullable = true;
    std::optional<std::string> server_default;  // SQL as written: "0", "now()", "'draft'"
    bool autoincrement = false;                 // identity / INTEGER PRIMARY KEY / serial
    std::optional<std::string> comment;
    std::optional<std::string> collation;
    std::optional<std::string> renamed_from;  // model hint only; never reflected
    // Model hint only, never reflected: the value (SQL, as server_default) that existing
    // rows get when autogenerate adds this NOT NULL column (add_column `fill`).
    std::optional<std::string> fill;

    bool operator==(const Column&) const = default;
};

enum class SortOrder { Asc, Desc };
enum class NullsOrder { Default, First, Last };

// One element of an index: a column, or an expression such as "lower(email)".
struct IndexElement {
    std::string column;      // set for a column element
    std::string expression;  // set for an expression element (SQL as written)
    SortOrder order = SortOrder::Asc;
    NullsOrder nulls = NullsOrder::Default;
    std::string opclass;  // PostgreSQL operator class, e.g. text_pattern_ops
    // MySQL: the index holds the first `length` characters of the column (bytes of a
    // binary one), `KEY (name(20))`.
    std::optional<int> length;

    bool is_expression() const { return !expression.empty(); }
    bool operator==(const IndexElement&) const = default;
};

struct Index {
    std::string name;
    std::vector<IndexElement> elements;
    bool unique = false;
    std::optional<std::string> where;  // partial index predicate
    std::string method;                // PostgreSQL access method ("gin"); "" = default (btree)

    bool operator==(const Index&) const = default;
};

struct PrimaryKey {
    std::string name;
    std::vector<std::string> columns;

    bool operator==(const PrimaryKey&) const = default;
};

struct UniqueConstraint {
    std::string name;
    std::vector<std::string> columns;

    bool operator==(const UniqueConstraint&) const = default;
};

// Referential actions, lower-case as in SQL: "cascade", "set null", "set default",
// "restrict", "no action". "" means not given (the database's NO ACTION).
struct ForeignKey {
    std::string name;
    std::vector<std::string> columns;
    std::string referred_schema;  // "" = same schema as the table
    std::string referred_table;
    std::vector<std::string> referred_columns;
    std::string on_delete;
    std::string on_update;

    bool operator==(const ForeignKey&) const = default;
};

struct CheckConstraint {
    std::string name;
    std::string expression;  // SQL as written, without the CHECK keyword and outer parentheses

    bool operator==(const CheckConstraint&) const = default;
};

struct Table {
    std::string schema;  // "" = the default schema (PostgreSQL "public"; SQLite "main")
    std::string name;
    std::vector<Column> columns;
    std::optional<PrimaryKey> primary_key;
    std::vector<Index> indexes;
    std::vector<UniqueConstraint> unique_constraints;
    std::vector<ForeignKey> foreign_keys;
    std::vector<CheckConstraint> checks;
    std::optional<std::string> comment;
    std::optional<std::string> renamed_from;  // model hint only; never reflected
    // SQLite's AUTOINCREMENT keyword on the autoincrement integer key (rowids are never
    // reused); other dialects ignore it. Autogenerate does not compare it (as Alembic).
    bool sqlite_autoincrement = false;

    const Column* find_column(const std::string& name) const;
    Column* find_column(const std::string& name);
    // Whether `column` is the table's one-column primary key, of an integer type.
    bool is_sole_integer_key(const Column& column) const;
    // "schema.name", or "name" in the default schema.
    std::string qualified_name() const;

    bool operator==(const Table&) const = default;
};

struct Enum {
    std::string schema;
    std::string name;
    std::vector<std::string> values;

    std::string qualified_name() const;
    bool operator==(const Enum&) const = default;
};

// A standalone sequence (PostgreSQL). Settings left empty take the database's defaults,
// which depend on the direction (core/schema/sequences.h: effective_settings). A sequence that
// a serial or identity column owns is not a Sequence: the column is autoincrement.
struct Sequence {
    std::string schema;
    std::string name;
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> increment;
    std::optional<std::int64_t> min_value;
    std::optional<std::int64_t> max_value;
    std::optional<std::int64_t> cache;
    bool cycle = false;
    std::optional<std::string> owned_by;  // "table.column", a table of the sequence's schema

    std::string qualified_name() const;
    bool operator==(const Sequence&) const = default;
};

// Finds tables by (schema, name) without comparing them one by one, for a schema that
// asks for it (Schema::index_tables): the runner's live schema, on which an upgrade
// replays thousands of operations while it may hold thousands of tables. It maps a name
// to its position in Schema::tables and checks itself, so code may keep changing
// `tables` directly: a hit is compared with the table at that position, tables pushed
// at the end since the last lookup are added, and it starts again when the list shrank,
// when its last table is not the one last seen, or when a hit points at another table.
// The one change it cannot see is a table renamed in place: on an indexed schema that
// goes through rename_table_in (core/operations/apply_rename.h), which says so
// (Schema::tables_renamed). A copy of a schema is not indexed.
class TableIndex {
  public:
    TableIndex() = default;
    TableIndex(const TableIndex&) {}
    TableIndex& operator=(const TableIndex&) {
        forget();
        enabled_ = false;
        return *this;
    }
    TableIndex(TableIndex&&) = default;
    TableIndex& operator=(TableIndex&&) = default;

    void enable() { enabled_ = true; }
    bool enabled() const { return enabled_; }
    std::optional<std::size_t> find(const std::vector<Table>& tables, const std::string& schema,
                                    const std::string& name) const;
    void forget() const;
    // Not part of a schema's value: two schemas with the same tables are equal.
    bool operator==(const TableIndex&) const { return true; }

  private:
    void catch_up(const std::vector<Table>& tables) const;

    bool enabled_ = false;
    mutable std::unordered_map<std::string, std::size_t> positions_;
    mutable std::size_t indexed_ = 0;
    mutable std::string last_schema_, last_name_;
};

struct Schema {
    std::vector<Table> tables;
    std::vector<Enum> enums;
    std::vector<Sequence> sequences;

    const Table* find_table(const std::string& schema, const std::string& name) const;
    Table* find_table(const std::string& schema, const std::string& name);
    const Enum* find_enum(const std::string& schema, const std::string& name) const;
    Enum* find_enum(const std::string& schema, const std::string& name);
    const Sequence* find_sequence(const std::string& schema, const std::string& name) const;
    Sequence* find_sequence(const std::string& schema, const std::string& name);
    // Finds tables through an index from now on (see TableIndex).
    void index_tables() { table_index_.enable(); }
    // After renaming a table in place (an index cannot see it).
    void tables_renamed() const { table_index_.forget(); }

    // Sorts tables, enums, sequences, and each table's indexes and constraints by name, so that two
    // equal schemas compare equal and print identically whatever order they were read in.
    // Column order is meaningful and kept.
    void sort();

    bool operator==(const Schema&) const = default;

  private:
    TableIndex table_index_;
};

// A readable, stable, multi-line rendering used by `migrate models`, error messages and
// test failure output. Generated names are shown.
std::string to_text(const Table& table);
std::string to_text(const Sequence& sequence);  // one line, only the settings given
std::string to_text(const Schema& schema);

}  // namespace migrate
