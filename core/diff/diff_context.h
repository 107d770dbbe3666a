#pragma once
// Internal to the differ (core/diff_*.cpp): the state one diff_schemas call shares
// between its comparers — the normaliser, the operations collected per phase, and the
// detected changes. Each comparer (tables, columns, indexes, constraints, enums,
// renames) reads the two prepared schemas and emits into phases; differ.cpp
// concatenates the phases in order.

#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/diff/differ.h"

namespace migrate::diff {

// Upgrade operations are emitted phase by phase; inside a phase in the order emitted
// (comparers iterate sorted schemas, so that order is by schema, table, name).
enum class Phase {
    CreateEnums,      // create_enum, alter_enum_add_value: before any table uses them
    CreateSequences,  // create_sequence, alter_sequence (owner released): before defaults use them
    RenameTables,
    RenameColumns,
    DropForeignKeys,  // before the constraints, columns and tables they depend on
    DropIndexes,      // and unique / check / primary key constraints
    DropTables,       // reverse foreign-key order, cycles broken by DropForeignKeys
    AddColumns,
    AlterColumns,
    DropColumns,
    CreateConstraints,  // primary keys, unique and check constraints, indexes on kept tables
    CreateTables,       // foreign-key order, each followed by its indexes
    CreateForeignKeys,  // on kept tables, and the ones that break cycles of new tables
    OwnSequences,       // alter_sequence owned_by: once the owning table and column exist
    TableComments,
    DropEnums,      // alter_enum_drop_value, drop_enum: after no column uses them
    DropSequences,  // drop_sequence: after no column default uses them
    Count,
};

// Normalisation through the dialect, when one is given.
class Normalizer {
  public:
    // full_fidelity: compare comments and enums whatever the dialect can store.
    Normalizer(const Dialect* dialect, bool full_fidelity);

    bool same_type(const ColumnType& a, const ColumnType& b) const;
    // Column types of `was` and `now`: also the same when both are a rowid key (an
    // autoincrement key is always INTEGER there, whatever integer type the model says).
    bool same_column_type(const Column& was, const Column& now) const;
    // Whether the database can tell `column` of `table` autoincrements or not: always
    // with identity columns (or full fidelity), else only for its one-column integer key.
    bool compares_autoincrement(const Table& table, const Column& column) const;
    bool same_default(const Column& a, const Column& b) const;
    std::string expression(const std::string& sql) const;
    bool same_expression(const std::string& a, const std::string& b) const;
    bool same_index(const Index& a, const Index& b) const;
    bool same_foreign_key(const ForeignKey& a, const ForeignKey& b) const;

    bool compare_comments() const { return comments_; }
    bool compare_enums() const { return enums_; }
    bool has_schemas() const { return schemas_; }
    std::string default_schema() const;
    // The schema (as Table::schema writes it) of the table a foreign key of `table` refers to.
    std::string referred_schema(const Table& table, const ForeignKey& fk) const;

  private:
    const Dialect* dialect_;
    bool comments_ = true;
    bool enums_ = true;
    bool schemas_ = true;
    bool identity_columns_ = true;
    bool rowid_keys_ = false;
};

struct Context {
    Normalizer normalizer;
    std::array<Operations, static_cast<size_t>(Phase::Count)> phases;
    std::vector<Change> changes;
    // The models' `fill` hints, by "schema.table.column" (diff_renames strips the hints
    // from the schemas; add_column reads them from here).
    std::map<std::string, std::string> fills;

    void emit(Phase phase, Operation op) {
        phases[static_cast<size_t>(phase)].push_back(std::move(op));
    }
    void change(std::string description, std::string warning = "") {
        bool destructive = !warning.empty();
        changes.push_back(Change{std::move(description), destructive, std::move(warning)});
    }
};

// Quoted display names: 'users', 'blog.users', 'users.email'.
std::string quoted(const std::string& schema, const std::string& name);
std::string quoted_column(const std::string& schema, const std::string& table,
                          const std::string& column);

// Filters (include_schemas, exclude_tables, hidden_tables), puts the dialect's default
// schema as "", disables what the dialect cannot express, and sorts.
Schema prepare(const Schema& schema, const DiffOptions& options, const Normalizer& normalizer);
// When comments are not compared (the database cannot store them): gives the current
// side's tables and columns the target's comments, so that no change is detected while
// new tables and columns keep theirs.
void adopt_comments(Schema& current, const Schema& target);

// Applies renamed_from hints: emits rename_table / alter_column new_name, and renames
// the objects in `current` (a working copy) as the database will, so that the other
// comparers see renamed objects under their new names. Strips the hints from both.
void diff_renames(Context& ctx, Schema& current, Schema& target, const NamingConvention& naming);

void diff_enums(Context& ctx, const Schema& current, const Schema& target);
// Standalone sequences: created first, owners set last, dropped last (diff_sequences.cpp).
void diff_sequences(Context& ctx, const Schema& current, const Schema& target);
// Added and removed tables, in foreign-key order.
void diff_tables(Context& ctx, const Schema& current, const Schema& target);
// Tables on both sides: columns, indexes, constraints, comments.
void diff_columns(Context& ctx, const Table& current, const Table& target);
void diff_indexes(Context& ctx, const Table& current, const Table& target);
void diff_constraints(Context& ctx, const Table& current, const Table& target);

// Pairs up the indexes (or constraints) of two tables by name. An unnamed item on one
// side (reflection cannot always read names) pairs with an unpaired item of equal
// definition on the other. `changed` holds pairs whose definitions differ.
template <typename T>
struct Matched {
    std::vector<const T*> removed, added;
    std::vector<std::pair<const T*, const T*>> changed;
};

template <typename T, typename Same>
Matched<T> match_by_name(const std::vector<T>& current, const std::vector<T>& target, Same same) {
    Matched<T> m;
    std::vector<bool> taken(target.size(), false);
    std::vector<const T*> unmatched;
    for (const auto& c : current) {
        bool found = false;
        for (size_t i = 0; i < target.size() && !found; ++i) {
            if (taken[i] || target[i].name != c.name) continue;
            taken[i] = found = true;
            if (!same(c, target[i])) m.changed.push_back({&c, &target[i]});
        }
        if (!found) unmatched.push_back(&c);
    }
    for (const T* c : unmatched) {
        bool found = false;
        for (size_t i = 0; i < target.size() && !found; ++i) {
            if (taken[i] || !(c->name.empty() || target[i].name.empty()) || !same(*c, target[i]))
                continue;
            taken[i] = found = true;
        }
        if (!found) m.removed.push_back(c);
    }
    for (size_t i = 0; i < target.size(); ++i)
        if (!taken[i]) m.added.push_back(&target[i]);
    return m;
}

// Foreign-key order of `tables` (indexes into it): referenced tables first, ties by
// schema and name. Foreign keys that must wait because of a cycle are returned in
// `deferred` as (table index, foreign key index); self-references never wait.
struct TableOrder {
    std::vector<size_t> order;
    std::vector<std::pair<size_t, size_t>> deferred;
};
TableOrder order_by_foreign_keys(const std::vector<const Table*>& tables,
                                 const Normalizer& normalizer);

}  // namespace migrate::diff
