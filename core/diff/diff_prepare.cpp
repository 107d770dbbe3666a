// Prepares one side of a diff: keeps only the managed tables (include_schemas,
// exclude_tables, hidden_tables), writes the dialect's default schema as "", turns
// plain unique indexes into unique constraints where the dialect cannot tell them
// apart (Capabilities::unique_constraints_are_indexes), drops
// enums when the dialect cannot express them, refuses sequences when the dialect has
// none (an InputError naming the sequence), and sorts. Comments are kept: see
// adopt_comments.

#include <fnmatch.h>

#include <algorithm>

#include "core/base/errors.h"
#include "core/diff/diff_context.h"

namespace migrate::diff {

namespace {

bool matches(const std::vector<std::string>& patterns, const std::string& name,
             const std::string& qualified) {
    for (const auto& p : patterns) {
        if (fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
        if (fnmatch(p.c_str(), qualified.c_str(), 0) == 0) return true;
    }
    return false;
}

bool listed(const std::vector<std::string>& names, const std::string& name,
            const std::string& qualified) {
    return std::find(names.begin(), names.end(), name) != names.end() ||
           std::find(names.begin(), names.end(), qualified) != names.end();
}

struct SchemaFilter {
    const DiffOptions& options;
    const Normalizer& normalizer;

    std::string effective(const std::string& schema) const {
        return schema.empty() ? normalizer.default_schema() : schema;
    }
    bool schema_included(const std::string& schema) const {
        if (options.include_schemas.empty() || !normalizer.has_schemas()) return true;
        const auto& inc = options.include_schemas;
        return std::find(inc.begin(), inc.end(), effective(schema)) != inc.end();
    }
    bool keep(const Table& t) const {
        std::string qualified = effective(t.schema) + "." + t.name;
        if (listed(options.hidden_tables, t.name, qualified)) return false;
        if (matches(options.exclude_tables, t.name, qualified)) return false;
        return schema_included(t.schema);
    }
    std::string local(const std::string& schema) const {
        return schema == normalizer.default_schema() ? "" : schema;
    }
};

// Table::schema "" = the default schema; ForeignKey::referred_schema "" = the table's
// own schema, so a foreign key into the default schema from another schema names it.
void localise_schemas(Table& t, const SchemaFilter& filter) {
    std::string table_schema = filter.local(t.schema);
    for (auto& fk : t.foreign_keys) {
        std::string referred =
            filter.local(fk.referred_schema.empty() ? t.schema : fk.referred_schema);
        fk.referred_schema = referred == table_schema ? ""
                             : referred.empty()       ? filter.normalizer.default_schema()
                                                      : referred;
    }
    t.schema = table_schema;
}

// A unique index over plain ascending columns, without predicate or method, becomes
// the unique constraint it is indistinguishable from.
void unique_indexes_as_constraints(Table& t) {
    std::vector<Index> kept;
    for (auto& ix : t.indexes) {
        bool plain = ix.unique && !ix.where && ix.method.empty();
        for (const auto& e : ix.elements)
            plain = plain && !e.is_expression() && e.order == SortOrder::Asc && !e.length;
        if (!plain) {
            kept.push_back(std::move(ix));
            continue;
        }
        UniqueConstraint uq{ix.name, {}};
        for (const auto& e : ix.elements) uq.columns.push_back(e.column);
        t.unique_constraints.push_back(std::move(uq));
    }
    t.indexes = std::move(kept);
}

}  // namespace

Schema prepare(const Schema& schema, const DiffOptions& options, const Normalizer& normalizer) {
    SchemaFilter filter{options, normalizer};
    Schema out;
    for (const auto& t : schema.tables) {
        if (!filter.keep(t)) continue;
        Table copy = t;
        localise_schemas(copy, filter);
        if (options.dialect && options.dialect->capabilities().unique_constraints_are_indexes)
            unique_indexes_as_constraints(copy);
        out.tables.push_back(std::move(copy));
    }
    if (normalizer.compare_enums()) {
        for (const auto& e : schema.enums) {
            if (!filter.schema_included(e.schema)) continue;
            Enum copy = e;
            copy.schema = filter.local(copy.schema);
            out.enums.push_back(std::move(copy));
        }
    }
    for (const auto& q : schema.sequences) {
        if (!filter.schema_included(q.schema)) continue;
        if (options.dialect && !options.dialect->capabilities().sequences)
            throw InputError(
                "sequence '" + q.qualified_name() + "' cannot be created on " +
                options.dialect->name() +
                ", which has no sequences; remove it from the models, or use a database that has "
                "sequences");
        Sequence copy = q;
        copy.schema = filter.local(copy.schema);
        out.sequences.push_back(std::move(copy));
    }
    out.sort();
    return out;
}

void adopt_comments(Schema& current, const Schema& target) {
    for (const auto& t : target.tables) {
        Table* c = current.find_table(t.schema, t.name);
        if (!c && t.renamed_from) c = current.find_table(t.schema, *t.renamed_from);
        if (!c) continue;
        c->comment = t.comment;
        for (const auto& col : t.columns) {
            Column* cc = c->find_column(col.name);
            if (!cc && col.renamed_from) cc = c->find_column(*col.renamed_from);
            if (cc) cc->comment = col.comment;
        }
    }
}

}  // namespace migrate::diff
