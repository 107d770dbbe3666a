#pragma once
// Shared by the operation writers (core/operations/operation_yaml_emit*.cpp) only: the
// Emitter, which writes operation bodies from the model-file shapes of
// core/model/schema_yaml.h.

#include <algorithm>

#include "core/model/schema_yaml.h"
#include "core/operations/operation_yaml.h"

namespace migrate::detail {

template <class... Ts>
struct EmitVisitor : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
EmitVisitor(Ts...) -> EmitVisitor<Ts...>;

struct Emitter : SchemaEmitter {
    V body(const Operation& op) const;
};

// The bodies of the three sequence operations (operation_yaml_emit_sequences.cpp).
V create_sequence_body(const CreateSequence& o);
V drop_sequence_body(const DropSequence& o);
V alter_sequence_body(const AlterSequence& o);

// Short bodies made only of scalars and flow values read best on one line.
YamlValue fold_short(YamlValue body);

}  // namespace migrate::detail
