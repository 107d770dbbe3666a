#pragma once
// Schema objects in the shapes of model files: tables, columns, index elements,
// constraints and sequence settings as YAML values. The model writer
// (core/model/model_emit.cpp) and the revision writer (core/operations/, whose
// operation bodies carry the same shapes) both build on it.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/schema/naming.h"
#include "core/schema/schema.h"
#include "core/yaml/yaml_writer.h"

namespace migrate::detail {

using V = YamlValue;

struct SchemaEmitter {
    const NamingConvention& naming;
    bool canonical;

    static void opt(V& m, const char* key, const std::optional<std::string>& s) {
        if (s) m.add(key, V::str(*s));
    }
    static void opt_nullable(V& m, const char* key,
                             const std::optional<std::optional<std::string>>& s) {
        if (s) m.add(key, *s ? V::str(**s) : V::null());
    }
    static void nonempty(V& m, const char* key, const std::string& s) {
        if (!s.empty()) m.add(key, V::str(s));
    }

    // A column as in a model file. `pk`: it carries primary_key: true;
    // `autoincrement_default`: what a reader assumes when the key is absent.
    // `in_pk`: a primary key column. Key and autoincrement columns are NOT NULL unless
    // said otherwise.
    V column(const Column& c, bool pk, bool autoincrement_default, bool in_pk = false) const {
        V m = V::map(true);
        m.add("name", V::str(c.name)).add("type", V::str(c.type.to_string()));
        if (pk) m.add("primary_key", V::boolean(true));
        if (c.nullable == (pk || in_pk || c.autoincrement))
            m.add("nullable", V::boolean(c.nullable));
        if (c.autoincrement != autoincrement_default)
            m.add("autoincrement", V::boolean(c.autoincrement));
        opt(m, "server_default", c.server_default);
        opt(m, "comment", c.comment);
        opt(m, "collation", c.collation);
        opt(m, "renamed_from", c.renamed_from);
        return m;
    }

    static bool plain(const IndexElement& e) {
        return e.order == SortOrder::Asc && e.nulls == NullsOrder::Default && e.opclass.empty() &&
               !e.length;
    }

    // A column's name, or a mapping: {name: ...} for a column, {expression: ...} for an
    // expression, with its order, nulls and opclass.
    static V element(const IndexElement& e) {
        if (plain(e) && !e.is_expression()) return V::str(e.column);
        V m = V::map(true);
        if (e.is_expression())
            m.add("expression", V::str(e.expression));
        else
            m.add("name", V::str(e.column));
        if (e.order == SortOrder::Desc) m.add("order", V::str("desc"));
        if (e.nulls != NullsOrder::Default)
            m.add("nulls", V::str(e.nulls == NullsOrder::First ? "first" : "last"));
        nonempty(m, "opclass", e.opclass);
        if (e.length) m.add("length", V::raw(std::to_string(*e.length)));
        return m;
    }

    // An index mapping; `with_name` false for drop_index's `existing`. Plain
    // expressions alone are an `expressions` list, anything else `columns` entries.
    V index(const Index& ix, bool with_name, V m = V::map(true)) const {
        if (with_name) m.add("name", V::str(ix.name));
        bool expressions =
            !ix.elements.empty() &&
            std::all_of(ix.elements.begin(), ix.elements.end(),
                        [](const IndexElement& e) { return e.is_expression() && plain(e); });
        V list = V::seq(true);
        for (const auto& e : ix.elements)
            list.push(expressions ? V::str(e.expression) : element(e));
        m.add(expressions ? "expressions" : "columns", std::move(list));
        if (ix.unique) m.add("unique", V::boolean(true));
        opt(m, "where", ix.where);
        nonempty(m, "using", ix.method);
        return m;
    }

    static V foreign_key_fields(const ForeignKey& fk, V m) {
        m.add("columns", V::str_list(fk.columns))
            .add("references_table", V::str(fk.referred_table));
        m.add("references_columns", V::str_list(fk.referred_columns));
        nonempty(m, "references_schema", fk.referred_schema);
        nonempty(m, "on_delete", fk.on_delete);
        nonempty(m, "on_update", fk.on_update);
        return m;
    }

    bool pk_as_flags(const Table& t) const {
        if (!t.primary_key || canonical || t.primary_key->name != naming.primary_key_name(t.name))
            return false;
        std::vector<std::string> in_order;
        for (const auto& c : t.columns)
            if (std::find(t.primary_key->columns.begin(), t.primary_key->columns.end(), c.name) !=
                t.primary_key->columns.end())
                in_order.push_back(c.name);
        return in_order == t.primary_key->columns;
    }

    static bool has_fk(const Table& t, const std::string& column) {
        return std::any_of(t.foreign_keys.begin(), t.foreign_keys.end(), [&](const ForeignKey& fk) {
            return std::find(fk.columns.begin(), fk.columns.end(), column) != fk.columns.end();
        });
    }

    V table(const Table& t) const {
        V m = V::map();
        m.add("name", V::str(t.name));
        nonempty(m, "schema", t.schema);
        opt(m, "comment", t.comment);
        opt(m, "renamed_from", t.renamed_from);
        if (t.sqlite_autoincrement) m.add("sqlite_autoincrement", V::boolean(true));
        bool flags = pk_as_flags(t);
        const std::vector<std::string> none;
        const auto& pk_cols = t.primary_key ? t.primary_key->columns : none;
        V cols = V::seq();
        for (const auto& c : t.columns) {
            bool in_pk = std::find(pk_cols.begin(), pk_cols.end(), c.name) != pk_cols.end();
            bool auto_default =
                in_pk && pk_cols.size() == 1 && is_integer_kind(c.type.kind) && !has_fk(t, c.name);
            cols.push(column(c, flags && in_pk, auto_default, in_pk));
        }
        m.add("columns", std::move(cols));
        if (t.primary_key && !flags)
            m.add("primary_key", V::map(true)
                                     .add("name", V::str(t.primary_key->name))
                                     .add("columns", V::str_list(t.primary_key->columns)));
        list(m, "indexes", t.indexes, [&](const Index& ix) { return index(ix, true); });
        list(m, "unique_constraints", t.unique_constraints, [](const UniqueConstraint& u) {
            return V::map(true).add("name", V::str(u.name)).add("columns", V::str_list(u.columns));
        });
        list(m, "foreign_keys", t.foreign_keys, [](const ForeignKey& fk) {
            return foreign_key_fields(fk, V::map(true).add("name", V::str(fk.name)));
        });
        list(m, "checks", t.checks, [](const CheckConstraint& ck) {
            return V::map(true)
                .add("name", V::str(ck.name))
                .add("expression", V::str(ck.expression));
        });
        return m;
    }

    template <class T, class F>
    static void list(V& m, const char* key, const std::vector<T>& items, F&& one) {
        if (items.empty()) return;
        V l = V::seq();
        for (const auto& i : items) l.push(one(i));
        m.add(key, std::move(l));
    }

    static V& schema(V& m, const std::string& s) {
        nonempty(m, "schema", s);
        return m;
    }
};

// The settings a sequence gives (start ... owned_by), added to `m`.
V sequence_settings(const Sequence& q, V m);

// An optional number, as a YAML integer.
void opt_number(V& m, const char* key, const std::optional<std::int64_t>& n);

}  // namespace migrate::detail
