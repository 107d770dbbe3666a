// Sequences of a PostgreSQL database (dialects/postgresql/reflect.h). A sequence that an
// identity column owns, or that an autoincrement (serial) column owns and draws its
// default from, is part of that column and stays out of the model. Any other sequence is a model
// Sequence, with its owner when it has one; one owned by a table that is not reflected (excluded)
// is listed as not managed, since its model could not name the owner.

#include <charconv>

#include "core/schema/sequences.h"
#include "dialects/postgresql/reflect.h"
#include "dialects/postgresql/reflect_queries.h"

namespace migrate::pg {

namespace {

struct Row {
    const QueryResult& r;
    const std::vector<SqlValue>& v;
    std::string str(const char* name) const { return v[r.column_index(name)].value_or(""); }
    std::int64_t number(const char* name) const {
        std::string text = str(name);
        std::int64_t n = 0;
        std::from_chars(text.data(), text.data() + text.size(), n);
        return n;
    }
};

// Whether the sequence belongs to its owner column (identity, serial) rather than to the model.
bool part_of_column(ReflectState& s, const Row& row) {
    std::string kind = row.str("owner_kind");
    if (kind == "i") return true;
    if (kind != "a" || row.str("owner_default") != "t") return false;
    const Table* t = s.table(row.str("nspname"), row.str("owner_table"));
    const Column* c = t ? t->find_column(row.str("owner_column")) : nullptr;
    return c && c->autoincrement;
}

}  // namespace

void reflect_sequences(ReflectState& s) {
    QueryResult r = s.query(queries::kSequences);
    for (const auto& values : r.rows) {
        Row row{r, values};
        if (part_of_column(s, row)) continue;
        std::string nsp = row.str("nspname");
        Sequence q;
        q.schema = model_schema(nsp);
        q.name = row.str("relname");
        if (row.str("owner_kind") == "a") {
            if (!s.table(nsp, row.str("owner_table"))) {
                s.result.unmanaged.push_back({"sequence", q.qualified_name()});
                continue;
            }
            // A column that draws its default from the sequence it owns is a serial column;
            // when it is not reflected as autoincrement the model keeps the default and the
            // sequence without the owner, a pair that reads back the same (model_check).
            if (row.str("owner_default") != "t")
                q.owned_by = row.str("owner_table") + "." + row.str("owner_column");
        }
        q.start = row.number("seqstart");
        q.increment = row.number("seqincrement");
        q.min_value = row.number("seqmin");
        q.max_value = row.number("seqmax");
        q.cache = row.number("seqcache");
        q.cycle = row.str("seqcycle") == "t";
        s.result.schema.sequences.push_back(without_defaults(q));
    }
}

}  // namespace migrate::pg
