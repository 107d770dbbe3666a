#include <catch2/catch.hpp>

#include "core/database_url.h"
#include "core/errors.h"

using namespace migrate;

TEST_CASE("sqlite URLs", "[url]") {
    CHECK(parse_database_url("sqlite:///app.db", "/proj").path == "/proj/app.db");
    CHECK(parse_database_url("sqlite:///app.db").path == "app.db");
    CHECK(parse_database_url("sqlite:////abs/app.db", "/proj").path == "/abs/app.db");
    CHECK(parse_database_url("sqlite://").memory);
    CHECK(parse_database_url("sqlite:///:memory:").memory);
    CHECK(parse_database_url("sqlite+aiosqlite:///x.db").path == "x.db");
}

TEST_CASE("postgresql URLs, driver suffixes and masking", "[url]") {
    auto u = parse_database_url("postgresql+psycopg2://bob:s%40cret@db.example:6543/app?sslmode=require");
    CHECK(u.dialect == "postgresql");
    CHECK(u.user == "bob");
    CHECK(u.password == "s@cret");
    CHECK(u.host == "db.example");
    CHECK(u.port == 6543);
    CHECK(u.database == "app");
    REQUIRE(u.params.size() == 1);
    CHECK(u.masked() == "postgresql://bob:***@db.example:6543/app?sslmode=require");
    CHECK(parse_database_url("postgres://h/d").dialect == "postgresql");
    CHECK(parse_database_url("postgresql+asyncpg://u@[::1]:5432/d").host == "::1");
}

TEST_CASE("unsupported and malformed URLs never echo the password", "[url]") {
    try {
        parse_database_url("mysql://root:hunter2@localhost/db");
        FAIL("expected an error");
    } catch (const InputError& e) {
        std::string m = e.what();
        CHECK_THAT(m, Catch::Contains("not supported"));
        CHECK_THAT(m, !Catch::Contains("hunter2"));
        CHECK_THAT(m, Catch::Contains("root:***@"));
    }
    CHECK_THROWS_AS(parse_database_url("postgresql://u:p@h:99999/d"), InputError);
    CHECK_THROWS_AS(parse_database_url("nonsense"), InputError);
    CHECK(mask_passwords("could not connect to postgresql://a:b@c/d") == "could not connect to postgresql://a:***@c/d");
}
