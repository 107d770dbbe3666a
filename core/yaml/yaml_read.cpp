// Diagnostics-collecting YAML readers (core/yaml/yaml_read.h).

#include "core/yaml/yaml_read.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/base/errors.h"

namespace migrate {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string kind_of(const yaml::Node& node) {
    if (node.IsMap()) return "a mapping";
    if (node.IsSequence()) return "a list";
    return "'" + node.Scalar() + "'";
}

}  // namespace

SourceLocation location_of(const yaml::Node& node, const std::string& file) {
    SourceLocation where{file, 0, 0};
    if (!node.IsDefined()) return where;
    yaml::Mark mark = node.Mark();
    if (mark.line >= 0) where.line = mark.line + 1;
    if (mark.column >= 0) where.column = mark.column + 1;
    return where;
}

void report(ReadContext& ctx, const yaml::Node& at, std::string message) {
    report(ctx, location_of(at, ctx.file), std::move(message));
}

void report(ReadContext& ctx, const SourceLocation& at, std::string message) {
    // A message quotes user input: a NUL byte or a newline in it must not cut or
    // break the "file:line: message" line.
    ctx.diagnostics->push_back({at, printable(message)});
}

bool is_missing(const yaml::Node& value) { return !value.IsDefined() || value.IsNull(); }

std::string quoted_list(const std::vector<std::string>& words) {
    std::string s;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i) s += (i + 1 == words.size()) ? " or " : ", ";
        s += "'" + words[i] + "'";
    }
    return s;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best = closest_match(word, candidates);
    return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

bool check_keys(const yaml::Node& map, const std::vector<std::string>& allowed,
                const std::string& what, ReadContext& ctx) {
    bool ok = true;
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
        if (!seen.insert(key).second) {
            report(ctx, it->first, "key '" + key + "' is given twice in " + what);
            ok = false;
        } else if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string hint = did_you_mean(key, allowed);
            if (hint.empty()) hint = "; allowed keys: " + quoted_list(allowed);
            report(ctx, it->first, "unknown key '" + key + "' in " + what + hint);
            ok = false;
        }
    }
    return ok;
}

bool expect_map(const yaml::Node& node, const std::string& what, ReadContext& ctx) {
    if (node.IsMap()) return true;
    report(ctx, node,
           what + " must be a mapping of keys to values, got " +
               (node.IsNull() ? "nothing" : kind_of(node)));
    return false;
}

std::optional<std::string> read_string(const yaml::Node& map, const std::string& key,
                                       const std::string& what, ReadContext& ctx, bool required) {
    const yaml::Node value = map[key];
    if (is_missing(value)) {
        if (required) report(ctx, map, what + " needs '" + key + "'");
        return std::nullopt;
    }
    if (!value.IsScalar()) {
        report(ctx, value, "'" + key + "' of " + what + " must be a string, got " + kind_of(value));
        return std::nullopt;
    }
    if (!check_no_nul(value.Scalar(), "'" + key + "' of " + what, value, ctx)) return std::nullopt;
    return value.Scalar();
}

bool check_no_nul(const std::string& text, const std::string& what, const yaml::Node& at,
                  ReadContext& ctx) {
    if (text.find('\0') == std::string::npos) return true;
    report(ctx, at, what + " contains a NUL byte ('" + text + "'); remove it");
    return false;
}

bool check_identifier(const std::string& name, const std::string& what, const yaml::Node& at,
                      ReadContext& ctx) {
    if (name.empty() || name.find_first_not_of(" \t") == std::string::npos) {
        report(ctx, at, what + " has an empty name");
        return false;
    }
    auto control =
        std::find_if(name.begin(), name.end(), [](char c) { return is_control_character(c); });
    if (control != name.end()) {
        report(ctx, at,
               "name '" + name + "' of " + what + " contains a control character (" +
                   printable(std::string(1, *control)) + "); names cannot hold control characters");
        return false;
    }
    if (name.size() > 63) {
        report(ctx, at,
               "name '" + name + "' of " + what + " is " + std::to_string(name.size()) +
                   " bytes long; names are limited to 63 bytes");
        return false;
    }
    return true;
}

std::optional<std::string> read_name(const yaml::Node& map, const std::string& key,
                                     const std::string& what, ReadContext& ctx, bool required) {
    const yaml::Node value = map[key];
    auto name = read_string(map, key, what, ctx, required);
    if (!name) return std::nullopt;
    if (!check_identifier(*name, what, value, ctx)) return std::nullopt;
    return name;
}

std::optional<bool> read_bool(const yaml::Node& map, const std::string& key,
                              const std::string& what, ReadContext& ctx) {
    const yaml::Node value = map[key];
    if (is_missing(value)) return std::nullopt;
    std::string text = value.IsScalar() ? lower(value.Scalar()) : "";
    if (text == "true") return true;
    if (text == "false") return false;
    report(ctx, value,
           "'" + key + "' of " + what + " must be true or false, got " + kind_of(value));
    return std::nullopt;
}

std::optional<int> read_positive_int(const yaml::Node& map, const std::string& key,
                                     const std::string& what, ReadContext& ctx, int max) {
    const yaml::Node value = map[key];
    if (is_missing(value)) return std::nullopt;
    std::string text = value.IsScalar() ? value.Scalar() : "";
    bool digits = !text.empty() && text.size() <= 9 &&
                  text.find_first_not_of("0123456789") == std::string::npos;
    int n = digits ? std::stoi(text) : 0;
    if (n >= 1 && n <= max) return n;
    report(ctx, value,
           "'" + key + "' of " + what + " must be a whole number from 1 to " + std::to_string(max) +
               ", got " + (value.IsScalar() ? "'" + text + "'" : kind_of(value)));
    return std::nullopt;
}

std::optional<std::vector<std::string>> read_string_list(const yaml::Node& map,
                                                         const std::string& key,
                                                         const std::string& what, ReadContext& ctx,
                                                         bool allow_single) {
    const yaml::Node value = map[key];
    if (is_missing(value)) return std::nullopt;
    if (value.IsScalar() && allow_single) {
        if (!check_no_nul(value.Scalar(), "'" + key + "' of " + what, value, ctx))
            return std::nullopt;
        return std::vector<std::string>{value.Scalar()};
    }
    if (!value.IsSequence()) {
        report(ctx, value, "'" + key + "' of " + what + " must be a list, got " + kind_of(value));
        return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& item : value) {
        if (!item.IsScalar()) {
            report(ctx, item,
                   "'" + key + "' of " + what + " must list strings, got " + kind_of(item));
            ok = false;
            continue;
        }
        if (!check_no_nul(item.Scalar(), "'" + key + "' of " + what, item, ctx)) ok = false;
        out.push_back(item.Scalar());
    }
    if (!ok) return std::nullopt;
    return out;
}

std::optional<std::vector<std::string>> read_name_list(const yaml::Node& map,
                                                       const std::string& key,
                                                       const std::string& what, ReadContext& ctx,
                                                       bool allow_single) {
    auto names = read_string_list(map, key, what, ctx, allow_single);
    if (!names) return std::nullopt;
    const yaml::Node value = map[key];
    bool ok = true;
    for (size_t i = 0; i < names->size(); ++i)
        ok &= check_identifier((*names)[i], what, value.IsSequence() ? value[i] : value, ctx);
    if (!ok) return std::nullopt;
    return names;
}

}  // namespace migrate
