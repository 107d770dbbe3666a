#include "core/dialect/database_url.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"

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
    auto u = parse_database_url(
        "postgresql+psycopg2://bob:s%40cret@db.example:6543/app?sslmode=require");
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

TEST_CASE("mysql URLs: schemes, driver suffixes, default port, parameters and masking", "[url]") {
    auto u = parse_database_url(
        "mysql+pymysql://bob:s%40cret@db.example:3307/app?charset=utf8mb4&ssl_mode=REQUIRED"
        "&ssl_ca=/etc/ca.pem");
    CHECK(u.dialect == "mysql");
    CHECK(u.user == "bob");
    CHECK(u.password == "s@cret");
    CHECK(u.host == "db.example");
    CHECK(u.port == 3307);
    CHECK(u.database == "app");
    REQUIRE(u.params.size() == 3);
    CHECK(u.params[0] == std::pair<std::string, std::string>{"charset", "utf8mb4"});
    CHECK(
        u.masked() ==
        "mysql://bob:***@db.example:3307/app?charset=utf8mb4&ssl_mode=REQUIRED&ssl_ca=/etc/ca.pem");
    for (const char* scheme :
         {"mysql", "mariadb", "mysql+pymysql", "mysql+mysqldb", "mysql+aiomysql", "mysql+asyncmy",
          "mysql+mysqlconnector", "mariadb+mariadbconnector", "mysql+mariadbconnector", "MySQL"}) {
        auto v = parse_database_url(std::string(scheme) + "://u:pw@h/d");
        INFO(scheme);
        CHECK(v.dialect == "mysql");
        CHECK(v.port == 3306);  // the default
        CHECK(v.host == "h");
        CHECK(v.database == "d");
        CHECK(v.masked() == "mysql://u:***@h:3306/d");
    }
    auto sock =
        parse_database_url("mysql://root@localhost/app?unix_socket=/run/mysqld/mysqld.sock");
    CHECK(sock.params.at(0).second == "/run/mysqld/mysqld.sock");
    CHECK(parse_database_url("mysql://u@h/d?ssl=true&ssl_cert=c.pem&ssl_key=k.pem").params.size() ==
          3);
    CHECK(parse_database_url("mysql://u@[::1]:3310/d").host == "::1");
    CHECK_THROWS_WITH(parse_database_url("mysql://h/d?password=Secret2"),
                      Catch::Contains("password=***") && !Catch::Contains("Secret2"));
}

TEST_CASE("mysql URLs with unknown parameters or bad SSL settings are refused", "[url]") {
    CHECK_THROWS_WITH(
        parse_database_url("mysql://u:Secret1@h/d?sslmode=require"),
        Catch::Contains("unknown parameter 'sslmode'") && !Catch::Contains("Secret1"));
    CHECK_THROWS_WITH(parse_database_url("mysql://u:Secret1@h/d?ssl_mode=sometimes"),
                      Catch::Contains("VERIFY_IDENTITY") && !Catch::Contains("Secret1"));
    CHECK_THROWS_WITH(parse_database_url("mysql://u:Secret1@h/d?ssl=maybe"),
                      Catch::Contains("true or false"));
    CHECK_THROWS_WITH(parse_database_url("mysql://u:Secret1@h/d?charset="),
                      Catch::Contains("empty value for 'charset'"));
}

TEST_CASE("unsupported and malformed URLs never echo the password", "[url]") {
    try {
        parse_database_url("oracle://root:hunter2@localhost/db");
        FAIL("expected an error");
    } catch (const InputError& e) {
        std::string m = e.what();
        CHECK_THAT(m, Catch::Contains("not supported"));
        CHECK_THAT(m, !Catch::Contains("hunter2"));
        CHECK_THAT(m, Catch::Contains("root:***@"));
    }
    CHECK_THROWS_AS(parse_database_url("postgresql://u:p@h:99999/d"), InputError);
    CHECK_THROWS_AS(parse_database_url("nonsense"), InputError);
    CHECK(mask_passwords("could not connect to postgresql://a:b@c/d") ==
          "could not connect to postgresql://a:***@c/d");
}

namespace {

// The InputError message of parsing `url`; FAILs when it parses.
std::string rejection(const std::string& url) {
    try {
        parse_database_url(url);
    } catch (const InputError& e) {
        return e.what();
    }
    FAIL("expected '" << url << "' to be rejected");
    return "";
}

}  // namespace

