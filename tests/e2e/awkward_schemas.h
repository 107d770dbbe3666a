#pragma once
// A numbered catalogue of awkward, real-world-shaped schemas, written as SQL for each
// database: composite keys with serial columns, tables without a key, quoted and
// mixed-case names, reserved words, defaults of many kinds, self-references and
// foreign-key cycles, partial / unique / descending / mixed indexes, checks,
// comments, enums. tests/e2e/reflect_property_test.cpp runs the reflect property on
// each of them.

#include <string>
#include <vector>

namespace migrate::test {

struct AwkwardSchema {
    int number = 0;
    std::string name;
    std::string sqlite;      // "" = not a SQLite shape (the reason is in `sqlite_skip`)
    std::string postgresql;  // "" = not a PostgreSQL shape
    std::string sqlite_skip, postgresql_skip;
    // Lines `reflect` must print under "Not managed" (as "  kind name"), per database.
    std::vector<std::string> sqlite_not_managed, postgresql_not_managed;
};

std::vector<AwkwardSchema> awkward_schemas();

}  // namespace migrate::test
