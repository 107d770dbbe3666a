// Columns and column types of model files (core/model/model_parse.h): the column keys, the
// shorthands (unique, index, references) and the near-miss check for type names.

#include <algorithm>
#include <cctype>
#include <set>

#include "core/model/model_parse_internal.h"
#include "core/yaml/yaml_read.h"

namespace migrate {

namespace {

const std::vector<std::string> kColumnKeys = {
    "name",      "type",    "nullable",       "primary_key", "autoincrement",
    "unique",    "index",   "server_default", "references",  "on_delete",
    "on_update", "comment", "renamed_from",   "collation",   "fill"};

const std::vector<std::string> kPortableTypes = {
    "integer", "bigint", "smallint", "string", "text", "boolean", "date", "datetime", "time",
    "numeric", "float",  "double",   "binary", "uuid", "json",    "enum", "interval"};

// Dialect types that sit within a typo's distance of a portable name but are real.
const std::set<std::string> kKnownDialectTypes = {
    "jsonb",     "timetz",      "citext",    "line",        "path",    "name",    "oid",
    "float4",    "float8",      "int2",      "int4",        "int8",    "xid",     "cid",
    "tid",       "bit",         "box",       "point",       "lseg",    "bool",    "real",
    "char",      "bytea",       "inet",      "cidr",        "money",   "xml",     "serial",
    "bigserial", "smallserial", "timestamp", "timestamptz", "varchar", "decimal", "blob",
    "clob",      "tinyint",     "mediumint", "datetime2",   "bpchar"};

const std::vector<std::string> kActions = {"cascade", "set null", "set default", "restrict",
                                           "no action"};

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The bare type name: "interger" from "Interger(4)", "strng" from "strng[]".
std::string base_name(const std::string& text) {
    std::string base = lower(text.substr(0, text.find('(')));
    while (base.size() >= 2 && base.compare(base.size() - 2, 2, "[]") == 0)
        base.resize(base.size() - 2);
    size_t b = base.find_first_not_of(' '), e = base.find_last_not_of(' ');
    return b == std::string::npos ? "" : base.substr(b, e - b + 1);
}

// A dialect type whose name is a near miss of a portable one ("interger") is a typo.
bool report_near_miss(const ColumnType& type, const yaml::Node& node, ParseContext& ctx) {
    std::string base = base_name(type.name);
    if (kKnownDialectTypes.count(base)) return false;
    if (std::find(kPortableTypes.begin(), kPortableTypes.end(), base) != kPortableTypes.end())
        return false;
    std::string best = closest_match(base, kPortableTypes);
    if (best.empty()) return false;
    report(ctx, node, "unknown type '" + type.name + "' (did you mean '" + best + "'?)");
    return true;
}

// "table.column" or "schema.table.column" into a one-column foreign key.
std::optional<ForeignKey> read_references(const yaml::Node& column, const std::string& column_name,
                                          ParseContext& ctx) {
    auto text = read_string(column, "references", "column '" + column_name + "'", ctx);
    if (!text) return std::nullopt;
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t dot = text->find('.');; dot = text->find('.', start)) {
        parts.push_back(text->substr(start, dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    bool empty_part =
        std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); });
    if (parts.size() < 2 || parts.size() > 3 || empty_part) {
        report(ctx, column["references"],
               "'references' of column '" + column_name +
                   "' must be table.column or "
                   "schema.table.column, got '" +
                   *text + "'");
        return std::nullopt;
    }
    for (const auto& part : parts)
        if (!check_identifier(part, "'references' of column '" + column_name + "'",
                              column["references"], ctx))
            return std::nullopt;
    ForeignKey fk;
    fk.columns = {column_name};
    if (parts.size() == 3) fk.referred_schema = parts[0];
    fk.referred_table = parts[parts.size() - 2];
    fk.referred_columns = {parts.back()};
    return fk;
}

// Fills in the table-level objects that the column's shorthands imply.
void expand_shorthands(detail::ColumnDraft& d, const yaml::Node& node, const std::string& table,
                       ParseContext& ctx) {
    const std::string what = "column '" + d.parsed.column.name + "'";
    const std::vector<std::string> cols = {d.parsed.column.name};
    bool unique = read_bool(node, "unique", what, ctx).value_or(false);
    bool index = read_bool(node, "index", what, ctx).value_or(false);
    if (index) {
        d.parsed.index =
            Index{ctx.naming->index_name(table, cols), {IndexElement{cols[0]}}, unique};
    } else if (unique) {
        d.parsed.unique = UniqueConstraint{ctx.naming->unique_name(table, cols), cols};
    }
    auto on_delete = detail::read_action(node, "on_delete", what, ctx);
    auto on_update = detail::read_action(node, "on_update", what, ctx);
    if (!is_missing(node["references"])) {
        auto fk = read_references(node, d.parsed.column.name, ctx);
        if (!fk) return;
        fk->name = ctx.naming->foreign_key_name(table, cols, fk->referred_table);
        fk->on_delete = on_delete.value_or("");
        fk->on_update = on_update.value_or("");
        d.parsed.foreign_key = std::move(fk);
    } else {
        for (const char* key : {"on_delete", "on_update"})
            if (!is_missing(node[key]))
                report(ctx, node[key],
                       std::string("'") + key + "' of " + what + " needs 'references'");
    }
}

}  // namespace

