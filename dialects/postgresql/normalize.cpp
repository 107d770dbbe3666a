// PostgreSQL normalisation (see normalize.h).
#include "dialects/postgresql/normalize.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "dialects/postgresql/tokenizer.h"
#include "dialects/postgresql/types.h"

namespace migrate::pg {

namespace {

using Tokens = std::vector<Token>;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool is(const Token& t, const char* text) { return t.kind != TokenKind::String && t.text == text; }
bool is_word(const Token& t, const std::set<std::string>& words) {
    return t.kind == TokenKind::Word && words.count(t.text);
}

const std::set<std::string>& logical_words() {
    static const std::set<std::string> s = {"and", "or"};
    return s;
}
const std::set<std::string>& comparison_words() {
    static const std::set<std::string> s = {"not",   "is",      "in",     "like",
                                            "ilike", "between", "similar"};
    return s;
}
bool is_comparison_op(const Token& t) {
    static const std::set<std::string> ops = {"=", "<>", "<", ">", "<=", ">="};
    return t.kind == TokenKind::Operator && ops.count(t.text);
}

bool typed_literal_prefix(const Tokens& in, size_t i) {
    static const std::set<std::string> types = {"interval",    "date",    "time",   "timestamp",
                                                "timestamptz", "uuid",    "json",   "jsonb",
                                                "numeric",     "integer", "bigint", "text"};
    return in[i].kind == TokenKind::Word && i + 1 < in.size() &&
           in[i + 1].kind == TokenKind::String && types.count(lower(in[i].text)) &&
           !(i > 0 && is(in[i - 1], "::"));
}

// Unquotes "name" when it needs no quotes (lower case, not a keyword); lower-cases words; canonical
// operators; `interval '1 day'` written as PostgreSQL deparses it, a literal (whose cast is
// dropped).
Tokens canonical_tokens(const Tokens& in) {
    static const std::regex simple("[a-z_][a-z0-9_$]*");
    Tokens out;
    for (size_t i = 0; i < in.size(); ++i) {
        Token t = in[i];
        if (typed_literal_prefix(in, i)) continue;
        if (t.kind == TokenKind::Word) t.text = lower(t.text);
        if (t.kind == TokenKind::QuotedIdent) {
            std::string inner = t.text.substr(1, t.text.size() - 2);
            if (std::regex_match(inner, simple) && !is_quoted_keyword(inner))
                t = {TokenKind::Word, inner};
        }
        if (t.kind == TokenKind::Operator) {
            if (t.text == "!=") t.text = "<>";
            if (t.text == "~~") t = {TokenKind::Word, "like"};
            if (t.text == "~~*") t = {TokenKind::Word, "ilike"};
            if (t.text == "!~~" || t.text == "!~~*") {
                out.push_back({TokenKind::Word, "not"});
                t = {TokenKind::Word, t.text == "!~~" ? "like" : "ilike"};
            }
        }
        out.push_back(t);
    }
    return out;
}

size_t matching_close(const Tokens& t, size_t open) {
    int depth = 0;
    for (size_t i = open; i < t.size(); ++i) {
        if (is(t[i], "(") || is(t[i], "[")) ++depth;
        if (is(t[i], ")") || is(t[i], "]")) {
            if (--depth == 0) return i;
        }
    }
    return t.size();
}

bool is_number(const std::string& s) {
    static const std::regex number(R"([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)");
    return std::regex_match(s, number);
}

const std::set<std::string>& numeric_type_words() {
    static const std::set<std::string> s = {"integer", "bigint", "smallint", "numeric", "real",
                                            "double",  "int",    "int2",     "int4",    "int8",
                                            "float4",  "float8", "decimal"};
    return s;
}

// Drops "::type" casts: a type name of one or more words, an optional schema, an
// optional (typmod), optional "with/without time zone", optional [].
Tokens drop_casts(const Tokens& in) {
    static const std::set<std::string> more = {"varying", "precision", "with",
                                               "without", "time",      "zone"};
    Tokens out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (!is(in[i], "::")) {
            out.push_back(in[i]);
            continue;
        }
        size_t j = i + 1;
        if (j < in.size()) {
            // '-1'::integer is how PostgreSQL deparses a negative number: keep it a number.
            if (!out.empty() && out.back().kind == TokenKind::String &&
                numeric_type_words().count(lower(in[j].text))) {
                std::string inner = out.back().text.substr(1, out.back().text.size() - 2);
                if (is_number(inner)) out.back() = {TokenKind::Number, inner};
            }
            ++j;  // the type's first word
        }
        while (j + 1 < in.size() && is(in[j], ".")) j += 2;
        for (;;) {
            if (j < in.size() && in[j].kind == TokenKind::Word && more.count(lower(in[j].text)))
                ++j;
            else if (j < in.size() && is(in[j], "("))
                j = matching_close(in, j) + 1;
            else if (j + 1 < in.size() && is(in[j], "[") && is(in[j + 1], "]"))
                j += 2;
            else
                break;
        }
        i = j - 1;
    }
    return out;
}

// 0: has top-level and/or; 1: has a top-level comparison; 2: other operators; 3: an atom.
// -1: has a top-level comma (a list, never unwrapped).
int strength(const Tokens& t, size_t b, size_t e) {
    int level = 3, depth = 0;
    size_t atoms = 0;
    for (size_t i = b; i < e; ++i) {
        if (is(t[i], "(") || is(t[i], "[")) {
            if (depth++ == 0 && !(i > b && (t[i - 1].kind == TokenKind::Word || is(t[i - 1], "]"))))
                ++atoms;
            continue;
        }
        if (is(t[i], ")") || is(t[i], "]")) {
            --depth;
            continue;
        }
        if (depth) continue;
        if (is(t[i], ",")) return -1;
        if (is_word(t[i], logical_words()))
            level = std::min(level, 0);
        else if (is_comparison_op(t[i]) || is_word(t[i], comparison_words()))
            level = std::min(level, 1);
        else if (t[i].kind == TokenKind::Operator)
            level = std::min(level, 2);
        else
            ++atoms;
    }
    if (level == 3 && atoms > 1) level = 2;
    return level;
}

// The strength a parenthesised group needs to lose its parentheses next to `t`.
int needed(const Token* t, bool left) {
    static const std::set<std::string> case_words = {"case", "when", "then", "else", "end"};
    if (!t || is(*t, "(") || is(*t, ")") || is(*t, ",") || is_word(*t, case_words)) return 0;
    if (is_word(*t, logical_words())) return 1;
    if (is_comparison_op(*t)) return 2;
    if (t->kind == TokenKind::Word && (is_word(*t, comparison_words()) || !left)) return 2;
    if (t->kind == TokenKind::Operator) return 3;
    return 99;  // a function name or keyword before "(": keep
}

bool unwrap_one(Tokens& t) {
    for (size_t i = 0; i < t.size(); ++i) {
        if (!is(t[i], "(")) continue;
        size_t j = matching_close(t, i);
        if (j >= t.size() || j == i + 1) continue;
        const Token* left = i > 0 ? &t[i - 1] : nullptr;
        const Token* right = j + 1 < t.size() ? &t[j + 1] : nullptr;
        int s = strength(t, i + 1, j);
        if (s < 0) continue;
        if (s >= needed(left, true) && s >= needed(right, false)) {
            t.erase(t.begin() + static_cast<long>(j));
            t.erase(t.begin() + static_cast<long>(i));
            return true;
        }
    }
    return false;
}

bool spaced_keyword(const Token& t) {
    static const std::set<std::string> s = {"and",   "or",      "not",  "in",   "is",   "like",
                                            "ilike", "between", "when", "then", "else", "exists"};
    return is_word(t, s);
}

std::string join(const Tokens& t) {
    std::string out;
    for (size_t i = 0; i < t.size(); ++i) {
        const Token* prev = i ? &t[i - 1] : nullptr;
        bool space = prev != nullptr;
        if (prev && (is(*prev, "(") || is(*prev, "[") || is(*prev, "."))) space = false;
        if (is(t[i], ")") || is(t[i], "]") || is(t[i], ",") || is(t[i], ".") || is(t[i], "["))
            space = false;
        if (prev && is(t[i], "(") &&
            (prev->kind == TokenKind::Word || prev->kind == TokenKind::QuotedIdent) &&
            !spaced_keyword(*prev))
            space = false;
        // unary minus/plus: attach to what follows
        if (prev && (is(*prev, "-") || is(*prev, "+")) &&
            (i < 2 || t[i - 2].kind == TokenKind::Operator || is(t[i - 2], "(") ||
             is(t[i - 2], ",") || spaced_keyword(t[i - 2])))
            space = false;
        if (space) out += ' ';
        out += t[i].text;
    }
    return out;
}

}  // namespace

