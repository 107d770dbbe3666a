#pragma once
// The numbered catalogue of autogenerate change scenarios (model A -> model B) that
// tests/e2e/autogen_catalogue_test.cpp runs end to end on SQLite, PostgreSQL and MySQL.

#include <string>
#include <vector>

namespace migrate::test {

struct Scenario {
    int number = 0;
    std::string name;
    std::string a, b;  // model files
    // Inserted once A is at head; then query_b (after the upgrade to B) and query_a
    // (after the downgrade back to A) must return expect_b / expect_a ("" = not checked).
    std::string rows =
        "INSERT INTO users (id, email, name) VALUES (1, 'a@x.org', 'Ann'), (2, 'b@x.org', 'Bob')";
    std::string query_b = "SELECT count(*) FROM users", expect_b = "2";
    std::string query_a = "SELECT count(*) FROM users", expect_a = "2";
    // Why the dialect cannot express it ("" = runs).
    std::string skip_sqlite, skip_postgresql, skip_mysql;
};

// A scenario from model A to model B with the default rows and queries.
inline Scenario make(int number, std::string name, std::string a, std::string b) {
    Scenario s;
    s.number = number;
    s.name = std::move(name);
    s.a = std::move(a);
    s.b = std::move(b);
    return s;
}

// The users table (id, email, name) with extra column lines and extra table keys.
std::string users(const std::string& extra_columns = "", const std::string& extra_keys = "");
// A posts table (id, user_id, title) with extra column lines and extra table keys.
std::string posts(const std::string& extra_columns = "", const std::string& extra_keys = "");
std::string model(const std::string& tables, const std::string& enums = "");

std::vector<Scenario> table_and_column_scenarios();
std::vector<Scenario> index_and_constraint_scenarios();
std::vector<Scenario> all_scenarios();

}  // namespace migrate::test
