// JSON rendering of the schema model (cli/schema_json.h).

#include "cli/schema_json.h"

namespace migrate::cli {

namespace {

using nlohmann::json;

template <typename T>
void put_optional(json& j, const char* key, const std::optional<T>& value) {
    if (value) j[key] = *value;
}

json column_json(const Column& c) {
    json j = {{"name", c.name}, {"type", c.type.to_string()}, {"nullable", c.nullable}};
    if (c.autoincrement) j["autoincrement"] = true;
    put_optional(j, "server_default", c.server_default);
    put_optional(j, "comment", c.comment);
    put_optional(j, "collation", c.collation);
    put_optional(j, "renamed_from", c.renamed_from);
    put_optional(j, "fill", c.fill);
    return j;
}

json element_json(const IndexElement& e) {
    json j = e.is_expression() ? json{{"expression", e.expression}} : json{{"name", e.column}};
    if (e.order == SortOrder::Desc) j["order"] = "desc";
    if (e.nulls != NullsOrder::Default)
        j["nulls"] = e.nulls == NullsOrder::First ? "first" : "last";
    if (!e.opclass.empty()) j["opclass"] = e.opclass;
    if (e.length) j["length"] = *e.length;
    return j;
}

json index_json(const Index& i) {
    json elements = json::array();
    for (const auto& e : i.elements) elements.push_back(element_json(e));
    json j = {{"name", i.name}, {"elements", elements}, {"unique", i.unique}};
    put_optional(j, "where", i.where);
    if (!i.method.empty()) j["using"] = i.method;
    return j;
}

json foreign_key_json(const ForeignKey& f) {
    json j = {{"name", f.name},
              {"columns", f.columns},
              {"references_table", f.referred_table},
              {"references_columns", f.referred_columns}};
    if (!f.referred_schema.empty()) j["references_schema"] = f.referred_schema;
    if (!f.on_delete.empty()) j["on_delete"] = f.on_delete;
    if (!f.on_update.empty()) j["on_update"] = f.on_update;
    return j;
}

}  // namespace

json table_to_json(const Table& t) {
    json j = {{"name", t.name}};
    if (!t.schema.empty()) j["schema"] = t.schema;
    put_optional(j, "comment", t.comment);
    put_optional(j, "renamed_from", t.renamed_from);
    if (t.sqlite_autoincrement) j["sqlite_autoincrement"] = true;
    j["columns"] = json::array();
    for (const auto& c : t.columns) j["columns"].push_back(column_json(c));
    if (t.primary_key)
        j["primary_key"] = {{"name", t.primary_key->name}, {"columns", t.primary_key->columns}};
    j["indexes"] = json::array();
    for (const auto& i : t.indexes) j["indexes"].push_back(index_json(i));
    j["unique_constraints"] = json::array();
    for (const auto& u : t.unique_constraints)
        j["unique_constraints"].push_back({{"name", u.name}, {"columns", u.columns}});
    j["foreign_keys"] = json::array();
    for (const auto& f : t.foreign_keys) j["foreign_keys"].push_back(foreign_key_json(f));
    j["checks"] = json::array();
    for (const auto& c : t.checks)
        j["checks"].push_back({{"name", c.name}, {"expression", c.expression}});
    return j;
}

namespace {

// Only the settings given, as in a model file.
json sequence_json(const Sequence& q) {
    json j = {{"name", q.name}};
    if (!q.schema.empty()) j["schema"] = q.schema;
    auto number = [&](const char* key, const std::optional<std::int64_t>& v) {
        if (v) j[key] = *v;
    };
    number("start", q.start);
    number("increment", q.increment);
    number("min_value", q.min_value);
    number("max_value", q.max_value);
    number("cache", q.cache);
    if (q.cycle) j["cycle"] = true;
    if (q.owned_by) j["owned_by"] = *q.owned_by;
    return j;
}

}  // namespace

json schema_to_json(const Schema& schema) {
    json enums = json::array();
    for (const auto& e : schema.enums) {
        json j = {{"name", e.name}, {"values", e.values}};
        if (!e.schema.empty()) j["schema"] = e.schema;
        enums.push_back(j);
    }
    json sequences = json::array();
    for (const auto& q : schema.sequences) sequences.push_back(sequence_json(q));
    json tables = json::array();
    for (const auto& t : schema.tables) tables.push_back(table_to_json(t));
    return {{"enums", enums}, {"sequences", sequences}, {"tables", tables}};
}

}  // namespace migrate::cli
