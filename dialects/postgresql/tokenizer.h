#pragma once
// A small tokenizer for PostgreSQL expressions (defaults, check constraints, index
// expressions and predicates), used by normalisation. It knows string literals,
// quoted identifiers, numbers, words, operators and punctuation; it is not a parser.

#include <string>
#include <vector>

namespace migrate::pg {

enum class TokenKind { Word, QuotedIdent, String, Number, Operator, Punct };

struct Token {
    TokenKind kind;
    std::string text;  // as written (String and QuotedIdent include their quotes)
};

std::vector<Token> tokenize(const std::string& sql);

// Whether a lower-case word is a keyword that PostgreSQL quotes as an identifier
// (quote_ident: every keyword but the unreserved ones), such as "check" or "order".
bool is_quoted_keyword(const std::string& word);

}  // namespace migrate::pg
