// Columns of a table present on both sides: added, removed, and altered (type,
// nullability, server default, comment, autoincrement). An alter_column carries every
// existing_* detail, so its reverse restores the column and SQLite can rebuild.

#include "core/diff/diff_context.h"

namespace migrate::diff {

namespace {

int integer_rank(TypeKind k) {
    return k == TypeKind::SmallInt ? 1 : k == TypeKind::Integer ? 2 : k == TypeKind::BigInt ? 3 : 0;
}

bool numeric_widens(const ColumnType& from, const ColumnType& to) {
    if (!to.precision) return true;
    if (!from.precision) return false;
    int from_scale = from.scale.value_or(0), to_scale = to.scale.value_or(0);
    return to_scale >= from_scale && *to.precision - to_scale >= *from.precision - from_scale;
}

// Whether every value of `from` fits `to` unchanged. Anything else is flagged.
bool widens(const ColumnType& from, const ColumnType& to) {
    if (to.kind == TypeKind::Text) return true;
    if (integer_rank(from.kind) && integer_rank(to.kind))
        return integer_rank(to.kind) >= integer_rank(from.kind);
    if (integer_rank(from.kind) && to.kind == TypeKind::Numeric) return !to.precision;
    if (from.kind == TypeKind::Float && to.kind == TypeKind::Double) return true;
    if (from.kind == TypeKind::String && to.kind == TypeKind::String)
        return !to.length || (from.length && *to.length >= *from.length);
    if (from.kind == TypeKind::Numeric && to.kind == TypeKind::Numeric)
        return numeric_widens(from, to);
    if (from.kind == TypeKind::DateTime && to.kind == TypeKind::DateTime)
        return to.timezone || !from.timezone;
    return false;
}

std::string shown(const std::optional<std::string>& value) { return value ? *value : "none"; }

AlterColumn alter_of(const Table& table, const Column& existing) {
    AlterColumn a;
    a.schema = table.schema;
    a.table = table.name;
    a.name = existing.name;
    a.existing_type = existing.type;
    a.existing_nullable = existing.nullable;
    a.existing_server_default = existing.server_default;
    a.existing_comment = existing.comment;
    a.existing_autoincrement = existing.autoincrement;
    return a;
}

void diff_column(Context& ctx, const Table& before, const Table& table, const Column& was,
                 const Column& now) {
    const Normalizer& n = ctx.normalizer;
    AlterColumn a = alter_of(table, was);
    std::string where = " on column " + quoted_column(table.schema, table.name, now.name);
    if (!n.same_column_type(was, now)) {
        a.type = now.type;
        std::string what =
            "type change from " + was.type.to_string() + " to " + now.type.to_string() + where;
        ctx.change(what, widens(was.type, now.type)
                             ? ""
                             : "narrowing type change" + where +
                                   " may lose data or fail on existing rows");
    }
    if (was.nullable != now.nullable) {
        a.nullable = now.nullable;
        if (now.nullable)
            ctx.change("NULL" + where);
        else
            ctx.change("NOT NULL" + where,
                       "NOT NULL" + where + " fails if existing rows hold NULL");
    }
    if (!n.same_default(was, now)) {
        a.server_default = now.server_default;
        ctx.change("server default changed from " + shown(was.server_default) + " to " +
                   shown(now.server_default) + where);
    }
    if (n.compare_comments() && was.comment != now.comment) {
        a.comment = now.comment;
        ctx.change("comment changed" + where);
    }
    if (was.autoincrement != now.autoincrement &&
        (n.compares_autoincrement(before, was) || n.compares_autoincrement(table, now))) {
        a.autoincrement = now.autoincrement;
        ctx.change(
            std::string(now.autoincrement ? "autoincrement added" : "autoincrement removed") +
            where);
    }
    if (a.type || a.nullable || a.server_default || a.comment || a.autoincrement)
        ctx.emit(Phase::AlterColumns, a);
}

void add_column(Context& ctx, const Table& table, const Column& column) {
    std::string what = "added column " + quoted_column(table.schema, table.name, column.name);
    ctx.changes.push_back(Change{what, false, ""});
    auto fill = ctx.fills.find(table.schema + "." + table.name + "." + column.name);
    AddColumn op{table.schema, table.name, column, std::nullopt};
    if (fill != ctx.fills.end() && !column.autoincrement) op.fill = fill->second;
    if (!column.nullable && !column.server_default && !column.autoincrement && !op.fill)
        ctx.changes.back().warning =
            "NOT NULL column " + quoted_column(table.schema, table.name, column.name) +
            " without a server default fails on a table with rows: give the column a `fill:` "
            "value for existing rows in the model (or on the add_column in the revision)";
    ctx.emit(Phase::AddColumns, std::move(op));
}

}  // namespace

void diff_columns(Context& ctx, const Table& current, const Table& target) {
    for (const auto& column : target.columns) {
        const Column* was = current.find_column(column.name);
        if (!was)
            add_column(ctx, target, column);
        else
            diff_column(ctx, current, target, *was, column);
    }
    for (const auto& column : current.columns) {
        if (target.find_column(column.name)) continue;
        std::string name = quoted_column(current.schema, current.name, column.name);
        ctx.change("removed column " + name, "drops column " + name + " and its data");
        ctx.emit(Phase::DropColumns, DropColumn{current.schema, current.name, column.name, column});
    }
}

}  // namespace migrate::diff
