// SQLite normalisation (see normalize.h).
#include "dialects/sqlite/normalize.h"

#include <algorithm>
#include <cctype>

#include "dialects/sqlite/tokenizer.h"
#include "dialects/sqlite/types.h"

namespace migrate::sqlite {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

bool is_paren_wrapped(const std::vector<Token>& t) {
    return t.size() >= 2 && t.front().is_punct("(") && matching_paren(t, 0) == t.size() - 1;
}

// A '(' after a word is a call ("lower(x)") unless the word is an operator keyword.
bool is_call(const Token& word) {
    static const char* ops[] = {"in", "and",  "or",   "not",  "exists", "between", "like",
                                "is", "when", "then", "else", "case",   "glob"};
    if (!word.is_identifier() || word.kind == TokenKind::QuotedIdentifier)
        return word.is_identifier();
    for (const char* op : ops)
        if (word.is_keyword(op)) return false;
    return true;
}

}  // namespace

ColumnType normalize_type(const ColumnType& type) { return type_from_declared(render_type(type)); }

std::optional<std::string> normalize_default(const std::optional<std::string>& value) {
    if (!value) return std::nullopt;
    std::string v = *value;
    for (;;) {
        std::vector<Token> tokens = tokenize(v);
        if (tokens.empty()) return std::nullopt;
        if (!is_paren_wrapped(tokens)) break;
        v = source_text(v, tokens, 1, tokens.size() - 1);
    }
    std::vector<Token> tokens = tokenize(v);
    std::string l = lower(v);
    if (l == "now()" || l == "current_timestamp" || l == "current_timestamp()" ||
        l == "localtimestamp" || l == "datetime('now')")
        return std::string("CURRENT_TIMESTAMP");
    if (l == "current_date" || l == "current_time") return upper(l);
    if (l == "true") return std::string("1");
    if (l == "false") return std::string("0");
    if (l == "null") return std::nullopt;
    if (tokens.size() == 2 && tokens[0].is_punct("+") && tokens[1].kind == TokenKind::Number)
        return tokens[1].text;
    if (tokens.size() == 2 && tokens[0].is_punct("-") && tokens[1].kind == TokenKind::Number)
        return "-" + tokens[1].text;
    return v;
}

std::string normalize_expression(const std::string& sql) {
    std::vector<Token> tokens = tokenize(sql);
    while (is_paren_wrapped(tokens))
        tokens = std::vector<Token>(tokens.begin() + 1, tokens.end() - 1);
    std::string out;
    const Token* prev = nullptr;
    for (const Token& t : tokens) {
        std::string piece = t.is_identifier() ? lower(t.value) : t.text;
        if (t.kind == TokenKind::Number || t.kind == TokenKind::String || t.kind == TokenKind::Blob)
            piece = t.text;
        bool glue = prev && (prev->is_punct("(") || t.is_punct(")") || t.is_punct(",") ||
                             (t.is_punct("(") && is_call(*prev)));
        if (prev && !glue) out += ' ';
        out += piece;
        prev = &t;
    }
    return out;
}

}  // namespace migrate::sqlite
