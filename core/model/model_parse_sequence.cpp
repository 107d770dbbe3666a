// Sequence mappings of model files and revision files (core/model/model_parse.h): integer
// settings read exactly (64-bit, no floats), then checked together (core/schema/sequences.h).

#include <charconv>

#include "core/model/model_parse.h"
#include "core/schema/sequences.h"
#include "core/yaml/yaml_read.h"

namespace migrate {

namespace {

std::optional<std::int64_t> read_int64(const yaml::Node& map, const std::string& key,
                                       const std::string& what, ParseContext& ctx, bool& ok) {
    const yaml::Node v = map[key];
    if (is_missing(v)) return std::nullopt;
    std::string text = v.IsScalar() ? v.Scalar() : "";
    std::int64_t value = 0;
    const char* begin = text.data() + (text.size() > 1 && text[0] == '+' ? 1 : 0);
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (text.empty() || ec != std::errc() || ptr != end) {
        report(ctx, v,
               "'" + key + "' of " + what +
                   " must be a whole number between -9223372036854775808 and " +
                   "9223372036854775807" + (text.empty() ? "" : ", got '" + text + "'"));
        ok = false;
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::optional<std::int64_t> read_sequence_number(const yaml::Node& map, const std::string& key,
                                                 const std::string& what, ParseContext& ctx) {
    bool ok = true;
    return read_int64(map, key, what, ctx, ok);
}

const std::vector<std::string>& sequence_setting_keys() {
    static const std::vector<std::string> keys = {"start", "increment", "min_value", "max_value",
                                                  "cache", "cycle",     "owned_by"};
    return keys;
}

bool read_sequence_settings(const yaml::Node& node, Sequence& q, const std::string& what,
                            ParseContext& ctx) {
    bool ok = true;
    q.start = read_int64(node, "start", what, ctx, ok);
    q.increment = read_int64(node, "increment", what, ctx, ok);
    q.min_value = read_int64(node, "min_value", what, ctx, ok);
    q.max_value = read_int64(node, "max_value", what, ctx, ok);
    q.cache = read_int64(node, "cache", what, ctx, ok);
    size_t before = ctx.diagnostics->size();
    q.cycle = read_bool(node, "cycle", what, ctx).value_or(false);
    if (!is_missing(node["owned_by"])) q.owned_by = read_string(node, "owned_by", what, ctx);
    if (ctx.diagnostics->size() != before) ok = false;
    // Checked also when a value was unreadable (it counts as left out), so that
    // `increment: 0` is reported beside a misspelt `start`.
    if (auto problem = sequence_problem(q)) {
        report(ctx, node, *problem);
        return false;
    }
    return ok;
}

std::optional<Sequence> parse_sequence(const yaml::Node& node, ParseContext& ctx) {
    if (!expect_map(node, "a sequence", ctx)) return std::nullopt;
    size_t before = ctx.diagnostics->size();
    auto name = read_name(node, "name", "a sequence", ctx);
    std::string what = name ? "sequence '" + *name + "'" : "a sequence";
    std::vector<std::string> keys = {"name", "schema"};
    keys.insert(keys.end(), sequence_setting_keys().begin(), sequence_setting_keys().end());
    check_keys(node, keys, what, ctx);
    Sequence q;
    q.name = name.value_or("");
    if (!is_missing(node["schema"])) q.schema = read_name(node, "schema", what, ctx).value_or("");
    read_sequence_settings(node, q, what, ctx);
    if (ctx.diagnostics->size() != before) return std::nullopt;
    return q;
}

}  // namespace migrate
