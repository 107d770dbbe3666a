#pragma once
// Reading scalars, lists and mappings out of YAML nodes while collecting diagnostics
// with file:line:column: the small vocabulary that model_parse, the model loader and
// the config loader share. Every reader reports a problem and returns std::nullopt
// (or false) instead of throwing, so a caller can keep going and report every error.

#include <optional>
#include <string>
#include <vector>

#include "core/base/errors.h"
#include "core/yaml/yaml_tree.h"

namespace migrate {

// Where diagnostics go while reading one file. The model parser extends it with the
// naming convention (core/model/model_parse.h: ParseContext).
struct ReadContext {
    std::string file;                      // shown in diagnostics
    std::vector<Diagnostic>* diagnostics;  // never null
};

// Where a node starts, 1-based, for diagnostics.
SourceLocation location_of(const yaml::Node& node, const std::string& file);

// Appends "message" at the node's position.
void report(ReadContext& ctx, const yaml::Node& at, std::string message);
void report(ReadContext& ctx, const SourceLocation& at, std::string message);

// True for a key that is absent or explicitly null.
bool is_missing(const yaml::Node& value);

// Reports keys not in `allowed` (with "did you mean") and keys given twice. `what`
// names the mapping in messages ("column 'id'", "table 'users'"). False if any was bad.
bool check_keys(const yaml::Node& map, const std::vector<std::string>& allowed,
                const std::string& what, ReadContext& ctx);

// Reports unless `node` is a mapping; `what` as in "table entry must be a mapping".
bool expect_map(const yaml::Node& node, const std::string& what, ReadContext& ctx);

// The value of map[key] as a string; reports a mapping or list given instead, and a
// NUL byte in it (it would cut the text short in every C API it reaches). `required`
// reports a missing key at the map.
std::optional<std::string> read_string(const yaml::Node& map, const std::string& key,
                                       const std::string& what, ReadContext& ctx,
                                       bool required = false);

// A name (object identifier): non-empty, at most 63 bytes, no control characters.
std::optional<std::string> read_name(const yaml::Node& map, const std::string& key,
                                     const std::string& what, ReadContext& ctx,
                                     bool required = true);

// Checks an identifier read elsewhere; reports at `at`.
bool check_identifier(const std::string& name, const std::string& what, const yaml::Node& at,
                      ReadContext& ctx);

// Reports a NUL byte in `text` (a scalar read elsewhere) at `at`; false if there is one.
bool check_no_nul(const std::string& text, const std::string& what, const yaml::Node& at,
                  ReadContext& ctx);

// true/false (case-insensitive); anything else is reported.
std::optional<bool> read_bool(const yaml::Node& map, const std::string& key,
                              const std::string& what, ReadContext& ctx);

// A whole number from 1 to `max`; anything else is reported.
std::optional<int> read_positive_int(const yaml::Node& map, const std::string& key,
                                     const std::string& what, ReadContext& ctx, int max);

// A list of strings; a single string is accepted as a list of one when `allow_single`.
std::optional<std::vector<std::string>> read_string_list(const yaml::Node& map,
                                                         const std::string& key,
                                                         const std::string& what, ReadContext& ctx,
                                                         bool allow_single = false);

// A list of names (column lists): each checked as check_identifier() does.
std::optional<std::vector<std::string>> read_name_list(const yaml::Node& map,
                                                       const std::string& key,
                                                       const std::string& what, ReadContext& ctx,
                                                       bool allow_single = false);

// "'a', 'b' or 'c'" for messages.
std::string quoted_list(const std::vector<std::string>& words);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace migrate
