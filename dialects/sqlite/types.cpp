// SQLite type/default mapping (see types.h).
#include "dialects/sqlite/types.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "dialects/sqlite/normalize.h"
#include "dialects/sqlite/tokenizer.h"

namespace migrate::sqlite {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// "VARCHAR ( 255 )" -> base "varchar", args {"255"}; words joined by one space.
struct DeclaredType {
    std::string base;
    std::vector<std::string> args;
};

DeclaredType split_declared(const std::string& declared) {
    DeclaredType d;
    std::vector<Token> tokens = tokenize(declared);
    size_t i = 0;
    for (; i < tokens.size() && !tokens[i].is_punct("("); ++i)
        d.base += (d.base.empty() ? "" : " ") + lower(tokens[i].value);
    for (++i; i < tokens.size() && !tokens[i].is_punct(")"); ++i)
        if (!tokens[i].is_punct(",")) d.args.push_back(tokens[i].text);
    return d;
}

std::optional<int> to_int(const std::vector<std::string>& args, size_t i) {
    if (i >= args.size() || args[i].empty() ||
        !std::all_of(args[i].begin(), args[i].end(), ::isdigit))
        return std::nullopt;
    return std::stoi(args[i]);
}

const std::map<std::string, TypeKind>& plain_names() {
    static const std::map<std::string, TypeKind> m = {
        {"integer", TypeKind::Integer},
        {"int", TypeKind::Integer},
        {"int4", TypeKind::Integer},
        {"bigint", TypeKind::BigInt},
        {"int8", TypeKind::BigInt},
        {"smallint", TypeKind::SmallInt},
        {"int2", TypeKind::SmallInt},
        {"text", TypeKind::Text},
        {"clob", TypeKind::Text},
        {"boolean", TypeKind::Boolean},
        {"bool", TypeKind::Boolean},
        {"date", TypeKind::Date},
        {"time", TypeKind::Time},
        {"float", TypeKind::Float},
        {"real", TypeKind::Float},
        {"double", TypeKind::Double},
        {"double precision", TypeKind::Double},
        {"blob", TypeKind::Binary},
        {"uuid", TypeKind::Uuid},
        {"json", TypeKind::Json},
        {"interval", TypeKind::Interval},
    };
    return m;
}

}  // namespace

std::string render_type(const ColumnType& t) {
    switch (t.kind) {
        case TypeKind::Integer:
            return "INTEGER";
        case TypeKind::BigInt:
            return "BIGINT";
        case TypeKind::SmallInt:
            return "SMALLINT";
        case TypeKind::String:
            return t.length ? "VARCHAR(" + std::to_string(*t.length) + ")" : "VARCHAR";
        case TypeKind::Text:
            return "TEXT";
        case TypeKind::Boolean:
            return "BOOLEAN";
        case TypeKind::Date:
            return "DATE";
        case TypeKind::DateTime:
            return t.timezone ? "TIMESTAMPTZ" : "DATETIME";
        case TypeKind::Time:
            return "TIME";
        case TypeKind::Numeric:
            if (t.precision && t.scale)
                return "NUMERIC(" + std::to_string(*t.precision) + "," + std::to_string(*t.scale) +
                       ")";
            if (t.precision) return "NUMERIC(" + std::to_string(*t.precision) + ")";
            return "NUMERIC";
        case TypeKind::Float:
            return "FLOAT";
        case TypeKind::Double:
            return "DOUBLE";
        case TypeKind::Binary:
            return "BLOB";
        case TypeKind::Uuid:
            return "CHAR(36)";
        case TypeKind::Json:
            return "JSON";
        case TypeKind::Enum:
            return "TEXT";  // SQLite has no enum types
        case TypeKind::Interval:
            return "INTERVAL";
        case TypeKind::Dialect:
            return t.name == "any" ? "" : t.name;  // a column without a declared type
    }
    return t.name;
}

ColumnType type_from_declared(const std::string& declared) {
    DeclaredType d = split_declared(declared);
    ColumnType t;
    if (d.base.empty() && d.args.empty()) {  // no declared type: the model calls it `any`
        t.kind = TypeKind::Dialect;
        t.name = "any";
        return t;
    }
    if (d.args.empty()) {
        auto it = plain_names().find(d.base);
        if (it != plain_names().end()) return ColumnType::of(it->second);
    }
    if (d.base == "varchar" || d.base == "character varying" || d.base == "nvarchar") {
        t.kind = TypeKind::String;
        t.length = to_int(d.args, 0);
        if (d.args.empty() || t.length) return t;
    }
    if (d.base == "char" && d.args.size() == 1 && d.args[0] == "36")
        return ColumnType::of(TypeKind::Uuid);
    if ((d.base == "numeric" || d.base == "decimal") && d.args.size() <= 2) {
        t = ColumnType::of(TypeKind::Numeric);
        t.precision = to_int(d.args, 0);
        t.scale = to_int(d.args, 1);
        if (d.args.size() == (t.precision ? 1u : 0u) + (t.scale ? 1u : 0u)) return t;
    }
    if (d.args.empty() && (d.base == "datetime" || d.base == "timestamp"))
        return ColumnType::of(TypeKind::DateTime);
    if (d.args.empty() && (d.base == "timestamptz" || d.base == "timestamp with time zone")) {
        t = ColumnType::of(TypeKind::DateTime);
        t.timezone = true;
        return t;
    }
    ColumnType dialect;
    dialect.kind = TypeKind::Dialect;
    dialect.name = lower(declared);
    // A portable name with parameters that SQLite ignores (`bigint(20)`, `text(100)`,
    // written for MySQL) has no verbatim spelling in a model, which would read it as the
    // portable type and reject the parameters: it is that portable type.
    std::optional<ColumnType> as_model = parse_type(dialect.name, nullptr);
    if (d.args.empty() || (as_model && as_model->kind == TypeKind::Dialect)) return dialect;
    auto it = plain_names().find(d.base);
    if (it != plain_names().end()) return ColumnType::of(it->second);
    if (d.base == "datetime") return ColumnType::of(TypeKind::DateTime);
    return dialect;
}

bool is_constant_default(const std::string& v) {
    std::vector<Token> t = tokenize(v);
    if (t.size() == 1)
        return t[0].kind == TokenKind::String || t[0].kind == TokenKind::Number ||
               t[0].kind == TokenKind::Blob || t[0].is_keyword("null");
    return t.size() == 2 && (t[0].is_punct("-") || t[0].is_punct("+")) &&
           t[1].kind == TokenKind::Number;
}

std::string render_default(const std::string& value) {
    std::string v = normalize_default(value).value_or("NULL");
    if (is_constant_default(v) || v.rfind("CURRENT_", 0) == 0) return v;
    return "(" + v + ")";
}

}  // namespace migrate::sqlite
