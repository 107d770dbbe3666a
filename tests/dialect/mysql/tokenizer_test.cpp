// The MySQL/MariaDB tokenizer and placeholder binding: backtick identifiers, strings with
// backslash escapes and doubled quotes, the three comment forms.

#include "dialects/mysql/tokenizer.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "dialects/mysql/connection.h"

using namespace migrate;
using namespace migrate::mysql;

namespace {

std::vector<std::string> texts(const std::string& sql) {
    std::vector<std::string> out;
    for (const auto& t : tokenize(sql)) out.push_back(t.text);
    return out;
}

}  // namespace

TEST_CASE("mysql tokenizer: quotes, escapes and comments", "[mysql][tokenizer]") {
    CHECK(texts("`a``b` = 'it\\'s' # c\n+ \"x\"\"y\" -- d\n/* e */ f") ==
          std::vector<std::string>{"`a``b`", "=", "'it\\'s'", "+", "\"x\"\"y\"", "f"});
    CHECK(texts("a--b") == std::vector<std::string>{"a", "--", "b"});  // no space: not a comment
    auto tokens = tokenize("json_valid(`c`) >= 0x1F");
    REQUIRE(tokens.size() == 6);
    CHECK(tokens[2].kind == TokenKind::QuotedIdent);
    CHECK(tokens[5].kind == TokenKind::Number);
    CHECK(unquote("'it''s \\\\ \\n'") == "it's \\ \n");
    CHECK(unquote("`a``b`") == "a`b");
    CHECK(unquote("'50\\%'") == "50\\%");
    CHECK(skip_quoted_or_comment("'abc", 0) == 4);  // unterminated: to the end
}

TEST_CASE("mysql placeholders: bound outside quotes and comments only", "[mysql][tokenizer]") {
    CHECK(bind_placeholders("SELECT $1, '$1', `$2`, $2 # $1\n", {"'a'", "'b'"}) ==
          "SELECT 'a', '$1', `$2`, 'b' # $1\n");
    CHECK(bind_placeholders("SELECT a$1", {"'x'"}) == "SELECT a$1");
    CHECK(bind_placeholders("SELECT $10", std::vector<std::string>(10, "1")) == "SELECT 1");
    CHECK_THROWS_AS(bind_placeholders("SELECT $2", {"1"}), InternalError);
}
