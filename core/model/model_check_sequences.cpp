// The checks of a model's sequences that need its tables (core/model/model_check.h): the owner
// exists, and is not a column whose default draws from the sequence (a serial column,
// which reflection reads as autoincrement, so it would never compare equal).

#include "core/model/model_check.h"
#include "core/schema/sequences.h"
#include "core/yaml/yaml_read.h"

namespace migrate {

namespace {

const LocatedTable* find_table(const std::deque<LocatedTable>& tables, const std::string& schema,
                               const std::string& name) {
    for (const auto& t : tables)
        if (t.table.schema == schema && t.table.name == name) return &t;
    return nullptr;
}

// Whether the column's default calls nextval on the sequence.
bool draws_from(const Column& c, const Sequence& q) {
    if (!c.server_default) return false;
    for (const std::string& name : {q.name, q.qualified_name()})
        if (c.server_default->find("nextval('" + name + "'") != std::string::npos) return true;
    return false;
}

void check_owner(const std::deque<LocatedTable>& tables, const LocatedSequence& q,
                 std::vector<Diagnostic>& out) {
    auto owner = split_owner(*q.value.owned_by);
    if (!owner) return;  // reported when the sequence was read
    std::string what = "sequence '" + q.value.qualified_name() + "'";
    const LocatedTable* t = find_table(tables, q.value.schema, owner->first);
    if (!t) {
        std::vector<std::string> names;
        for (const auto& other : tables)
            if (other.table.schema == q.value.schema) names.push_back(other.table.name);
        out.push_back({q.where, what + " is owned_by table '" + owner->first +
                                    "', which no model declares in the sequence's schema" +
                                    did_you_mean(owner->first, names)});
        return;
    }
    if (const Column* c = t->table.find_column(owner->second)) {
        if (draws_from(*c, q.value))
            out.push_back(
                {q.where,
                 what + " is owned_by column '" + t->table.name + "." + c->name +
                     "', whose server_default draws from it: that pair is a serial column, which "
                     "databases report as autoincrement; drop owned_by, or make the column "
                     "autoincrement"});
        return;
    }
    std::vector<std::string> names;
    for (const auto& c : t->table.columns) names.push_back(c.name);
    out.push_back({q.where, what + " is owned_by column '" + owner->second + "', which table '" +
                                t->table.qualified_name() + "' does not have" +
                                did_you_mean(owner->second, names)});
}

}  // namespace

void check_model_sequences(const std::deque<LocatedTable>& tables,
                           const std::deque<LocatedSequence>& sequences,
                           std::vector<Diagnostic>& diagnostics) {
    for (const auto& q : sequences) {
        if (const LocatedTable* t = find_table(tables, q.value.schema, q.value.name))
            diagnostics.push_back(
                {q.where, "sequence '" + q.value.qualified_name() + "' has the name of table '" +
                              t->table.qualified_name() + "' (declared in " +
                              t->sites.table.to_string() + "); tables and sequences share names"});
        if (q.value.owned_by) check_owner(tables, q, diagnostics);
    }
}

}  // namespace migrate
