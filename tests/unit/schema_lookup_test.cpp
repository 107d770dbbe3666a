// Schema::find_table on an indexed schema (core/schema/schema.h: TableIndex, the runner's live
// schema) must agree with a search of `tables` whatever the code did to the list in
// between: push, erase, reorder, replace, rename (rename_table_in), sort, copy. A random
// walk of such changes compares every lookup with a linear search.

#include <algorithm>
#include <catch2/catch.hpp>
#include <ctime>
#include <random>

#include "core/operations/apply_rename.h"
#include "core/schema/naming.h"
#include "core/schema/schema.h"

using namespace migrate;

namespace {

const Table* linear_find(const Schema& s, const std::string& schema, const std::string& name) {
    for (const auto& t : s.tables)
        if (t.schema == schema && t.name == name) return &t;
    return nullptr;
}

Table table(const std::string& schema, const std::string& name) {
    Table t;
    t.schema = schema;
    t.name = name;
    return t;
}

}  // namespace

TEST_CASE("find_table agrees with a linear search through every kind of change") {
    std::mt19937 random(20261203);
    const NamingConvention naming;
    Schema s;
    s.index_tables();
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    auto some_name = [&] { return "t" + std::to_string(pick(60)); };
    auto some_schema = [&] { return pick(4) == 0 ? std::string("audit") : std::string(); };
    int checked = 0;
    for (int step = 0; step < 20000; ++step) {
        std::string schema = some_schema(), name = some_name();
        switch (pick(8)) {
            case 0:
            case 1:
                if (!linear_find(s, schema, name)) s.tables.push_back(table(schema, name));
                break;
            case 2:
                std::erase_if(s.tables,
                              [&](const Table& t) { return t.schema == schema && t.name == name; });
                break;
            case 3:  // erase then push with no lookup between: same size, another last table
                if (!s.tables.empty() && !linear_find(s, schema, name)) {
                    s.tables.erase(s.tables.begin() + pick(static_cast<int>(s.tables.size())));
                    s.tables.push_back(table(schema, name));
                }
                break;
            case 4:
                if (s.tables.size() > 1) std::swap(s.tables.front(), s.tables.back());
                break;
            case 5:
                if (!s.tables.empty() && !linear_find(s, schema, name)) {
                    Table& t = s.tables[pick(static_cast<int>(s.tables.size()))];
                    if (t.schema == schema) rename_table_in(s, t, name, naming);
                }
                break;
            case 6:
                if (pick(50) == 0) s.sort();
                if (pick(50) == 0) {
                    s = Schema(s);  // a copy is not indexed
                    s.index_tables();
                }
                break;
            default:
                break;
        }
        for (int look = 0; look < 3; ++look) {
            std::string ls = some_schema(), ln = some_name();
            const Table* want = linear_find(s, ls, ln);
            const Table* got = std::as_const(s).find_table(ls, ln);
            INFO("step " << step << ": " << ls << "." << ln);
            REQUIRE(got == want);
            ++checked;
        }
    }
    CHECK(checked == 60000);
}

TEST_CASE("two schemas with the same tables are equal whatever their lookups did") {
    Schema a, b;
    a.tables = {table("", "users"), table("", "posts")};
    b.tables = a.tables;
    REQUIRE(a.find_table("", "posts") != nullptr);  // only a has built its index
    CHECK(a == b);
}

TEST_CASE("a schema that did not ask for the index sees a table renamed in place") {
    Schema indexed;
    indexed.tables = {table("", "users"), table("", "posts")};
    indexed.index_tables();
    REQUIRE(indexed.find_table("", "users") != nullptr);
    Schema copy = indexed;  // tests and the differ edit copies in place
    copy.tables[0].name = "members";
    CHECK(copy.find_table("", "members") == &copy.tables[0]);
    CHECK(copy.find_table("", "users") == nullptr);
}

TEST_CASE("an indexed schema finds tables without a search through all of them", "[scale]") {
    // The runner asks for every create_table whether the name is free: with a search
    // through the list, 20,000 such questions on 20,000 tables are 4e8 comparisons of
    // whole tables (seconds); with the index they take milliseconds.
    Schema s;
    s.index_tables();
    for (int i = 0; i < 20000; ++i) s.tables.push_back(table("", "t" + std::to_string(i)));
    std::clock_t start = std::clock();
    int found = 0;
    for (int i = 0; i < 20000; ++i) {
        if (s.find_table("", "missing" + std::to_string(i))) ++found;
        if (s.find_table("", "t" + std::to_string(i))) ++found;
    }
    double seconds = double(std::clock() - start) / CLOCKS_PER_SEC;
    CHECK(found == 20000);
    CHECK(seconds < 0.5);
}
