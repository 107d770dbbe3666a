// SQLite reflection (see reflect.h).
#include "dialects/sqlite/reflect.h"

#include <fnmatch.h>

#include <algorithm>
#include <map>

#include "dialects/sqlite/create_parser.h"
#include "dialects/sqlite/types.h"

namespace migrate::sqlite {

namespace {

const char* kSchemaQuery =
    "SELECT type, name, tbl_name, sql FROM sqlite_schema "
    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name";
const char* kColumnsQuery =
    "SELECT m.name AS tbl, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
    "FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, p.cid";
const char* kForeignKeysQuery =
    "SELECT m.name AS tbl, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
    "FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, f.id, "
    "f.seq";

bool matches_any(const std::string& name, const std::vector<std::string>& globs) {
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
        return fnmatch(g.c_str(), name.c_str(), 0) == 0;
    });
}

std::string text(const std::vector<SqlValue>& row, size_t i) { return row[i].value_or(""); }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string action(const std::string& a) {
    std::string l = lower(a);
    return l == "no action" ? "" : l;
}

const ParsedConstraint* by_columns(const std::vector<ParsedConstraint>& v,
                                   const std::vector<std::string>& cols) {
    for (const auto& c : v)
        if (c.columns == cols) return &c;
    return nullptr;
}

struct Raw {
    std::map<std::string, Table> tables;
    std::map<std::string, ParsedTable> parsed;
    std::map<std::string, std::map<int, std::string>> pk_order;  // table -> pk position -> column
    std::map<std::string, std::map<std::string, std::string>>
        declared;  // table -> column -> declared type
    std::vector<UnmanagedObject>
        unmanaged;  // what the models cannot carry (generated columns, ...)
};

void read_columns(Connection& conn, Raw& raw) {
    QueryResult r = conn.query(kColumnsQuery);
    for (const auto& row : r.rows) {
        auto it = raw.tables.find(text(row, 0));
        if (it == raw.tables.end()) continue;  // excluded
        std::string hidden = text(row, 6);
        if (hidden == "2" || hidden == "3")  // GENERATED ALWAYS AS (...) VIRTUAL / STORED
            raw.unmanaged.push_back(
                {"generated column", it->first + "." + text(row, 1), it->first});
        if (hidden != "0") continue;
        Column c;
        c.name = text(row, 1);
        c.type = type_from_declared(text(row, 2));
        raw.declared[it->first][c.name] = lower(text(row, 2));
        c.nullable = text(row, 3) == "0";
        c.server_default = normalize_default(row[4]);
        int pk = std::stoi(text(row, 5));
        if (pk > 0) {
            raw.pk_order[it->first][pk] = c.name;
            c.nullable = false;
        }
        for (const auto& pc : raw.parsed[it->first].columns)
            if (lower(pc.name) == lower(c.name)) c.collation = pc.collation;
        it->second.columns.push_back(std::move(c));
    }
}

void finish_primary_key(Table& t, const ParsedTable& parsed,
                        const std::map<int, std::string>& order,
                        const std::map<std::string, std::string>& declared,
                        const NamingConvention& naming) {
    if (order.empty()) return;
    PrimaryKey pk;
    for (const auto& [pos, col] : order) pk.columns.push_back(col);
    pk.name = parsed.primary_key && !parsed.primary_key->name.empty()
                  ? parsed.primary_key->name
                  : naming.primary_key_name(t.name);
    t.primary_key = pk;
    if (pk.columns.size() != 1) return;
    Column* c = t.find_column(pk.columns[0]);
    bool autoinc_keyword = std::any_of(
        parsed.columns.begin(), parsed.columns.end(),
        [&](const ParsedColumn& p) { return p.autoincrement && lower(p.name) == lower(c->name); });
    // A rowid alias: declared exactly INTEGER, in a rowid table.
    auto d = declared.find(c->name);
    bool rowid_alias = d != declared.end() && d->second == "integer" && !parsed.without_rowid;
    c->autoincrement = autoinc_keyword || rowid_alias;
    t.sqlite_autoincrement = autoinc_keyword;
}

