// Sequence operations as revision-file YAML (core/operations/operation_yaml_emit_internal.h):
// settings in a fixed order, only those given (core/model/schema_yaml.h);
// alter_sequence writes each change with its existing_* value.

#include <string>

#include "core/operations/operation_yaml_emit_internal.h"

namespace migrate::detail {

namespace {

void opt_owner(V& m, const std::string& key,
               const std::optional<std::optional<std::string>>& owner) {
    if (owner) m.add(key, *owner ? V::str(**owner) : V::null());
}

V named(const std::string& name, const std::string& schema) {
    V m = V::map();
    m.add("name", V::str(name));
    Emitter::nonempty(m, "schema", schema);
    return m;
}

}  // namespace

V create_sequence_body(const CreateSequence& o) {
    return sequence_settings(o.sequence, named(o.sequence.name, o.sequence.schema));
}

V drop_sequence_body(const DropSequence& o) {
    V m = named(o.name, o.schema);
    if (o.existing) m.add("existing", sequence_settings(*o.existing, V::map(true)));
    return m;
}

V alter_sequence_body(const AlterSequence& o) {
    V m = named(o.name, o.schema);
    opt_number(m, "start", o.start);
    opt_number(m, "increment", o.increment);
    opt_number(m, "min_value", o.min_value);
    opt_number(m, "max_value", o.max_value);
    opt_number(m, "cache", o.cache);
    if (o.cycle) m.add("cycle", V::boolean(*o.cycle));
    opt_owner(m, "owned_by", o.owned_by);
    opt_number(m, "existing_start", o.existing_start);
    opt_number(m, "existing_increment", o.existing_increment);
    opt_number(m, "existing_min_value", o.existing_min_value);
    opt_number(m, "existing_max_value", o.existing_max_value);
    opt_number(m, "existing_cache", o.existing_cache);
    if (o.existing_cycle) m.add("existing_cycle", V::boolean(*o.existing_cycle));
    opt_owner(m, "existing_owned_by", o.existing_owned_by);
    return m;
}

}  // namespace migrate::detail
