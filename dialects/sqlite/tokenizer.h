#pragma once
// A SQL tokenizer for SQLite's dialect: identifiers in all four quote styles ("x", `x`,
// [x], bare), string literals ('it''s'), blobs (x'00'), numbers (1, 1.5e3, 0x1F),
// comments (-- and /* */, skipped), and punctuation/operators. Reflection uses it to read
// what the pragmas do not give from stored CREATE statements; ddl uses it to normalise
// expressions. Never throws: an unterminated literal runs to the end of the text.

#include <string>
#include <vector>

namespace migrate::sqlite {

enum class TokenKind { Word, QuotedIdentifier, String, Blob, Number, Punct };

struct Token {
    TokenKind kind = TokenKind::Punct;
    std::string text;   // the token as written
    std::string value;  // identifiers unquoted (quotes un-doubled); strings without quotes
    size_t begin = 0;   // byte offsets in the source: text == source.substr(begin, end - begin)
    size_t end = 0;

    bool is_identifier() const {
        return kind == TokenKind::Word || kind == TokenKind::QuotedIdentifier;
    }
    // A bare word equal to `keyword`, case-insensitively.
    bool is_keyword(const char* keyword) const;
    bool is_punct(const char* p) const { return kind == TokenKind::Punct && text == p; }
};

std::vector<Token> tokenize(const std::string& sql);

// Splits tokens [first, last) at top-level commas (outside parentheses).
std::vector<std::pair<size_t, size_t>> split_top_level(const std::vector<Token>& tokens,
                                                       size_t first, size_t last);

// Index of the ')' matching the '(' at `open`, or tokens.size() if unbalanced.
size_t matching_paren(const std::vector<Token>& tokens, size_t open);

// The source text from token `first` to token `last - 1`, as written (comments inside kept).
std::string source_text(const std::string& sql, const std::vector<Token>& tokens, size_t first,
                        size_t last);

}  // namespace migrate::sqlite
