#pragma once
// Shared by the operation readers (core/operation_yaml_parse*.cpp) only: the body of
// one operation with typed readers that report problems as diagnostics.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/operations/operation_yaml.h"
#include "core/yaml/yaml_read.h"

namespace migrate::detail {

// The body of one operation: its mapping, a name for messages, and typed readers.
struct Body {
    const yaml::Node& node;
    ParseContext& ctx;
    std::string what;

    bool keys(std::vector<std::string> allowed) {
        allowed.push_back("schema");
        return check_keys(node, allowed, what, ctx);
    }
    std::string schema() { return read_name(node, "schema", what, ctx, false).value_or(""); }
    std::string name(const std::string& key) {
        return read_name(node, key, what, ctx, true).value_or("");
    }
    std::optional<std::string> opt_name(const std::string& key) {
        return read_name(node, key, what, ctx, false);
    }
    std::string text(const std::string& key) {
        return read_string(node, key, what, ctx, true).value_or("");
    }
    std::optional<std::string> opt_text(const std::string& key) {
        return read_string(node, key, what, ctx, false);
    }
    std::vector<std::string> list(const std::string& key, bool required = true) {
        return read_list(key, required, false);
    }
    // A list of column names, each checked as an identifier.
    std::vector<std::string> names(const std::string& key) { return read_list(key, true, true); }
    std::vector<std::string> read_list(const std::string& key, bool required, bool identifiers) {
        if (required && is_missing(node[key])) {
            report(ctx, node, what + " needs '" + key + "'");
            return {};
        }
        auto l = identifiers ? read_name_list(node, key, what, ctx)
                             : read_string_list(node, key, what, ctx);
        if (l && l->empty()) report(ctx, node[key], "'" + key + "' of " + what + " is empty");
        return l.value_or(std::vector<std::string>{});
    }
    // A key that may be absent (outer nullopt), null (inner nullopt) or a string.
    std::optional<std::optional<std::string>> nullable_text(const std::string& key) {
        const yaml::Node v = node[key];
        if (!v.IsDefined()) return std::nullopt;
        if (v.IsNull()) return std::optional<std::string>();
        return std::optional<std::string>(read_string(node, key, what, ctx, false));
    }
    std::optional<std::string> action(const std::string& key) {
        auto a = opt_text(key);
        if (!a) return std::nullopt;
        std::string v;
        for (char c : *a)
            v += c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        static const std::vector<std::string> actions = {"cascade", "set null", "set default",
                                                         "restrict", "no action"};
        if (std::find(actions.begin(), actions.end(), v) == actions.end()) {
            report(ctx, node[key],
                   "'" + key + "' of " + what + " must be " + quoted_list(actions) + ", got '" +
                       *a + "'" + did_you_mean(v, actions));
            return std::nullopt;
        }
        return v;
    }
};

// Readers of constraint, enum, comment and execute operations
// (operation_yaml_parse_constraints.cpp).
Operations read_create_unique(Body& b);
Operations read_create_foreign_key(Body& b);
Operations read_create_check(Body& b);
Operations read_create_primary_key(Body& b);
Operations read_drop_constraint(Body& b);
Operations read_create_enum(Body& b);
Operations read_drop_enum(Body& b);
Operations read_enum_add(Body& b);
Operations read_enum_drop(Body& b);
Operations read_set_table_comment(Body& b);
Operations read_execute(Body& b);

// Readers of the sequence operations (operation_yaml_parse_sequences.cpp).
Operations read_create_sequence(Body& b);
Operations read_drop_sequence(Body& b);
Operations read_alter_sequence(Body& b);

}  // namespace migrate::detail
