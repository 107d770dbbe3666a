// Added and removed tables. New tables are created in foreign-key order, each
// create_table followed by its create_index operations (as Alembic writes them);
// foreign keys that close a cycle are added after all tables. Removed tables are
// dropped in the reverse order, each after its indexes, with the cycle-closing foreign
// keys dropped first, so that the downgrade (the reverse) recreates them exactly.

#include <algorithm>
#include <tuple>

#include "core/diff/diff_context.h"

namespace migrate::diff {

namespace {

struct DeferredKey {
    std::string schema, table;
    ForeignKey fk;
};

void sort_deferred(std::vector<DeferredKey>& keys) {
    std::sort(keys.begin(), keys.end(), [](const DeferredKey& a, const DeferredKey& b) {
        return std::tie(a.schema, a.table, a.fk.name) < std::tie(b.schema, b.table, b.fk.name);
    });
}

// Splits the foreign keys listed in `deferred` for table `i` out of `table`.
std::vector<ForeignKey> take_deferred(Table& table, size_t i, const TableOrder& order) {
    std::vector<ForeignKey> kept, taken;
    for (size_t f = 0; f < table.foreign_keys.size(); ++f) {
        bool deferred = std::find(order.deferred.begin(), order.deferred.end(), std::pair{i, f}) !=
                        order.deferred.end();
        (deferred ? taken : kept).push_back(table.foreign_keys[f]);
    }
    table.foreign_keys = std::move(kept);
    return taken;
}

void create_tables(Context& ctx, const std::vector<const Table*>& added) {
    TableOrder order = order_by_foreign_keys(added, ctx.normalizer);
    std::vector<DeferredKey> deferred;
    for (size_t i : order.order) {
        Table t = *added[i];
        for (auto& fk : take_deferred(t, i, order)) deferred.push_back({t.schema, t.name, fk});
        std::vector<Index> indexes = std::move(t.indexes);
        t.indexes.clear();
        ctx.change("added table " + quoted(t.schema, t.name));
        ctx.emit(Phase::CreateTables, CreateTable{t});
        for (auto& ix : indexes) ctx.emit(Phase::CreateTables, CreateIndex{t.schema, t.name, ix});
    }
    sort_deferred(deferred);
    for (auto& d : deferred)
        ctx.emit(Phase::CreateForeignKeys, CreateForeignKey{d.schema, d.table, d.fk});
}

void drop_tables(Context& ctx, const std::vector<const Table*>& removed) {
    TableOrder order = order_by_foreign_keys(removed, ctx.normalizer);
    std::vector<DeferredKey> deferred;
    std::vector<Table> tables(removed.size());
    for (size_t i = 0; i < removed.size(); ++i) {
        tables[i] = *removed[i];
        for (auto& fk : take_deferred(tables[i], i, order))
            deferred.push_back({tables[i].schema, tables[i].name, fk});
    }
    sort_deferred(deferred);
    for (auto& d : deferred) {
        DropConstraint drop{d.schema, d.table, d.fk.name, ConstraintType::ForeignKey};
        drop.existing_foreign_key = d.fk;
        ctx.emit(Phase::DropForeignKeys, drop);
    }
    for (auto it = order.order.rbegin(); it != order.order.rend(); ++it) {
        Table t = std::move(tables[*it]);
        std::vector<Index> indexes = std::move(t.indexes);
        t.indexes.clear();
        ctx.change("removed table " + quoted(t.schema, t.name),
                   "drops table " + quoted(t.schema, t.name) + " and all its rows");
        for (auto ix = indexes.rbegin(); ix != indexes.rend(); ++ix)
            ctx.emit(Phase::DropTables, DropIndex{t.schema, t.name, ix->name, *ix});
        ctx.emit(Phase::DropTables, DropTable{t.schema, t.name, t});
    }
}

}  // namespace

void diff_tables(Context& ctx, const Schema& current, const Schema& target) {
    std::vector<const Table*> added, removed;
    for (const auto& t : target.tables)
        if (!current.find_table(t.schema, t.name)) added.push_back(&t);
    for (const auto& t : current.tables)
        if (!target.find_table(t.schema, t.name)) removed.push_back(&t);
    drop_tables(ctx, removed);
    create_tables(ctx, added);
}

}  // namespace migrate::diff
