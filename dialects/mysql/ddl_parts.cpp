// The pieces of MySQL DDL (see ddl.h): column definitions, defaults, keys, constraints,
// indexes and CREATE TABLE.
#include <algorithm>
#include <cctype>

#include "core/base/errors.h"
#include "dialects/mysql/ddl.h"
#include "dialects/mysql/normalize_lexer.h"
#include "dialects/mysql/quote.h"
#include "dialects/mysql/types.h"

namespace migrate::mysql {

namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// TEXT, BLOB and JSON columns take only expression defaults on MySQL 8 (MariaDB takes
// both): their literal defaults are written in parentheses too.
bool expression_only_type(const ColumnType& t) {
    if (t.kind == TypeKind::Text || t.kind == TypeKind::Binary || t.kind == TypeKind::Json)
        return true;
    if (t.kind != TypeKind::Dialect) return false;
    std::string n = lower(t.name);
    return n.find("text") != std::string::npos || n.find("blob") != std::string::npos;
}

bool is_literal(const std::vector<NToken>& t) {
    if (t.size() == 1)
        return t[0].kind == NKind::String || t[0].kind == NKind::Number ||
               (t[0].kind == NKind::Word &&
                (t[0].text == "null" || t[0].text == "true" || t[0].text == "false"));
    return t.size() == 2 && t[0].kind == NKind::Op && (t[0].text == "-" || t[0].text == "+") &&
           t[1].kind == NKind::Number;
}

// CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(6), now(), LOCALTIMESTAMP: bare after DEFAULT.
bool is_timestamp_function(const std::vector<NToken>& t) {
    static const char* names[] = {"current_timestamp", "now", "localtimestamp", "localtime"};
    if (t.empty() || t[0].kind != NKind::Word) return false;
    bool known = std::any_of(std::begin(names), std::end(names),
                             [&](const char* n) { return t[0].text == n; });
    if (!known) return false;
    if (t.size() == 1) return t[0].text != "now";
    return (t.size() == 3 && t[1].text == "(" && t[2].text == ")") ||
           (t.size() == 4 && t[1].text == "(" && t[2].kind == NKind::Number && t[3].text == ")");
}

std::string element_sql(const IndexElement& e, const std::string& index) {
    if (e.nulls != NullsOrder::Default)
        throw InputError("index '" + index + "': MySQL has no NULLS FIRST / NULLS LAST");
    if (!e.opclass.empty())
        throw InputError("index '" + index + "': MySQL has no operator classes ('" + e.opclass +
                         "')");
    std::string s = e.is_expression() ? "(" + e.expression + ")" : quote_identifier(e.column);
    if (e.length) s += "(" + std::to_string(*e.length) + ")";
    if (e.order == SortOrder::Desc) s += " DESC";
    return s;
}

// "" / btree / hash as USING; fulltext and spatial as the index's kind.
std::string index_kind(const Index& ix) {
    std::string m = lower(ix.method);
    if (m == "fulltext" || m == "spatial") return upper(m) + " ";
    return ix.unique ? "UNIQUE " : "";
}

std::string index_using(const Index& ix) {
    std::string m = lower(ix.method);
    if (m.empty() || m == "fulltext" || m == "spatial") return "";
    if (m == "btree" || m == "hash") return " USING " + upper(m);
    throw InputError("index '" + ix.name + "': MySQL has no index method '" + ix.method +
                     "' (btree, hash, fulltext, spatial)");
}

std::string index_body(const Index& ix) {
    check_name_length("index", ix.name);
    if (ix.where)
        throw InputError("index '" + ix.name + "': MySQL has no partial indexes (WHERE " +
                         *ix.where + ")");
    std::string s = "(";
    for (size_t i = 0; i < ix.elements.size(); ++i)
        s += (i ? ", " : "") + element_sql(ix.elements[i], ix.name);
    return s + ")" + index_using(ix);
}

}  // namespace

void check_name_length(const std::string& what, const std::string& name) {
    // MySQL counts characters, not bytes.
    size_t chars = 0;
    for (unsigned char c : name)
        if ((c & 0xC0) != 0x80) ++chars;
    if (chars > 64)
        throw InputError(what + " name '" + name + "' is " + std::to_string(chars) +
                         " characters long; MySQL allows at most 64");
}

std::string column_list(const std::vector<std::string>& columns) {
    std::string s = "(";
    for (size_t i = 0; i < columns.size(); ++i) s += (i ? ", " : "") + quote_identifier(columns[i]);
    return s + ")";
}

std::string column_type_sql(const ColumnType& type, const Schema& before) {
    if (type.kind != TypeKind::Enum) return render_type(type);
    size_t dot = type.name.find('.');
    std::string schema = dot == std::string::npos ? "" : type.name.substr(0, dot);
    std::string name = dot == std::string::npos ? type.name : type.name.substr(dot + 1);
    const Enum* e = before.find_enum(schema, name);
    if (!e)
        throw InputError("enum '" + type.name +
                         "' does not exist in the schema before this operation (MySQL writes "
                         "an enum column as an inline ENUM of the enum's values)");
    return enum_sql(e->values);
}

