#pragma once
// PostgreSQL reflection: the whole database (the included schemas) read into the schema
// model with a fixed set of bulk catalog queries (reflect_queries.h). reflect.cpp reads
// relations and columns; reflect_constraints.cpp reads constraints, indexes, enums and
// the objects models cannot express; reflect_sequences.cpp reads sequences.

#include <map>
#include <string>
#include <utility>

#include "core/dialect/dialect.h"

namespace migrate::pg {

Reflection reflect(Connection& connection, const ReflectOptions& options);

// Shared between the reflection files.
struct ReflectState {
    Connection& connection;
    std::string schemas_param;                                    // JSON array for $1
    std::map<std::pair<std::string, std::string>, Table> tables;  // keyed by (nspname, relname)
    Reflection result;

    Table* table(const std::string& nspname, const std::string& relname);
    QueryResult query(const char* sql);
};

// "" for public (the default schema), else the schema name.
std::string model_schema(const std::string& nspname);
// "name" in public, else "schema.name", as "not managed" lists objects.
std::string display_name(const std::string& nspname, const std::string& name);
// Lists something the models cannot carry (an exclusion constraint, a generated
// column, ...) of table `relname` as not managed.
void not_managed(ReflectState& state, const std::string& kind, const std::string& nspname,
                 const std::string& relname, const std::string& what);

void reflect_constraints(ReflectState& state);
void reflect_indexes(ReflectState& state);
void reflect_enums(ReflectState& state);
void reflect_routines(ReflectState& state);
// Standalone sequences into the schema; those owned by an autoincrement or identity
// column are left out (reflect_sequences.cpp).
void reflect_sequences(ReflectState& state);

}  // namespace migrate::pg
