// Reading create_sequence, drop_sequence and alter_sequence from revision files
// (core/operations/operation_yaml_internal.h). create_sequence takes the mapping of a model file's
// `sequences:` entry; drop_sequence's `existing` holds the settings to recreate it;
// alter_sequence names only what changes, each with its existing_* value.

#include "core/operations/operation_yaml_internal.h"
#include "core/schema/sequences.h"

namespace migrate::detail {

namespace {

// Reads `key` and `existing_<key>` as whole numbers into the two members.
void read_number_pair(Body& b, const std::string& key, std::optional<std::int64_t>& value,
                      std::optional<std::int64_t>& existing) {
    value = read_sequence_number(b.node, key, b.what, b.ctx);
    existing = read_sequence_number(b.node, "existing_" + key, b.what, b.ctx);
}

}  // namespace

Operations read_create_sequence(Body& b) {
    auto q = parse_sequence(b.node, b.ctx);
    if (!q) return {};
    return {CreateSequence{*q}};
}

Operations read_drop_sequence(Body& b) {
    b.keys({"name", "existing"});
    DropSequence op{b.schema(), b.name("name"), std::nullopt};
    const yaml::Node existing = b.node["existing"];
    if (is_missing(existing)) return {op};
    std::string what = "the existing definition of " + b.what;
    if (!expect_map(existing, what, b.ctx)) return {op};
    check_keys(existing, sequence_setting_keys(), what, b.ctx);
    Sequence q;
    q.schema = op.schema;
    q.name = op.name;
    if (read_sequence_settings(existing, q, what, b.ctx)) op.existing = q;
    return {op};
}

Operations read_alter_sequence(Body& b) {
    std::vector<std::string> keys = {"name"};
    for (const auto& k : sequence_setting_keys()) {
        keys.push_back(k);
        keys.push_back("existing_" + k);
    }
    b.keys(keys);
    AlterSequence op;
    op.schema = b.schema();
    op.name = b.name("name");
    read_number_pair(b, "start", op.start, op.existing_start);
    read_number_pair(b, "increment", op.increment, op.existing_increment);
    read_number_pair(b, "min_value", op.min_value, op.existing_min_value);
    read_number_pair(b, "max_value", op.max_value, op.existing_max_value);
    read_number_pair(b, "cache", op.cache, op.existing_cache);
    op.cycle = read_bool(b.node, "cycle", b.what, b.ctx);
    op.existing_cycle = read_bool(b.node, "existing_cycle", b.what, b.ctx);
    op.owned_by = b.nullable_text("owned_by");
    op.existing_owned_by = b.nullable_text("existing_owned_by");
    if (op.increment == 0)
        report(b.ctx, b.node["increment"], "'increment' of " + b.what + " cannot be 0");
    if (op.cache && *op.cache < 1)
        report(b.ctx, b.node["cache"], "'cache' of " + b.what + " must be at least 1");
    if (op.owned_by && *op.owned_by && !split_owner(**op.owned_by))
        report(b.ctx, b.node["owned_by"],
               "'owned_by' of " + b.what + " must be 'table.column' or null, got '" +
                   **op.owned_by + "'");
    if (op.changes_nothing())
        report(b.ctx, b.node,
               b.what +
                   " changes nothing; give start, increment, min_value, max_value, cache, cycle or "
                   "owned_by");
    return {op};
}

}  // namespace migrate::detail
