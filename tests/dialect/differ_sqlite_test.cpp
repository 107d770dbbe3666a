// The differ's catalogue on a real SQLite database: build `before` from nothing with
// the differ's own operations, then for each case check that reflection shows no
// false change, that the upgrade reaches `after` and the downgrade comes back.
// The catalogue's sources are compiled into this tier too (they live with the unit
// tests, whose tier is built separately).

#include <catch2/catch.hpp>
#include <set>

#include "core/diff/differ.h"
#include "tests/dialect/sqlite_support.h"
#include "tests/unit/differ_catalogue_columns.cpp"      // NOLINT(bugprone-suspicious-include)
#include "tests/unit/differ_catalogue_constraints.cpp"  // NOLINT(bugprone-suspicious-include)
#include "tests/unit/differ_catalogue_tables.cpp"       // NOLINT(bugprone-suspicious-include)
#include "tests/unit/differ_fixtures.cpp"               // NOLINT(bugprone-suspicious-include)

using namespace migrate;

namespace {

std::vector<testing::DiffCase> sqlite_cases() {
    std::vector<testing::DiffCase> all;
    for (auto part :
         {testing::catalogue_tables, testing::catalogue_columns, testing::catalogue_constraints})
        for (auto& c : part())
            if (c.options.include_schemas.empty() && c.after.enums.empty() &&
                c.before.enums.empty())
                all.push_back(c);
    return all;
}

// Applies the differ's operations from `db`'s reflected state to `target`; returns
// what is left to do afterwards (empty when the database reached `target`).
std::vector<std::string> migrate_to(test::SqliteDb& db, const Schema& target,
                                    const DiffOptions& options) {
    db.schema = db.reflect();
    DiffResult r = diff_schemas(db.schema, target, options);
    for (const auto& op : r.upgrade) db.apply(op);
    return testing::described(diff_schemas(db.reflect(), target, options).upgrade);
}

void run_case(const testing::DiffCase& c) {
    test::SqliteDb db;
    DiffOptions options = c.options;
    options.dialect = &db.dialect;
    CHECK(migrate_to(db, c.before, options) == std::vector<std::string>{});
    Schema start = db.reflect();
    DiffResult r = diff_schemas(start, c.after, options);
    db.schema = start;
    for (const auto& op : r.upgrade) db.apply(op);
    CHECK(testing::described(diff_schemas(db.reflect(), c.after, options).upgrade) ==
          std::vector<std::string>{});
    for (const auto& op : r.downgrade) db.apply(op);
    CHECK(testing::described(diff_schemas(db.reflect(), c.before, options).upgrade) ==
          std::vector<std::string>{});
}

}  // namespace

TEST_CASE("differ catalogue on SQLite: no false positives, upgrade and downgrade land",
          "[differ][sqlite]") {
    for (const auto& c : sqlite_cases()) {
        INFO("case " << c.id << ": " << c.name);
        try {
            run_case(c);
        } catch (const std::exception& e) {
            FAIL_CHECK(e.what());
        }
    }
}
