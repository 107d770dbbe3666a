// PostgreSQL DDL of the sequence operations (dialects/postgresql/ddl.h): CREATE, ALTER
// and DROP SEQUENCE with only the settings given, OWNED BY a column of the sequence's
// schema.

#include <string>

#include "dialects/postgresql/ddl.h"
#include "dialects/postgresql/quote.h"

namespace migrate::pg {

namespace {

void number(std::string& sql, const char* clause, const std::optional<std::int64_t>& n) {
    if (n) sql += std::string(" ") + clause + " " + std::to_string(*n);
}

std::string owner(const std::string& schema, const std::optional<std::string>& owned_by) {
    if (!owned_by) return " OWNED BY NONE";
    size_t dot = owned_by->find('.');
    return " OWNED BY " + qualified(schema, owned_by->substr(0, dot)) + "." +
           quote_identifier(owned_by->substr(dot + 1));
}

}  // namespace

Statements render_create_sequence(const CreateSequence& op) {
    const Sequence& q = op.sequence;
    Statements out;
    if (!q.schema.empty())
        out.push_back("CREATE SCHEMA IF NOT EXISTS " + quote_identifier(q.schema));
    std::string sql = "CREATE SEQUENCE " + qualified(q.schema, q.name);
    number(sql, "INCREMENT BY", q.increment);
    number(sql, "MINVALUE", q.min_value);
    number(sql, "MAXVALUE", q.max_value);
    number(sql, "START WITH", q.start);
    number(sql, "CACHE", q.cache);
    if (q.cycle) sql += " CYCLE";
    if (q.owned_by) sql += owner(q.schema, q.owned_by);
    out.push_back(sql);
    return out;
}

Statements render_alter_sequence(const AlterSequence& op) {
    std::string sql = "ALTER SEQUENCE " + qualified(op.schema, op.name);
    number(sql, "INCREMENT BY", op.increment);
    number(sql, "MINVALUE", op.min_value);
    number(sql, "MAXVALUE", op.max_value);
    number(sql, "START WITH", op.start);
    number(sql, "CACHE", op.cache);
    if (op.cycle) sql += *op.cycle ? " CYCLE" : " NO CYCLE";
    if (op.owned_by) sql += owner(op.schema, *op.owned_by);
    return {sql};
}

Statements render_drop_sequence(const DropSequence& op) {
    return {"DROP SEQUENCE " + qualified(op.schema, op.name)};
}

}  // namespace migrate::pg
