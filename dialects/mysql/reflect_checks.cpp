// MySQL/MariaDB reflection of check constraints, and of the triggers and routines listed
// as not managed (see reflect.h).
#include <algorithm>

#include "dialects/mysql/normalize.h"
#include "dialects/mysql/quote.h"
#include "dialects/mysql/reflect.h"
#include "dialects/mysql/reflect_queries.h"
#include "dialects/mysql/types.h"

namespace migrate::mysql {

namespace {

// MariaDB keeps a JSON column as LONGTEXT with a column-level check json_valid(`c`)
// named after the column: that check is the type, not a constraint of the models.
bool is_json_check(Table& t, const std::string& name, const std::string& clause) {
    Column* c = t.find_column(name);
    if (!c) return false;
    if (clause != "json_valid(" + quote_identifier(name) + ")") return false;
    c->type = type_from_catalog("json", "json");
    return true;
}

}  // namespace

void reflect_checks(ReflectState& s) {
    QueryResult r = s.connection.query(queries::kChecks);
    bool per_table = std::find(r.columns.begin(), r.columns.end(), "TABLE_NAME") != r.columns.end();
    if (!per_table) r = s.connection.query(queries::kChecksByTable);
    for (const auto& values : r.rows) {
        Row row{r, values};
        Table* t = s.table(row.str("TABLE_NAME"));
        if (!t) continue;
        std::string name = row.str("CONSTRAINT_NAME"), clause = row.str("CHECK_CLAUSE");
        if (row.str("LEVEL") == "Column" && is_json_check(*t, name, clause)) continue;
        t->checks.push_back({name, normalize_expression(clause)});
    }
}

void reflect_triggers_and_routines(ReflectState& s) {
    QueryResult triggers = s.connection.query(queries::kTriggers);
    for (const auto& values : triggers.rows) {
        Row row{triggers, values};
        s.result.unmanaged.push_back(
            {"trigger", row.str("TRIGGER_NAME"), row.str("EVENT_OBJECT_TABLE")});
    }
    QueryResult routines = s.connection.query(queries::kRoutines);
    for (const auto& values : routines.rows) {
        Row row{routines, values};
        s.result.unmanaged.push_back(
            {row.str("ROUTINE_TYPE") == "PROCEDURE" ? "procedure" : "function",
             row.str("ROUTINE_NAME")});
    }
}

}  // namespace migrate::mysql
