// Tables of model files (core/model/model_parse.h): reads a table mapping, expands column
// shorthands into table-level objects, and checks what one table can check on its
// own (duplicate columns, columns named by constraints, the primary key, names).

#include "core/model/model_parse.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/model/model_parse_internal.h"
#include "core/yaml/yaml_read.h"

namespace migrate {

namespace {

const std::vector<std::string> kTableKeys = {"name",
                                             "schema",
                                             "columns",
                                             "primary_key",
                                             "indexes",
                                             "unique_constraints",
                                             "foreign_keys",
                                             "checks",
                                             "comment",
                                             "renamed_from",
                                             "sqlite_autoincrement"};

struct TableReader {
    Table& table;
    TableSites& sites;
    ParseContext& ctx;
    std::vector<std::string> column_names;
    std::vector<std::pair<std::string, SourceLocation>> object_names;  // for duplicates

    std::string what() const { return "table '" + table.name + "'"; }

    void for_each(const yaml::Node& node, const std::string& key,
                  const std::function<void(const yaml::Node&)>& fn) {
        const yaml::Node list = node[key];
        if (is_missing(list)) return;
        if (!list.IsSequence()) {
            report(ctx, list, "'" + key + "' of " + what() + " must be a list");
            return;
        }
        for (const auto& item : list) fn(item);
    }

    // Reports each of `cols` that the table does not have, at `at`.
    void check_columns(const std::vector<std::string>& cols, const std::string& owner,
                       const yaml::Node& at) {
        for (const auto& c : cols) {
            if (std::find(column_names.begin(), column_names.end(), c) != column_names.end())
                continue;
            report(ctx, at,
                   owner + " names column '" + c + "', which " + what() + " does not have" +
                       did_you_mean(c, column_names));
        }
    }

    void add_object(const std::string& name, const SourceLocation& where) {
        object_names.emplace_back(name, where);
        sites.objects.emplace(name, where);
    }

    std::vector<detail::ColumnDraft> read_columns(const yaml::Node& node) {
        std::vector<detail::ColumnDraft> drafts;
        drafts.reserve(node["columns"].size());
        if (is_missing(node["columns"]))
            report(ctx, node, what() + " needs 'columns'");
        else if (node["columns"].IsSequence() && node["columns"].size() == 0)
            report(ctx, node["columns"], what() + " has no columns");
        for_each(node, "columns", [&](const yaml::Node& item) {
            auto d = detail::read_column(item, table.name, ctx);
            if (!d) return;
            const std::string& name = d->parsed.column.name;
            if (std::find(column_names.begin(), column_names.end(), name) != column_names.end()) {
                report(ctx, item["name"], "column '" + name + "' is declared twice in " + what());
                return;
            }
            column_names.push_back(name);
            sites.column_types[name] = location_of(item["type"], ctx.file);
            drafts.push_back(std::move(*d));
        });
        return drafts;
    }

    std::vector<std::string> read_primary_key(const yaml::Node& node,
                                              const std::vector<detail::ColumnDraft>& drafts) {
        std::vector<std::string> flagged;
        for (const auto& d : drafts)
            if (d.parsed.primary_key) flagged.push_back(d.parsed.column.name);
        const yaml::Node pk_node = node["primary_key"];
        if (!is_missing(pk_node)) {
            if (!flagged.empty()) {
                report(ctx, pk_node,
                       what() +
                           " declares its primary key twice: with primary_key: true on its "
                           "columns and with a table-level 'primary_key'; keep one");
                return flagged;
            }
            auto pk = detail::read_primary_key(pk_node, table.name, ctx);
            if (!pk) return {};
            check_columns(pk->columns, "the primary key", pk_node);
            add_object(pk->name, location_of(pk_node, ctx.file));
            table.primary_key = pk;
            return pk->columns;
        }
        if (!flagged.empty()) {
            table.primary_key = PrimaryKey{ctx.naming->primary_key_name(table.name), flagged};
            add_object(table.primary_key->name, sites.table);
        }
        return flagged;
    }

    void add_shorthands(const detail::ColumnDraft& d) {
        SourceLocation at = location_of(d.node, ctx.file);
        if (d.parsed.unique) {
            table.unique_constraints.push_back(*d.parsed.unique);
            add_object(d.parsed.unique->name, at);
        }
        if (d.parsed.index) {
            table.indexes.push_back(*d.parsed.index);
            add_object(d.parsed.index->name, at);
        }
        if (d.parsed.foreign_key) {
            const yaml::Node& node = d.node;
            table.foreign_keys.push_back(*d.parsed.foreign_key);
            add_object(d.parsed.foreign_key->name, at);
            sites.foreign_keys[d.parsed.foreign_key->name] =
                location_of(node["references"], ctx.file);
        }
    }

