// Effective settings, defaults and checks of standalone sequences (core/schema/sequences.h).

#include "core/schema/sequences.h"

namespace migrate {

SequenceSettings effective_settings(const Sequence& q) {
    SequenceSettings s;
    s.increment = q.increment.value_or(1);
    bool ascending = s.increment > 0;
    s.min_value = q.min_value.value_or(ascending ? 1 : INT64_MIN);
    s.max_value = q.max_value.value_or(ascending ? INT64_MAX : -1);
    s.start = q.start.value_or(ascending ? s.min_value : s.max_value);
    s.cache = q.cache.value_or(1);
    s.cycle = q.cycle;
    return s;
}

Sequence without_defaults(Sequence q) {
    SequenceSettings s = effective_settings(q);
    bool ascending = s.increment > 0;
    if (s.increment == 1) q.increment.reset();
    if (s.min_value == (ascending ? 1 : INT64_MIN)) q.min_value.reset();
    if (s.max_value == (ascending ? INT64_MAX : -1)) q.max_value.reset();
    // Read again: the start's default follows the bounds kept above.
    if (s.start == (ascending ? s.min_value : s.max_value)) q.start.reset();
    if (s.cache == 1) q.cache.reset();
    return q;
}

std::optional<std::string> sequence_problem(const Sequence& q) {
    std::string what = "sequence '" + q.qualified_name() + "'";
    SequenceSettings s = effective_settings(q);
    if (s.increment == 0) return "'increment' of " + what + " cannot be 0";
    if (s.cache < 1)
        return "'cache' of " + what + " must be at least 1, got " + std::to_string(s.cache);
    if (s.min_value >= s.max_value)
        return "'min_value' (" + std::to_string(s.min_value) + ") of " + what +
               " must be less than 'max_value' (" + std::to_string(s.max_value) + ")";
    if (s.start < s.min_value || s.start > s.max_value)
        return "'start' (" + std::to_string(s.start) + ") of " + what +
               " must lie between 'min_value' (" + std::to_string(s.min_value) +
               ") and 'max_value' (" + std::to_string(s.max_value) + ")";
    if (q.owned_by && !split_owner(*q.owned_by))
        return "'owned_by' of " + what + " must be 'table.column', got '" + *q.owned_by + "'";
    return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> split_owner(const std::string& owned_by) {
    size_t dot = owned_by.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == owned_by.size()) return std::nullopt;
    if (owned_by.find('.', dot + 1) != std::string::npos) return std::nullopt;
    return std::make_pair(owned_by.substr(0, dot), owned_by.substr(dot + 1));
}

}  // namespace migrate
