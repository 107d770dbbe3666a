// MySQL/MariaDB reflection of tables and columns, and the whole run (see reflect.h).
#include "dialects/mysql/reflect.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <tuple>

#include "dialects/mysql/normalize.h"
#include "dialects/mysql/reflect_queries.h"
#include "dialects/mysql/types.h"

namespace migrate::mysql {

Table* ReflectState::table(const std::string& name) {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : &it->second;
}

SqlValue Row::get(const char* name) const {
    for (size_t i = 0; i < r.columns.size(); ++i)
        if (r.columns[i] == name) return v[i];
    return std::nullopt;
}

void not_managed(ReflectState& state, const std::string& kind, const std::string& table,
                 const std::string& what) {
    state.result.unmanaged.push_back({kind, what, table});
}

namespace {

bool matches_any(const std::vector<std::string>& globs, const std::string& name) {
    for (const auto& g : globs)
        if (fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
    return false;
}

std::optional<std::string> non_empty(const SqlValue& v) {
    if (!v || v->empty()) return std::nullopt;
    return v;
}

void read_tables(ReflectState& s, const ReflectOptions& options) {
    QueryResult r = s.connection.query(queries::kTables);
    for (const auto& values : r.rows) {
        Row row{r, values};
        std::string name = row.str("TABLE_NAME"), type = row.str("TABLE_TYPE");
        if (matches_any(options.hidden_tables, name)) continue;
        if (type == "VIEW" || type == "SYSTEM VIEW") {
            s.result.unmanaged.push_back({"view", name});
            continue;
        }
        if (type == "SEQUENCE") {
            s.result.unmanaged.push_back({"sequence", name});
            continue;
        }
        if (type != "BASE TABLE" && type != "SYSTEM VERSIONED") continue;
        if (matches_any(options.exclude_tables, name)) {
            s.result.unmanaged.push_back({"excluded table", name});
            continue;
        }
        // A table's default collation only matters to columns added later; the models
        // have no table options, so one other than migrate's is listed.
        if (auto collation = non_empty(row.get("TABLE_COLLATION"));
            collation && collation != row.get("DEFAULT_COLLATION"))
            not_managed(s, "table collation", name, name);
        Table t;
        t.name = name;
        t.comment = non_empty(row.get("TABLE_COMMENT"));
        s.tables.emplace(name, std::move(t));
    }
}

bool contains(const std::string& text, const char* what) {
    std::string lower = text;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find(what) != std::string::npos;
}

void read_columns(ReflectState& s) {
    QueryResult r = s.connection.query(queries::kColumns);
    for (const auto& values : r.rows) {
        Row row{r, values};
        Table* t = s.table(row.str("TABLE_NAME"));
        if (!t) continue;
        Column c;
        c.name = row.str("COLUMN_NAME");
        c.type = type_from_catalog(row.str("COLUMN_TYPE"), row.str("DATA_TYPE"));
        c.nullable = row.str("IS_NULLABLE") == "YES";
        c.comment = non_empty(row.get("COLUMN_COMMENT"));
        // The collation (which implies the character set) when not utf8mb4's default.
        if (auto collation = non_empty(row.get("COLLATION_NAME"));
            collation && collation != row.get("DEFAULT_COLLATION"))
            c.collation = collation;
        std::string data_type = row.str("DATA_TYPE");
        if (contains(data_type, "text") || contains(data_type, "blob")) {
            int maxlen = std::atoi(row.str("CHARSET_MAXLEN").c_str());
            s.text_columns[{row.str("TABLE_NAME"), c.name}] = maxlen > 0 ? maxlen : 1;
        }
        std::string extra = row.str("EXTRA");
        c.autoincrement = contains(extra, "auto_increment");
        bool generated =
            contains(extra, "virtual generated") || contains(extra, "stored generated") ||
            contains(extra, "persistent generated") || row.str("IS_GENERATED") == "ALWAYS";
        if (generated)
            not_managed(s, "generated column", t->name, t->name + "." + c.name);
        else if (!c.autoincrement)
            c.server_default = normalize_default(row.get("COLUMN_DEFAULT"), c.type);
        if (contains(extra, "on update"))
            not_managed(s, "on update clause", t->name, t->name + "." + c.name);
        t->columns.push_back(std::move(c));
    }
}

}  // namespace

Reflection reflect(Connection& connection, const ReflectOptions& options) {
    ReflectState s{connection, {}, {}};
    read_tables(s, options);
    read_columns(s);
    reflect_checks(s);  // before indexes: a JSON column's implicit check sets its type
    reflect_indexes(s);
    reflect_foreign_keys(s);
    reflect_triggers_and_routines(s);
    for (auto& [name, table] : s.tables) s.result.schema.tables.push_back(std::move(table));
    s.result.schema.sort();
    std::sort(s.result.unmanaged.begin(), s.result.unmanaged.end(),
              [](const auto& a, const auto& b) {
                  return std::tie(a.kind, a.name) < std::tie(b.kind, b.name);
              });
    return std::move(s.result);
}

}  // namespace migrate::mysql
