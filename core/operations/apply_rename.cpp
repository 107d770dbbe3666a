// Table and column renames of the replay (core/operations/apply_rename.h).

#include "core/operations/apply_rename.h"

#include <algorithm>

#include "core/schema/sql_identifiers.h"

namespace migrate {

namespace {

std::vector<std::string> index_columns(const Index& ix) {
    std::vector<std::string> cols;
    for (const auto& e : ix.elements) cols.push_back(e.is_expression() ? e.expression : e.column);
    return cols;
}

void rename_in(std::vector<std::string>& v, const std::string& from, const std::string& to) {
    std::replace(v.begin(), v.end(), from, to);
}

// Names derived from the old table name take the new one.
void rename_derived_names(Table& t, const std::string& old_name, const NamingConvention& n) {
    const std::string& nw = t.name;
    if (t.primary_key && t.primary_key->name == n.primary_key_name(old_name))
        t.primary_key->name = n.primary_key_name(nw);
    for (auto& ix : t.indexes)
        if (ix.name == n.index_name(old_name, index_columns(ix)))
            ix.name = n.index_name(nw, index_columns(ix));
    for (auto& u : t.unique_constraints)
        if (u.name == n.unique_name(old_name, u.columns)) u.name = n.unique_name(nw, u.columns);
    for (auto& fk : t.foreign_keys) {
        std::string referred_old = fk.referred_table == nw ? old_name : fk.referred_table;
        if (fk.name == n.foreign_key_name(old_name, fk.columns, referred_old))
            fk.name = n.foreign_key_name(nw, fk.columns, fk.referred_table);
    }
    for (auto& ck : t.checks) {
        std::string token = check_token(ck.expression);
        if (ck.name == n.check_name(old_name, token)) ck.name = n.check_name(nw, token);
    }
}

void rename_index_column(Index& ix, const std::string& table, const std::string& from,
                         const std::string& to, const NamingConvention& n) {
    bool derived = ix.name == n.index_name(table, index_columns(ix));
    for (auto& e : ix.elements) {
        if (e.column == from) e.column = to;
        if (e.is_expression()) e.expression = replace_identifier(e.expression, from, to);
    }
    if (ix.where) ix.where = replace_identifier(*ix.where, from, to);
    if (derived) ix.name = n.index_name(table, index_columns(ix));
}

}  // namespace

void rename_table_in(Schema& s, Table& t, const std::string& new_name,
                     const NamingConvention& naming) {
    std::string old_name = t.name;
    std::string schema = t.schema;
    t.name = new_name;
    s.tables_renamed();
    for (auto& other : s.tables)
        for (auto& fk : other.foreign_keys)
            if (fk.referred_table == old_name && fk.referred_schema == schema) {
                fk.referred_table = new_name;
                if (&other != &t &&
                    fk.name == naming.foreign_key_name(other.name, fk.columns, old_name))
                    fk.name = naming.foreign_key_name(other.name, fk.columns, new_name);
            }
    rename_derived_names(t, old_name, naming);
}

void rename_column_in(Schema& s, Table& t, const std::string& from, const std::string& to,
                      const NamingConvention& n) {
    t.find_column(from)->name = to;
    if (t.primary_key) rename_in(t.primary_key->columns, from, to);
    for (auto& ix : t.indexes) rename_index_column(ix, t.name, from, to, n);
    for (auto& u : t.unique_constraints) {
        bool derived = u.name == n.unique_name(t.name, u.columns);
        rename_in(u.columns, from, to);
        if (derived) u.name = n.unique_name(t.name, u.columns);
    }
    for (auto& fk : t.foreign_keys) {
        bool derived = fk.name == n.foreign_key_name(t.name, fk.columns, fk.referred_table);
        rename_in(fk.columns, from, to);
        if (derived) fk.name = n.foreign_key_name(t.name, fk.columns, fk.referred_table);
    }
    for (auto& ck : t.checks) {
        bool derived = ck.name == n.check_name(t.name, check_token(ck.expression));
        ck.expression = replace_identifier(ck.expression, from, to);
        if (derived) ck.name = n.check_name(t.name, check_token(ck.expression));
    }
    for (auto& other : s.tables)
        for (auto& fk : other.foreign_keys)
            if (fk.referred_table == t.name && fk.referred_schema == t.schema)
                rename_in(fk.referred_columns, from, to);
}

}  // namespace migrate
