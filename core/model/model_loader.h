#pragma once
// The metadata loader: reads model files (YAML or JSON), merges them into one Schema,
// and validates what spans tables and files. Every problem of every file is collected
// with its file:line:column before anything is returned: the result is the whole,
// valid schema or an InputError listing each diagnostic, never a partial load.

#include <string>
#include <utility>
#include <vector>

#include "core/base/errors.h"
#include "core/schema/naming.h"
#include "core/schema/schema.h"

namespace migrate {

// The model files named by `paths`: a file as given (any extension), a folder
// recursively for *.yaml, *.yml and *.json, in sorted order. Missing paths are
// diagnostics.
std::vector<std::string> find_model_files(const std::vector<std::string>& paths,
                                          std::vector<Diagnostic>& diagnostics);

// Loads and merges the model files under `paths`. Returns a sorted Schema (Schema::sort)
// or throws InputError with every diagnostic. File names in messages are relative to
// the working directory when the file lies below it.
// With `naming.names_per_table`, index and constraint names need be unique within their
// table only (the database's Capabilities::index_names_per_table), not in the schema.
Schema load_models(const std::vector<std::string>& paths, const NamingConvention& naming = {});

// The same over in-memory documents: (file name shown in messages, text).
using ModelDocument = std::pair<std::string, std::string>;
Schema load_model_documents(const std::vector<ModelDocument>& documents,
                            const NamingConvention& naming = {});

}  // namespace migrate