// SQLite names are case-insensitive: `REFERENCES job` names the table `Job`.
const Table* find_table(const Raw& raw, const std::string& name) {
    auto it = raw.tables.find(name);
    if (it != raw.tables.end()) return &it->second;
    for (const auto& [n, t] : raw.tables)
        if (lower(n) == lower(name)) return &t;
    return nullptr;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// A foreign key to a table that does not exist, or without columns to a table without a
// primary key, is accepted by SQLite but cannot be written in a model: not managed.
void add_foreign_key(Raw& raw, const std::string& table, ForeignKey fk,
                     const NamingConvention& naming, std::vector<UnmanagedObject>& unmanaged) {
    Table& t = raw.tables[table];
    const Table* ref = find_table(raw, fk.referred_table);
    if (ref) fk.referred_table = ref->name;
    if (ref && fk.referred_columns.empty() && ref->primary_key)
        fk.referred_columns = ref->primary_key->columns;
    if (!ref || fk.referred_columns.size() != fk.columns.size()) {
        unmanaged.push_back({"foreign key",
                             table + " (" + joined(fk.columns) + ") -> " + fk.referred_table,
                             table});
        return;
    }
    const ParsedConstraint* p = by_columns(raw.parsed[table].foreign_keys, fk.columns);
    fk.name = p && !p->name.empty()
                  ? p->name
                  : naming.foreign_key_name(t.name, fk.columns, fk.referred_table);
    if (p && p->deferrable)
        unmanaged.push_back({"deferrable constraint", t.name + "." + fk.name, t.name});
    t.foreign_keys.push_back(std::move(fk));
}

void read_foreign_keys(Connection& conn, Raw& raw, const NamingConvention& naming,
                       std::vector<UnmanagedObject>& unmanaged) {
    QueryResult r = conn.query(kForeignKeysQuery);
    std::map<std::pair<std::string, std::string>, ForeignKey> fks;
    std::vector<std::pair<std::string, std::string>> order;
    for (const auto& row : r.rows) {
        if (!raw.tables.count(text(row, 0))) continue;
        auto key = std::make_pair(text(row, 0), text(row, 1));
        if (!fks.count(key)) order.push_back(key);
        ForeignKey& fk = fks[key];
        fk.referred_table = text(row, 2);
        fk.columns.push_back(text(row, 3));
        if (row[4]) fk.referred_columns.push_back(*row[4]);
        fk.on_update = action(text(row, 5));
        fk.on_delete = action(text(row, 6));
    }
    for (const auto& key : order) add_foreign_key(raw, key.first, fks[key], naming, unmanaged);
}

void add_parsed_constraints(Table& t, const ParsedTable& parsed, const NamingConvention& naming) {
    for (const auto& u : parsed.uniques)
        t.unique_constraints.push_back(
            {u.name.empty() ? naming.unique_name(t.name, u.columns) : u.name, u.columns});
    for (const auto& c : parsed.checks)
        t.checks.push_back(
            {c.name.empty() ? naming.check_name(t.name, check_token(c.expression)) : c.name,
             c.expression});
}

}  // namespace

Reflection reflect_database(Connection& conn, const ReflectOptions& options) {
    static const NamingConvention naming;  // names for constraints created unnamed by other tools
    Reflection out;
    Raw raw;
    QueryResult objects = conn.query(kSchemaQuery);
    std::vector<std::pair<std::string, std::string>> indexes;  // table, sql
    std::vector<std::string> index_names;
    for (const auto& row : objects.rows) {
        std::string type = text(row, 0), name = text(row, 1), table = text(row, 2);
        if (matches_any(table, options.hidden_tables)) continue;
        if (type == "view") out.unmanaged.push_back({"view", name});
        if (type == "trigger") out.unmanaged.push_back({"trigger", name, table, text(row, 3)});
        if (type == "table" && matches_any(name, options.exclude_tables))
            out.unmanaged.push_back({"excluded table", name});
        if (matches_any(table, options.exclude_tables)) continue;
        if (type == "table") {
            raw.tables[name].name = name;
            raw.parsed[name] = parse_create_table(text(row, 3));
        }
        if (type == "index" && row[3]) {
            indexes.emplace_back(table, *row[3]);
            index_names.push_back(name);
        }
    }
    read_columns(conn, raw);
    for (auto& [name, t] : raw.tables) {
        finish_primary_key(t, raw.parsed[name], raw.pk_order[name], raw.declared[name], naming);
        add_parsed_constraints(t, raw.parsed[name], naming);
        if (raw.parsed[name].without_rowid)
            raw.unmanaged.push_back({"WITHOUT ROWID table", name, name});
        if (raw.parsed[name].strict) raw.unmanaged.push_back({"STRICT table", name, name});
    }
    read_foreign_keys(conn, raw, naming, out.unmanaged);
    for (size_t i = 0; i < indexes.size(); ++i) {
        auto it = raw.tables.find(indexes[i].first);
        if (it == raw.tables.end()) continue;
        Index ix = parse_create_index(indexes[i].second);
        ix.name = index_names[i];
        it->second.indexes.push_back(std::move(ix));
    }
    for (auto& [name, t] : raw.tables) out.schema.tables.push_back(std::move(t));
    for (auto& u : raw.unmanaged) out.unmanaged.push_back(std::move(u));
    out.schema.sort();
    std::sort(out.unmanaged.begin(), out.unmanaged.end(),
              [](const UnmanagedObject& a, const UnmanagedObject& b) {
                  return a.kind + a.name < b.kind + b.name;
              });
    return out;
}

}  // namespace migrate::sqlite
