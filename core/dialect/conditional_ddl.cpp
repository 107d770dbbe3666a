// IF NOT EXISTS / IF EXISTS in rendered DDL (conditional_ddl.h).

#include "core/dialect/conditional_ddl.h"

namespace migrate {

std::string add_clause_after(const std::string& sql, const std::string& keyword,
                             const std::string& clause) {
    std::string key = keyword + " ";
    size_t at = sql.find(key);
    if (at == std::string::npos) return sql;
    at += key.size();
    static const std::string concurrently = "CONCURRENTLY ";
    if (sql.compare(at, concurrently.size(), concurrently) == 0) at += concurrently.size();
    return sql.substr(0, at) + clause + " " + sql.substr(at);
}

std::vector<std::string> create_if_not_exists(std::vector<std::string> statements) {
    for (auto& sql : statements) {
        if (sql.starts_with("CREATE TABLE "))
            sql = add_clause_after(sql, "TABLE", "IF NOT EXISTS");
        else if (sql.starts_with("CREATE ") && sql.find(" INDEX ") != std::string::npos &&
                 sql.find(" INDEX ") < sql.find(" ON "))
            sql = add_clause_after(sql, "INDEX", "IF NOT EXISTS");
    }
    return statements;
}

}  // namespace migrate
