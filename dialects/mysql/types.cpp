// MySQL / MariaDB type mapping (see types.h).
#include "dialects/mysql/types.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/base/errors.h"
#include "dialects/mysql/quote.h"

namespace migrate::mysql {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\n\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\n\r") - b + 1);
}

// "int(10) unsigned" -> base "int", args "10", rest "unsigned". Args keep their case
// (enum values); base and rest are lower-cased, words joined by one space.
struct CatalogType {
    std::string base, args, rest;
    bool has_args = false;
};

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : lower(trim(s))) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

CatalogType split(const std::string& text) {
    CatalogType t;
    size_t open = text.find('(');
    if (open == std::string::npos) {
        std::string s = squeeze(text);
        // "int unsigned", "double precision": the first word is the base unless the
        // whole is one multi-word name.
        if (s == "double precision" || s == "character varying") return {s, "", "", false};
        size_t space = s.find(' ');
        t.base = s.substr(0, space);
        if (space != std::string::npos) t.rest = s.substr(space + 1);
        return t;
    }
    // The closing parenthesis outside quotes (enum values may hold parentheses).
    size_t close = std::string::npos;
    char quote = 0;
    for (size_t i = open + 1; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
            if (c == '\\' && i + 1 < text.size())
                ++i;
            else if (c == quote && i + 1 < text.size() && text[i + 1] == quote)
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == ')') {
            close = i;
            break;
        }
    }
    if (close == std::string::npos) return {squeeze(text), "", "", false};
    t.base = squeeze(text.substr(0, open));
    t.args = trim(text.substr(open + 1, close - open - 1));
    t.has_args = true;
    t.rest = squeeze(text.substr(close + 1));
    return t;
}

bool digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), ::isdigit);
}

