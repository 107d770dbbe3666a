#pragma once
// SQLite DDL: CREATE TABLE / CREATE INDEX text from the schema model, and
// render_operation, which turns every operation into statements — natively where ALTER
// TABLE can, else by a table rebuild (rebuild.h). Names are quoted by quote.h.

#include <string>
#include <vector>

#include "core/dialect/dialect.h"
#include "dialects/sqlite/quote.h"

namespace migrate::sqlite {

// CREATE TABLE for `table`, named `as_name` (the rebuild creates it under a temporary name).
std::string create_table_sql(const Table& table, const std::string& as_name);
std::string create_index_sql(const std::string& table, const Index& index);

std::vector<std::string> render_operation(const Operation& op, const RenderContext& ctx);

}  // namespace migrate::sqlite
