#include "core/schema/types.h"

#include <catch2/catch.hpp>

using namespace migrate;

TEST_CASE("portable types parse and print canonically", "[types]") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"integer", "integer"},
        {"INTEGER", "integer"},
        {"string(255)", "string(255)"},
        {"String( 50 )", "string(50)"},
        {"numeric(12,2)", "numeric(12,2)"},
        {"numeric(10)", "numeric(10)"},
        {"datetime", "datetime"},
        {"datetime(timezone)", "datetime(timezone)"},
        {"enum(mood)", "enum(mood)"},
        {"jsonb", "jsonb"},
        {"integer[]", "integer[]"},
        {"uuid", "uuid"},
        {"interval", "interval"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        std::string err;
        auto t = parse_type(c.in, &err);
        REQUIRE(t);
        CHECK(t->to_string() == c.out);
        CHECK(parse_type(t->to_string(), nullptr) == t);
    }
}

TEST_CASE("malformed portable types are rejected with a reason", "[types]") {
    struct Case {
        const char* in;
        const char* message_part;
    };
    const Case cases[] = {
        {"string(-1)", "positive integer"},
        {"string(abc)", "positive integer"},
        {"numeric(2,5)", "cannot exceed precision"},
        {"numeric(12", "quote a type with two parameters"},
        {"enum", "enum(name)"},
        {"integer(4)", "takes no parameters"},
        {"", "empty type"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        std::string err;
        CHECK_FALSE(parse_type(c.in, &err));
        CHECK_THAT(err, Catch::Contains(c.message_part));
    }
}