std::string normalize_expression(const std::string& sql) {
    Tokens t = drop_casts(canonical_tokens(tokenize(sql)));
    while (unwrap_one(t)) {
    }
    return join(t);
}

namespace {

bool numeric_kind(TypeKind k) {
    return is_integer_kind(k) || k == TypeKind::Numeric || k == TypeKind::Float ||
           k == TypeKind::Double;
}

}  // namespace

std::optional<std::string> normalize_default(const std::optional<std::string>& server_default,
                                             const ColumnType& type) {
    if (!server_default) return std::nullopt;
    std::string e = normalize_expression(*server_default);
    if (e == "current_timestamp" || e == "transaction_timestamp()" || e == "current_timestamp()")
        return "now()";
    bool quoted = e.size() >= 2 && e.front() == '\'' && e.back() == '\'';
    std::string inner = quoted ? e.substr(1, e.size() - 2) : e;
    if (type.kind == TypeKind::Boolean) {
        std::string v = lower(inner);
        if (v == "true" || v == "t" || v == "yes" || v == "y" || v == "on" || v == "1")
            return "true";
        if (v == "false" || v == "f" || v == "no" || v == "n" || v == "off" || v == "0")
            return "false";
    }
    if (quoted && numeric_kind(type.kind) && is_number(inner)) return inner;
    return e;
}

// What reflection returns after `type` is rendered and created.
ColumnType normalize_type(const ColumnType& type) {
    if (type.kind == TypeKind::Enum) return type;
    if (type.kind == TypeKind::Dialect) return type_from_catalog(canonical_type_name(type.name));
    return type_from_catalog(canonical_type_name(render_type(type)));
}

}  // namespace migrate::pg
