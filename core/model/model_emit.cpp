// Schema -> model-file YAML (core/model/model_emit.h). The shapes (column, index element,
// foreign key fields) are shared with the revision writer (core/model/schema_yaml.h);
// this file decides what a model file can say more briefly: which objects become
// column shorthands and which names can be left to the naming convention.

#include "core/model/model_emit.h"

#include <algorithm>
#include <set>

#include "core/model/schema_yaml.h"

namespace migrate {

namespace {

using detail::SchemaEmitter;
using V = YamlValue;

// A mapping of scalars and flow values on one line ({name: id, type: integer}) when
// that line stays readable; a block mapping otherwise (long comments, multi-line text).
V fold(V m, size_t limit = 110) {
    m.set_flow(false);
    if (!m.all_inline()) return m;
    V flow = m;
    flow.set_flow(true);
    return flow.render().size() <= limit ? flow : m;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// The %(columns)s tokens the loader uses to name an unnamed index.
std::vector<std::string> index_tokens(const Index& ix) {
    std::vector<std::string> tokens;
    for (const auto& e : ix.elements)
        tokens.push_back(e.is_expression() ? check_token(e.expression) : e.column);
    return tokens;
}

// What a column says for itself: the objects written as its shorthands.
struct ColumnShorthands {
    const UniqueConstraint* unique = nullptr;  // unique: true
    const Index* index = nullptr;              // index: true (unique: true too for a unique index)
    const ForeignKey* foreign_key = nullptr;   // references: ...
};

class TableWriter {
  public:
    TableWriter(const Table& t, const NamingConvention& naming)
        : t_(t), naming_(naming), e_{naming, false} {
        choose_shorthands();
    }

    V table() const {
        V m = V::map();
        m.add("name", V::str(t_.name));
        SchemaEmitter::nonempty(m, "schema", t_.schema);
        SchemaEmitter::opt(m, "comment", t_.comment);
        SchemaEmitter::opt(m, "renamed_from", t_.renamed_from);
        if (t_.sqlite_autoincrement) m.add("sqlite_autoincrement", V::boolean(true));
        m.add("columns", columns());
        if (t_.primary_key && !pk_flags_) m.add("primary_key", primary_key());
        list(m, "indexes", t_.indexes, [&](const Index& ix) { return index(ix); });
        list(m, "unique_constraints", t_.unique_constraints,
             [&](const UniqueConstraint& u) { return unique(u); });
        list(m, "foreign_keys", t_.foreign_keys,
             [&](const ForeignKey& fk) { return foreign_key(fk); });
        list(m, "checks", t_.checks, [&](const CheckConstraint& ck) { return check(ck); });
        return m;
    }

  private:
    // A single-column index that `index: true` (with `unique: true`) recreates exactly.
    const Index* shorthand_index(const Column& c) const {
        IndexElement plain;
        plain.column = c.name;
        for (const auto& ix : t_.indexes)
            if (ix.elements.size() == 1 && ix.elements[0] == plain && !ix.where &&
                ix.method.empty() && ix.name == naming_.index_name(t_.name, {c.name}))
                return &ix;
        return nullptr;
    }

    const UniqueConstraint* shorthand_unique(const Column& c) const {
        for (const auto& u : t_.unique_constraints)
            if (u.columns == std::vector<std::string>{c.name} &&
                u.name == naming_.unique_name(t_.name, u.columns))
                return &u;
        return nullptr;
    }

    // `references: [schema.]table.column` cannot carry names holding a dot.
    const ForeignKey* shorthand_foreign_key(const Column& c) const {
        for (const auto& fk : t_.foreign_keys) {
            if (fk.columns != std::vector<std::string>{c.name}) continue;
            if (fk.name != naming_.foreign_key_name(t_.name, fk.columns, fk.referred_table) ||
                fk.referred_columns.size() != 1)
                continue;
            std::string parts = fk.referred_schema + fk.referred_table + fk.referred_columns[0];
            if (parts.find('.') != std::string::npos || fk.referred_table.empty() ||
                fk.referred_columns[0].empty())
                continue;
            return &fk;
        }
        return nullptr;
    }

    void choose_shorthands() {
        pk_flags_ = e_.pk_as_flags(t_);
        for (const auto& c : t_.columns) {
            ColumnShorthands s;
            const Index* ix = shorthand_index(c);
            s.unique = shorthand_unique(c);
            // unique + index together mean a unique index, so a column cannot say both a
            // unique constraint and a plain index: the constraint wins, the index is listed.
            if (ix && (ix->unique || !s.unique)) {
                s.index = ix;
                if (ix->unique) s.unique = nullptr;
            }
            s.foreign_key = shorthand_foreign_key(c);
            if (s.unique) taken_.insert(s.unique);
            if (s.index) taken_.insert(s.index);
            if (s.foreign_key) taken_.insert(s.foreign_key);
            shorthands_.push_back(s);
        }
    }

    V columns() const {
        const std::vector<std::string> none;
        const auto& pk_cols = t_.primary_key ? t_.primary_key->columns : none;
        V list = V::seq();
        for (size_t i = 0; i < t_.columns.size(); ++i) {
            const Column& c = t_.columns[i];
            bool in_pk = contains(pk_cols, c.name);
            bool auto_default = in_pk && pk_cols.size() == 1 && is_integer_kind(c.type.kind) &&
                                !SchemaEmitter::has_fk(t_, c.name);
            V m = e_.column(c, pk_flags_ && in_pk, auto_default, in_pk);
            add_shorthands(m, shorthands_[i]);
            list.push(fold(std::move(m)));
        }
        return list;
    }

    static void add_shorthands(V& m, const ColumnShorthands& s) {
        if (s.unique || (s.index && s.index->unique)) m.add("unique", V::boolean(true));
        if (s.index) m.add("index", V::boolean(true));
        if (const ForeignKey* fk = s.foreign_key) {
            std::string target = fk->referred_table + "." + fk->referred_columns[0];
            if (!fk->referred_schema.empty()) target = fk->referred_schema + "." + target;
            m.add("references", V::str(target));
            SchemaEmitter::nonempty(m, "on_delete", fk->on_delete);
            SchemaEmitter::nonempty(m, "on_update", fk->on_update);
        }
    }

    V primary_key() const {
        const PrimaryKey& pk = *t_.primary_key;
        if (pk.name == naming_.primary_key_name(t_.name)) return V::str_list(pk.columns);
        return V::map(true).add("name", V::str(pk.name)).add("columns", V::str_list(pk.columns));
    }

    V index(const Index& ix) const {
        V named = V::map(true);
        if (ix.name != naming_.index_name(t_.name, index_tokens(ix)))
            named.add("name", V::str(ix.name));
        return fold(e_.index(ix, false, std::move(named)));
    }

    V unique(const UniqueConstraint& u) const {
        V m = V::map(true);
        if (u.name != naming_.unique_name(t_.name, u.columns)) m.add("name", V::str(u.name));
        return m.add("columns", V::str_list(u.columns));
    }

    V foreign_key(const ForeignKey& fk) const {
        V m = V::map(true);
        if (fk.name != naming_.foreign_key_name(t_.name, fk.columns, fk.referred_table))
            m.add("name", V::str(fk.name));
        return fold(SchemaEmitter::foreign_key_fields(fk, std::move(m)));
    }

    V check(const CheckConstraint& ck) const {
        V m = V::map(true);
        if (ck.name != naming_.check_name(t_.name, check_token(ck.expression)))
            m.add("name", V::str(ck.name));
        return fold(m.add("expression", V::str(ck.expression)));
    }

    // The objects not already said by a column shorthand, as a list under `key`.
    template <class T, class F>
    void list(V& m, const char* key, const std::vector<T>& items, F&& one) const {
        V l = V::seq();
        for (const auto& item : items)
            if (!taken_.count(&item)) l.push(one(item));
        if (!l.empty()) m.add(key, std::move(l));
    }

    const Table& t_;
    const NamingConvention& naming_;
    SchemaEmitter e_;
    bool pk_flags_ = false;
    std::vector<ColumnShorthands> shorthands_;
    std::set<const void*> taken_;
};

}  // namespace

YamlValue emit_table_model(const Table& table, const NamingConvention& naming) {
    return TableWriter(table, naming).table();
}

YamlValue emit_enum_model(const Enum& e) {
    V m = V::map(true);
    m.add("name", V::str(e.name)).add("values", V::str_list(e.values));
    SchemaEmitter::nonempty(m, "schema", e.schema);
    return fold(std::move(m));
}

YamlValue emit_sequence_model(const Sequence& q) {
    V m = V::map(true);
    m.add("name", V::str(q.name));
    SchemaEmitter::nonempty(m, "schema", q.schema);
    return fold(detail::sequence_settings(q, std::move(m)));
}

std::string emit_models(const Schema& schema, const NamingConvention& naming) {
    V doc = V::map();
    if (!schema.enums.empty()) {
        V enums = V::seq();
        for (const auto& e : schema.enums) enums.push(emit_enum_model(e));
        doc.add("enums", std::move(enums));
    }
    if (!schema.sequences.empty()) {
        V sequences = V::seq();
        for (const auto& q : schema.sequences) sequences.push(emit_sequence_model(q));
        doc.add("sequences", std::move(sequences));
    }
    if (!schema.tables.empty()) {
        V tables = V::seq();
        for (const auto& t : schema.tables) tables.push(emit_table_model(t, naming));
        doc.add("tables", std::move(tables));
    }
    if (doc.empty()) return "tables: []\n";
    return doc.render();
}

}  // namespace migrate