    void read_lists(const yaml::Node& node) {
        for_each(node, "indexes", [&](const yaml::Node& item) {
            auto index = parse_index(item, table.name, ctx);
            if (!index) return;
            for (size_t i = 0; i < index->elements.size(); ++i)
                if (!index->elements[i].is_expression())
                    check_columns({index->elements[i].column}, "index '" + index->name + "'",
                                  item["columns"][i]);
            add_object(index->name, location_of(item, ctx.file));
            table.indexes.push_back(std::move(*index));
        });
        for_each(node, "unique_constraints", [&](const yaml::Node& item) {
            auto uq = detail::read_unique(item, table.name, ctx);
            if (!uq) return;
            check_columns(uq->columns, "unique constraint '" + uq->name + "'", item["columns"]);
            add_object(uq->name, location_of(item, ctx.file));
            table.unique_constraints.push_back(std::move(*uq));
        });
        for_each(node, "foreign_keys", [&](const yaml::Node& item) {
            auto fk = detail::read_foreign_key(item, table.name, ctx);
            if (!fk) return;
            check_columns(fk->columns, "foreign key '" + fk->name + "'", item["columns"]);
            add_object(fk->name, location_of(item, ctx.file));
            sites.foreign_keys[fk->name] = location_of(item["references_table"], ctx.file);
            table.foreign_keys.push_back(std::move(*fk));
        });
        for_each(node, "checks", [&](const yaml::Node& item) {
            auto check = detail::read_check(item, table.name, ctx);
            if (!check) return;
            add_object(check->name, location_of(item, ctx.file));
            table.checks.push_back(std::move(*check));
        });
    }

    // Only an autoincrement single-column integer key can carry SQLite's AUTOINCREMENT.
    void read_sqlite_autoincrement(const yaml::Node& node) {
        if (is_missing(node["sqlite_autoincrement"])) return;
        table.sqlite_autoincrement =
            read_bool(node, "sqlite_autoincrement", what(), ctx).value_or(false);
        if (!table.sqlite_autoincrement) return;
        const Column* key = table.primary_key && table.primary_key->columns.size() == 1
                                ? table.find_column(table.primary_key->columns[0])
                                : nullptr;
        if (!key || !is_integer_kind(key->type.kind) || !key->autoincrement)
            report(
                ctx, node["sqlite_autoincrement"],
                what() +
                    " has sqlite_autoincrement: true, which needs a single-column integer primary "
                    "key with autoincrement");
    }

    void check_duplicate_objects() {
        std::set<std::string> seen;
        for (const auto& [name, where] : object_names)
            if (!seen.insert(name).second)
                report(ctx, where,
                       "the name '" + name + "' is used by two indexes or constraints of " +
                           what() + "; give one of them another name");
    }
};

}  // namespace

std::optional<Table> parse_table(const yaml::Node& node, ParseContext& ctx) {
    return parse_table(node, ctx, nullptr);
}

std::optional<Table> parse_table(const yaml::Node& node, ParseContext& ctx, TableSites* sites,
                                 const std::vector<std::string>& extra_keys) {
    if (!expect_map(node, "a table", ctx)) return std::nullopt;
    auto name = read_name(node, "name", "a table", ctx);
    std::vector<std::string> keys = kTableKeys;
    keys.insert(keys.end(), extra_keys.begin(), extra_keys.end());
    check_keys(node, keys, name ? "table '" + *name + "'" : "a table", ctx);
    if (!name) return std::nullopt;

    Table table;
    TableSites local;
    TableSites& where = sites ? *sites : local;
    table.name = *name;
    where.table = location_of(node["name"], ctx.file);
    TableReader reader{table, where, ctx, {}, {}};
    if (!is_missing(node["schema"]))
        table.schema = read_name(node, "schema", reader.what(), ctx).value_or("");
    table.comment = read_string(node, "comment", reader.what(), ctx);
    if (!is_missing(node["renamed_from"]))
        table.renamed_from = read_name(node, "renamed_from", reader.what(), ctx);

    std::vector<detail::ColumnDraft> drafts = reader.read_columns(node);
    std::vector<std::string> pk_columns = reader.read_primary_key(node, drafts);
    for (const auto& d : drafts) reader.add_shorthands(d);
    reader.read_lists(node);
    detail::settle_primary_key(drafts, pk_columns, table.foreign_keys, ctx);
    for (auto& d : drafts) table.columns.push_back(std::move(d.parsed.column));
    reader.read_sqlite_autoincrement(node);
    reader.check_duplicate_objects();
    return table;
}

}  // namespace migrate
