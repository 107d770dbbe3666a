// The MySQL/MariaDB tokenizer (see tokenizer.h).
#include "dialects/mysql/tokenizer.h"

#include <cctype>
#include <cstring>

namespace migrate::mysql {

namespace {

bool is_word_start(unsigned char c) { return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80; }
bool is_word_char(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }
bool is_op_char(char c) { return c != '\0' && std::strchr("+-*/<>=~!%^&|:?@", c) != nullptr; }

// The end of a quoted run starting at s[i] (the quote): a doubled quote stays inside,
// and for strings (not backticks) a backslash escapes the next character.
size_t quoted_end(const std::string& s, size_t i, char q) {
    size_t j = i + 1;
    while (j < s.size()) {
        if (s[j] == '\\' && q != '`') {
            j += 2;
            continue;
        }
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
    if (s.compare(i, 2, "0x") == 0 || s.compare(i, 2, "0b") == 0) {
        j = i + 2;
        while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j]))) ++j;
        return j;
    }
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

size_t skip_quoted_or_comment(const std::string& s, size_t i) {
    if (i >= s.size()) return i;
    char c = s[i];
    if (c == '\'' || c == '"' || c == '`') return quoted_end(s, i, c);
    bool dash_comment = c == '-' && i + 1 < s.size() && s[i + 1] == '-' &&
                        (i + 2 == s.size() || std::isspace(static_cast<unsigned char>(s[i + 2])));
    if (c == '#' || dash_comment) {
        size_t nl = s.find('\n', i);
        return nl == std::string::npos ? s.size() : nl + 1;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
        size_t end = s.find("*/", i + 2);
        return end == std::string::npos ? s.size() : end + 2;
    }
    return i;
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
        size_t skipped = skip_quoted_or_comment(s, i);
        if (skipped != i) {
            if (c == '\'' || c == '"' || c == '`')
                out.push_back({c == '`' ? TokenKind::QuotedIdent : TokenKind::String,
                               s.substr(i, skipped - i)});
            i = skipped;
            continue;
        }
        size_t j = i + 1;
        TokenKind kind = TokenKind::Punct;
        if (std::isdigit(c) ||
            (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            j = number_end(s, i), kind = TokenKind::Number;
        } else if (is_word_start(c)) {
            while (j < s.size() && is_word_char(static_cast<unsigned char>(s[j]))) ++j;
            kind = TokenKind::Word;
        } else if (is_op_char(static_cast<char>(c))) {
            while (j < s.size() && is_op_char(s[j]) && skip_quoted_or_comment(s, j) == j) ++j;
            kind = TokenKind::Operator;
        }
        out.push_back({kind, s.substr(i, j - i)});
        i = j;
    }
    return out;
}

std::string unquote(const std::string& t) {
    if (t.size() < 2) return t;
    char q = t[0];
    std::string out;
    for (size_t i = 1; i + 1 < t.size(); ++i) {
        char c = t[i];
        if (c == q && t[i + 1] == q && i + 2 < t.size()) {
            out += q;
            ++i;
        } else if (c == '\\' && q != '`' && i + 2 < t.size()) {
            char n = t[++i];
            switch (n) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case '0':
                    out += '\0';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'Z':
                    out += '\x1a';
                    break;
                case '%':
                case '_':
                    out += std::string("\\") + n;
                    break;  // LIKE escapes keep it
                default:
                    out += n;
            }
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace migrate::mysql
