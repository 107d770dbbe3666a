// Writing operations as revision-file YAML (core/operations/operation_yaml.h): the shapes of
// model files for tables, columns and indexes, short bodies on one line as flow
// mappings, longer ones as blocks, and only the fields that differ from their
// defaults. Everything here is deterministic.

#include <algorithm>

#include "core/operations/operation_yaml_emit_internal.h"

namespace migrate {

namespace detail {

// Short bodies made only of scalars and flow values read best on one line, as
// `- drop_index: {name: ix_posts_title, table: posts}`.
YamlValue fold_short(YamlValue body) {
    if (body.kind() != YamlValue::Kind::Mapping || !body.all_inline()) return body;
    YamlValue flow = body;
    flow.set_flow(true);
    return flow.render().size() <= 88 ? flow : body;
}

}  // namespace detail

using detail::Emitter;
using detail::fold_short;
using V = YamlValue;

YamlValue emit_operation(const Operation& op, const EmitOptions& options) {
    static const NamingConvention defaults;
    Emitter e{{options.naming ? *options.naming : defaults, options.canonical}};
    return V::map().add(op_name(op), fold_short(e.body(op)));
}

YamlValue emit_operations_value(const Operations& ops, const EmitOptions& options) {
    V list = V::seq();
    for (const auto& op : ops) list.push(emit_operation(op, options));
    return list;
}

std::string emit_operations(const Operations& ops, const EmitOptions& options) {
    if (ops.empty()) return "[]\n";
    return emit_operations_value(ops, options).render();
}

std::string emit_operations_canonical(const Operations& ops) {
    EmitOptions options;
    options.canonical = true;
    return emit_operations(ops, options);
}

}  // namespace migrate
