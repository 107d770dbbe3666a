#include "core/schema/types.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

namespace migrate {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

const std::map<std::string, TypeKind>& simple_kinds() {
    static const std::map<std::string, TypeKind> kinds = {
        {"integer", TypeKind::Integer},   {"bigint", TypeKind::BigInt},
        {"smallint", TypeKind::SmallInt}, {"string", TypeKind::String},
        {"text", TypeKind::Text},         {"boolean", TypeKind::Boolean},
        {"date", TypeKind::Date},         {"datetime", TypeKind::DateTime},
        {"time", TypeKind::Time},         {"numeric", TypeKind::Numeric},
        {"float", TypeKind::Float},       {"double", TypeKind::Double},
        {"binary", TypeKind::Binary},     {"uuid", TypeKind::Uuid},
        {"json", TypeKind::Json},         {"enum", TypeKind::Enum},
        {"interval", TypeKind::Interval},
    };
    return kinds;
}

// Splits "a, b" into trimmed arguments.
std::vector<std::string> split_args(const std::string& inside) {
    std::vector<std::string> args;
    std::string cur;
    for (char c : inside) {
        if (c == ',') {
            args.push_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    args.push_back(trim(cur));
    return args;
}

std::optional<int> parse_int(const std::string& s) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    size_t i = (s[0] == '-') ? 1 : 0;
    if (i == s.size()) return std::nullopt;
    for (size_t k = i; k < s.size(); ++k)
        if (!std::isdigit(static_cast<unsigned char>(s[k]))) return std::nullopt;
    return std::stoi(s);
}

std::optional<ColumnType> fail(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return std::nullopt;
}

}  // namespace

bool is_integer_kind(TypeKind k) {
    return k == TypeKind::Integer || k == TypeKind::BigInt || k == TypeKind::SmallInt;
}

bool is_integer_type(const ColumnType& t) {
    if (is_integer_kind(t.kind)) return true;
    if (t.kind != TypeKind::Dialect) return false;
    size_t end = t.name.find_first_of(" (");
    std::string first = lower(t.name.substr(0, end));
    static const std::set<std::string> names = {
        "int", "integer", "bigint", "smallint", "tinyint", "mediumint", "int2", "int4", "int8"};
    return names.count(first) > 0;
}

std::string ColumnType::to_string() const {
    switch (kind) {
        case TypeKind::Integer:
            return "integer";
        case TypeKind::BigInt:
            return "bigint";
        case TypeKind::SmallInt:
            return "smallint";
        case TypeKind::String:
            return length ? "string(" + std::to_string(*length) + ")" : "string";
        case TypeKind::Text:
            return "text";
        case TypeKind::Boolean:
            return "boolean";
        case TypeKind::Date:
            return "date";
        case TypeKind::DateTime:
            return timezone ? "datetime(timezone)" : "datetime";
        case TypeKind::Time:
            return "time";
        case TypeKind::Numeric:
            if (precision && scale)
                return "numeric(" + std::to_string(*precision) + "," + std::to_string(*scale) + ")";
            if (precision) return "numeric(" + std::to_string(*precision) + ")";
            return "numeric";
        case TypeKind::Float:
            return "float";
        case TypeKind::Double:
            return "double";
        case TypeKind::Binary:
            return "binary";
        case TypeKind::Uuid:
            return "uuid";
        case TypeKind::Json:
            return "json";
        case TypeKind::Enum:
            return "enum(" + name + ")";
        case TypeKind::Interval:
            return "interval";
        case TypeKind::Dialect:
            return name;
    }
    return name;
}

std::optional<ColumnType> parse_type(const std::string& raw, std::string* error) {
    std::string text = trim(raw);
    if (text.empty()) return fail(error, "empty type");
    size_t open = text.find('(');
    size_t close = text.rfind(')');
    std::string base = lower(trim(text.substr(0, open)));
    auto it = simple_kinds().find(base);

    if (open != std::string::npos && close == std::string::npos) {
        if (it != simple_kinds().end())
            return fail(error, "type '" + text +
                                   "' has an unbalanced parenthesis; in a flow mapping {...} "
                                   "YAML splits at commas, so quote a type with two parameters: "
                                   "\"" +
                                   text + ",<scale>)\"");
        return fail(error, "type '" + text + "' has an unbalanced parenthesis");
    }
    if (it == simple_kinds().end()) {
        ColumnType t;
        t.kind = TypeKind::Dialect;
        t.name = text;
        return t;
    }

    ColumnType t;
    t.kind = it->second;
    // FLOAT(p), FLOAT(m,d), DOUBLE(m,d) and BINARY(n) are SQL types of their own (a
    // precision, a fixed length), and ENUM('a','b') an inline enum of its values, which
    // no portable type stands for: kept verbatim.
    bool inline_enum = t.kind == TypeKind::Enum && open != std::string::npos &&
                       trim(text.substr(open + 1)).rfind('\'', 0) == 0;
    if (open != std::string::npos && (inline_enum || t.kind == TypeKind::Float ||
                                      t.kind == TypeKind::Double || t.kind == TypeKind::Binary)) {
        t.kind = TypeKind::Dialect;
        t.name = text;
        return t;
    }
    if (open == std::string::npos) {
        if (t.kind == TypeKind::Enum)
            return fail(error, "type 'enum' needs the enum's name: enum(name)");
        return t;
    }
    if (!trim(text.substr(close + 1)).empty())
        return fail(error, "unexpected text after ')' in type '" + text + "'");
    std::vector<std::string> args = split_args(text.substr(open + 1, close - open - 1));

    switch (t.kind) {
        case TypeKind::String: {
            auto n = args.size() == 1 ? parse_int(args[0]) : std::nullopt;
            if (!n || *n <= 0)
                return fail(error, "type '" + text + "': string length must be a positive integer");
            t.length = n;
            return t;
        }
        case TypeKind::Numeric: {
            if (args.size() > 2)
                return fail(error,
                            "type '" + text + "': numeric takes (precision) or (precision,scale)");
            auto p = parse_int(args[0]);
            if (!p || *p <= 0 || *p > 1000)
                return fail(error, "type '" + text +
                                       "': numeric precision must be an integer from 1 to 1000");
            t.precision = p;
            if (args.size() == 2) {
                auto s = parse_int(args[1]);
                if (!s || *s < 0)
                    return fail(
                        error, "type '" + text + "': numeric scale must be a non-negative integer");
                if (*s > *p)
                    return fail(error, "type '" + text + "': numeric scale (" + std::to_string(*s) +
                                           ") cannot exceed precision (" + std::to_string(*p) +
                                           ")");
                t.scale = s;
            }
            return t;
        }
        case TypeKind::DateTime:
            if (args.size() == 1 && (lower(args[0]) == "timezone" || lower(args[0]) == "tz")) {
                t.timezone = true;
                return t;
            }
            return fail(error, "type '" + text + "': datetime takes no parameter but (timezone)");
        case TypeKind::Enum:
            if (args.size() != 1 || args[0].empty())
                return fail(error, "type '" + text + "': enum takes one name: enum(name)");
            t.name = args[0];
            return t;
        default:
            return fail(error, "type '" + base + "' takes no parameters, got '" + text + "'");
    }
}

}  // namespace migrate
