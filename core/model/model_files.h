#pragma once
// How `migrate reflect` lays a schema out as model files: one file per table
// (`<table>.yaml`, `<schema>.<table>.yaml` outside the default schema), the enums in
// `enums.yaml`, the sequences in `sequences.yaml`, or everything in one file. File
// names are safe on every filesystem and never collide; the layout is deterministic.

#include <string>
#include <vector>

#include "core/schema/naming.h"
#include "core/schema/schema.h"

namespace migrate {

struct ModelFile {
    std::string name;  // relative file name ("users.yaml")
    std::string text;  // the YAML
};

// One file per table plus enums.yaml and sequences.yaml (when there are any), in
// schema order.
std::vector<ModelFile> split_model_files(const Schema& schema, const NamingConvention& naming = {});
// Everything in one file named `name`.
ModelFile single_model_file(const Schema& schema, const std::string& name,
                            const NamingConvention& naming = {});

// A file-name stem for an object name: letters, digits, '_', '-' and '.' kept, anything
// else becomes '_'; a leading '.' gets a '_' before it (no hidden files).
std::string file_stem(const std::string& name);

}  // namespace migrate