// "12, 2" -> {12, 2}; empty when not one or two integers.
std::vector<int> int_args(const std::string& args) {
    std::vector<int> out;
    size_t start = 0;
    while (start <= args.size()) {
        size_t comma = args.find(',', start);
        std::string a = trim(args.substr(start, comma - start));
        if (!digits(a) || a.size() > 9) return {};
        out.push_back(std::stoi(a));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

ColumnType dialect(const std::string& name) {
    ColumnType t;
    t.kind = TypeKind::Dialect;
    t.name = name;
    return t;
}

const std::map<std::string, std::string>& aliases() {
    // How the server spells what a model may write by another name.
    static const std::map<std::string, std::string> m = {
        {"integer", "int"},         {"int4", "int"},        {"int8", "bigint"},
        {"int2", "smallint"},       {"int1", "tinyint"},    {"int3", "mediumint"},
        {"middleint", "mediumint"}, {"numeric", "decimal"}, {"dec", "decimal"},
        {"fixed", "decimal"},       {"real", "double"},     {"double precision", "double"},
        {"float8", "double"},       {"float4", "float"},    {"character varying", "varchar"},
        {"character", "char"},      {"bool", "boolean"},
    };
    return m;
}

bool integer_base(const std::string& base) {
    return base == "int" || base == "bigint" || base == "smallint" || base == "tinyint" ||
           base == "mediumint";
}

}  // namespace

std::string enum_sql(const std::vector<std::string>& values) {
    std::string s = "ENUM(";
    for (size_t i = 0; i < values.size(); ++i) s += (i ? "," : "") + quote_literal(values[i]);
    return s + ")";
}

std::string render_type(const ColumnType& t) {
    switch (t.kind) {
        case TypeKind::Integer:
            return "INT";
        case TypeKind::BigInt:
            return "BIGINT";
        case TypeKind::SmallInt:
            return "SMALLINT";
        case TypeKind::String:
            if (!t.length)
                throw InputError(
                    "type 'string' needs a length on MySQL (VARCHAR has no default length): "
                    "write string(n), or text");
            return "VARCHAR(" + std::to_string(*t.length) + ")";
        case TypeKind::Text:
            return "TEXT";
        case TypeKind::Boolean:
            return "TINYINT(1)";
        case TypeKind::Date:
            return "DATE";
        case TypeKind::DateTime:
            return t.timezone ? "TIMESTAMP" : "DATETIME";
        case TypeKind::Time:
            return "TIME";
        case TypeKind::Numeric:
            if (t.precision && *t.precision > 65)
                throw InputError("type '" + t.to_string() +
                                 "': MySQL's DECIMAL holds at most 65 digits");
            if (t.scale && *t.scale > 30)
                throw InputError("type '" + t.to_string() +
                                 "': MySQL's DECIMAL holds at most 30 digits after the point");
            if (t.precision && t.scale)
                return "DECIMAL(" + std::to_string(*t.precision) + "," + std::to_string(*t.scale) +
                       ")";
            if (t.precision) return "DECIMAL(" + std::to_string(*t.precision) + ")";
            return "DECIMAL";
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
        case TypeKind::Interval:
            throw InputError(
                "type 'interval' has no MySQL equivalent: store a number of seconds (bigint) "
                "or use a MySQL type verbatim");
        case TypeKind::Enum:
            throw InputError("enum '" + t.name +
                             "': its values are not known here (an enum column is an inline "
                             "ENUM of the enum's values)");
        case TypeKind::Dialect:
            return t.name;
    }
    return t.name;
}

std::optional<std::vector<std::string>> enum_values(const std::string& column_type) {
    CatalogType c = split(column_type);
    if (c.base != "enum" || !c.has_args || !c.rest.empty()) return std::nullopt;
    std::vector<std::string> values;
    const std::string& a = c.args;
    size_t i = 0;
    while (i < a.size()) {
        while (i < a.size() && (a[i] == ' ' || a[i] == ',')) ++i;
        if (i >= a.size()) break;
        char q = a[i];
        if (q != '\'' && q != '"') return std::nullopt;
        std::string v;
        for (++i; i < a.size(); ++i) {
            if (a[i] == '\\' && i + 1 < a.size()) {
                v += a[++i];
            } else if (a[i] == q && i + 1 < a.size() && a[i + 1] == q) {
                v += q;
                ++i;
            } else if (a[i] == q) {
                break;
            } else {
                v += a[i];
            }
        }
        if (i >= a.size()) return std::nullopt;  // unterminated
        ++i;
        values.push_back(v);
    }
    return values;
}

ColumnType type_from_catalog(const std::string& column_type, const std::string& data_type) {
    std::string data = lower(trim(data_type));
    if (data == "json") return ColumnType::of(TypeKind::Json);
    CatalogType c = split(column_type);
    if (c.base == "enum" || c.base == "set") return dialect(c.base + "(" + c.args + ")");
    if (auto it = aliases().find(c.base); it != aliases().end()) c.base = it->second;
    std::vector<int> n = c.has_args ? int_args(c.args) : std::vector<int>{};
    bool bad_args = c.has_args && n.empty();
    if (bad_args) return dialect(lower(trim(column_type)));
    if (c.base == "boolean" && !c.has_args && c.rest.empty())
        return ColumnType::of(TypeKind::Boolean);
    if (integer_base(c.base)) {
        if (c.base == "tinyint" && n.size() == 1 && n[0] == 1 && c.rest.empty())
            return ColumnType::of(TypeKind::Boolean);
        if (!c.rest.empty()) return dialect(c.base + " " + c.rest);  // unsigned, zerofill
        if (c.base == "int") return ColumnType::of(TypeKind::Integer);
        if (c.base == "bigint") return ColumnType::of(TypeKind::BigInt);
        if (c.base == "smallint") return ColumnType::of(TypeKind::SmallInt);
        return dialect(c.base);  // tinyint, mediumint
    }
    std::string args;
    for (size_t i = 0; i < n.size(); ++i) args += (i ? "," : "(") + std::to_string(n[i]);
    if (!args.empty()) args += ")";
    if (c.base == "decimal" && n.size() <= 2) {
        // DECIMAL is DECIMAL(10,0), DECIMAL(p) is DECIMAL(p,0).
        int p = n.empty() ? 10 : n[0];
        int s = n.size() == 2 ? n[1] : 0;
        if (!c.rest.empty())
            return dialect("decimal(" + std::to_string(p) + "," + std::to_string(s) + ") " +
                           c.rest);
        ColumnType t = ColumnType::of(TypeKind::Numeric);
        t.precision = p;
        t.scale = s;
        return t;
    }
    if (!c.rest.empty()) return dialect(c.base + args + " " + c.rest);
    if (c.base == "varchar" && n.size() == 1) {
        ColumnType t = ColumnType::of(TypeKind::String);
        t.length = n[0];
        return t;
    }
    if (c.base == "char" && n.size() == 1 && n[0] == 36) return ColumnType::of(TypeKind::Uuid);
    if (c.base == "char" && !c.has_args) return dialect("char(1)");
    static const std::map<std::string, TypeKind> plain = {
        {"text", TypeKind::Text},         {"date", TypeKind::Date},   {"time", TypeKind::Time},
        {"datetime", TypeKind::DateTime}, {"float", TypeKind::Float}, {"double", TypeKind::Double},
        {"blob", TypeKind::Binary},       {"uuid", TypeKind::Uuid},   {"json", TypeKind::Json},
    };
    if (!c.has_args) {
        if (c.base == "timestamp") {
            ColumnType t = ColumnType::of(TypeKind::DateTime);
            t.timezone = true;
            return t;
        }
        if (auto it = plain.find(c.base); it != plain.end()) return ColumnType::of(it->second);
    }
    return dialect(c.base + args);
}

}  // namespace migrate::mysql
