#include <functional>

#include "core/errors.h"
#include "dialects/postgresql/ddl.h"
#include "dialects/postgresql/quote.h"

namespace migrate::pg {

namespace {

std::string alter_column_prefix(const std::string& schema, const std::string& table, const std::string& column) {
    return "ALTER TABLE " + qualified(schema, table) + " ALTER COLUMN " + quote_identifier(column) + " ";
}

// Whether changing `from` to `to` needs an explicit USING cast (PostgreSQL only
// converts implicitly within a family: varchar lengths, numeric precision, text).
bool needs_using(const std::optional<ColumnType>& from, const ColumnType& to) {
    if (!from) return to.kind != TypeKind::String && to.kind != TypeKind::Text;
    auto stringish = [](TypeKind k) { return k == TypeKind::String || k == TypeKind::Text; };
    if (stringish(from->kind) && stringish(to.kind)) return false;
    if (is_integer_kind(from->kind) && (is_integer_kind(to.kind) || to.kind == TypeKind::Numeric)) return false;
    return from->kind != to.kind || from->name != to.name;
}

}  // namespace

// The column's default before the operation, from the op or from the schema before it.
std::optional<std::string> default_before(const AlterColumn& op, const Column* existing) {
    if (op.existing_server_default) return *op.existing_server_default;
    return existing ? existing->server_default : std::nullopt;
}

Statements render_alter_column(const AlterColumn& op, const Schema& before) {
    Statements out;
    std::string prefix = alter_column_prefix(op.schema, op.table, op.name);
    const Table* table = before.find_table(op.schema, op.table);
    const Column* existing = table ? table->find_column(op.name) : nullptr;
    if (op.type) {
        std::optional<ColumnType> from = op.existing_type;
        if (!from && existing) from = existing->type;
        std::string type_sql = column_type_sql(*op.type, op.schema, before);
        std::string s = prefix + "TYPE " + type_sql;
        bool cast = op.using_expr || needs_using(from, *op.type);
        if (op.using_expr) s += " USING " + *op.using_expr;
        else if (cast && op.type->kind == TypeKind::Enum)
            s += " USING " + quote_identifier(op.name) + "::text::" + type_sql;
        else if (cast) s += " USING " + quote_identifier(op.name) + "::" + type_sql;
        // A default PostgreSQL cannot cast automatically would fail the change: drop it
        // first and put it (or the operation's new default) back after.
        std::optional<std::string> old_default = cast ? default_before(op, existing) : std::nullopt;
        if (old_default) out.push_back(prefix + "DROP DEFAULT");
        out.push_back(s);
        if (old_default && !op.server_default) out.push_back(prefix + "SET DEFAULT " + *old_default);
    }
    if (op.nullable) out.push_back(prefix + (*op.nullable ? "DROP NOT NULL" : "SET NOT NULL"));
    if (op.server_default)
        out.push_back(prefix + (*op.server_default ? "SET DEFAULT " + **op.server_default : std::string("DROP DEFAULT")));
    if (op.comment)
        out.push_back(comment_sql("COLUMN " + qualified(op.schema, op.table) + "." + quote_identifier(op.name), *op.comment));
    if (op.new_name)
        out.push_back("ALTER TABLE " + qualified(op.schema, op.table) + " RENAME COLUMN " + quote_identifier(op.name) +
                      " TO " + quote_identifier(*op.new_name));
    return out;
}

namespace {

// If `name` is what `derive(old)` gives, the name `derive(new)` gives; else "".
std::string renamed(const std::string& name, const std::function<std::string(const std::string&)>& derive,
                    const std::string& old_table, const std::string& new_table) {
    return derive(old_table) == name ? derive(new_table) : "";
}

// A check's %(name)s token is not stored: recover it from around a marker.
std::string renamed_check(const std::string& name, const NamingConvention& naming, const std::string& old_table,
                          const std::string& new_table) {
    const std::string marker = "\x01";
    std::string pattern = naming.check_name(old_table, marker);
    size_t at = pattern.find(marker);
    if (at == std::string::npos) return "";
    std::string prefix = pattern.substr(0, at), suffix = pattern.substr(at + 1);
    if (name.size() <= prefix.size() + suffix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return "";
    return naming.check_name(new_table, name.substr(prefix.size(), name.size() - prefix.size() - suffix.size()));
}

std::vector<std::string> index_columns(const Index& index) {
    std::vector<std::string> cols;
    for (const auto& e : index.elements) cols.push_back(e.is_expression() ? e.expression : e.column);
    return cols;
}

}  // namespace

namespace {

// (old name, new name) of every constraint of `t` the convention derived from `o`.
std::vector<std::pair<std::string, std::string>> derived_constraint_names(const Table& t, const std::string& schema,
                                                                          const std::string& o, const std::string& n,
                                                                          const NamingConvention& nc) {
    std::vector<std::pair<std::string, std::string>> out;
    auto add = [&](const std::string& from, const std::string& to) {
        if (!to.empty() && to != from) out.emplace_back(from, to);
    };
    if (t.primary_key)
        add(t.primary_key->name, renamed(t.primary_key->name, [&](const std::string& x) { return nc.primary_key_name(x); }, o, n));
    for (const auto& u : t.unique_constraints)
        add(u.name, renamed(u.name, [&](const std::string& x) { return nc.unique_name(x, u.columns); }, o, n));
    for (const auto& f : t.foreign_keys) {
        bool self = f.referred_table == o && (f.referred_schema.empty() || f.referred_schema == schema);
        add(f.name, renamed(f.name, [&](const std::string& x) {
            return nc.foreign_key_name(x, f.columns, self ? x : f.referred_table);
        }, o, n));
    }
    for (const auto& c : t.checks) add(c.name, renamed_check(c.name, nc, o, n));
    return out;
}

}  // namespace

Statements render_rename_table(const RenameTable& op, const RenderContext& ctx) {
    const std::string& o = op.name;
    const std::string& n = op.new_name;
    Statements out{"ALTER TABLE " + qualified(op.schema, o) + " RENAME TO " + quote_identifier(n)};
    const Table* t = ctx.before.find_table(op.schema, o);
    if (!t) return out;
    for (const auto& [from, to] : derived_constraint_names(*t, op.schema, o, n, ctx.naming))
        out.push_back("ALTER TABLE " + qualified(op.schema, n) + " RENAME CONSTRAINT " + quote_identifier(from) +
                      " TO " + quote_identifier(to));
    for (const auto& i : t->indexes) {
        auto derive = [&](const std::string& x) { return ctx.naming.index_name(x, index_columns(i)); };
        std::string to = renamed(i.name, derive, o, n);
        if (!to.empty() && to != i.name)
            out.push_back("ALTER INDEX " + qualified(op.schema, i.name) + " RENAME TO " + quote_identifier(to));
    }
    for (const auto& c : t->columns)
        if (c.autoincrement)
            out.push_back("ALTER SEQUENCE IF EXISTS " + qualified(op.schema, truncate_identifier(o + "_" + c.name + "_seq")) +
                          " RENAME TO " + quote_identifier(truncate_identifier(n + "_" + c.name + "_seq")));
    return out;
}

Statements render_drop_enum_value(const AlterEnumDropValue& op, const Schema& before) {
    const Enum* e = before.find_enum(op.schema, op.name);
    std::string what = "alter_enum_drop_value '" + (op.schema.empty() ? "" : op.schema + ".") + op.name + "'";
    if (!e) throw InputError(what + ": the enum does not exist in the schema before this operation");
    std::vector<std::string> values;
    for (const auto& v : e->values)
        if (v != op.value) values.push_back(v);
    if (values.size() == e->values.size()) throw InputError(what + ": the enum has no value '" + op.value + "'");
    std::string type = qualified(op.schema, op.name);
    std::string old_name = op.name + "__old";
    Statements out{"ALTER TYPE " + type + " RENAME TO " + quote_identifier(old_name)};
    std::string list = "(";
    for (size_t i = 0; i < values.size(); ++i) list += (i ? ", " : "") + quote_literal(values[i]);
    out.push_back("CREATE TYPE " + type + " AS ENUM " + list + ")");
    for (const auto& t : before.tables)
        for (const auto& c : t.columns) {
            bool uses = c.type.kind == TypeKind::Enum &&
                        ((c.type.name == op.name && (t.schema == op.schema || op.schema.empty())) ||
                         c.type.name == op.schema + "." + op.name);
            if (!uses) continue;
            std::string prefix = alter_column_prefix(t.schema, t.name, c.name);
            if (c.server_default) out.push_back(prefix + "DROP DEFAULT");
            out.push_back(prefix + "TYPE " + type + " USING " + quote_identifier(c.name) + "::text::" + type);
            if (c.server_default) out.push_back(prefix + "SET DEFAULT " + *c.server_default);
        }
    out.push_back("DROP TYPE " + qualified(op.schema, old_name));
    return out;
}

}  // namespace migrate::pg
