// Round trips on every dialect, over the differ's catalogue: build `before` from nothing
// with the differ's own operations, then for each case check that reflection shows no
// false change (model -> upgrade -> reflect -> equal), that the upgrade reaches `after`
// and the downgrade comes back. Cases needing schemas or enums run where the dialect
// has them.
// The catalogue's sources are compiled into this tier too (they live with the unit
// tests, whose tier is built separately).

#include <catch2/catch.hpp>
#include <set>

#include "core/diff/differ.h"
#include "tests/dialect/dialects.h"
#include "tests/unit/differ_catalogue_columns.cpp"      // NOLINT(bugprone-suspicious-include)
#include "tests/unit/differ_catalogue_constraints.cpp"  // NOLINT(bugprone-suspicious-include)
#include "tests/unit/differ_catalogue_tables.cpp"       // NOLINT(bugprone-suspicious-include)
#include "tests/unit/differ_fixtures.cpp"               // NOLINT(bugprone-suspicious-include)

using namespace migrate;

namespace {

// Whether `s` has a foreign key without a name (as SQLite reflects them).
bool has_unnamed_foreign_key(const Schema& s) {
    for (const auto& t : s.tables)
        for (const auto& fk : t.foreign_keys)
            if (fk.name.empty()) return true;
    return false;
}

std::vector<testing::DiffCase> cases_for(const test::TargetDialect& target) {
    Capabilities caps = target.make()->capabilities();
    std::vector<testing::DiffCase> all;
    for (auto part :
         {testing::catalogue_tables, testing::catalogue_columns, testing::catalogue_constraints})
        for (auto& c : part())
            if ((caps.schemas || c.options.include_schemas.empty()) &&
                (caps.enums || (c.after.enums.empty() && c.before.enums.empty())) &&
                (target.reflects_unnamed_foreign_keys ||
                 !(has_unnamed_foreign_key(c.before) || has_unnamed_foreign_key(c.after))) &&
                !test::needs_what_target_lacks(target, c.before) &&
                !test::needs_what_target_lacks(target, c.after))
                all.push_back(c);
    return all;
}

// Applies the differ's operations from `db`'s reflected state to `target`; returns
// what is left to do afterwards (empty when the database reached `target`).
// Reflection sees what the differ is told to compare.
ReflectOptions reflect_options(const DiffOptions& options) {
    ReflectOptions r;
    r.include_schemas = options.include_schemas;
    r.exclude_tables = options.exclude_tables;
    r.hidden_tables = options.hidden_tables;
    return r;
}

std::vector<std::string> migrate_to(test::TestDb& db, const Schema& target,
                                    const DiffOptions& options) {
    db.schema = db.reflect(reflect_options(options));
    DiffResult r = diff_schemas(db.schema, target, options);
    for (const auto& op : r.upgrade) db.apply(op);
    return testing::described(
        diff_schemas(db.reflect(reflect_options(options)), target, options).upgrade);
}

void run_case(const test::TargetDialect& target, const testing::DiffCase& c) {
    test::TestDb db(target);
    DiffOptions options = c.options;
    options.dialect = db.dialect.get();
    // The schemas the case names exist (the differ creates tables, not schemas).
    for (const auto& schema : options.include_schemas)
        if (schema != db.dialect->default_schema())
            db.conn->execute("CREATE SCHEMA IF NOT EXISTS " + db.q(schema));
    CHECK(migrate_to(db, c.before, options) == std::vector<std::string>{});
    Schema start = db.reflect(reflect_options(options));
    DiffResult r = diff_schemas(start, c.after, options);
    db.schema = start;
    for (const auto& op : r.upgrade) db.apply(op);
    CHECK(testing::described(
              diff_schemas(db.reflect(reflect_options(options)), c.after, options).upgrade) ==
          std::vector<std::string>{});
    for (const auto& op : r.downgrade) db.apply(op);
    CHECK(testing::described(
              diff_schemas(db.reflect(reflect_options(options)), c.before, options).upgrade) ==
          std::vector<std::string>{});
}

}  // namespace

DIALECT_TEST_CASE(
    "round trip: the differ catalogue, no false positives, upgrade and downgrade land",
    "[differ][roundtrip]") {
    for (const auto& c : cases_for(target)) {
        INFO("case " << c.id << ": " << c.name);
        try {
            run_case(target, c);
        } catch (const std::exception& e) {
            FAIL_CHECK(e.what());
        }
    }
}
