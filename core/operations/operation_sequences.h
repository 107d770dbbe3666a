#pragma once
// Internal to core/operations/operations.cpp: what alter_sequence says about itself and its
// reverse (core/operations/operation_sequences.cpp), kept beside the other sequence code.

#include <string>

#include "core/operations/operations.h"

namespace migrate::detail {

// "alter sequence 'x_seq': increment 5, owned by none".
std::string describe_alter_sequence(const AlterSequence& op);

// The alter_sequence that undoes `op`; throws InputError (through `cannot_reverse`)
// naming the existing_* member that is missing.
AlterSequence reverse_alter_sequence(const AlterSequence& op,
                                     void (*cannot_reverse)(const Operation&, const char*));

}  // namespace migrate::detail
