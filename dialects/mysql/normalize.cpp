// MySQL / MariaDB normalisation (see normalize.h).
#include "dialects/mysql/normalize.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <vector>

#include "dialects/mysql/normalize_lexer.h"
#include "dialects/mysql/types.h"

namespace migrate::mysql {

namespace {

using Tokens = std::vector<NToken>;

bool is(const NToken& t, const char* text) {
    return (t.kind == NKind::Op || t.kind == NKind::Word) && t.text == text;
}
bool is_word(const NToken& t, const std::set<std::string>& words) {
    return t.kind == NKind::Word && words.count(t.text);
}

const std::set<std::string>& operator_words() {
    static const std::set<std::string> s = {"and",    "or",    "xor",     "not", "is",     "like",
                                            "regexp", "rlike", "between", "mod", "div",    "when",
                                            "then",   "else",  "case",    "end", "sounds", "escape",
                                            "null",   "true",  "false"};
    return s;
}

// Whether the token at i is a unary operator: a sign or NOT where no operand precedes.
bool unary_at(const Tokens& t, size_t i) {
    if (!(is(t[i], "-") || is(t[i], "+") || is(t[i], "~") || is(t[i], "not"))) return false;
    if (i == 0) return true;
    const NToken& p = t[i - 1];
    if (is(p, ")")) return false;
    if (p.kind == NKind::Op) return true;
    return is_word(p, operator_words()) && !is(p, "end") && !is(p, "null");
}

// Binding strength of a binary operator (MySQL's precedence, low to high); 0: not one.
int precedence(const Tokens& t, size_t i) {
    const NToken& k = t[i];
    if (unary_at(t, i)) return is(k, "not") ? 4 : 12;
    if (k.kind == NKind::Word) {
        if (k.text == "or") return 1;
        if (k.text == "xor") return 2;
        if (k.text == "and") return 3;
        static const std::set<std::string> cmp = {"is", "like",    "regexp", "rlike",
                                                  "in", "between", "sounds", "not"};
        if (cmp.count(k.text)) return 5;
        if (k.text == "mod" || k.text == "div") return 10;
        return 0;
    }
    if (k.kind != NKind::Op) return 0;
    static const std::set<std::string> cmp = {"=", "<=>", ">=", ">", "<=", "<", "<>"};
    if (cmp.count(k.text)) return 5;
    if (k.text == "|") return 6;
    if (k.text == "&") return 7;
    if (k.text == "<<" || k.text == ">>") return 8;
    if (k.text == "+" || k.text == "-") return 9;
    if (k.text == "*" || k.text == "/") return 10;
    if (k.text == "^") return 11;
    return 0;
}

size_t matching_close(const Tokens& t, size_t open) {
    int depth = 0;
    for (size_t i = open; i < t.size(); ++i) {
        if (is(t[i], "(")) ++depth;
        if (is(t[i], ")") && --depth == 0) return i;
    }
    return t.size();
}

size_t matching_end(const Tokens& t, size_t case_at) {
    int depth = 0;
    for (size_t i = case_at; i < t.size(); ++i) {
        if (is(t[i], "case")) ++depth;
        if (is(t[i], "end") && --depth == 0) return i;
    }
    return t.size();
}

// The weakest binary operator at the top level of t[b, e): 99 for an atom, -1 for a list.
int strength(const Tokens& t, size_t b, size_t e) {
    int level = 99;
    for (size_t i = b; i < e; ++i) {
        if (is(t[i], "(")) {
            i = matching_close(t, i);
            continue;
        }
        if (is(t[i], "case")) {
            i = matching_end(t, i);
            continue;
        }
        if (is(t[i], ",")) return -1;
        int p = precedence(t, i);
        if (p > 0) level = std::min(level, p);
    }
    return level;
}

// A word before "(" that makes the parentheses a call or a list, never redundant.
bool call_word(const NToken& t) {
    if (t.kind == NKind::Ident) return true;
    if (t.kind != NKind::Word) return false;
    if (t.text == "in" || t.text == "exists") return true;
    return !operator_words().count(t.text);
}

bool unwrap_one(Tokens& t) {
    for (size_t i = 0; i < t.size(); ++i) {
        if (!is(t[i], "(")) continue;
        size_t j = matching_close(t, i);
        if (j >= t.size() || j == i + 1) continue;
        if (i > 0 && call_word(t[i - 1])) continue;
        int s = strength(t, i + 1, j);
        if (s < 0) continue;
        int left = i > 0 ? precedence(t, i - 1) : 0;
        int right = j + 1 < t.size() ? precedence(t, j + 1) : 0;
        if (s > left && s >= right) {
            t.erase(t.begin() + static_cast<long>(j));
            t.erase(t.begin() + static_cast<long>(i));
            return true;
        }
    }
    return false;
}

// `x in (v)` -> `x = v`, `x not in (v)` -> `x <> v`, `not (a = b)` -> `a <> b`: how
// MariaDB prints them back.
Tokens rewrite(const Tokens& in) {
    static const std::map<std::string, std::string> negated = {
        {"=", "<>"}, {"<>", "="}, {"<", ">="}, {">", "<="}, {"<=", ">"}, {">=", "<"}};
    auto atom = [](const NToken& k) { return k.kind != NKind::Op; };
    Tokens out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (is(in[i], "in") && i + 3 < in.size() && is(in[i + 1], "(") && atom(in[i + 2]) &&
            is(in[i + 3], ")")) {
            bool neg = !out.empty() && is(out.back(), "not");
            if (neg) out.pop_back();
            out.push_back({NKind::Op, neg ? "<>" : "="});
            out.push_back(in[i + 2]);
            i += 3;
            continue;
        }
        if (is(in[i], "not") && unary_at(in, i) && i + 5 < in.size() + 0 && is(in[i + 1], "(") &&
            atom(in[i + 2]) && in[i + 3].kind == NKind::Op && negated.count(in[i + 3].text) &&
            atom(in[i + 4]) && is(in[i + 5], ")")) {
            out.push_back(in[i + 2]);
            out.push_back({NKind::Op, negated.at(in[i + 3].text)});
            out.push_back(in[i + 4]);
            i += 5;
            continue;
        }
        out.push_back(in[i]);
    }
    return out;
}

}  // namespace

