#include "core/schema/schema.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "core/base/text.h"

namespace migrate {

const Column* Table::find_column(const std::string& n) const {
    for (const auto& c : columns)
        if (c.name == n) return &c;
    return nullptr;
}

Column* Table::find_column(const std::string& n) {
    for (auto& c : columns)
        if (c.name == n) return &c;
    return nullptr;
}

bool Table::is_sole_integer_key(const Column& column) const {
    return primary_key && primary_key->columns.size() == 1 &&
           primary_key->columns[0] == column.name && is_integer_kind(column.type.kind);
}

std::string Table::qualified_name() const { return schema.empty() ? name : schema + "." + name; }
std::string Enum::qualified_name() const { return schema.empty() ? name : schema + "." + name; }
std::string Sequence::qualified_name() const { return schema.empty() ? name : schema + "." + name; }

namespace {

std::string table_key(const std::string& schema, const std::string& name) {
    std::string key;
    key.reserve(schema.size() + 1 + name.size());
    key += schema;
    key += '\0';  // identifiers never hold NUL (the loaders reject it)
    key += name;
    return key;
}

}  // namespace

void TableIndex::forget() const {
    positions_.clear();
    indexed_ = 0;
    last_schema_.clear();
    last_name_.clear();
}

void TableIndex::catch_up(const std::vector<Table>& tables) const {
    if (indexed_ > tables.size() || (indexed_ > 0 && (tables[indexed_ - 1].name != last_name_ ||
                                                      tables[indexed_ - 1].schema != last_schema_)))
        forget();
    for (std::size_t i = indexed_; i < tables.size(); ++i)
        positions_.emplace(table_key(tables[i].schema, tables[i].name), i);  // the first one wins
    indexed_ = tables.size();
    if (indexed_ > 0) {
        last_schema_ = tables.back().schema;
        last_name_ = tables.back().name;
    }
}

std::optional<std::size_t> TableIndex::find(const std::vector<Table>& tables,
                                            const std::string& schema,
                                            const std::string& name) const {
    std::string key = table_key(schema, name);
    for (int attempt = 0; attempt < 2; ++attempt) {
        catch_up(tables);
        auto it = positions_.find(key);
        if (it == positions_.end()) return std::nullopt;
        const Table& t = tables[it->second];
        if (t.schema == schema && t.name == name) return it->second;
        forget();  // the list changed under the index: build it again
    }
    return std::nullopt;
}

const Table* Schema::find_table(const std::string& s, const std::string& n) const {
    if (!table_index_.enabled()) {
        for (const auto& t : tables)
            if (t.schema == s && t.name == n) return &t;
        return nullptr;
    }
    std::optional<std::size_t> at = table_index_.find(tables, s, n);
    return at ? &tables[*at] : nullptr;
}

Table* Schema::find_table(const std::string& s, const std::string& n) {
    return const_cast<Table*>(std::as_const(*this).find_table(s, n));
}

const Enum* Schema::find_enum(const std::string& s, const std::string& n) const {
    for (const auto& e : enums)
        if (e.schema == s && e.name == n) return &e;
    return nullptr;
}

Enum* Schema::find_enum(const std::string& s, const std::string& n) {
    for (auto& e : enums)
        if (e.schema == s && e.name == n) return &e;
    return nullptr;
}

const Sequence* Schema::find_sequence(const std::string& s, const std::string& n) const {
    for (const auto& q : sequences)
        if (q.schema == s && q.name == n) return &q;
    return nullptr;
}

Sequence* Schema::find_sequence(const std::string& s, const std::string& n) {
    for (auto& q : sequences)
        if (q.schema == s && q.name == n) return &q;
    return nullptr;
}

namespace {
template <typename T>
void sort_by_name(std::vector<T>& v) {
    std::sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.name < b.name; });
}
}  // namespace

void Schema::sort() {
    table_index_.forget();
    std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
    std::sort(enums.begin(), enums.end(), [](const Enum& a, const Enum& b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
    std::sort(sequences.begin(), sequences.end(), [](const Sequence& a, const Sequence& b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
    for (auto& t : tables) {
        sort_by_name(t.indexes);
        sort_by_name(t.unique_constraints);
        sort_by_name(t.foreign_keys);
        sort_by_name(t.checks);
    }
}

namespace {

std::string element_text(const IndexElement& e) {
    std::string s = e.is_expression() ? "(" + e.expression + ")" : e.column;
    if (e.length) s += "(" + std::to_string(*e.length) + ")";
    if (!e.opclass.empty()) s += " " + e.opclass;
    if (e.order == SortOrder::Desc) s += " desc";
    if (e.nulls == NullsOrder::First) s += " nulls first";
    if (e.nulls == NullsOrder::Last) s += " nulls last";
    return s;
}

}  // namespace

std::string to_text(const Table& t) {
    std::string s = "table " + t.qualified_name();
    if (t.comment) s += "  -- " + *t.comment;
    s += "\n";
    for (const auto& c : t.columns) {
        s += "  " + c.name + " " + c.type.to_string();
        if (!c.nullable) s += " not null";
        if (c.autoincrement) s += " autoincrement";
        if (c.server_default) s += " default " + *c.server_default;
        if (c.collation) s += " collate " + *c.collation;
        if (c.comment) s += "  -- " + *c.comment;
        s += "\n";
    }
    if (t.primary_key)
        s += "  primary key " + t.primary_key->name + " (" + join(t.primary_key->columns) + ")\n";
    for (const auto& u : t.unique_constraints)
        s += "  unique " + u.name + " (" + join(u.columns) + ")\n";
    for (const auto& f : t.foreign_keys) {
        s += "  foreign key " + f.name + " (" + join(f.columns) + ") references " +
             (f.referred_schema.empty() ? "" : f.referred_schema + ".") + f.referred_table + " (" +
             join(f.referred_columns) + ")";
        if (!f.on_delete.empty()) s += " on delete " + f.on_delete;
        if (!f.on_update.empty()) s += " on update " + f.on_update;
        s += "\n";
    }
    for (const auto& c : t.checks) s += "  check " + c.name + " (" + c.expression + ")\n";
    for (const auto& i : t.indexes) {
        std::vector<std::string> parts;
        for (const auto& e : i.elements) parts.push_back(element_text(e));
        s += std::string("  ") + (i.unique ? "unique index " : "index ") + i.name;
        if (!i.method.empty()) s += " using " + i.method;
        s += " (" + join(parts) + ")";
        if (i.where) s += " where " + *i.where;
        s += "\n";
    }
    return s;
}

std::string to_text(const Sequence& q) {
    std::string s = "sequence " + q.qualified_name();
    auto add = [&](const char* what, const std::optional<std::int64_t>& v) {
        if (v) s += std::string(" ") + what + " " + std::to_string(*v);
    };
    add("start", q.start);
    add("increment", q.increment);
    add("min_value", q.min_value);
    add("max_value", q.max_value);
    add("cache", q.cache);
    if (q.cycle) s += " cycle";
    if (q.owned_by) s += " owned by " + *q.owned_by;
    return s;
}

std::string to_text(const Schema& schema) {
    std::string s;
    for (const auto& e : schema.enums)
        s += "enum " + e.qualified_name() + " (" + join(e.values) + ")\n";
    for (const auto& q : schema.sequences) s += to_text(q) + "\n";
    for (const auto& t : schema.tables) s += to_text(t);
    return s;
}

}  // namespace migrate
