// Sequence settings in model-file shape (core/model/schema_yaml.h); the table, column
// and index shapes are inline in the header.

#include "core/model/schema_yaml.h"

#include <string>

namespace migrate::detail {

void opt_number(V& m, const char* key, const std::optional<std::int64_t>& n) {
    if (n) m.add(key, V::raw(std::to_string(*n)));
}

V sequence_settings(const Sequence& q, V m) {
    opt_number(m, "start", q.start);
    opt_number(m, "increment", q.increment);
    opt_number(m, "min_value", q.min_value);
    opt_number(m, "max_value", q.max_value);
    opt_number(m, "cache", q.cache);
    if (q.cycle) m.add("cycle", V::boolean(true));
    SchemaEmitter::opt(m, "owned_by", q.owned_by);
    return m;
}

}  // namespace migrate::detail