namespace {

// The key a flow mapping made of a type's second parameter ("4)" of numeric(10,4)).
std::optional<std::string> split_parameter(const yaml::Node& map) {
    if (!map.IsMap()) return std::nullopt;
    for (const auto& entry : map) {
        if (!entry.first.IsScalar() || !is_missing(entry.second)) continue;
        std::string key = entry.first.Scalar();
        size_t digits = key.find_first_not_of(" 0123456789");
        if (digits > 0 && digits != std::string::npos && key.substr(digits) == ")") return key;
    }
    return std::nullopt;
}

}  // namespace

std::optional<ColumnType> parse_type_node(const yaml::Node& node, ParseContext& ctx,
                                          const yaml::Node& map) {
    if (is_missing(node)) {
        report(ctx, node, "missing type");
        return std::nullopt;
    }
    if (!node.IsScalar()) {
        report(ctx, node, "a type must be a string such as integer or string(50)");
        return std::nullopt;
    }
    if (!check_no_nul(node.Scalar(), "a type", node, ctx)) return std::nullopt;
    std::string error;
    auto type = parse_type(node.Scalar(), &error);
    if (!type) {
        size_t scale = error.find("<scale>)");
        if (auto rest = split_parameter(map); rest && scale != std::string::npos)
            error.replace(scale, 8, *rest);
        report(ctx, node, error);
        return std::nullopt;
    }
    if (type->kind == TypeKind::Dialect && report_near_miss(*type, node, ctx)) return std::nullopt;
    return type;
}

