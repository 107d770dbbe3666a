// Readers of the constraint, enum, comment and execute operations of revision files
// (core/operations/operation_yaml.h); the table, column and index readers are in
// operation_yaml_parse.cpp.

#include <functional>

#include "core/operations/operation_yaml_internal.h"

namespace migrate::detail {

namespace {

std::string constraint_name(Body& b, const std::function<std::string()>& derive) {
    auto given = b.opt_name("name");
    return given ? *given : derive();
}

std::optional<ForeignKey> read_foreign_key_fields(Body& b, const std::string& table) {
    ForeignKey fk;
    fk.columns = b.names("columns");
    fk.referred_table = b.name("references_table");
    fk.referred_columns = b.names("references_columns");
    fk.referred_schema = b.opt_name("references_schema").value_or("");
    fk.on_delete = b.action("on_delete").value_or("");
    fk.on_update = b.action("on_update").value_or("");
    if (fk.columns.size() != fk.referred_columns.size() && !fk.referred_columns.empty())
        report(b.ctx, b.node["references_columns"],
               b.what + " has " + std::to_string(fk.columns.size()) + " column(s) but " +
                   std::to_string(fk.referred_columns.size()) + " referenced column(s)");
    fk.name = constraint_name(
        b, [&] { return b.ctx.naming->foreign_key_name(table, fk.columns, fk.referred_table); });
    return fk;
}

const std::vector<std::string> kConstraintTypes = {"unique", "foreign_key", "check", "primary_key"};

void read_existing_constraint(Body& b, DropConstraint& op) {
    const yaml::Node existing = b.node["existing"];
    if (is_missing(existing) || !expect_map(existing, "'existing' of " + b.what, b.ctx)) return;
    Body e{existing, b.ctx, "'existing' of " + b.what};
    switch (op.type) {
        case ConstraintType::Unique:
            check_keys(existing, {"columns"}, e.what, b.ctx);
            op.existing_unique = UniqueConstraint{op.name, e.names("columns")};
            break;
        case ConstraintType::PrimaryKey:
            check_keys(existing, {"columns"}, e.what, b.ctx);
            op.existing_primary_key = PrimaryKey{op.name, e.names("columns")};
            break;
        case ConstraintType::Check:
            check_keys(existing, {"expression"}, e.what, b.ctx);
            op.existing_check = CheckConstraint{op.name, e.text("expression")};
            break;
        case ConstraintType::ForeignKey:
            check_keys(existing,
                       {"columns", "references_table", "references_columns", "references_schema",
                        "on_delete", "on_update"},
                       e.what, b.ctx);
            op.existing_foreign_key = read_foreign_key_fields(e, op.table);
            op.existing_foreign_key->name = op.name;
            break;
    }
}

}  // namespace

Operations read_create_unique(Body& b) {
    b.keys({"name", "table", "columns"});
    std::string schema = b.schema(), table = b.name("table");
    auto cols = b.names("columns");
    return {CreateUniqueConstraint{
        schema,
        table,
        {constraint_name(b, [&] { return b.ctx.naming->unique_name(table, cols); }), cols}}};
}

Operations read_create_foreign_key(Body& b) {
    b.keys({"name", "table", "columns", "references_table", "references_columns",
            "references_schema", "on_delete", "on_update"});
    std::string schema = b.schema(), table = b.name("table");
    return {CreateForeignKey{schema, table, *read_foreign_key_fields(b, table)}};
}

Operations read_create_check(Body& b) {
    b.keys({"name", "table", "expression"});
    std::string schema = b.schema(), table = b.name("table"), expr = b.text("expression");
    return {CreateCheckConstraint{
        schema,
        table,
        {constraint_name(b, [&] { return b.ctx.naming->check_name(table, check_token(expr)); }),
         expr}}};
}

Operations read_create_primary_key(Body& b) {
    b.keys({"name", "table", "columns"});
    std::string schema = b.schema(), table = b.name("table");
    auto cols = b.names("columns");
    return {CreatePrimaryKey{
        schema,
        table,
        {constraint_name(b, [&] { return b.ctx.naming->primary_key_name(table); }), cols}}};
}

Operations read_drop_constraint(Body& b) {
    b.keys({"name", "table", "type", "existing"});
    DropConstraint op{b.schema(), b.name("table"), b.name("name")};
    std::string type = b.text("type");
    auto it = std::find(kConstraintTypes.begin(), kConstraintTypes.end(), type);
    if (it == kConstraintTypes.end()) {
        if (!type.empty())
            report(b.ctx, b.node["type"],
                   "'type' of " + b.what + " must be " + quoted_list(kConstraintTypes) + ", got '" +
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
    if (!is_missing(b.node["existing_values"]))
        op.existing = Enum{op.schema, op.name, b.list("existing_values")};
    return {op};
}

Operations read_enum_add(Body& b) {
    b.keys({"name", "value", "before", "after"});
    AlterEnumAddValue op{b.schema(), b.name("name"), b.text("value"), b.opt_text("before"),
                         b.opt_text("after")};
    if (op.before && op.after)
        report(b.ctx, b.node["after"], b.what + " takes 'before' or 'after', not both");
    return {op};
}

Operations read_enum_drop(Body& b) {
    b.keys({"name", "value"});
    return {AlterEnumDropValue{b.schema(), b.name("name"), b.text("value")}};
}

Operations read_set_table_comment(Body& b) {
    b.keys({"table", "comment", "existing_comment"});
    SetTableComment op{b.schema(), b.name("table"), std::nullopt,
                       b.nullable_text("existing_comment")};
    auto comment = b.nullable_text("comment");
    if (!comment)
        report(b.ctx, b.node, b.what + " needs 'comment' (null drops the comment)");
    else
        op.comment = *comment;
    return {op};
}

Operations read_execute(Body& b) {
    if (b.node.IsScalar()) {
        if (!check_no_nul(b.node.Scalar(), b.what, b.node, b.ctx)) return {};
        return {Execute{b.node.Scalar(), "", {}}};
    }
    if (!expect_map(b.node, b.what, b.ctx)) return {};
    check_keys(b.node, {"sql", "dialect", "effect", "reverse", "transactional"}, b.what, b.ctx);
    Execute op{b.text("sql"), b.opt_text("dialect").value_or(""), {}};
    // The names Dialect::name() gives, and the aliases a URL scheme accepts. The revision
    // file format names the dialects it can address (SPEC.md), so the list lives here.
    if (op.dialect == "postgres") op.dialect = "postgresql";
    if (op.dialect == "mariadb") op.dialect = "mysql";
    if (!op.dialect.empty() && op.dialect != "sqlite" && op.dialect != "postgresql" &&
        op.dialect != "mysql")
        report(b.ctx, b.node["dialect"],
               "'dialect' of " + b.what + " must be 'sqlite', 'postgresql' or 'mysql', got '" +
                   op.dialect + "'");
    op.effect = parse_operations(b.node["effect"], b.ctx);
    op.effect_declared = b.node["effect"] && !b.node["effect"].IsNull();
    op.reverse = b.opt_text("reverse");
    op.transactional = read_bool(b.node, "transactional", b.what, b.ctx).value_or(true);
    return {op};
}

}  // namespace migrate::detail
