#pragma once
// What a Sequence's settings mean when some are left out: the defaults of SQL sequences
// (as PostgreSQL applies them), which depend on the direction of the increment. The
// differ compares effective settings, so that a model that leaves `start` out and a
// database that reports `start 1` agree; reflection and the model writer leave out what
// equals its default. Also the checks a sequence must pass on its own.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "core/schema/schema.h"

namespace migrate {

// Every setting of a sequence, defaults filled in.
struct SequenceSettings {
    std::int64_t start = 1;
    std::int64_t increment = 1;
    std::int64_t min_value = 1;
    std::int64_t max_value = INT64_MAX;
    std::int64_t cache = 1;
    bool cycle = false;

    bool operator==(const SequenceSettings&) const = default;
};

// The settings `sequence` stands for: an ascending sequence runs from 1 to 2^63-1, a
// descending one from -1 down to -2^63; it starts at its minimum (ascending) or maximum
// (descending); cache 1, no cycle.
SequenceSettings effective_settings(const Sequence& sequence);

// The same sequence with every setting that equals its default left out.
Sequence without_defaults(Sequence sequence);

// What is wrong with the settings ("'increment' of sequence 'x' cannot be 0"), or nullopt.
std::optional<std::string> sequence_problem(const Sequence& sequence);

// "table.column" split at its dot; nullopt unless both parts are non-empty.
std::optional<std::pair<std::string, std::string>> split_owner(const std::string& owned_by);

}  // namespace migrate
