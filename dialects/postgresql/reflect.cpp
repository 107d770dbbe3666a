#include "dialects/postgresql/reflect.h"

#include <fnmatch.h>

#include <nlohmann/json.hpp>

#include "dialects/postgresql/normalize.h"
#include "dialects/postgresql/reflect_queries.h"
#include "dialects/postgresql/types.h"

namespace migrate::pg {

std::string model_schema(const std::string& nspname) { return nspname == "public" ? "" : nspname; }

std::string display_name(const std::string& nspname, const std::string& name) {
    return nspname == "public" ? name : nspname + "." + name;
}

void not_managed(ReflectState& state, const std::string& kind, const std::string& nspname,
                 const std::string& relname, const std::string& what) {
    state.result.unmanaged.push_back({kind, display_name(nspname, what), relname});
}

Table* ReflectState::table(const std::string& nspname, const std::string& relname) {
    auto it = tables.find({nspname, relname});
    return it == tables.end() ? nullptr : &it->second;
}

QueryResult ReflectState::query(const char* sql) { return connection.query(sql, {schemas_param}); }

namespace {

struct Row {
    const QueryResult& r;
    const std::vector<SqlValue>& v;
    const SqlValue& operator[](const char* name) const { return v[r.column_index(name)]; }
    std::string str(const char* name) const { return (*this)[name].value_or(""); }
    bool flag(const char* name) const { return str(name) == "t"; }
};

bool matches_any(const std::vector<std::string>& globs, const std::string& nspname,
                 const std::string& name) {
    std::string qualified = nspname + "." + name;
    for (const auto& g : globs)
        if (fnmatch(g.c_str(), name.c_str(), 0) == 0 ||
            fnmatch(g.c_str(), qualified.c_str(), 0) == 0)
            return true;
    return false;
}

void read_relations(ReflectState& s, const ReflectOptions& options) {
    QueryResult r = s.query(queries::kRelations);
    for (const auto& values : r.rows) {
        Row row{r, values};
        std::string nsp = row.str("nspname"), name = row.str("relname"), kind = row.str("relkind");
        if (matches_any(options.hidden_tables, nsp, name)) continue;
        std::string shown = display_name(nsp, name);
        if (kind == "v") s.result.unmanaged.push_back({"view", shown});
        if (kind == "m") s.result.unmanaged.push_back({"materialized view", shown});
        if (kind != "r" && kind != "p") continue;
        if (matches_any(options.exclude_tables, nsp, name)) {
            s.result.unmanaged.push_back({"excluded table", shown});
            continue;
        }
        Table t;
        t.schema = model_schema(nsp);
        t.name = name;
        t.comment = row["comment"];
        s.tables.emplace(std::make_pair(nsp, name), std::move(t));
    }
}

ColumnType column_type(const Row& row, const std::string& table_nsp) {
    if (row.str("typtype") != "e") return type_from_catalog(row.str("type"));
    ColumnType t;
    t.kind = TypeKind::Enum;
    std::string type_nsp = row.str("type_schema");
    t.name = (type_nsp == table_nsp || type_nsp == "public") ? row.str("typname")
                                                             : type_nsp + "." + row.str("typname");
    return t;
}

void read_columns(ReflectState& s) {
    QueryResult r = s.query(queries::kColumns);
    for (const auto& values : r.rows) {
        Row row{r, values};
        std::string nsp = row.str("nspname");
        Table* t = s.table(nsp, row.str("relname"));
        if (!t) continue;
        Column c;
        c.name = row.str("attname");
        c.type = column_type(row, nsp);
        c.nullable = !row.flag("attnotnull");
        c.comment = row["comment"];
        c.collation = row["collation"];
        std::string identity = row.str("attidentity");
        std::optional<std::string> def = row["default_expr"];
        bool serial = def && def->rfind("nextval(", 0) == 0 && row["owned_sequence"].has_value();
        c.autoincrement = identity == "a" || identity == "d" || serial;
        // A generated column's expression is no default: the column is kept, plain. So is
        // a serial made nullable (autoincrement columns are NOT NULL in the models).
        if (row.str("attgenerated") == "s") {
            not_managed(s, "generated column", nsp, t->name, t->name + "." + c.name);
        } else if (c.autoincrement && c.nullable) {
            c.autoincrement = false;
            not_managed(s, "nullable serial column", nsp, t->name, t->name + "." + c.name);
        } else if (!c.autoincrement) {
            c.server_default = normalize_default(def, c.type);
        }
        t->columns.push_back(std::move(c));
    }
}

}  // namespace

Reflection reflect(Connection& connection, const ReflectOptions& options) {
    std::vector<std::string> schemas = options.include_schemas;
    if (schemas.empty()) schemas.push_back("public");
    ReflectState s{connection, nlohmann::json(schemas).dump(), {}, {}};
    read_relations(s, options);
    read_columns(s);
    reflect_constraints(s);
    reflect_indexes(s);
    reflect_enums(s);
    reflect_routines(s);
    reflect_sequences(s);  // last: whether a column is autoincrement is settled
    for (auto& [key, table] : s.tables) s.result.schema.tables.push_back(std::move(table));
    s.result.schema.sort();
    std::sort(s.result.unmanaged.begin(), s.result.unmanaged.end(),
              [](const auto& a, const auto& b) {
                  return std::tie(a.kind, a.name) < std::tie(b.kind, b.name);
              });
    return std::move(s.result);
}

}  // namespace migrate::pg
