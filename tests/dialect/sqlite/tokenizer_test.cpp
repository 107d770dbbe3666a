// The SQLite tokenizer, and the type/default/expression normalisation built on it.
#include "dialects/sqlite/tokenizer.h"

#include <catch2/catch.hpp>

#include "dialects/sqlite/ddl.h"
#include "dialects/sqlite/types.h"

using namespace migrate;
using namespace migrate::sqlite;

TEST_CASE("sqlite tokenizer: quotes, literals, numbers, comments and punctuation", "[sqlite]") {
    std::string sql =
        "SELECT \"a\"\"b\", `c`, [d e], 'it''s', x'0A', 1.5e3, 0x1F -- gone\n /* gone */ <> || ->> "
        "naïve";
    std::vector<Token> t = tokenize(sql);
    std::vector<std::string> values;
    for (const auto& tok : t) values.push_back(tok.value);
    CHECK(values == std::vector<std::string>{"SELECT", "a\"b", ",", "c", ",", "d e", ",", "it's",
                                             ",", "0A", ",", "1.5e3", ",", "0x1F", "<>", "||",
                                             "->>", "naïve"});
    CHECK(t[1].kind == TokenKind::QuotedIdentifier);
    CHECK(t[7].kind == TokenKind::String);
    CHECK(t[9].kind == TokenKind::Blob);
    CHECK(t[11].kind == TokenKind::Number);
    CHECK(source_text(sql, t, 1, 4) == "\"a\"\"b\", `c`");
    CHECK(tokenize("'unterminated").back().value == "unterminated");
}

TEST_CASE("sqlite quoting round-trips awkward identifiers", "[sqlite]") {
    for (std::string name : {"user", "order", "Mixed Case", "we\"ird", "ünï"}) {
        std::vector<Token> t = tokenize(quote_identifier(name));
        REQUIRE(t.size() == 1);
        CHECK(t[0].value == name);
    }
    CHECK(quote_literal("it's") == "'it''s'");
}

TEST_CASE("sqlite normalisation of defaults and expressions", "[sqlite]") {
    CHECK(normalize_default(std::string("now()")) == "CURRENT_TIMESTAMP");
    CHECK(normalize_default(std::string("(CURRENT_TIMESTAMP)")) == "CURRENT_TIMESTAMP");
    CHECK(normalize_default(std::string("TRUE")) == "1");
    CHECK(normalize_default(std::string("false")) == "0");
    CHECK(normalize_default(std::string("((+5))")) == "5");
    CHECK(normalize_default(std::string("'x'")) == "'x'");
    CHECK_FALSE(normalize_default(std::string("NULL")));
    CHECK(render_default("now()") == "CURRENT_TIMESTAMP");
    CHECK(render_default("lower('X')") == "(lower('X'))");
    CHECK(render_default("-1") == "-1");
    CHECK(normalize_expression("(\"Balance\"   >=0)") == "balance >= 0");
    CHECK(normalize_expression("status IN ('Draft','live')") == "status in ('Draft', 'live')");
    CHECK(normalize_expression("lower( email )") == normalize_expression("LOWER(\"email\")"));
}
