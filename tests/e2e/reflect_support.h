#pragma once
// What the reflect end-to-end tests check beside the binary's output: the models
// compared with a database through the dialect, and the models created in an empty
// database (the operations autogenerate would write, rendered by the dialect).

#include <string>

#include "core/diff/differ.h"
#include "core/schema/schema.h"

namespace migrate::test {

// The database at `url` reflected (version tables hidden).
Schema reflect_url(const std::string& url);
// What would turn the database at `url` into `models` (empty = they agree).
DiffResult diff_database(const std::string& url, const Schema& models);
// Creates `models` in the (empty) database at `url`: the differ's operations from an
// empty schema, in its dependency order, rendered and run by the dialect.
void create_models(const std::string& url, const Schema& models);

}  // namespace migrate::test
