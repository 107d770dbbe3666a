// Table-level entries of model files (core/model/model_parse.h): indexes, unique
// constraints, foreign keys, checks, the composite primary key, and enums.

#include <algorithm>
#include <set>

#include "core/model/model_parse_internal.h"
#include "core/yaml/yaml_read.h"

namespace migrate {

namespace {

const std::vector<std::string> kIndexKeys = {"name",   "columns", "expressions",
                                             "unique", "where",   "using"};
const std::vector<std::string> kIndexElementKeys = {"name",  "expression", "order",
                                                    "nulls", "opclass",    "length"};

std::string named(const std::string& kind, const std::optional<std::string>& name) {
    return name ? kind + " '" + *name + "'" : "an unnamed " + kind;
}

std::optional<IndexElement> read_element(const yaml::Node& item, const std::string& what,
                                         ParseContext& ctx) {
    IndexElement e;
    if (item.IsScalar()) {
        e.column = item.Scalar();
        if (!check_identifier(e.column, "a column of " + what, item, ctx)) return std::nullopt;
        return e;
    }
    if (!expect_map(item, "a column of " + what, ctx)) return std::nullopt;
    check_keys(item, kIndexElementKeys, "a column of " + what, ctx);
    // A column ({name: ...}) or an expression ({expression: "lower(name)"}), not both.
    bool named = !is_missing(item["name"]), expression = !is_missing(item["expression"]);
    if (named == expression) {
        report(ctx, item,
               "a column of " + what + " needs either 'name' (a column) or 'expression'" +
                   (named ? ", not both" : ""));
        return std::nullopt;
    }
    if (expression) {
        auto sql = read_string(item, "expression", what, ctx, true);
        if (!sql) return std::nullopt;
        if (sql->find_first_not_of(" \t") == std::string::npos) {
            report(ctx, item["expression"], "'expression' of a column of " + what + " is empty");
            return std::nullopt;
        }
        e.expression = *sql;
    } else {
        auto name = read_name(item, "name", "a column of " + what, ctx);
        if (!name) return std::nullopt;
        e.column = *name;
    }
    if (auto order = read_string(item, "order", what, ctx)) {
        if (*order == "desc")
            e.order = SortOrder::Desc;
        else if (*order != "asc")
            report(ctx, item["order"],
                   "'order' of " + what + " must be asc or desc, got '" + *order + "'");
    }
    if (auto nulls = read_string(item, "nulls", what, ctx)) {
        if (*nulls == "first")
            e.nulls = NullsOrder::First;
        else if (*nulls == "last")
            e.nulls = NullsOrder::Last;
        else
            report(ctx, item["nulls"],
                   "'nulls' of " + what + " must be first or last, got '" + *nulls + "'");
    }
    e.opclass = read_string(item, "opclass", what, ctx).value_or("");
    e.length = read_positive_int(item, "length", "a column of " + what, ctx, 65535);
    if (e.length && expression)
        report(ctx, item["length"],
               "'length' of a column of " + what + " needs a column, not an expression");
    return e;
}

// The columns or expressions of an index; names the index when it has no name.
bool read_elements(const yaml::Node& node, Index& index, const std::string& what,
                   ParseContext& ctx) {
    bool has_columns = !is_missing(node["columns"]),
         has_expressions = !is_missing(node["expressions"]);
    if (has_columns == has_expressions) {
        report(
            ctx, node,
            what + " needs either 'columns' or 'expressions'" + (has_columns ? ", not both" : ""));
        return false;
    }
    if (has_expressions) {
        auto exprs = read_string_list(node, "expressions", what, ctx);
        if (!exprs) return false;
        for (const auto& x : *exprs) index.elements.push_back(IndexElement{"", x});
    } else if (!node["columns"].IsSequence()) {
        report(ctx, node["columns"], "'columns' of " + what + " must be a list");
        return false;
    } else {
        for (const auto& item : node["columns"])
            if (auto e = read_element(item, what, ctx)) index.elements.push_back(*e);
        if (index.elements.empty() && node["columns"].size() > 0) return false;  // each reported
    }
    if (index.elements.empty()) report(ctx, node, what + " has no columns");
    return !index.elements.empty();
}

std::vector<std::string> index_tokens(const Index& index) {
    std::vector<std::string> tokens;
    for (const auto& e : index.elements)
        tokens.push_back(e.is_expression() ? check_token(e.expression) : e.column);
    return tokens;
}

std::optional<std::vector<std::string>> read_columns(const yaml::Node& node, const std::string& key,
                                                     const std::string& what, ParseContext& ctx) {
    if (is_missing(node[key])) {
        report(ctx, node, what + " needs '" + key + "'");
        return std::nullopt;
    }
    auto cols = read_name_list(node, key, what, ctx, true);
    if (cols && cols->empty()) {
        report(ctx, node[key], "'" + key + "' of " + what + " is empty");
        return std::nullopt;
    }
    return cols;
}

}  // namespace

std::optional<Index> parse_index(const yaml::Node& node, const std::string& table,
                                 ParseContext& ctx) {
    return parse_index(node, table, ctx, {});
}

std::optional<Index> parse_index(const yaml::Node& node, const std::string& table,
                                 ParseContext& ctx, const std::vector<std::string>& extra_keys) {
    if (!expect_map(node, "an index of table '" + table + "'", ctx)) return std::nullopt;
    size_t before = ctx.diagnostics->size();
    auto name = is_missing(node["name"])
                    ? std::nullopt
                    : read_name(node, "name", "an index of table '" + table + "'", ctx);
    std::string what = named("index", name) + " of table '" + table + "'";
    std::vector<std::string> keys = kIndexKeys;
    keys.insert(keys.end(), extra_keys.begin(), extra_keys.end());
    check_keys(node, keys, what, ctx);
    Index index;
    read_elements(node, index, what, ctx);
    index.unique = read_bool(node, "unique", what, ctx).value_or(false);
    index.where = read_string(node, "where", what, ctx);
    index.method = read_string(node, "using", what, ctx).value_or("");
    index.name = name ? *name : ctx.naming->index_name(table, index_tokens(index));
    if (ctx.diagnostics->size() != before) return std::nullopt;
    return index;
}

std::optional<Enum> parse_enum(const yaml::Node& node, ParseContext& ctx) {
    if (!expect_map(node, "an enum", ctx)) return std::nullopt;
    size_t before = ctx.diagnostics->size();
    auto name = read_name(node, "name", "an enum", ctx);
    std::string what = named("enum", name);
    check_keys(node, {"name", "values", "schema"}, what, ctx);
    Enum e;
    e.name = name.value_or("");
    e.schema = read_name(node, "schema", what, ctx, false).value_or("");
    if (is_missing(node["values"])) report(ctx, node, what + " needs 'values'");
    if (auto values = read_string_list(node, "values", what, ctx)) {
        if (values->empty()) report(ctx, node["values"], what + " needs at least one value");
        std::set<std::string> seen;
        for (size_t i = 0; i < values->size(); ++i)
            if (!seen.insert((*values)[i]).second)
                report(ctx, node["values"][i],
                       "value '" + (*values)[i] + "' is listed twice in " + what);
        e.values = *values;
    }
    if (ctx.diagnostics->size() != before) return std::nullopt;
    return e;
}

namespace detail {

std::optional<UniqueConstraint> read_unique(const yaml::Node& node, const std::string& table,
                                            ParseContext& ctx) {
    if (!expect_map(node, "a unique constraint of table '" + table + "'", ctx)) return std::nullopt;
    auto name = is_missing(node["name"]) ? std::nullopt
                                         : read_name(node, "name", "a unique constraint", ctx);
    std::string what = named("unique constraint", name) + " of table '" + table + "'";
    check_keys(node, {"name", "columns"}, what, ctx);
    auto cols = read_columns(node, "columns", what, ctx);
    if (!cols) return std::nullopt;
    return UniqueConstraint{name ? *name : ctx.naming->unique_name(table, *cols), *cols};
}

std::optional<ForeignKey> read_foreign_key(const yaml::Node& node, const std::string& table,
                                           ParseContext& ctx) {
    if (!expect_map(node, "a foreign key of table '" + table + "'", ctx)) return std::nullopt;
    auto name =
        is_missing(node["name"]) ? std::nullopt : read_name(node, "name", "a foreign key", ctx);
    std::string what = named("foreign key", name) + " of table '" + table + "'";
    check_keys(node,
               {"name", "columns", "references_table", "references_columns", "references_schema",
                "on_delete", "on_update"},
               what, ctx);
    ForeignKey fk;
    auto cols = read_columns(node, "columns", what, ctx);
    auto ref_table = read_name(node, "references_table", what, ctx);
    auto ref_cols = read_columns(node, "references_columns", what, ctx);
    fk.referred_schema = read_name(node, "references_schema", what, ctx, false).value_or("");
    fk.on_delete = read_action(node, "on_delete", what, ctx).value_or("");
    fk.on_update = read_action(node, "on_update", what, ctx).value_or("");
    if (!cols || !ref_table || !ref_cols) return std::nullopt;
    if (cols->size() != ref_cols->size()) {
        report(ctx, node["references_columns"],
               what + " has " + std::to_string(cols->size()) + " column(s) but " +
                   std::to_string(ref_cols->size()) + " referenced column(s)");
        return std::nullopt;
    }
    fk.columns = *cols;
    fk.referred_table = *ref_table;
    fk.referred_columns = *ref_cols;
    fk.name = name ? *name : ctx.naming->foreign_key_name(table, *cols, *ref_table);
    return fk;
}

std::optional<CheckConstraint> read_check(const yaml::Node& node, const std::string& table,
                                          ParseContext& ctx) {
    if (!expect_map(node, "a check constraint of table '" + table + "'", ctx)) return std::nullopt;
    auto name = is_missing(node["name"]) ? std::nullopt
                                         : read_name(node, "name", "a check constraint", ctx);
    std::string what = named("check constraint", name) + " of table '" + table + "'";
    check_keys(node, {"name", "expression"}, what, ctx);
    auto expr = read_string(node, "expression", what, ctx, true);
    if (!expr) return std::nullopt;
    if (expr->find_first_not_of(" \t") == std::string::npos) {
        report(ctx, node["expression"], "'expression' of " + what + " is empty");
        return std::nullopt;
    }
    return CheckConstraint{name ? *name : ctx.naming->check_name(table, check_token(*expr)), *expr};
}

std::optional<PrimaryKey> read_primary_key(const yaml::Node& node, const std::string& table,
                                           ParseContext& ctx) {
    std::string what = "the primary key of table '" + table + "'";
    PrimaryKey pk;
    if (node.IsMap()) {
        check_keys(node, {"name", "columns"}, what, ctx);
        auto name = is_missing(node["name"]) ? std::nullopt : read_name(node, "name", what, ctx);
        auto cols = read_columns(node, "columns", what, ctx);
        if (!cols) return std::nullopt;
        pk.name = name.value_or(ctx.naming->primary_key_name(table));
        pk.columns = *cols;
        return pk;
    }
    if (node.IsScalar()) {
        if (!check_identifier(node.Scalar(), what, node, ctx)) return std::nullopt;
        pk.columns = {node.Scalar()};
    } else if (node.IsSequence()) {
        for (const auto& item : node) {
            if (!item.IsScalar())
                report(ctx, item, what + " must list column names");
            else if (check_identifier(item.Scalar(), what, item, ctx))
                pk.columns.push_back(item.Scalar());
            else
                return std::nullopt;
        }
    }
    if (pk.columns.empty()) {
        report(ctx, node, what + " must be a list of column names or {name, columns}");
        return std::nullopt;
    }
    pk.name = ctx.naming->primary_key_name(table);
    return pk;
}

}  // namespace detail

}  // namespace migrate
