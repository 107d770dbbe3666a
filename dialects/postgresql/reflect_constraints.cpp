#include <nlohmann/json.hpp>

#include "dialects/postgresql/normalize.h"
#include "dialects/postgresql/reflect.h"
#include "dialects/postgresql/reflect_queries.h"

namespace migrate::pg {

namespace {

struct Row {
    const QueryResult& r;
    const std::vector<SqlValue>& v;
    std::string str(const char* name) const { return v[r.column_index(name)].value_or(""); }
    std::optional<std::string> opt(const char* name) const { return v[r.column_index(name)]; }
    std::vector<std::string> names(const char* name) const {
        auto text = opt(name);
        if (!text) return {};
        return nlohmann::json::parse(*text).get<std::vector<std::string>>();
    }
};

std::string action(const std::string& code) {
    if (code == "c") return "cascade";
    if (code == "n") return "set null";
    if (code == "d") return "set default";
    if (code == "r") return "restrict";
    return "";  // 'a': no action, the default
}

void add_constraint(Table& t, const Row& row, const std::string& nsp) {
    std::string type = row.str("contype"), name = row.str("conname");
    if (type == "p") t.primary_key = PrimaryKey{name, row.names("columns")};
    if (type == "u") t.unique_constraints.push_back({name, row.names("columns")});
    if (type == "c") t.checks.push_back({name, normalize_expression(row.str("check_expr"))});
    if (type == "f") {
        ForeignKey fk;
        fk.name = name;
        fk.columns = row.names("columns");
        std::string ref_nsp = row.str("ref_schema");
        fk.referred_schema = ref_nsp == nsp ? "" : ref_nsp;
        fk.referred_table = row.str("ref_table");
        fk.referred_columns = row.names("ref_columns");
        fk.on_delete = action(row.str("confdeltype"));
        fk.on_update = action(row.str("confupdtype"));
        t.foreign_keys.push_back(std::move(fk));
    }
}

IndexElement index_element(const nlohmann::json& j) {
    IndexElement e;
    if (j["column"].is_string())
        e.column = j["column"].get<std::string>();
    else
        e.expression = normalize_expression(j["expression"].get<std::string>());
    if (j["opclass"].is_string()) e.opclass = j["opclass"].get<std::string>();
    int option = j["option"].is_number() ? j["option"].get<int>() : 0;
    bool desc = option & 1, nulls_first = option & 2;
    e.order = desc ? SortOrder::Desc : SortOrder::Asc;
    if (desc != nulls_first) e.nulls = nulls_first ? NullsOrder::First : NullsOrder::Last;
    return e;
}

}  // namespace

void reflect_constraints(ReflectState& s) {
    QueryResult r = s.query(queries::kConstraints);
    for (const auto& values : r.rows) {
        Row row{r, values};
        std::string nsp = row.str("nspname"), rel = row.str("relname"),
                    name = rel + "." + row.str("conname");
        Table* t = s.table(nsp, rel);
        if (!t) continue;
        if (row.str("contype") == "x") {
            not_managed(s, "exclusion constraint", nsp, rel, name);
            continue;
        }
        add_constraint(*t, row, nsp);
        if (row.str("condeferrable") == "t")
            not_managed(s, "deferrable constraint", nsp, rel, name);
        if (row.str("nulls_not_distinct") == "true")
            not_managed(s, "NULLS NOT DISTINCT constraint", nsp, rel, name);
    }
}

void reflect_indexes(ReflectState& s) {
    QueryResult r = s.query(queries::kIndexes);
    for (const auto& values : r.rows) {
        Row row{r, values};
        std::string nsp = row.str("nspname"), rel = row.str("relname");
        Table* t = s.table(nsp, rel);
        if (!t) continue;
        Index index;
        index.name = row.str("name");
        if (row.str("has_include") == "t")
            not_managed(s, "INCLUDE columns of index", nsp, rel, index.name);
        if (row.str("nulls_not_distinct") == "true")
            not_managed(s, "NULLS NOT DISTINCT index", nsp, rel, index.name);
        index.unique = row.str("indisunique") == "t";
        std::string method = row.str("amname");
        index.method = method == "btree" ? "" : method;
        if (auto pred = row.opt("predicate")) index.where = normalize_expression(*pred);
        if (auto elements = row.opt("elements"))
            for (const auto& j : nlohmann::json::parse(*elements))
                index.elements.push_back(index_element(j));
        t->indexes.push_back(std::move(index));
    }
}

void reflect_enums(ReflectState& s) {
    QueryResult r = s.query(queries::kEnums);
    for (const auto& values : r.rows) {
        Row row{r, values};
        s.result.schema.enums.push_back(
            {model_schema(row.str("nspname")), row.str("typname"), row.names("labels")});
    }
}

void reflect_routines(ReflectState& s) {
    QueryResult r = s.query(queries::kRoutines);
    for (const auto& values : r.rows) {
        Row row{r, values};
        std::string nsp = row.str("nspname");
        s.result.unmanaged.push_back(
            {row.str("kind"), (nsp == "public" ? "" : nsp + ".") + row.str("name")});
    }
}

}  // namespace migrate::pg