TEST_CASE("malformed URLs are rejected without echoing the password", "[url]") {
    struct Case {
        std::string url;
        std::string says;  // part of the message
    };
    const std::vector<Case> cases = {
        {"postgresql:user:Secret1@host/db", "postgresql:user:***@host/db"},
        {"postgresql:/user:Secret1@host/db", "postgresql:/user:***@host/db"},
        {"postgresql:///user:Secret1@host/db", "'@'"},
        {"postgresql://user:Secret1/x@host/db", "percent-encode"},
        {"postgresql://user:Secret1?x@host/db", "percent-encode"},
        {"postgresql://user:Secret1#x@host/db", "'#'"},
        {"postgresql://user:Secret1 x@host/db", "space or control character"},
        {"postgresql://user:Secret1@host/db\n", "space or control character"},
        {"postgresql://user%3ASecret1@host/db", "':' in the user name"},
        {"postgresql://user:Secret1%00@host/db", "NUL"},
        {"postgresql://host/user:Secret1@db", "'@'"},
        {"postgresql://user:Secret1@host/db/x", "'/' in the database name"},
        {"postgresql://user:Secret1@host:1:2/db", "':' in the host"},
        {"postgresql://user:Secret1@host:99999/db", "invalid port"},
        {"postgresql://user:Secret1@host:abc/db", "invalid port"},
        {"sqlite://user:Secret1@host/app.db", "sqlite:///relative"},
        {"sqlite:///user:Secret1@app.db", "no user or password"},
        {"oracle://user:Secret1@host/db", "not supported"},
        {"mysql:user:Secret1@host/db", "mysql:user:***@host/db"},
        {"mysql:/user:Secret1@host/db", "mysql:/user:***@host/db"},
        {"mariadb:user:Secret1@host/db", "mariadb:user:***@host/db"},
        {"mysql+pymysql:user:Secret1@host/db", "mysql+pymysql:user:***@host/db"},
        {"mysql:///user:Secret1@host/db", "'@'"},
        {"mysql://user:Secret1/x@host/db", "percent-encode"},
        {"mysql+aiomysql://user:Secret1?x@host/db", "percent-encode"},
        {"mysql://user:Secret1#x@host/db", "'#'"},
        {"mysql://user:Secret1 x@host/db", "space or control character"},
        {"mysql://user%3ASecret1@host/db", "':' in the user name"},
        {"mysql://user:Secret1%00@host/db", "NUL"},
        {"mariadb://host/user:Secret1@db", "'@'"},
        {"mysql://user:Secret1@host/db/x", "'/' in the database name"},
        {"mysql://user:Secret1@host:99999/db", "invalid port"},
        {"mysql://user:Secret1@host/db?x=a@b", "'@'"},
        {"mysql://user:Secret1@host/db?ssl_mode=bogus", "ssl_mode"},
        {"user:Secret1@host/db", "not supported"},
        {"//user:Secret1@host/db", "no scheme"},
        {"Secret1@host/db", "no scheme"},
    };
    for (const auto& c : cases) {
        std::string m = rejection(c.url);
        INFO(c.url << " -> " << m);
        CHECK_THAT(m, Catch::Contains(c.says));
        CHECK_THAT(m, !Catch::Contains("Secret1"));
    }
}

TEST_CASE("odd but valid URLs parse, and masked() never shows the password", "[url]") {
    auto u = parse_database_url(
        "postgresql://us%20er:p%40ss%2Fw@h/d?sslpassword=x&password=y&application_name=a");
    CHECK(u.user == "us er");
    CHECK(u.password == "p@ss/w");
    CHECK(u.masked() ==
          "postgresql://us%20er:***@h/d?sslpassword=***&password=***&application_name=a");
    CHECK(parse_database_url("postgresql://u:a@b@h/d").password == "a@b");
    CHECK(parse_database_url("postgresql://:pw@h/d").masked() == "postgresql://:***@h/d");
    CHECK(parse_database_url("postgresql:///db").database == "db");  // the local socket, as libpq
    CHECK(parse_database_url("sqlite:///data/backup@2024.db").path == "data/backup@2024.db");
    CHECK(parse_database_url("postgresql://h/d?application_name=a%40b").params.at(0).second ==
          "a@b");
}

TEST_CASE("mask_url masks a raw URL whatever its form", "[url]") {
    CHECK(mask_url("postgresql://bob:pw@h/d") == "postgresql://bob:***@h/d");
    CHECK(mask_url("postgresql://bob@h/d") == "postgresql://bob@h/d");
    CHECK(mask_url("postgresql:bob:pw@h/d") == "postgresql:bob:***@h/d");
    CHECK(mask_url("postgresql:///bob:pw@h/d") == "postgresql:///bob:***@h/d");
    CHECK(mask_url("postgresql://bob:p/w@h/d") == "postgresql://bob:***@h/d");
    CHECK(mask_url("postgresql://bo%3Ab@h/d") == "postgresql://***@h/d");
    CHECK(mask_url("postgresql://bob:p w@h/d") == "postgresql://bob:***@h/d");
    CHECK(mask_url("postgresql://bob:p@w@h/d") == "postgresql://bob:***@h/d");
    CHECK(mask_url("bob:pw@h/d") == "bob:***@h/d");
    CHECK(mask_url("pw@h/d") == "***@h/d");
    CHECK(mask_url("postgresql://h/d?password=pw)&x=1") == "postgresql://h/d?password=***&x=1");
    CHECK(mask_url("postgresql://h/d?SSLPassword=pw#f") == "postgresql://h/d?SSLPassword=***#f");
    CHECK(mask_url("sqlite:///app.db") == "sqlite:///app.db");
}

TEST_CASE("mask_passwords masks credentials in free text and keeps the text around them", "[url]") {
    CHECK(mask_passwords("cannot connect (postgresql://h/d?password=***): refused") ==
          "cannot connect (postgresql://h/d?password=***): refused");
    CHECK(mask_passwords("cannot connect (postgresql://h/d?password=pw): refused") ==
          "cannot connect (postgresql://h/d?password=***): refused");
    CHECK(mask_passwords("url 'postgresql://h/d?a=1&password=pw' bad") ==
          "url 'postgresql://h/d?a=1&password=***' bad");
    CHECK(mask_passwords("not expected: postgresql:user:pw@host/db") ==
          "not expected: postgresql:user:***@host/db");
    CHECK(mask_passwords("at postgresql:///user:pw@host/db.") ==
          "at postgresql:///user:***@host/db.");
    CHECK(mask_passwords("(postgresql://u:p)w@h/d)") == "(postgresql://u:***@h/d)");
    CHECK(mask_passwords("bad range 'base:feat@head'") == "bad range 'base:feat@head'");
    CHECK(mask_passwords("'mysql://root:hunter2@localhost/db'") ==
          "'mysql://root:***@localhost/db'");
    CHECK(mask_passwords("user:pw@host and a@b and x:y") == "user:***@host and a@b and x:y");
    CHECK(mask_passwords("no secrets here: a:b c@d") == "no secrets here: a:b c@d");
}
