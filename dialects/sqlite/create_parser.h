#pragma once
// Reads what the pragmas do not report from stored CREATE statements, with the
// tokenizer: constraint names, check expressions, COLLATE, AUTOINCREMENT, DEFERRABLE,
// WITHOUT ROWID, STRICT (CREATE TABLE), and index elements, sort order and predicates
// (CREATE INDEX).

#include <optional>
#include <string>
#include <vector>

#include "core/schema/schema.h"

namespace migrate::sqlite {

struct ParsedConstraint {
    std::string name;                  // "" when unnamed
    std::vector<std::string> columns;  // PRIMARY KEY / UNIQUE / FOREIGN KEY columns
    std::string expression;            // CHECK
    bool deferrable = false;           // FOREIGN KEY ... DEFERRABLE
};

struct ParsedColumn {
    std::string name;
    std::optional<std::string> collation;
    bool autoincrement = false;
};

struct ParsedTable {
    std::vector<ParsedColumn> columns;
    std::optional<ParsedConstraint> primary_key;
    std::vector<ParsedConstraint> uniques, foreign_keys, checks;
    bool without_rowid = false;
    bool strict = false;
};

ParsedTable parse_create_table(const std::string& sql);

// Elements, uniqueness and WHERE of a CREATE INDEX; the name is the caller's.
Index parse_create_index(const std::string& sql);

}  // namespace migrate::sqlite
