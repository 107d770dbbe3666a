// The differ's normaliser: compares types, defaults, expressions, indexes and foreign
// keys after the dialect's normalisation (or as written, without a dialect).

#include <algorithm>
#include <cctype>

#include "core/diff/diff_context.h"

namespace migrate::diff {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// "" and "no action" are the same referential action.
std::string action(const std::string& a) {
    std::string l = lower(a);
    return l == "no action" ? "" : l;
}

// "" and "btree" are the same index access method.
std::string method(const std::string& m) {
    std::string l = lower(m);
    return l == "btree" ? "" : l;
}

// Where NULLs sort when not said: last ascending, first descending (PostgreSQL reports
// `nulls` only when it differs from this default).
NullsOrder effective_nulls(const IndexElement& e) {
    if (e.nulls != NullsOrder::Default) return e.nulls;
    return e.order == SortOrder::Desc ? NullsOrder::First : NullsOrder::Last;
}

}  // namespace

Normalizer::Normalizer(const Dialect* dialect, bool full_fidelity) : dialect_(dialect) {
    if (!dialect_) return;
    Capabilities caps = dialect_->capabilities();
    comments_ = caps.comments || full_fidelity;
    enums_ = caps.enums || full_fidelity;
    schemas_ = caps.schemas;
    identity_columns_ = caps.identity_columns || full_fidelity;
    rowid_keys_ = !caps.identity_columns && !full_fidelity;
}

std::string Normalizer::default_schema() const {
    return dialect_ ? dialect_->default_schema() : "public";
}

std::string Normalizer::referred_schema(const Table& table, const ForeignKey& fk) const {
    if (fk.referred_schema.empty()) return table.schema;
    return fk.referred_schema == default_schema() ? "" : fk.referred_schema;
}

bool Normalizer::same_type(const ColumnType& a, const ColumnType& b) const {
    if (!dialect_) return a == b;
    return dialect_->normalize_type(a) == dialect_->normalize_type(b);
}

bool Normalizer::same_column_type(const Column& was, const Column& now) const {
    if (rowid_keys_ && was.autoincrement && now.autoincrement && is_integer_kind(was.type.kind) &&
        is_integer_kind(now.type.kind))
        return true;
    return same_type(was.type, now.type);
}

bool Normalizer::compares_autoincrement(const Table& table, const Column& column) const {
    return identity_columns_ || table.is_sole_integer_key(column);
}

bool Normalizer::same_default(const Column& a, const Column& b) const {
    // An identity / serial column's default is the database's business.
    if (a.autoincrement && b.autoincrement) return true;
    if (!dialect_) return a.server_default == b.server_default;
    return dialect_->normalize_default(a.server_default, dialect_->normalize_type(a.type)) ==
           dialect_->normalize_default(b.server_default, dialect_->normalize_type(b.type));
}

std::string Normalizer::expression(const std::string& sql) const {
    return dialect_ ? dialect_->normalize_expression(sql) : sql;
}

bool Normalizer::same_expression(const std::string& a, const std::string& b) const {
    return a == b || expression(a) == expression(b);
}

bool Normalizer::same_index(const Index& a, const Index& b) const {
    if (a.unique != b.unique || method(a.method) != method(b.method)) return false;
    if (a.where.has_value() != b.where.has_value()) return false;
    if (a.where && !same_expression(*a.where, *b.where)) return false;
    if (a.elements.size() != b.elements.size()) return false;
    for (size_t i = 0; i < a.elements.size(); ++i) {
        const IndexElement& x = a.elements[i];
        const IndexElement& y = b.elements[i];
        if (x.column != y.column || x.order != y.order ||
            effective_nulls(x) != effective_nulls(y) || x.opclass != y.opclass ||
            x.length != y.length)
            return false;
        if (x.is_expression() != y.is_expression()) return false;
        if (x.is_expression() && !same_expression(x.expression, y.expression)) return false;
    }
    return true;
}

bool Normalizer::same_foreign_key(const ForeignKey& a, const ForeignKey& b) const {
    return a.columns == b.columns && a.referred_schema == b.referred_schema &&
           a.referred_table == b.referred_table && a.referred_columns == b.referred_columns &&
           action(a.on_delete) == action(b.on_delete) && action(a.on_update) == action(b.on_update);
}

std::string quoted(const std::string& schema, const std::string& name) {
    return "'" + (schema.empty() ? name : schema + "." + name) + "'";
}

std::string quoted_column(const std::string& schema, const std::string& table,
                          const std::string& column) {
    return "'" + (schema.empty() ? table : schema + "." + table) + "." + column + "'";
}

}  // namespace migrate::diff
