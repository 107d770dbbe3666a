// describe and reverse of alter_sequence (core/operations/operation_sequences.h).

#include "core/operations/operation_sequences.h"

#include <vector>

namespace migrate::detail {

std::string describe_alter_sequence(const AlterSequence& o) {
    std::string s =
        "alter sequence '" + (o.schema.empty() ? o.name : o.schema + "." + o.name) + "'";
    std::vector<std::string> what;
    auto number = [&](const char* label, const std::optional<std::int64_t>& v) {
        if (v) what.push_back(std::string(label) + " " + std::to_string(*v));
    };
    number("start", o.start);
    number("increment", o.increment);
    number("min_value", o.min_value);
    number("max_value", o.max_value);
    number("cache", o.cache);
    if (o.cycle) what.push_back(*o.cycle ? "cycle" : "no cycle");
    if (o.owned_by) what.push_back("owned by " + o.owned_by->value_or("none"));
    for (size_t i = 0; i < what.size(); ++i) s += (i ? ", " : ": ") + what[i];
    return s;
}

namespace {

// Sets `to` (and `existing`) so that the reverse changes back what `op` changed.
template <typename T>
void swap_back(const std::optional<T>& changed, const std::optional<T>& existing,
               std::optional<T>& to, std::optional<T>& to_existing, const char* missing,
               const Operation& whole, void (*cannot_reverse)(const Operation&, const char*)) {
    if (changed) {
        if (!existing) cannot_reverse(whole, missing);
        to = existing;
    }
    to_existing = changed ? changed : existing;
}

}  // namespace

AlterSequence reverse_alter_sequence(const AlterSequence& o,
                                     void (*cannot_reverse)(const Operation&, const char*)) {
    const Operation whole = o;
    AlterSequence r;
    r.schema = o.schema;
    r.name = o.name;
    swap_back(o.start, o.existing_start, r.start, r.existing_start, "existing_start", whole,
              cannot_reverse);
    swap_back(o.increment, o.existing_increment, r.increment, r.existing_increment,
              "existing_increment", whole, cannot_reverse);
    swap_back(o.min_value, o.existing_min_value, r.min_value, r.existing_min_value,
              "existing_min_value", whole, cannot_reverse);
    swap_back(o.max_value, o.existing_max_value, r.max_value, r.existing_max_value,
              "existing_max_value", whole, cannot_reverse);
    swap_back(o.cache, o.existing_cache, r.cache, r.existing_cache, "existing_cache", whole,
              cannot_reverse);
    swap_back(o.cycle, o.existing_cycle, r.cycle, r.existing_cycle, "existing_cycle", whole,
              cannot_reverse);
    swap_back(o.owned_by, o.existing_owned_by, r.owned_by, r.existing_owned_by, "existing_owned_by",
              whole, cannot_reverse);
    return r;
}

}  // namespace migrate::detail
