#pragma once
// A small tokenizer for MySQL/MariaDB SQL: expressions (defaults, check constraints,
// index expressions, generated columns) for normalisation, and statements for the
// connection's placeholder binding. It knows `backtick` identifiers, '...' and "..."
// strings with backslash escapes and doubled quotes, comments (# ..., -- ..., /* */),
// numbers, words, operators and punctuation; it is not a parser.

#include <cstddef>
#include <string>
#include <vector>

namespace migrate::mysql {

enum class TokenKind { Word, QuotedIdent, String, Number, Operator, Punct };

struct Token {
    TokenKind kind;
    std::string text;  // as written (String and QuotedIdent include their quotes)
};

// The tokens of `sql`; whitespace and comments are dropped.
std::vector<Token> tokenize(const std::string& sql);

// When sql[i] starts a quoted string, a quoted identifier or a comment, the position
// just after it (the end of `sql` when unterminated); otherwise i.
size_t skip_quoted_or_comment(const std::string& sql, size_t i);

// The content of a '...' or "..." string token, escapes resolved (\n, \t, \0, \\, \',
// doubled quotes); the content of a `...` token with doubled backticks undone.
std::string unquote(const std::string& token_text);

}  // namespace migrate::mysql