std::string default_sql(const std::string& expression, const ColumnType& type) {
    std::vector<NToken> t = lex(expression);
    if (is_timestamp_function(t)) return expression;
    if (is_literal(t) && !expression_only_type(type)) return expression;
    if (t.size() >= 2 && t.front().text == "(" && t.back().text == ")") return expression;
    return "(" + expression + ")";
}

std::string column_definition(const Column& c, const Schema& before) {
    check_name_length("column", c.name);
    std::string s;
    try {
        s = quote_identifier(c.name) + " " + column_type_sql(c.type, before);
    } catch (const InputError& e) {
        throw InputError("column '" + c.name + "': " + e.what());
    }
    if (c.collation) s += " COLLATE " + quote_identifier(*c.collation);
    bool timestamp = c.type.kind == TypeKind::DateTime && c.type.timezone;
    // A nullable TIMESTAMP says NULL: without it a server with
    // explicit_defaults_for_timestamp off makes it NOT NULL DEFAULT current_timestamp().
    if (!c.nullable)
        s += " NOT NULL";
    else if (timestamp)
        s += " NULL";
    bool autoincrement = c.autoincrement && is_integer_type(c.type);
    if (c.server_default && !autoincrement)
        s += " DEFAULT " + default_sql(*c.server_default, c.type);
    if (autoincrement) s += " AUTO_INCREMENT";
    if (c.comment) s += " COMMENT " + quote_literal(*c.comment);
    return s;
}

std::string primary_key_clause(const PrimaryKey& pk) {
    // MySQL names every primary key PRIMARY: the model's name is not written.
    return "PRIMARY KEY " + column_list(pk.columns);
}

std::string unique_clause(const UniqueConstraint& uq) {
    check_name_length("unique constraint", uq.name);
    return "CONSTRAINT " + quote_identifier(uq.name) + " UNIQUE " + column_list(uq.columns);
}

std::string foreign_key_clause(const ForeignKey& fk) {
    check_name_length("foreign key", fk.name);
    if (!fk.referred_schema.empty())
        throw InputError("foreign key '" + fk.name + "' refers to table '" + fk.referred_schema +
                         "." + fk.referred_table +
                         "' in another schema; the MySQL dialect manages one database");
    std::string s = "CONSTRAINT " + quote_identifier(fk.name) + " FOREIGN KEY " +
                    column_list(fk.columns) + " REFERENCES " + quote_identifier(fk.referred_table) +
                    " " + column_list(fk.referred_columns);
    if (!fk.on_delete.empty()) s += " ON DELETE " + upper(fk.on_delete);
    if (!fk.on_update.empty()) s += " ON UPDATE " + upper(fk.on_update);
    return s;
}

std::string check_clause(const CheckConstraint& ck) {
    check_name_length("check constraint", ck.name);
    return "CONSTRAINT " + quote_identifier(ck.name) + " CHECK (" + ck.expression + ")";
}

std::string index_clause(const Index& ix) {
    return index_kind(ix) + "INDEX " + quote_identifier(ix.name) + " " + index_body(ix);
}

std::string create_index_sql(const std::string& table, const Index& ix) {
    return "CREATE " + index_kind(ix) + "INDEX " + quote_identifier(ix.name) + " ON " +
           quote_identifier(table) + " " + index_body(ix);
}

bool has_implicit_index(const Table& t, const ForeignKey& fk) {
    auto starts_with_fk = [&](const std::vector<std::string>& cols) {
        return cols.size() >= fk.columns.size() &&
               std::equal(fk.columns.begin(), fk.columns.end(), cols.begin());
    };
    if (t.primary_key && starts_with_fk(t.primary_key->columns)) return false;
    for (const auto& u : t.unique_constraints)
        if (starts_with_fk(u.columns)) return false;
    for (const auto& ix : t.indexes) {
        std::vector<std::string> cols;
        for (const auto& e : ix.elements) {
            if (e.is_expression()) break;
            cols.push_back(e.column);
        }
        if (!ix.where && starts_with_fk(cols)) return false;
    }
    return true;
}

Statements render_create_table(const Table& t, const Schema& before) {
    check_name_length("table", t.name);
    std::vector<std::string> parts;
    for (const auto& c : t.columns) parts.push_back(column_definition(c, before));
    if (t.primary_key) parts.push_back(primary_key_clause(*t.primary_key));
    for (const auto& u : t.unique_constraints) parts.push_back(unique_clause(u));
    for (const auto& i : t.indexes) parts.push_back(index_clause(i));
    for (const auto& c : t.checks) parts.push_back(check_clause(c));
    for (const auto& f : t.foreign_keys) parts.push_back(foreign_key_clause(f));
    std::string sql = "CREATE TABLE " + quote_identifier(t.name) + " (\n";
    for (size_t i = 0; i < parts.size(); ++i)
        sql += "    " + parts[i] + (i + 1 < parts.size() ? ",\n" : "\n");
    sql += ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    if (t.comment) sql += " COMMENT=" + quote_literal(*t.comment);
    return {sql};
}

}  // namespace migrate::mysql
