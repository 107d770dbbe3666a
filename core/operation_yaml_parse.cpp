// Reading operations from revision files (core/operation_yaml.h). One reader per
// operation, keyed by its revision-file name; every problem is a diagnostic with
// file:line:column and reading goes on, so a file's errors are all reported at once.

#include <algorithm>
#include <functional>
#include <map>

#include "core/operation_yaml.h"
#include "core/yaml_read.h"

namespace migrate {

namespace {

// The body of one operation: its mapping, a name for messages, and typed readers.
struct Body {
    const YAML::Node& node;
    ParseContext& ctx;
    std::string what;

    bool keys(std::vector<std::string> allowed) {
        allowed.push_back("schema");
        return check_keys(node, allowed, what, ctx);
    }
    std::string schema() { return read_name(node, "schema", what, ctx, false).value_or(""); }
    std::string name(const std::string& key) { return read_name(node, key, what, ctx, true).value_or(""); }
    std::optional<std::string> opt_name(const std::string& key) { return read_name(node, key, what, ctx, false); }
    std::string text(const std::string& key) { return read_string(node, key, what, ctx, true).value_or(""); }
    std::optional<std::string> opt_text(const std::string& key) { return read_string(node, key, what, ctx, false); }
    std::vector<std::string> list(const std::string& key, bool required = true) {
        if (required && is_missing(node[key])) {
            report(ctx, node, what + " needs '" + key + "'");
            return {};
        }
        auto l = read_string_list(node, key, what, ctx);
        if (l && l->empty()) report(ctx, node[key], "'" + key + "' of " + what + " is empty");
        return l.value_or(std::vector<std::string>{});
    }
    // A key that may be absent (outer nullopt), null (inner nullopt) or a string.
    std::optional<std::optional<std::string>> nullable_text(const std::string& key) {
        const YAML::Node v = node[key];
        if (!v.IsDefined()) return std::nullopt;
        if (v.IsNull()) return std::optional<std::string>();
        return std::optional<std::string>(read_string(node, key, what, ctx, false));
    }
    std::optional<std::string> action(const std::string& key) {
        auto a = opt_text(key);
        if (!a) return std::nullopt;
        std::string v;
        for (char c : *a) v += c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        static const std::vector<std::string> actions = {"cascade", "set null", "set default", "restrict", "no action"};
        if (std::find(actions.begin(), actions.end(), v) == actions.end()) {
            report(ctx, node[key], "'" + key + "' of " + what + " must be " + quoted_list(actions) + ", got '" + *a + "'" +
                                       did_you_mean(v, actions));
            return std::nullopt;
        }
        return v;
    }
};

using Reader = std::function<Operations(Body&)>;

Operations read_create_table(Body& b) {
    auto table = parse_table(b.node, b.ctx);
    if (!table) return {};
    return {CreateTable{*table}};
}

Operations read_drop_table(Body& b) {
    b.keys({"name", "existing"});
    DropTable op{b.schema(), b.name("name"), std::nullopt};
    if (!is_missing(b.node["existing"])) op.existing = parse_table(b.node["existing"], b.ctx);
    return {op};
}

Operations read_rename_table(Body& b) {
    b.keys({"name", "new_name"});
    return {RenameTable{b.schema(), b.name("name"), b.name("new_name")}};
}

Operations read_add_column(Body& b) {
    b.keys({"table", "column"});
    std::string schema = b.schema(), table = b.name("table");
    if (is_missing(b.node["column"])) {
        report(b.ctx, b.node, b.what + " needs 'column'");
        return {};
    }
    auto parsed = parse_column(b.node["column"], table, b.ctx);
    if (!parsed) return {};
    Operations ops{AddColumn{schema, table, parsed->column}};
    if (parsed->primary_key)
        ops.push_back(CreatePrimaryKey{schema, table, {b.ctx.naming->primary_key_name(table), {parsed->column.name}}});
    if (parsed->unique) ops.push_back(CreateUniqueConstraint{schema, table, *parsed->unique});
    if (parsed->index) ops.push_back(CreateIndex{schema, table, *parsed->index});
    if (parsed->foreign_key) ops.push_back(CreateForeignKey{schema, table, *parsed->foreign_key});
    return ops;
}

Operations read_drop_column(Body& b) {
    b.keys({"table", "name", "existing"});
    DropColumn op{b.schema(), b.name("table"), b.name("name"), std::nullopt};
    if (!is_missing(b.node["existing"]))
        if (auto parsed = parse_column(b.node["existing"], op.table, b.ctx)) op.existing = parsed->column;
    return {op};
}

Operations read_alter_column(Body& b) {
    b.keys({"table", "name", "new_name", "type", "nullable", "server_default", "comment", "using", "existing_type",
            "existing_nullable", "existing_server_default", "existing_comment"});
    AlterColumn op;
    op.schema = b.schema();
    op.table = b.name("table");
    op.name = b.name("name");
    op.new_name = b.opt_name("new_name");
    if (!is_missing(b.node["type"])) op.type = parse_type_node(b.node["type"], b.ctx);
    op.nullable = read_bool(b.node, "nullable", b.what, b.ctx);
    op.server_default = b.nullable_text("server_default");
    op.comment = b.nullable_text("comment");
    op.using_expr = b.opt_text("using");
    if (!is_missing(b.node["existing_type"])) op.existing_type = parse_type_node(b.node["existing_type"], b.ctx);
    op.existing_nullable = read_bool(b.node, "existing_nullable", b.what, b.ctx);
    op.existing_server_default = b.nullable_text("existing_server_default");
    op.existing_comment = b.nullable_text("existing_comment");
    if (!op.new_name && !op.type && !op.nullable && !op.server_default && !op.comment)
        report(b.ctx, b.node, b.what + " changes nothing; give new_name, type, nullable, server_default or comment");
    return {op};
}

Operations read_create_index(Body& b) {
    std::string schema = b.schema(), table = b.name("table");
    auto index = parse_index(b.node, table, b.ctx, {"table", "schema"});
    if (!index) return {};
    return {CreateIndex{schema, table, *index}};
}

Operations read_drop_index(Body& b) {
    b.keys({"name", "table", "existing"});
    DropIndex op{b.schema(), b.name("table"), b.name("name"), std::nullopt};
    if (!is_missing(b.node["existing"])) {
        op.existing = parse_index(b.node["existing"], op.table, b.ctx);
        if (op.existing) op.existing->name = op.name;
    }
    return {op};
}

std::string constraint_name(Body& b, const std::function<std::string()>& derive) {
    auto given = b.opt_name("name");
    return given ? *given : derive();
}

Operations read_create_unique(Body& b) {
    b.keys({"name", "table", "columns"});
    std::string schema = b.schema(), table = b.name("table");
    auto cols = b.list("columns");
    return {CreateUniqueConstraint{schema, table, {constraint_name(b, [&] { return b.ctx.naming->unique_name(table, cols); }), cols}}};
}

std::optional<ForeignKey> read_foreign_key_fields(Body& b, const std::string& table) {
    ForeignKey fk;
    fk.columns = b.list("columns");
    fk.referred_table = b.name("references_table");
    fk.referred_columns = b.list("references_columns");
    fk.referred_schema = b.opt_name("references_schema").value_or("");
    fk.on_delete = b.action("on_delete").value_or("");
    fk.on_update = b.action("on_update").value_or("");
    if (fk.columns.size() != fk.referred_columns.size() && !fk.referred_columns.empty())
        report(b.ctx, b.node["references_columns"], b.what + " has " + std::to_string(fk.columns.size()) +
                                                        " column(s) but " + std::to_string(fk.referred_columns.size()) +
                                                        " referenced column(s)");
    fk.name = constraint_name(b, [&] { return b.ctx.naming->foreign_key_name(table, fk.columns, fk.referred_table); });
    return fk;
}

Operations read_create_foreign_key(Body& b) {
    b.keys({"name", "table", "columns", "references_table", "references_columns", "references_schema", "on_delete",
            "on_update"});
    std::string schema = b.schema(), table = b.name("table");
    return {CreateForeignKey{schema, table, *read_foreign_key_fields(b, table)}};
}

Operations read_create_check(Body& b) {
    b.keys({"name", "table", "expression"});
    std::string schema = b.schema(), table = b.name("table"), expr = b.text("expression");
    return {CreateCheckConstraint{schema, table, {constraint_name(b, [&] { return b.ctx.naming->check_name(table, check_token(expr)); }), expr}}};
}

Operations read_create_primary_key(Body& b) {
    b.keys({"name", "table", "columns"});
    std::string schema = b.schema(), table = b.name("table");
    auto cols = b.list("columns");
    return {CreatePrimaryKey{schema, table, {constraint_name(b, [&] { return b.ctx.naming->primary_key_name(table); }), cols}}};
}

const std::vector<std::string> kConstraintTypes = {"unique", "foreign_key", "check", "primary_key"};

void read_existing_constraint(Body& b, DropConstraint& op) {
    const YAML::Node existing = b.node["existing"];
    if (is_missing(existing) || !expect_map(existing, "'existing' of " + b.what, b.ctx)) return;
    Body e{existing, b.ctx, "'existing' of " + b.what};
    switch (op.type) {
        case ConstraintType::Unique:
            check_keys(existing, {"columns"}, e.what, b.ctx);
            op.existing_unique = UniqueConstraint{op.name, e.list("columns")};
            break;
        case ConstraintType::PrimaryKey:
            check_keys(existing, {"columns"}, e.what, b.ctx);
            op.existing_primary_key = PrimaryKey{op.name, e.list("columns")};
            break;
        case ConstraintType::Check:
            check_keys(existing, {"expression"}, e.what, b.ctx);
            op.existing_check = CheckConstraint{op.name, e.text("expression")};
            break;
        case ConstraintType::ForeignKey:
            check_keys(existing, {"columns", "references_table", "references_columns", "references_schema", "on_delete", "on_update"},
                       e.what, b.ctx);
            op.existing_foreign_key = read_foreign_key_fields(e, op.table);
            op.existing_foreign_key->name = op.name;
            break;
    }
}

Operations read_drop_constraint(Body& b) {
    b.keys({"name", "table", "type", "existing"});
    DropConstraint op{b.schema(), b.name("table"), b.name("name")};
    std::string type = b.text("type");
    auto it = std::find(kConstraintTypes.begin(), kConstraintTypes.end(), type);
    if (it == kConstraintTypes.end()) {
        if (!type.empty())
            report(b.ctx, b.node["type"], "'type' of " + b.what + " must be " + quoted_list(kConstraintTypes) + ", got '" +
                                              type + "'" + did_you_mean(type, kConstraintTypes));
        return {op};
    }
    op.type = static_cast<ConstraintType>(it - kConstraintTypes.begin());
    read_existing_constraint(b, op);
    return {op};
}

Operations read_create_enum(Body& b) {
    auto e = parse_enum(b.node, b.ctx);
    if (!e) return {};
    return {CreateEnum{*e}};
}

Operations read_drop_enum(Body& b) {
    b.keys({"name", "existing_values"});
    DropEnum op{b.schema(), b.name("name"), std::nullopt};
    if (!is_missing(b.node["existing_values"])) op.existing = Enum{op.schema, op.name, b.list("existing_values")};
    return {op};
}

Operations read_enum_add(Body& b) {
    b.keys({"name", "value", "before", "after"});
    AlterEnumAddValue op{b.schema(), b.name("name"), b.text("value"), b.opt_text("before"), b.opt_text("after")};
    if (op.before && op.after) report(b.ctx, b.node["after"], b.what + " takes 'before' or 'after', not both");
    return {op};
}

Operations read_enum_drop(Body& b) {
    b.keys({"name", "value"});
    return {AlterEnumDropValue{b.schema(), b.name("name"), b.text("value")}};
}

Operations read_set_table_comment(Body& b) {
    b.keys({"table", "comment", "existing_comment"});
    SetTableComment op{b.schema(), b.name("table"), std::nullopt, b.nullable_text("existing_comment")};
    auto comment = b.nullable_text("comment");
    if (!comment) report(b.ctx, b.node, b.what + " needs 'comment' (null drops the comment)");
    else op.comment = *comment;
    return {op};
}

Operations read_execute(Body& b) {
    if (b.node.IsScalar()) return {Execute{b.node.Scalar(), "", {}}};
    if (!expect_map(b.node, b.what, b.ctx)) return {};
    check_keys(b.node, {"sql", "dialect", "effect"}, b.what, b.ctx);
    Execute op{b.text("sql"), b.opt_text("dialect").value_or(""), {}};
    if (op.dialect == "postgres") op.dialect = "postgresql";
    if (!op.dialect.empty() && op.dialect != "sqlite" && op.dialect != "postgresql")
        report(b.ctx, b.node["dialect"], "'dialect' of " + b.what + " must be 'sqlite' or 'postgresql', got '" + op.dialect + "'");
    op.effect = parse_operations(b.node["effect"], b.ctx);
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
        {"create_unique_constraint", read_create_unique},
        {"create_foreign_key", read_create_foreign_key},
        {"create_check_constraint", read_create_check},
        {"create_primary_key", read_create_primary_key},
        {"drop_constraint", read_drop_constraint},
        {"create_enum", read_create_enum},
        {"drop_enum", read_drop_enum},
        {"alter_enum_add_value", read_enum_add},
        {"alter_enum_drop_value", read_enum_drop},
        {"set_table_comment", read_set_table_comment},
        {"execute", read_execute},
    };
    return table;
}

}  // namespace

Operations parse_operation(const YAML::Node& entry, ParseContext& ctx) {
    if (!entry.IsMap() || entry.size() != 1) {
        report(ctx, entry, "an operation is a mapping with one key, its name, e.g. `- drop_table: {name: posts}`");
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
    const YAML::Node body = it->second;
    if (name != "execute" && !expect_map(body, name, ctx)) return {};
    size_t before = ctx.diagnostics->size();
    Body b{body, ctx, name};
    Operations ops = reader->second(b);
    if (ctx.diagnostics->size() != before) return {};
    return ops;
}

Operations parse_operations(const YAML::Node& list, ParseContext& ctx) {
    Operations out;
    if (is_missing(list)) return out;
    if (!list.IsSequence()) {
        report(ctx, list, "operations must be a list (`- create_table: ...`), or [] for none");
        return out;
    }
    for (const auto& entry : list) {
        Operations ops = parse_operation(entry, ctx);
        out.insert(out.end(), std::make_move_iterator(ops.begin()), std::make_move_iterator(ops.end()));
    }
    return out;
}

}  // namespace migrate
