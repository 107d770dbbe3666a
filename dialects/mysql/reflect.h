#pragma once
// MySQL/MariaDB reflection: the current database (DATABASE() of the connection) read into
// the schema model from information_schema with a fixed set of bulk queries
// (reflect_queries.h), whatever the number of tables. reflect.cpp reads tables and
// columns; reflect_keys.cpp reads indexes, keys, checks and the objects models cannot
// express (views, triggers, routines, sequences, generated columns).

#include <map>
#include <string>
#include <utility>

#include "core/dialect/dialect.h"

namespace migrate::mysql {

Reflection reflect(Connection& connection, const ReflectOptions& options);

// Shared between the reflection files.
struct ReflectState {
    Connection& connection;
    std::map<std::string, Table> tables;  // keyed by table name
    Reflection result;
    // TEXT and BLOB columns, keyed (table, column): the bytes per character. An index
    // over such a column always has a prefix length; MariaDB picks the longest one the
    // row format allows for an index declared over the whole column.
    std::map<std::pair<std::string, std::string>, int> text_columns;

    Table* table(const std::string& name);
};

// One row of a QueryResult, by column name.
struct Row {
    const QueryResult& r;
    const std::vector<SqlValue>& v;
    // The value of column `name`; nullopt when NULL or when the server has no such
    // column (information_schema differs between MySQL and MariaDB versions).
    SqlValue get(const char* name) const;
    std::string str(const char* name) const { return get(name).value_or(""); }
};

// Lists something of table `table` that the models cannot carry as not managed.
void not_managed(ReflectState& state, const std::string& kind, const std::string& table,
                 const std::string& what);

void reflect_indexes(ReflectState& state);
void reflect_foreign_keys(ReflectState& state);
void reflect_checks(ReflectState& state);
void reflect_triggers_and_routines(ReflectState& state);

}  // namespace migrate::mysql
