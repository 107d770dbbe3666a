// The PostgreSQL expression tokenizer (see tokenizer.h).
#include "dialects/postgresql/tokenizer.h"

#include <cctype>
#include <cstring>
#include <set>

namespace migrate::pg {

namespace {

bool is_word_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_word_char(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }
bool is_op_char(char c) { return c != '\0' && std::strchr("+-*/<>=~!@#%^&|`?", c) != nullptr; }

// Reads a quoted run starting at s[i] (the quote), doubling as the escape.
size_t quoted_end(const std::string& s, size_t i, char q) {
    size_t j = i + 1;
    while (j < s.size()) {
        if (s[j] == q) {
            if (j + 1 < s.size() && s[j + 1] == q) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        ++j;
    }
    return s.size();
}

size_t number_end(const std::string& s, size_t i) {
    size_t j = i;
    while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
    if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
            j = k;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        }
    }
    return j;
}

}  // namespace

std::vector<Token> tokenize(const std::string& s) {
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t j = i + 1;
        TokenKind kind = TokenKind::Punct;
        if (std::isspace(c)) {
            ++i;
            continue;
        } else if (c == '\'') {
            j = quoted_end(s, i, '\''), kind = TokenKind::String;
        } else if (c == '"') {
            j = quoted_end(s, i, '"'), kind = TokenKind::QuotedIdent;
        } else if (std::isdigit(c) || (c == '.' && i + 1 < s.size() &&
                                       std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            j = number_end(s, i), kind = TokenKind::Number;
        } else if ((c == 'E' || c == 'e') && i + 1 < s.size() && s[i + 1] == '\'') {
            j = quoted_end(s, i + 1, '\''), kind = TokenKind::String;
        } else if (is_word_start(c)) {
            while (j < s.size() && is_word_char(static_cast<unsigned char>(s[j]))) ++j;
            kind = TokenKind::Word;
        } else if (c == ':' && i + 1 < s.size() && s[i + 1] == ':') {
            j = i + 2;
        } else if (is_op_char(static_cast<char>(c))) {
            while (j < s.size() && is_op_char(s[j])) ++j;
            kind = TokenKind::Operator;
        }
        out.push_back({kind, s.substr(i, j - i)});
        i = j;
    }
    return out;
}

bool is_quoted_keyword(const std::string& word) {
    // pg_get_keywords() WHERE catcode <> 'U' (PostgreSQL 15).
    // clang-format off
    static const std::set<std::string> words = {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
        "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
        "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
        "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
        "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
        "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float",
        "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having",
        "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into",
        "is", "isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime",
        "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
        "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
        "overlay", "placing", "position", "precision", "primary", "real", "references", "returning",
        "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring",
        "symmetric", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
        "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
        "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
        "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable"};
    // clang-format on
    return words.count(word) > 0;
}

}  // namespace migrate::pg
