#pragma once
// Writing a Schema back as model-file YAML, as a person would write it (docs/models.md):
// portable types; column-level primary_key, unique, index and references where a
// one-column object fits, table-level lists otherwise; names omitted wherever the
// naming convention would give the same name, so loading the text again with that
// convention gives back the same schema (load_models(emit_models(s)) == s for a sorted
// s). Output is deterministic: the same schema gives byte-identical text.

#include <string>

#include "core/schema/naming.h"
#include "core/schema/schema.h"
#include "core/yaml/yaml_writer.h"

namespace migrate {

// One table as a model-file table mapping.
YamlValue emit_table_model(const Table& table, const NamingConvention& naming = {});
// One enum as a model-file enum mapping ({name, values, schema}).
YamlValue emit_enum_model(const Enum& e);
// One sequence as a model-file sequence mapping ({name, schema, start, ...}).
YamlValue emit_sequence_model(const Sequence& sequence);
// A whole model file: `enums:` and `sequences:` (when any) then `tables:`, in the
// schema's order.
std::string emit_models(const Schema& schema, const NamingConvention& naming = {});

}  // namespace migrate
