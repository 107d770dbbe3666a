#pragma once
// The small lexer behind normalize.cpp: SQL text -> tokens in canonical spelling, and
// tokens -> text with canonical spacing, so that an expression as a model writes it and
// as MariaDB prints it back (CHECK_CONSTRAINTS, COLUMN_DEFAULT) join to the same text.

#include <string>
#include <vector>

namespace migrate::mysql {

enum class NKind { Word, Ident, String, Number, Op };

// Word: an unquoted word, lower-cased. Ident: a `quoted` name, unquoted. String: the
// value of a '...' or "..." literal (escapes decoded). Op: operators and ( ) , .
struct NToken {
    NKind kind = NKind::Word;
    std::string text;
};

std::vector<NToken> lex(const std::string& sql);
// Canonical spellings: names lower-cased (MySQL column names ignore case), `!=` as
// `<>`, && || % ! as and or mod not, true/false as 1/0, lower/upper as lcase/ucase,
// charset introducers (_utf8mb4'x') dropped.
std::vector<NToken> canonical_tokens(const std::vector<NToken>& tokens);
// One space between tokens except inside parentheses, before and after commas and dots,
// between a function name and its "(", and after a unary sign; strings single-quoted;
// names backticked only when they need it.
std::string join_tokens(const std::vector<NToken>& tokens);

}  // namespace migrate::mysql
