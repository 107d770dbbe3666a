// SQLite SQL tokenizer (see tokenizer.h).
#include "dialects/sqlite/tokenizer.h"

#include <strings.h>

#include <cctype>

namespace migrate::sqlite {

namespace {

bool is_word_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_word_char(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }

// Reads a literal closed by `close`, where a doubled `close` stands for one.
size_t read_quoted(const std::string& s, size_t i, char close, std::string& value) {
    for (++i; i < s.size(); ++i) {
        if (s[i] == close) {
            if (close != ']' && i + 1 < s.size() && s[i + 1] == close) {
                value += close;
                ++i;
                continue;
            }
            return i + 1;
        }
        value += s[i];
    }
    return s.size();
}

size_t read_number(const std::string& s, size_t i) {
    if (s[i] == '0' && i + 1 < s.size() && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        i += 2;
        while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
        return i;
    }
    while (i < s.size() &&
           (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == '_'))
        ++i;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
            i = j;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        }
    }
    return i;
}

size_t skip_comment(const std::string& s, size_t i) {
    if (s.compare(i, 2, "--") == 0) {
        size_t nl = s.find('\n', i);
        return nl == std::string::npos ? s.size() : nl + 1;
    }
    if (s.compare(i, 2, "/*") == 0) {
        size_t close = s.find("*/", i + 2);
        return close == std::string::npos ? s.size() : close + 2;
    }
    return i;
}

size_t read_punct(const std::string& s, size_t i) {
    static const char* two[] = {"||", "<=", ">=", "==", "!=", "<>", "<<", ">>", "->"};
    for (const char* t : two)
        if (s.compare(i, 2, t) == 0) return i + (s.compare(i, 3, "->>") == 0 ? 3 : 2);
    return i + 1;
}

}  // namespace

bool Token::is_keyword(const char* keyword) const {
    return kind == TokenKind::Word && strcasecmp(text.c_str(), keyword) == 0;
}

std::vector<Token> tokenize(const std::string& s) {
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) {
            ++i;
            continue;
        }
        size_t after_comment = skip_comment(s, i);
        if (after_comment != i) {
            i = after_comment;
            continue;
        }
        Token t;
        t.begin = i;
        if ((c == 'x' || c == 'X') && i + 1 < s.size() && s[i + 1] == '\'') {
            t.kind = TokenKind::Blob;
            i = read_quoted(s, i + 1, '\'', t.value);
        } else if (c == '\'') {
            t.kind = TokenKind::String;
            i = read_quoted(s, i, '\'', t.value);
        } else if (c == '"' || c == '`' || c == '[') {
            t.kind = TokenKind::QuotedIdentifier;
            i = read_quoted(s, i, c == '[' ? ']' : static_cast<char>(c), t.value);
        } else if (std::isdigit(c) || (c == '.' && i + 1 < s.size() &&
                                       std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            t.kind = TokenKind::Number;
            i = read_number(s, i);
        } else if (is_word_start(c)) {
            t.kind = TokenKind::Word;
            while (i < s.size() && is_word_char(static_cast<unsigned char>(s[i]))) ++i;
        } else {
            t.kind = TokenKind::Punct;
            i = read_punct(s, i);
        }
        t.end = i;
        t.text = s.substr(t.begin, t.end - t.begin);
        if (t.kind == TokenKind::Word || t.kind == TokenKind::Number || t.kind == TokenKind::Punct)
            t.value = t.text;
        out.push_back(std::move(t));
    }
    return out;
}

size_t matching_paren(const std::vector<Token>& tokens, size_t open) {
    int depth = 0;
    for (size_t i = open; i < tokens.size(); ++i) {
        if (tokens[i].is_punct("(")) ++depth;
        if (tokens[i].is_punct(")") && --depth == 0) return i;
    }
    return tokens.size();
}

std::vector<std::pair<size_t, size_t>> split_top_level(const std::vector<Token>& tokens,
                                                       size_t first, size_t last) {
    std::vector<std::pair<size_t, size_t>> parts;
    int depth = 0;
    size_t start = first;
    for (size_t i = first; i < last; ++i) {
        if (tokens[i].is_punct("("))
            ++depth;
        else if (tokens[i].is_punct(")"))
            --depth;
        else if (depth == 0 && tokens[i].is_punct(",")) {
            parts.emplace_back(start, i);
            start = i + 1;
        }
    }
    if (start < last) parts.emplace_back(start, last);
    return parts;
}

std::string source_text(const std::string& sql, const std::vector<Token>& tokens, size_t first,
                        size_t last) {
    if (first >= last || last > tokens.size()) return {};
    return sql.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

}  // namespace migrate::sqlite
