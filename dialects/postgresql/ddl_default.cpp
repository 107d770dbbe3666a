// Column defaults in PostgreSQL DDL (ddl.h: default_sql). After DEFAULT the grammar
// takes a restricted expression (b_expr): literals, typed literals, function calls,
// casts and arithmetic, but no AND / OR / NOT / IS / LIKE / IN / BETWEEN /
// AT TIME ZONE. Defaults as written or as reflected (normalised, outer parentheses
// gone) may hold those, so such a default is wrapped in parentheses; any other is
// written as it is, so the usual `DEFAULT 0` / `DEFAULT now()` stay readable.

#include <algorithm>
#include <cctype>
#include <set>

#include "dialects/postgresql/ddl.h"
#include "dialects/postgresql/tokenizer.h"

namespace migrate::pg {

namespace {

bool is(const Token& t, const char* text) { return t.kind != TokenKind::String && t.text == text; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Keywords that stand alone as values.
bool value_keyword(const std::string& word) {
    static const std::set<std::string> words = {"true",
                                                "false",
                                                "null",
                                                "current_date",
                                                "current_time",
                                                "current_timestamp",
                                                "localtime",
                                                "localtimestamp",
                                                "current_user",
                                                "session_user",
                                                "user",
                                                "current_role",
                                                "current_catalog",
                                                "current_schema"};
    return words.count(lower(word)) > 0;
}

// The words of a type name after "::" ("character varying", "timestamp with time zone").
bool type_word(const std::string& word) {
    static const std::set<std::string> words = {"varying", "precision", "with",
                                                "without", "time",      "zone"};
    return words.count(lower(word)) > 0;
}

// Whether a word at the top level (outside parentheses) is an operator keyword.
bool needs_parentheses(const std::vector<Token>& t) {
    int depth = 0;
    bool cast = false;  // inside the type name after "::"
    for (size_t i = 0; i < t.size(); ++i) {
        if (is(t[i], "(") || is(t[i], "[")) ++depth;
        if (is(t[i], ")") || is(t[i], "]")) --depth;
        if (depth > 0 || t[i].kind != TokenKind::Word) {
            cast = depth == 0 && is(t[i], "::");
            continue;
        }
        if (cast && (is(t[i - 1], "::") || type_word(t[i].text))) continue;
        cast = false;
        if (value_keyword(t[i].text)) continue;
        bool call = i + 1 < t.size() && is(t[i + 1], "(");
        bool typed_literal = i + 1 < t.size() && t[i + 1].kind == TokenKind::String;
        if (!call && !typed_literal) return true;
    }
    return false;
}

}  // namespace

std::string default_sql(const std::string& expression) {
    return needs_parentheses(tokenize(expression)) ? "(" + expression + ")" : expression;
}

}  // namespace migrate::pg
