#include "dialects/postgresql/types.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "dialects/postgresql/quote.h"

namespace migrate::pg {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Collapses whitespace and drops it around "(", ")", "," and "[".
std::string squeeze_spaces(const std::string& s) {
    std::string out;
    bool pending_space = false;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            pending_space = !out.empty();
            continue;
        }
        bool tight = c == '(' || c == ')' || c == ',' || c == '[' || c == ']';
        bool after_tight =
            !out.empty() && (out.back() == '(' || out.back() == ',' || out.back() == '[');
        if (pending_space && !tight && !after_tight) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

const std::map<std::string, std::string>& aliases() {
    static const std::map<std::string, std::string> m = {
        {"int", "integer"},
        {"int4", "integer"},
        {"serial", "integer"},
        {"serial4", "integer"},
        {"int8", "bigint"},
        {"bigserial", "bigint"},
        {"serial8", "bigint"},
        {"int2", "smallint"},
        {"smallserial", "smallint"},
        {"serial2", "smallint"},
        {"float4", "real"},
        {"float8", "double precision"},
        {"float", "double precision"},
        {"bool", "boolean"},
        {"varchar", "character varying"},
        {"char", "character(1)"},
        {"character", "character(1)"},
        {"bpchar", "bpchar"},
        {"decimal", "numeric"},
        {"timestamp", "timestamp without time zone"},
        {"timestamptz", "timestamp with time zone"},
        {"time", "time without time zone"},
        {"timetz", "time with time zone"},
        {"varbit", "bit varying"},
        {"bit", "bit(1)"},
    };
    return m;
}

// "varchar(20)" -> "character varying(20)"; "timestamp(3)" -> "timestamp(3) without time zone".
std::string canonical_with_args(const std::string& base, const std::string& args) {
    static const std::map<std::string, std::string> m = {
        {"varchar", "character varying"},
        {"character varying", "character varying"},
        {"char", "character"},
        {"character", "character"},
        {"bit", "bit"},
        {"varbit", "bit varying"},
    };
    if (base == "numeric" || base == "decimal")
        return "numeric(" + args + (args.find(',') == std::string::npos ? ",0)" : ")");
    if (auto it = m.find(base); it != m.end()) return it->second + "(" + args + ")";
    if (base == "timestamp" || base == "timestamptz" || base == "time" || base == "timetz") {
        bool tz = base.back() == 'z';
        std::string stem = base.substr(0, base.find("tz"));
        return stem + "(" + args + ")" + (tz ? " with time zone" : " without time zone");
    }
    if (base == "float") {
        int p = std::atoi(args.c_str());
        return p >= 1 && p <= 24 ? "real" : "double precision";
    }
    return base + "(" + args + ")";
}

}  // namespace

std::string render_type(const ColumnType& t) {
    switch (t.kind) {
        case TypeKind::Integer:
            return "integer";
        case TypeKind::BigInt:
            return "bigint";
        case TypeKind::SmallInt:
            return "smallint";
        case TypeKind::String:
            return t.length ? "varchar(" + std::to_string(*t.length) + ")" : "varchar";
        case TypeKind::Text:
            return "text";
        case TypeKind::Boolean:
            return "boolean";
        case TypeKind::Date:
            return "date";
        case TypeKind::DateTime:
            return t.timezone ? "timestamptz" : "timestamp";
        case TypeKind::Time:
            return "time";
        case TypeKind::Numeric:
            if (t.precision && t.scale)
                return "numeric(" + std::to_string(*t.precision) + "," + std::to_string(*t.scale) +
                       ")";
            if (t.precision) return "numeric(" + std::to_string(*t.precision) + ")";
            return "numeric";
        case TypeKind::Float:
            return "real";
        case TypeKind::Double:
            return "double precision";
        case TypeKind::Binary:
            return "bytea";
        case TypeKind::Uuid:
            return "uuid";
        case TypeKind::Json:
            return "json";
        case TypeKind::Interval:
            return "interval";
        case TypeKind::Enum: {
            size_t dot = t.name.find('.');
            if (dot == std::string::npos) return quote_identifier(t.name);
            return qualified(t.name.substr(0, dot), t.name.substr(dot + 1));
        }
        case TypeKind::Dialect:
            return t.name;
    }
    return t.name;
}

ColumnType type_from_catalog(const std::string& f) {
    static const std::map<std::string, TypeKind> simple = {
        {"integer", TypeKind::Integer},
        {"bigint", TypeKind::BigInt},
        {"smallint", TypeKind::SmallInt},
        {"character varying", TypeKind::String},
        {"text", TypeKind::Text},
        {"boolean", TypeKind::Boolean},
        {"date", TypeKind::Date},
        {"time without time zone", TypeKind::Time},
        {"numeric", TypeKind::Numeric},
        {"real", TypeKind::Float},
        {"double precision", TypeKind::Double},
        {"bytea", TypeKind::Binary},
        {"uuid", TypeKind::Uuid},
        {"json", TypeKind::Json},
        {"interval", TypeKind::Interval},
    };
    if (auto it = simple.find(f); it != simple.end()) return ColumnType::of(it->second);
    ColumnType t;
    if (f == "timestamp without time zone" || f == "timestamp with time zone") {
        t.kind = TypeKind::DateTime;
        t.timezone = f == "timestamp with time zone";
        return t;
    }
    static const std::regex varchar(R"(character varying\((\d+)\))");
    static const std::regex numeric(R"(numeric\((\d+),(\d+)\))");
    std::smatch m;
    if (std::regex_match(f, m, varchar)) {
        t.kind = TypeKind::String;
        t.length = std::stoi(m[1]);
        return t;
    }
    if (std::regex_match(f, m, numeric)) {
        t.kind = TypeKind::Numeric;
        t.precision = std::stoi(m[1]);
        t.scale = std::stoi(m[2]);
        return t;
    }
    t.kind = TypeKind::Dialect;
    t.name = f;
    return t;
}

std::string canonical_type_name(const std::string& written) {
    if (written.find('"') != std::string::npos) return written;  // quoted: a user type, verbatim
    std::string s = squeeze_spaces(lower(written));
    std::string suffix;
    while (s.size() >= 2 && s.compare(s.size() - 2, 2, "[]") == 0) {
        suffix += "[]";
        s = s.substr(0, s.size() - 2);
    }
    size_t open = s.find('(');
    size_t close = s.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        std::string base = s.substr(0, open);
        while (!base.empty() && base.back() == ' ') base.pop_back();
        std::string rest = s.substr(close + 1);
        std::string args = s.substr(open + 1, close - open - 1);
        if (rest.empty()) return canonical_with_args(base, args) + suffix;
        return s + suffix;  // "timestamp(3) with time zone" is already canonical
    }
    if (auto it = aliases().find(s); it != aliases().end()) return it->second + suffix;
    if (s == "double") return "double precision" + suffix;
    return s + suffix;
}

}  // namespace migrate::pg
