#pragma once
// Reading the model-file shapes (table, column, index, enum) from YAML nodes. Shared by
// the model loader (models/*.yaml) and the revision-file reader (create_table,
// add_column, create_index take the same shapes), so both accept exactly the same
// syntax and report problems the same way.
//
// Parsing never stops at the first problem: every problem is appended to
// ctx.diagnostics with its file:line:column, and the function returns std::nullopt
// when the node was unusable.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/errors.h"
#include "core/schema/naming.h"
#include "core/schema/schema.h"
#include "core/yaml/yaml_read.h"
#include "core/yaml/yaml_tree.h"

namespace migrate {

struct ParseContext : ReadContext {
    ParseContext(std::string file, std::vector<Diagnostic>* diagnostics,
                 const NamingConvention* naming)
        : ReadContext{std::move(file), diagnostics}, naming(naming) {}
    const NamingConvention* naming;  // never null; fills in missing names
};

// A table mapping as in a model file. Column shorthands (primary_key, unique, index,
// references/on_delete/on_update) are expanded into table-level objects; every
// index and constraint gets its name (given, or from the naming convention).
std::optional<Table> parse_table(const yaml::Node& node, ParseContext& ctx);

// Where a parsed table's parts were written, for the checks that span tables (the
// model loader: references to other tables, enums, names unique per schema).
struct TableSites {
    SourceLocation table;                                // the table's name
    std::map<std::string, SourceLocation> foreign_keys;  // by name: where the reference is written
    std::map<std::string, SourceLocation> column_types;  // by column name: the type value
    std::map<std::string, SourceLocation> objects;       // by index/constraint name: its entry
};
// `extra_keys`: keys the caller reads itself (create_table's `if_not_exists`).
std::optional<Table> parse_table(const yaml::Node& node, ParseContext& ctx, TableSites* sites,
                                 const std::vector<std::string>& extra_keys = {});

// A column mapping, for add_column: the column and the table-level objects its
// shorthands imply, named for `table`.
struct ParsedColumn {
    Column column;
    bool primary_key = false;
    std::optional<UniqueConstraint> unique;
    std::optional<Index> index;
    std::optional<ForeignKey> foreign_key;
};
std::optional<ParsedColumn> parse_column(const yaml::Node& node, const std::string& table,
                                         ParseContext& ctx);

// An index mapping as in a model file's `indexes:` list (name optional: from the
// naming convention). `table` names it.
std::optional<Index> parse_index(const yaml::Node& node, const std::string& table,
                                 ParseContext& ctx);
// The same, accepting `extra_keys` that the caller reads itself (create_index's `table`,
// `schema`) instead of reporting them as unknown.
std::optional<Index> parse_index(const yaml::Node& node, const std::string& table,
                                 ParseContext& ctx, const std::vector<std::string>& extra_keys);

// An enum mapping: name, values, schema.
std::optional<Enum> parse_enum(const yaml::Node& node, ParseContext& ctx);

// A sequence mapping: name, schema, start, increment, min_value, max_value, cache,
// cycle, owned_by ("table.column"). Settings left out keep the database's defaults.
std::optional<Sequence> parse_sequence(const yaml::Node& node, ParseContext& ctx);
// The settings of a sequence mapping into `sequence` (for drop_sequence's `existing`,
// which has no name); `what` names it in messages. Reports bad values and bad
// combinations (start outside the bounds); false if any was bad. Keys are not checked.
bool read_sequence_settings(const yaml::Node& node, Sequence& sequence, const std::string& what,
                            ParseContext& ctx);
// A 64-bit whole number setting (start, increment, ...) of a sequence mapping; reports
// anything else at the value and returns nullopt.
std::optional<std::int64_t> read_sequence_number(const yaml::Node& map, const std::string& key,
                                                 const std::string& what, ParseContext& ctx);
// The keys of a sequence mapping besides name and schema.
const std::vector<std::string>& sequence_setting_keys();

// A column type as written; problems become diagnostics at `node`. `map`, the mapping
// that holds it, lets the hint for `{type: numeric(10,4)}` (which YAML splits at the
// comma into `numeric(10` and a key `4)`) name the type as written.
std::optional<ColumnType> parse_type_node(const yaml::Node& node, ParseContext& ctx,
                                          const yaml::Node& map = {});

}  // namespace migrate
