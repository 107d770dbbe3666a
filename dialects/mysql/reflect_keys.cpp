// MySQL/MariaDB reflection of primary keys, indexes, unique constraints and foreign keys
// (see reflect.h).
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "dialects/mysql/normalize.h"
#include "dialects/mysql/reflect.h"
#include "dialects/mysql/reflect_queries.h"
#include "dialects/mysql/types.h"

namespace migrate::mysql {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A unique index over plain columns, ascending, without prefix lengths: what a UNIQUE
// constraint creates (the server keeps no other trace of one).
bool is_constraint_like(const Index& ix) {
    if (!ix.unique) return false;
    return std::all_of(ix.elements.begin(), ix.elements.end(), [](const IndexElement& e) {
        return !e.is_expression() && e.order == SortOrder::Asc && !e.length;
    });
}

struct IndexRows {
    Index index;
    bool primary = false;
    std::string prefixes;  // "name(32), ..." of the elements with a prefix length
};

void finish_index(ReflectState& s, const std::string& table_name, IndexRows& ir) {
    Table* t = s.table(table_name);
    if (!t) return;
    // An index over column prefixes (`KEY (name(32))`) carries them as each element's
    // `length`; a primary key has no place for them in the models: it is left to the
    // database.
    if (ir.primary && !ir.prefixes.empty()) {
        not_managed(s, "primary key with prefix lengths", table_name,
                    table_name + " (" + ir.prefixes + ")");
        return;
    }
    if (ir.primary) {
        std::vector<std::string> columns;
        for (const auto& e : ir.index.elements) columns.push_back(e.column);
        t->primary_key = PrimaryKey{"PRIMARY", columns};
    } else if (is_constraint_like(ir.index)) {
        std::vector<std::string> columns;
        for (const auto& e : ir.index.elements) columns.push_back(e.column);
        t->unique_constraints.push_back({ir.index.name, columns});
    } else {
        t->indexes.push_back(std::move(ir.index));
    }
}

// An index over a whole TEXT or BLOB column gets the longest prefix the row format
// allows (3,072 bytes with InnoDB's default row format): that index is the one declared
// over the column, not one over a prefix. (767 bytes, 191 characters, is a prefix
// schemas declare themselves for the old row formats: it stays a prefix.)
bool automatic_prefix(const ReflectState& s, const std::string& table, const std::string& column,
                      const Row& row) {
    auto it = s.text_columns.find({table, column});
    if (it == s.text_columns.end()) return false;
    int part = std::atoi(row.str("SUB_PART").c_str());
    return part == 3072 / it->second;
}

}  // namespace

void reflect_indexes(ReflectState& s) {
    QueryResult r = s.connection.query(queries::kIndexes);
    std::string current_table, current_index;
    IndexRows ir;
    bool open = false;
    for (const auto& values : r.rows) {
        Row row{r, values};
        std::string table = row.str("TABLE_NAME"), name = row.str("INDEX_NAME");
        if (!open || table != current_table || name != current_index) {
            if (open) finish_index(s, current_table, ir);
            ir = IndexRows{};
            ir.index.name = name;
            ir.index.unique = row.str("NON_UNIQUE") == "0";
            ir.primary = name == "PRIMARY";
            std::string type = lower(row.str("INDEX_TYPE"));
            if (type == "fulltext" || type == "spatial") ir.index.method = type;
            current_table = table, current_index = name, open = true;
        }
        IndexElement e;
        if (auto column = row.get("COLUMN_NAME"))
            e.column = *column;
        else
            e.expression = normalize_expression(row.str("EXPRESSION"));
        if (row.str("COLLATION") == "D") e.order = SortOrder::Desc;
        if (row.get("SUB_PART") && !e.column.empty() &&
            !automatic_prefix(s, table, e.column, row)) {
            e.length = std::atoi(row.str("SUB_PART").c_str());
            ir.prefixes +=
                (ir.prefixes.empty() ? "" : ", ") + e.column + "(" + row.str("SUB_PART") + ")";
        }
        ir.index.elements.push_back(std::move(e));
    }
    if (open) finish_index(s, current_table, ir);
}

void reflect_foreign_keys(ReflectState& s) {
    QueryResult r = s.connection.query(queries::kForeignKeys);
    std::string current_table, current_name;
    ForeignKey* fk = nullptr;
    for (const auto& values : r.rows) {
        Row row{r, values};
        std::string table = row.str("TABLE_NAME"), name = row.str("CONSTRAINT_NAME");
        Table* t = s.table(table);
        if (!t) continue;
        if (!fk || table != current_table || name != current_name) {
            ForeignKey f;
            f.name = name;
            // Another database is a schema of its own; the current one is "".
            std::string ref_schema = row.str("REFERENCED_TABLE_SCHEMA");
            if (ref_schema != row.str("CURRENT_DB")) f.referred_schema = ref_schema;
            f.referred_table = row.str("REFERENCED_TABLE_NAME");
            f.on_delete = lower(row.str("DELETE_RULE"));
            f.on_update = lower(row.str("UPDATE_RULE"));
            if (f.on_delete == "no action" || f.on_delete == "restrict") f.on_delete.clear();
            if (f.on_update == "no action" || f.on_update == "restrict") f.on_update.clear();
            t->foreign_keys.push_back(std::move(f));
            fk = &t->foreign_keys.back();
            current_table = table, current_name = name;
        }
        fk->columns.push_back(row.str("COLUMN_NAME"));
        fk->referred_columns.push_back(row.str("REFERENCED_COLUMN_NAME"));
    }
    // MySQL creates an index for a foreign key that has none, named after the key:
    // that index belongs to the key, not to the models.
    for (auto& [name, t] : s.tables)
        for (const auto& f : t.foreign_keys)
            std::erase_if(t.indexes,
                          [&](const Index& ix) { return ix.name == f.name && !ix.unique; });
}

}  // namespace migrate::mysql
