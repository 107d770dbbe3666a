// SQLite table rebuild (see rebuild.h for the statement sequence and why).
#include "dialects/sqlite/rebuild.h"

#include "dialects/sqlite/ddl.h"
#include "dialects/sqlite/types.h"

namespace migrate::sqlite {

namespace {

const char* guard_table = "temp.\"_migrate_rebuild_guard\"";

std::string create_guard_sql() {
    return std::string(
               "CREATE TEMP TABLE IF NOT EXISTS \"_migrate_rebuild_guard\" (\"kind\" TEXT, \"n\" "
               "INTEGER,\n") +
           "    CONSTRAINT \"migrate cannot rebuild a table that has triggers it did not read (a "
           "rebuild would drop "
           "them): run online, or drop them before this operation and recreate them after it\" "
           "CHECK (\"kind\" <> 'trigger' OR \"n\" = 0),\n" +
           "    CONSTRAINT \"migrate cannot rebuild a table that has generated columns (the models "
           "cannot express "
           "them, a rebuild would drop them): make this change with an execute operation\" "
           "CHECK (\"kind\" <> 'generated' OR \"n\" = 0),\n" +
           "    CONSTRAINT \"foreign key violation after rebuilding the table: fix the rows or the "
           "foreign key\" "
           "CHECK (\"kind\" <> 'foreign_key' OR \"n\" = 0))";
}

// Counts the table's triggers beyond the `known` ones that the rebuild recreates.
std::string trigger_guard_sql(const std::string& table, size_t known) {
    return std::string("INSERT INTO ") + guard_table + " SELECT 'trigger', count(*) - " +
           std::to_string(known) +
           " FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = " + quote_literal(table);
}

// Counts the table's generated columns, which the models cannot express.
std::string generated_guard_sql(const std::string& table) {
    return std::string("INSERT INTO ") + guard_table +
           " SELECT 'generated', count(*) FROM pragma_table_xinfo(" + quote_literal(table) +
           ") WHERE hidden IN (2, 3)";
}

// The rebuilt table (as child) and every table referring to it (as parents' children).
std::string foreign_key_guard_sql(const Table& after, const Schema& schema_before,
                                  const std::string& old_name) {
    std::vector<std::string> tables = {after.name};
    for (const auto& t : schema_before.tables)
        for (const auto& fk : t.foreign_keys)
            if (fk.referred_table == old_name && t.name != old_name && t.name != after.name) {
                tables.push_back(t.name);
                break;
            }
    std::string sum;
    for (size_t i = 0; i < tables.size(); ++i)
        sum += (i ? " + " : "") + std::string("(SELECT count(*) FROM pragma_foreign_key_check(") +
               quote_literal(tables[i]) + "))";
    return std::string("INSERT INTO ") + guard_table + " SELECT 'foreign_key', " + sum;
}

std::string copy_rows_sql(const Table& before, const Table& after, const ColumnSources& sources,
                          const ColumnFills& fills, const std::string& tmp) {
    std::vector<std::string> to;
    std::string from;
    for (const auto& c : after.columns) {
        std::string value;
        if (auto fill = fills.find(c.name); fill != fills.end()) {
            value = "(" + render_default(fill->second) + ")";
        } else {
            auto it = sources.find(c.name);
            std::string source = it != sources.end() ? it->second : c.name;
            if (!before.find_column(source)) continue;
            value = quote_identifier(source);
        }
        to.push_back(c.name);
        from += (from.empty() ? "" : ", ") + value;
    }
    if (to.empty()) return {};
    return "INSERT INTO " + quote_identifier(tmp) + " (" + quote_list(to) + ") SELECT " + from +
           " FROM " + quote_identifier(before.name);
}

}  // namespace

std::string rebuild_temp_name(const std::string& table) { return "_migrate_tmp_" + table; }

std::vector<std::string> rebuild_table(const Table& before, const Table& after,
                                       const ColumnSources& sources, const Schema& schema_before,
                                       const std::vector<std::string>& triggers,
                                       const ColumnFills& fills) {
    std::string tmp = rebuild_temp_name(after.name);
    std::vector<std::string> out = {create_guard_sql(),
                                    trigger_guard_sql(before.name, triggers.size()),
                                    generated_guard_sql(before.name), create_table_sql(after, tmp)};
    std::string copy = copy_rows_sql(before, after, sources, fills, tmp);
    if (!copy.empty()) out.push_back(copy);
    out.push_back("DROP TABLE " + quote_identifier(before.name));
    out.push_back("PRAGMA legacy_alter_table = ON");
    out.push_back("ALTER TABLE " + quote_identifier(tmp) + " RENAME TO " +
                  quote_identifier(after.name));
    out.push_back("PRAGMA legacy_alter_table = OFF");
    for (const auto& ix : after.indexes) out.push_back(create_index_sql(after.name, ix));
    out.insert(out.end(), triggers.begin(), triggers.end());  // DROP TABLE dropped them
    out.push_back(foreign_key_guard_sql(after, schema_before, before.name));
    out.push_back(std::string("DROP TABLE ") + guard_table);
    return out;
}

}  // namespace migrate::sqlite
