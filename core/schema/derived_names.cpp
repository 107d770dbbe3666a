// Names that follow a rename (core/schema/derived_names.h).

#include "core/schema/derived_names.h"

namespace migrate {

namespace {

using Kind = DerivedRename::Kind;

// Calls f(kind, before_name, after_name&) for each index and constraint, in order.
template <typename F>
void each_name(const Table& before, Table& after, F f) {
    if (before.primary_key && after.primary_key)
        f(Kind::PrimaryKey, before.primary_key->name, after.primary_key->name);
    for (size_t i = 0; i < before.indexes.size() && i < after.indexes.size(); ++i)
        f(Kind::Index, before.indexes[i].name, after.indexes[i].name);
    for (size_t i = 0; i < before.unique_constraints.size() && i < after.unique_constraints.size();
         ++i)
        f(Kind::Unique, before.unique_constraints[i].name, after.unique_constraints[i].name);
    for (size_t i = 0; i < before.foreign_keys.size() && i < after.foreign_keys.size(); ++i)
        f(Kind::ForeignKey, before.foreign_keys[i].name, after.foreign_keys[i].name);
    for (size_t i = 0; i < before.checks.size() && i < after.checks.size(); ++i)
        f(Kind::Check, before.checks[i].name, after.checks[i].name);
}

}  // namespace

std::vector<DerivedRename> derived_renames(const Schema& before, const Schema& after) {
    std::vector<DerivedRename> out;
    if (before.tables.size() != after.tables.size()) return out;
    for (size_t t = 0; t < before.tables.size(); ++t) {
        Table copy = after.tables[t];
        each_name(before.tables[t], copy, [&](Kind kind, const std::string& from, std::string& to) {
            if (from != to) out.push_back({kind, copy.schema, copy.name, from, to});
        });
    }
    return out;
}

Schema keep_names(const Schema& after, const Schema& before) {
    Schema out = after;
    if (before.tables.size() != after.tables.size()) return out;
    for (size_t t = 0; t < before.tables.size(); ++t)
        each_name(before.tables[t], out.tables[t],
                  [](Kind, const std::string& from, std::string& to) { to = from; });
    return out;
}

}  // namespace migrate
