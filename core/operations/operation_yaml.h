#pragma once
// Operations to and from the YAML of revision files (SPEC.md's operation table).
// Parsing reports every problem with file:line:column (unknown keys get "did you
// mean"); add_column's column shorthands (references, unique, index, primary_key)
// expand into add_column followed by the matching create_* operations. Emitting is
// deterministic and readable: columns and small objects as flow mappings, block style
// elsewhere, existing_* fields written; parse(emit(x)) == x for every operation.

#include <string>
#include <vector>

#include "core/model/model_parse.h"
#include "core/operations/operations.h"
#include "core/schema/naming.h"
#include "core/yaml/yaml_tree.h"
#include "core/yaml/yaml_writer.h"

namespace migrate {

// Parses a list of operations (the value of `upgrade:` or `downgrade:`). Problems are
// appended to ctx.diagnostics; bad entries are skipped.
Operations parse_operations(const yaml::Node& list, ParseContext& ctx);

// Parses one list entry ({op_name: body}); may yield several operations (shorthands).
Operations parse_operation(const yaml::Node& entry, ParseContext& ctx);

struct EmitOptions {
    // Column shorthand `primary_key: true` is written when the key's name is the one
    // this convention derives (so the file reads as a model file does).
    const NamingConvention* naming = nullptr;  // nullptr = default convention
    bool canonical = false;                    // every name explicit, no shorthands
};

// One operation as a YAML value ({op_name: body}).
YamlValue emit_operation(const Operation& op, const EmitOptions& options = {});
// A list of operations as a YAML sequence value.
YamlValue emit_operations_value(const Operations& ops, const EmitOptions& options = {});
// The list rendered as YAML text ("- create_table: ..." lines), for tests and tools.
std::string emit_operations(const Operations& ops, const EmitOptions& options = {});
// The fixed form checksums are taken over.
std::string emit_operations_canonical(const Operations& ops);

}  // namespace migrate
