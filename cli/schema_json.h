#pragma once
// The --json form of a schema (`migrate models --json`, and any command that prints
// one): the model-file vocabulary, with every generated name filled in.

#include <nlohmann/json.hpp>

#include "core/schema/schema.h"

namespace migrate::cli {

nlohmann::json schema_to_json(const Schema& schema);
nlohmann::json table_to_json(const Table& table);

}  // namespace migrate::cli
