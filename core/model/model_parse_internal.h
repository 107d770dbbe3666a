#pragma once
// Pieces of model_parse shared between its files (not for use outside core/model_parse*).

#include <optional>
#include <string>
#include <vector>

#include "core/model/model_parse.h"
#include "core/yaml/yaml_tree.h"

namespace migrate::detail {

// A column as read, before the table decides its primary key and autoincrement.
struct ColumnDraft {
    ParsedColumn parsed;
    yaml::Node node;                    // the column mapping
    std::optional<bool> nullable;       // as written
    std::optional<bool> autoincrement;  // as written
    bool type_ok = true;
};

std::optional<ColumnDraft> read_column(const yaml::Node& node, const std::string& table,
                                       ParseContext& ctx);

// Settles autoincrement (any integer column may; default: the single integer primary
// key column without a foreign key) and nullable (false for primary key and
// autoincrement columns; an explicit nullable: true is an error there). `pk_columns`
// are the table's primary key columns.
void settle_primary_key(std::vector<ColumnDraft>& columns,
                        const std::vector<std::string>& pk_columns,
                        const std::vector<ForeignKey>& foreign_keys, ParseContext& ctx);

// "cascade", "set null", ... from a value as written ("SET_NULL"); reports bad ones.
std::optional<std::string> read_action(const yaml::Node& map, const std::string& key,
                                       const std::string& what, ParseContext& ctx);

// Table-level entries (model_parse_parts.cpp).
std::optional<UniqueConstraint> read_unique(const yaml::Node& node, const std::string& table,
                                            ParseContext& ctx);
std::optional<ForeignKey> read_foreign_key(const yaml::Node& node, const std::string& table,
                                           ParseContext& ctx);
std::optional<CheckConstraint> read_check(const yaml::Node& node, const std::string& table,
                                          ParseContext& ctx);
std::optional<PrimaryKey> read_primary_key(const yaml::Node& node, const std::string& table,
                                           ParseContext& ctx);

}  // namespace migrate::detail
