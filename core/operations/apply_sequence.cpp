// Replaying create_sequence, drop_sequence and alter_sequence on an in-memory Schema, and
// sequence ownership through renames and drops (core/operations/apply_sequence.h).

#include "core/operations/apply_sequence.h"

#include <algorithm>
#include <vector>

#include "core/base/errors.h"
#include "core/schema/sequences.h"

namespace migrate::detail {

namespace {

[[noreturn]] void fail(const Operation& op, const std::string& why) {
    throw InputError("cannot apply " + describe(op) + ": " + why);
}

std::string shown(const std::string& schema, const std::string& name) {
    return schema.empty() ? name : schema + "." + name;
}

Sequence& sequence_of(Schema& s, const std::string& schema, const std::string& name,
                      const Operation& op) {
    if (Sequence* q = s.find_sequence(schema, name)) return *q;
    std::vector<std::string> names;
    for (const auto& q : s.sequences) names.push_back(q.name);
    std::string near = closest_match(name, names);
    fail(op, "sequence '" + shown(schema, name) + "' does not exist" +
                 (near.empty() ? "" : " (did you mean '" + near + "'?)"));
}

// The settings must make sense and the owner, when given, must exist.
void check_sequence(const Schema& s, const Sequence& q, const Operation& op) {
    if (auto problem = sequence_problem(q)) fail(op, *problem);
    if (!q.owned_by) return;
    auto owner = split_owner(*q.owned_by);
    const Table* t = s.find_table(q.schema, owner->first);
    if (!t)
        fail(op,
             "owned_by names table '" + shown(q.schema, owner->first) + "', which does not exist");
    if (!t->find_column(owner->second))
        fail(op, "owned_by names column '" + owner->second + "', which table '" + t->name +
                     "' does not have");
}

bool owned_by(const Sequence& q, const std::string& schema, const std::string& table,
              const std::optional<std::string>& column) {
    if (q.schema != schema || !q.owned_by) return false;
    auto owner = split_owner(*q.owned_by);
    return owner && owner->first == table && (!column || owner->second == *column);
}

// Settings left to their defaults are written out before a change of direction or bounds,
// as the database keeps the old bounds unless told otherwise.
void materialize(Sequence& q) {
    SequenceSettings e = effective_settings(q);
    q.start = e.start;
    q.increment = e.increment;
    q.min_value = e.min_value;
    q.max_value = e.max_value;
}

}  // namespace

void apply_create_sequence(Schema& s, const CreateSequence& o, const Operation& op) {
    const Sequence& q = o.sequence;
    if (s.find_sequence(q.schema, q.name))
        fail(op, "sequence '" + shown(q.schema, q.name) + "' already exists");
    if (s.find_table(q.schema, q.name))
        fail(op, "a table named '" + shown(q.schema, q.name) +
                     "' already exists; tables and sequences share names");
    check_sequence(s, q, op);
    s.sequences.push_back(q);
}

void apply_drop_sequence(Schema& s, const DropSequence& o, const Operation& op) {
    sequence_of(s, o.schema, o.name, op);
    std::erase_if(s.sequences,
                  [&](const Sequence& q) { return q.schema == o.schema && q.name == o.name; });
}

void apply_alter_sequence(Schema& s, const AlterSequence& o, const Operation& op) {
    Sequence q = sequence_of(s, o.schema, o.name, op);
    if (o.start || o.increment || o.min_value || o.max_value) materialize(q);
    if (o.start) q.start = o.start;
    if (o.increment) q.increment = o.increment;
    if (o.min_value) q.min_value = o.min_value;
    if (o.max_value) q.max_value = o.max_value;
    if (o.cache) q.cache = o.cache;
    if (o.cycle) q.cycle = *o.cycle;
    if (o.owned_by) q.owned_by = *o.owned_by;
    check_sequence(s, q, op);
    *s.find_sequence(o.schema, o.name) = std::move(q);
}

void sequences_follow_table_rename(Schema& s, const std::string& schema, const std::string& from,
                                   const std::string& to) {
    for (auto& q : s.sequences)
        if (owned_by(q, schema, from, std::nullopt))
            q.owned_by = to + "." + split_owner(*q.owned_by)->second;
}

void sequences_follow_column_rename(Schema& s, const std::string& schema, const std::string& table,
                                    const std::string& from, const std::string& to) {
    for (auto& q : s.sequences)
        if (owned_by(q, schema, table, from)) q.owned_by = table + "." + to;
}

void drop_owned_sequences(Schema& s, const std::string& schema, const std::string& table,
                          const std::optional<std::string>& column) {
    std::erase_if(s.sequences,
                  [&](const Sequence& q) { return owned_by(q, schema, table, column); });
}

}  // namespace migrate::detail
