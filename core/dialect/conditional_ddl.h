#pragma once
// IF NOT EXISTS / IF EXISTS in rendered DDL, for the dialects that support them
// (create_table, create_index and add_column `if_not_exists`; drop_table, drop_index and
// drop_column `if_exists`). The clause goes after the statement's keyword ("TABLE",
// "INDEX", "ADD COLUMN", "DROP COLUMN") and after a CONCURRENTLY that follows it, where
// PostgreSQL, MariaDB and SQLite all place it.

#include <string>
#include <vector>

namespace migrate {

// `sql` with `clause` inserted after the first `keyword` (and a CONCURRENTLY after it);
// unchanged when `sql` has no such keyword.
std::string add_clause_after(const std::string& sql, const std::string& keyword,
                             const std::string& clause);

// A create_table's statements with IF NOT EXISTS on each CREATE TABLE and CREATE ... INDEX
// (the table's own indexes come with it); the other statements (comments) as they are.
std::vector<std::string> create_if_not_exists(std::vector<std::string> statements);

}  // namespace migrate