namespace detail {

std::optional<std::string> read_action(const yaml::Node& map, const std::string& key,
                                       const std::string& what, ParseContext& ctx) {
    auto text = read_string(map, key, what, ctx);
    if (!text) return std::nullopt;
    std::string action;
    for (char c : lower(*text)) {
        char ch = (c == '_' || c == '-') ? ' ' : c;
        if (ch == ' ' && (action.empty() || action.back() == ' ')) continue;
        action += ch;
    }
    while (!action.empty() && action.back() == ' ') action.pop_back();
    if (std::find(kActions.begin(), kActions.end(), action) != kActions.end()) return action;
    report(ctx, map[key],
           "'" + key + "' of " + what + " is '" + *text + "'; expected one of " +
               quoted_list(kActions) + did_you_mean(action, kActions));
    return std::nullopt;
}

std::optional<ColumnDraft> read_column(const yaml::Node& node, const std::string& table,
                                       ParseContext& ctx) {
    if (!expect_map(node, "a column of table '" + table + "'", ctx)) return std::nullopt;
    auto name = read_name(node, "name", "a column of table '" + table + "'", ctx);
    std::string what = "column '" + name.value_or("?") + "' of table '" + table + "'";
    check_keys(node, kColumnKeys, what, ctx);
    if (!name) return std::nullopt;

    ColumnDraft d;
    d.node = node;
    Column& c = d.parsed.column;
    c.name = *name;
    if (is_missing(node["type"])) {
        report(ctx, node, what + " needs a 'type'");
        d.type_ok = false;
    } else if (auto type = parse_type_node(node["type"], ctx, node)) {
        c.type = *type;
    } else {
        d.type_ok = false;
    }
    d.nullable = read_bool(node, "nullable", what, ctx);
    d.autoincrement = read_bool(node, "autoincrement", what, ctx);
    d.parsed.primary_key = read_bool(node, "primary_key", what, ctx).value_or(false);
    c.nullable = d.nullable.value_or(true);
    const yaml::Node def = node["server_default"];
    if (!is_missing(def)) c.server_default = read_string(node, "server_default", what, ctx);
    c.comment = read_string(node, "comment", what, ctx);
    c.collation = read_string(node, "collation", what, ctx);
    if (!is_missing(node["renamed_from"]))
        c.renamed_from = read_name(node, "renamed_from", what, ctx);
    if (!is_missing(node["fill"])) c.fill = read_string(node, "fill", what, ctx);
    expand_shorthands(d, node, table, ctx);
    return d;
}

void settle_primary_key(std::vector<ColumnDraft>& columns,
                        const std::vector<std::string>& pk_columns,
                        const std::vector<ForeignKey>& foreign_keys, ParseContext& ctx) {
    auto in_pk = [&](const std::string& n) {
        return std::find(pk_columns.begin(), pk_columns.end(), n) != pk_columns.end();
    };
    auto has_fk = [&](const std::string& n) {
        return std::any_of(foreign_keys.begin(), foreign_keys.end(), [&](const ForeignKey& fk) {
            return std::find(fk.columns.begin(), fk.columns.end(), n) != fk.columns.end();
        });
    };
    for (auto& d : columns) {
        Column& c = d.parsed.column;
        const yaml::Node& node = d.node;
        bool pk = in_pk(c.name);
        bool integer = is_integer_kind(c.type.kind);
        bool can_autoincrement = is_integer_type(c.type);  // also "int unsigned", "tinyint"
        if (d.autoincrement.value_or(false) && !can_autoincrement && d.type_ok) {
            report(ctx, node["autoincrement"],
                   "column '" + c.name +
                       "' has autoincrement: true, which needs an "
                       "integer type (integer, bigint or smallint)");
        }
        // Any integer column may autoincrement; the one-column integer key does by default.
        bool sole_integer_pk = pk && pk_columns.size() == 1 && integer;
        c.autoincrement =
            can_autoincrement && d.autoincrement.value_or(sole_integer_pk && !has_fk(c.name));
        if (d.nullable.value_or(false) && (pk || c.autoincrement)) {
            report(ctx, node["nullable"],
                   std::string(pk ? "primary key" : "autoincrement") + " column '" + c.name +
                       "' cannot be nullable");
        }
        if (pk || c.autoincrement) c.nullable = false;
    }
}

}  // namespace detail

std::optional<ParsedColumn> parse_column(const yaml::Node& node, const std::string& table,
                                         ParseContext& ctx) {
    size_t before = ctx.diagnostics->size();
    auto draft = detail::read_column(node, table, ctx);
    if (!draft) return std::nullopt;
    std::vector<detail::ColumnDraft> one{*draft};
    std::vector<std::string> pk;
    if (draft->parsed.primary_key) pk.push_back(draft->parsed.column.name);
    std::vector<ForeignKey> fks;
    if (draft->parsed.foreign_key) fks.push_back(*draft->parsed.foreign_key);
    detail::settle_primary_key(one, pk, fks, ctx);
    if (ctx.diagnostics->size() != before) return std::nullopt;
    return one.front().parsed;
}

}  // namespace migrate