std::string normalize_expression(const std::string& sql) {
    Tokens t = rewrite(canonical_tokens(lex(sql)));
    while (unwrap_one(t)) {
    }
    return join_tokens(t);
}

namespace {

bool numeric_kind(TypeKind k) {
    return is_integer_kind(k) || k == TypeKind::Numeric || k == TypeKind::Float ||
           k == TypeKind::Double;
}

bool stringish_kind(const ColumnType& t) {
    switch (t.kind) {
        case TypeKind::String:
        case TypeKind::Text:
        case TypeKind::Uuid:
        case TypeKind::Json:
        case TypeKind::Enum:
        case TypeKind::Date:
        case TypeKind::DateTime:
        case TypeKind::Time:
            return true;
        default:
            return false;
    }
}

// "0.00" -> "0", "1.50" -> "1.5", "+3" -> "3", "-0" -> "0", "1e3" -> "1000".
std::string canonical_number(const std::string& n) {
    static const std::regex plain(R"(([-+]?)0*(\d*)(?:\.(\d*?)0*)?)");
    std::smatch m;
    if (std::regex_match(n, m, plain)) {
        std::string whole = m[2].str().empty() ? "0" : m[2].str();
        std::string frac = m[3].str();
        std::string s = whole + (frac.empty() ? "" : "." + frac);
        if (s == "0") return s;
        return (m[1].str() == "-" ? "-" : "") + s;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", std::strtod(n.c_str(), nullptr));
    return buf;
}

bool is_number(const std::string& s) {
    static const std::regex number(R"([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)");
    return std::regex_match(s, number);
}

}  // namespace

std::optional<std::string> normalize_default(const std::optional<std::string>& server_default,
                                             const ColumnType& type) {
    if (!server_default) return std::nullopt;
    Tokens t = lex(*server_default);
    if (t.empty()) return std::nullopt;
    std::string e = normalize_expression(*server_default);
    if (e == "null") return std::nullopt;
    static const std::regex now(
        R"((current_timestamp|now|localtime|localtimestamp)(\(\)|\((\d+)\))?)");
    std::smatch m;
    if (std::regex_match(e, m, now)) {
        std::string p = m[3].matched && m[3].str() != "0" ? m[3].str() : "";
        return "current_timestamp(" + p + ")";
    }
    Tokens n = canonical_tokens(lex(e));
    bool one_string = n.size() == 1 && n[0].kind == NKind::String;
    std::string value = one_string ? n[0].text : e;
    if (type.kind == TypeKind::Boolean) {
        std::string v = value;
        std::transform(v.begin(), v.end(), v.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        if (v == "1" || v == "true" || v == "t" || v == "yes" || v == "on") return "1";
        if (v == "0" || v == "false" || v == "f" || v == "no" || v == "off") return "0";
    }
    if (numeric_kind(type.kind) && is_number(value)) return canonical_number(value);
    if (stringish_kind(type) && !one_string && is_number(e))
        return join_tokens({{NKind::String, e}});
    return e;
}

// What reflection returns after `type` is rendered and created.
ColumnType normalize_type(const ColumnType& type) {
    if (type.kind == TypeKind::Enum) return ColumnType::of(TypeKind::Enum);
    if (type.kind == TypeKind::Dialect) {
        if (enum_values(type.name)) return ColumnType::of(TypeKind::Enum);
        size_t open = type.name.find('(');
        std::string base = type.name.substr(0, open == std::string::npos ? type.name.size() : open);
        return type_from_catalog(type.name, base);
    }
    if (type.kind == TypeKind::String && !type.length) return type;  // refused by render_type
    if (type.kind == TypeKind::Interval) return type;                // refused by render_type
    if (type.kind == TypeKind::Numeric &&
        ((type.precision && *type.precision > 65) || (type.scale && *type.scale > 30)))
        return type;
    return type_from_catalog(render_type(type), "");
}

}  // namespace migrate::mysql
