// Reading operations from revision files (core/operations/operation_yaml.h). One reader per
// operation, keyed by its revision-file name; every problem is a diagnostic with
// file:line:column and reading goes on, so a file's errors are all reported at once.

#include <algorithm>
#include <functional>
#include <map>

#include "core/operations/operation_yaml_internal.h"

namespace migrate {

namespace {

using detail::Body;

using Reader = std::function<Operations(Body&)>;

bool flag(Body& b, const std::string& key) {
    return read_bool(b.node, key, b.what, b.ctx).value_or(false);
}

Operations read_create_table(Body& b) {
    auto table = parse_table(b.node, b.ctx, nullptr, {"if_not_exists"});
    if (!table) return {};
    return {CreateTable{*table, flag(b, "if_not_exists")}};
}

Operations read_drop_table(Body& b) {
    b.keys({"name", "existing", "if_exists"});
    DropTable op{b.schema(), b.name("name"), std::nullopt};
    op.if_exists = flag(b, "if_exists");
    if (!is_missing(b.node["existing"])) op.existing = parse_table(b.node["existing"], b.ctx);
    return {op};
}

Operations read_rename_table(Body& b) {
    b.keys({"name", "new_name"});
    return {RenameTable{b.schema(), b.name("name"), b.name("new_name")}};
}

Operations read_add_column(Body& b) {
    b.keys({"table", "column", "fill", "if_not_exists"});
    std::string schema = b.schema(), table = b.name("table");
    if (is_missing(b.node["column"])) {
        report(b.ctx, b.node, b.what + " needs 'column'");
        return {};
    }
    auto parsed = parse_column(b.node["column"], table, b.ctx);
    if (!parsed) return {};
    AddColumn add{schema, table, parsed->column, std::move(parsed->column.fill)};
    add.column.fill.reset();
    if (!is_missing(b.node["fill"])) add.fill = b.opt_text("fill");
    if (add.fill && add.column.autoincrement)
        report(b.ctx, b.node["fill"],
               b.what + ": an autoincrement column numbers its rows itself; remove 'fill'");
    add.if_not_exists = flag(b, "if_not_exists");
    if (add.if_not_exists &&
        (parsed->primary_key || parsed->unique || parsed->index || parsed->foreign_key || add.fill))
        report(b.ctx, b.node["if_not_exists"],
               b.what +
                   ": if_not_exists adds the column alone; give its fill, key, index or "
                   "constraint in operations of their own");
    Operations ops{std::move(add)};
    if (parsed->primary_key)
        ops.push_back(CreatePrimaryKey{
            schema, table, {b.ctx.naming->primary_key_name(table), {parsed->column.name}}});
    if (parsed->unique) ops.push_back(CreateUniqueConstraint{schema, table, *parsed->unique});
    if (parsed->index) ops.push_back(CreateIndex{schema, table, *parsed->index});
    if (parsed->foreign_key) ops.push_back(CreateForeignKey{schema, table, *parsed->foreign_key});
    return ops;
}

Operations read_drop_column(Body& b) {
    b.keys({"table", "name", "existing", "if_exists"});
    DropColumn op{b.schema(), b.name("table"), b.name("name"), std::nullopt};
    op.if_exists = flag(b, "if_exists");
    if (!is_missing(b.node["existing"]))
        if (auto parsed = parse_column(b.node["existing"], op.table, b.ctx))
            op.existing = parsed->column;
    return {op};
}

Operations read_alter_column(Body& b) {
    b.keys({"table", "name", "new_name", "type", "nullable", "server_default", "comment",
            "autoincrement", "using", "existing_type", "existing_nullable",
            "existing_server_default", "existing_comment", "existing_autoincrement"});
    AlterColumn op;
    op.schema = b.schema();
    op.table = b.name("table");
    op.name = b.name("name");
    op.new_name = b.opt_name("new_name");
    if (!is_missing(b.node["type"])) op.type = parse_type_node(b.node["type"], b.ctx, b.node);
    op.nullable = read_bool(b.node, "nullable", b.what, b.ctx);
    op.server_default = b.nullable_text("server_default");
    op.comment = b.nullable_text("comment");
    op.autoincrement = read_bool(b.node, "autoincrement", b.what, b.ctx);
    op.using_expr = b.opt_text("using");
    if (!is_missing(b.node["existing_type"]))
        op.existing_type = parse_type_node(b.node["existing_type"], b.ctx, b.node);
    op.existing_nullable = read_bool(b.node, "existing_nullable", b.what, b.ctx);
    op.existing_server_default = b.nullable_text("existing_server_default");
    op.existing_comment = b.nullable_text("existing_comment");
    op.existing_autoincrement = read_bool(b.node, "existing_autoincrement", b.what, b.ctx);
    if (!op.new_name && !op.type && !op.nullable && !op.server_default && !op.comment &&
        !op.autoincrement)
        report(b.ctx, b.node,
               b.what +
                   " changes nothing; give new_name, type, nullable, server_default, comment or "
                   "autoincrement");
    return {op};
}

Operations read_create_index(Body& b) {
    std::string schema = b.schema(), table = b.name("table");
    auto index =
        parse_index(b.node, table, b.ctx, {"table", "schema", "concurrently", "if_not_exists"});
    if (!index) return {};
    return {CreateIndex{schema, table, *index, flag(b, "concurrently"), flag(b, "if_not_exists")}};
}

Operations read_drop_index(Body& b) {
    b.keys({"name", "table", "existing", "concurrently", "if_exists"});
    DropIndex op{b.schema(), b.name("table"), b.name("name"), std::nullopt};
    op.concurrently = flag(b, "concurrently");
    op.if_exists = flag(b, "if_exists");
    if (!is_missing(b.node["existing"])) {
        op.existing = parse_index(b.node["existing"], op.table, b.ctx);
        if (op.existing) op.existing->name = op.name;
    }
    return {op};
}

const std::map<std::string, Reader>& readers() {
    static const std::map<std::string, Reader> table = {
        {"create_table", read_create_table},
        {"drop_table", read_drop_table},
        {"rename_table", read_rename_table},
        {"add_column", read_add_column},
        {"drop_column", read_drop_column},
        {"alter_column", read_alter_column},
        {"create_index", read_create_index},
        {"drop_index", read_drop_index},
        {"create_unique_constraint", detail::read_create_unique},
        {"create_foreign_key", detail::read_create_foreign_key},
        {"create_check_constraint", detail::read_create_check},
        {"create_primary_key", detail::read_create_primary_key},
        {"drop_constraint", detail::read_drop_constraint},
        {"create_enum", detail::read_create_enum},
        {"drop_enum", detail::read_drop_enum},
        {"alter_enum_add_value", detail::read_enum_add},
        {"alter_enum_drop_value", detail::read_enum_drop},
        {"set_table_comment", detail::read_set_table_comment},
        {"execute", detail::read_execute},
        {"create_sequence", detail::read_create_sequence},
        {"drop_sequence", detail::read_drop_sequence},
        {"alter_sequence", detail::read_alter_sequence},
    };
    return table;
}

}  // namespace

Operations parse_operation(const yaml::Node& entry, ParseContext& ctx) {
    if (!entry.IsMap() || entry.size() != 1) {
        report(
            ctx, entry,
            "an operation is a mapping with one key, its name, e.g. `- drop_table: {name: posts}`");
        return {};
    }
    auto it = entry.begin();
    std::string name = it->first.IsScalar() ? it->first.Scalar() : "";
    auto reader = readers().find(name);
    if (reader == readers().end()) {
        std::vector<std::string> names;
        for (const auto& [n, r] : readers()) names.push_back(n);
        report(ctx, it->first, "unknown operation '" + name + "'" + did_you_mean(name, names));
        return {};
    }
    const yaml::Node body = it->second;
    if (name != "execute" && !expect_map(body, name, ctx)) return {};
    size_t before = ctx.diagnostics->size();
    Body b{body, ctx, name};
    Operations ops = reader->second(b);
    if (ctx.diagnostics->size() != before) return {};
    return ops;
}

Operations parse_operations(const yaml::Node& list, ParseContext& ctx) {
    Operations out;
    if (is_missing(list)) return out;
    if (!list.IsSequence()) {
        report(ctx, list, "operations must be a list (`- create_table: ...`), or [] for none");
        return out;
    }
    for (const auto& entry : list) {
        Operations ops = parse_operation(entry, ctx);
        out.insert(out.end(), std::make_move_iterator(ops.begin()),
                   std::make_move_iterator(ops.end()));
    }
    return out;
}

}  // namespace migrate
