// Runner pieces that need no database: progress lines, lock keys, version-row
// bookkeeping, checksum comparison, and offline scripts rendered for both dialects.

#include "core/runtime/runner.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/dialect/database_url.h"
#include "core/revision/checksum.h"
#include "core/revision/revision_file.h"
#include "core/runtime/checksum_check.h"
#include "core/runtime/runner_internal.h"
#include "core/runtime/runner_offline.h"
#include "dialects/registry.h"
#include "tests/support/test_revisions.h"

using namespace migrate;
using migrate::test::test_revision;
using migrate::test::users_email_chain;

namespace {

const NamingConvention naming;

OfflineOptions offline_options(bool per_migration = true) {
    OfflineOptions o;
    o.now = "2026-11-21T10:15:00Z";
    o.tool_version = "test";
    o.transaction_per_migration = per_migration;
    return o;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("runner: Alembic's progress lines", "[runner]") {
    RevisionGraph g({test_revision("a", "null", "  []\n", "  []\n"),
                     test_revision("b", "\"a\"", "  []\n", "  []\n"),
                     test_revision("c", "\"a\"", "  []\n", "  []\n"),
                     test_revision("m", "[\"b\", \"c\"]", "  []\n", "  []\n")});
    CHECK(progress_line({&g.get("a"), Direction::Upgrade, {}}) == "Running upgrade  -> a, m a");
    CHECK(progress_line({&g.get("b"), Direction::Upgrade, {}}) == "Running upgrade a -> b, m b");
    CHECK(progress_line({&g.get("m"), Direction::Upgrade, {}}) == "Running upgrade b, c -> m, m m");
    CHECK(progress_line({&g.get("m"), Direction::Downgrade, {}}) ==
          "Running downgrade m -> b, c, m m");
    CHECK(progress_line({&g.get("a"), Direction::Downgrade, {}}) == "Running downgrade a -> , m a");
}

TEST_CASE("runner: lock keys name the database and the version table", "[runner]") {
    auto pg = parse_database_url("postgresql://u:secret@db.example:5433/app");
    auto postgresql = make_dialect(pg.dialect);
    auto key = migration_lock_key(*postgresql, pg, {"", "migrate_version"});
    CHECK(key == "migrate:db.example:5433/app:migrate_version");
    CHECK(key.find("secret") == std::string::npos);
    CHECK(migration_lock_key(*postgresql, pg, {"ops", "v"}) == "migrate:db.example:5433/app:ops.v");
    auto file = parse_database_url("sqlite:////tmp/a.db");
    CHECK(migration_lock_key(*make_dialect(file.dialect), file, {}) ==
          "migrate:/tmp/a.db:migrate_version");
}

TEST_CASE("runner: version rows follow the plan's changes", "[runner]") {
    std::vector<std::string> rows = {"b", "c"};
    detail::apply_version_changes(
        rows, {{VersionChange::Kind::Delete, "c", ""}, {VersionChange::Kind::Update, "b", "m"}});
    CHECK(rows == std::vector<std::string>{"m"});
    detail::apply_version_changes(rows, {{VersionChange::Kind::Insert, "", "x"}});
    CHECK(rows == std::vector<std::string>{"m", "x"});
}

TEST_CASE("runner: changed revisions are found by checksum", "[runner][checksum]") {
    RevisionGraph g = users_email_chain();
    RevisionLoader loader(g, naming);
    std::vector<LogEntry> log = {
        {"a", "upgrade", revision_checksum(g.get("a")), "t1", 1, "x"},
        {"b", "upgrade", "sha256:0000", "t2", 1, "x"},  // the file changed since
        {"c", "upgrade", "sha256:1111", "t3", 1, "x"},  // changed, but no longer applied
    };
    auto changed = changed_revisions(loader, {"b"}, log);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].revision == "b");
    CHECK(changed[0].current_checksum == revision_checksum(g.get("b")));
    std::string warning = changed_revision_warning(changed[0]);
    CHECK(warning.find("revision b (versions/b.yaml) has changed since it was applied on t2") == 0);
    CHECK(changed_revisions(loader, {"c"}, {{"a", "upgrade", "", "t", 0, "x"}})
              .empty());  // no checksum: skipped
}

TEST_CASE("runner: offline upgrade script for both dialects", "[runner][offline]") {
    RevisionGraph g = users_email_chain();
    RevisionLoader loader(g, naming);
    for (std::string name : {"sqlite", "postgresql"}) {
        auto dialect = make_dialect(name);
        OfflineScript s = offline_upgrade(*dialect, loader, "head", offline_options());
        INFO(s.sql);
        CHECK(s.sql.find("CREATE TABLE \"migrate_version\"") == 0);
        CHECK(count(s.sql, dialect->begin_sql() + ";\n") == 3);
        CHECK(count(s.sql, dialect->commit_sql() + ";\n") == 3);
        CHECK(s.sql.find("-- Running upgrade a -> b, m b\n") != std::string::npos);
        CHECK(s.sql.find(
                  "UPDATE \"migrate_version\" SET version_num = 'c' WHERE version_num = 'b';") !=
              std::string::npos);
        CHECK(s.sql.find("'2026-11-21T10:15:00Z', 0, 'test');") != std::string::npos);
        CHECK(s.warnings.empty());

        OfflineScript one = offline_upgrade(*dialect, loader, "head", offline_options(false));
        CHECK(count(one.sql, dialect->begin_sql() + ";\n") == 1);

        OfflineScript range = offline_upgrade(*dialect, loader, "b:c", offline_options());
        CHECK(range.sql.find("migrate_version\" (") ==
              std::string::npos);  // no CREATE: not from base
        CHECK(count(range.sql, "-- Running upgrade") == 1);
    }
    // SQLite rebuilds the table for the NOT NULL, from the replayed definition.
    auto sqlite = make_dialect("sqlite");
    OfflineScript c = offline_upgrade(*sqlite, loader, "b:c", offline_options());
    CHECK(c.sql.find("\"email\" TEXT NOT NULL") != std::string::npos);
}

TEST_CASE("runner: offline downgrade needs a range; stamp scripts", "[runner][offline]") {
    RevisionGraph g = users_email_chain();
    RevisionLoader loader(g, naming);
    auto dialect = make_dialect("postgresql");
    CHECK_THROWS_AS(offline_downgrade(*dialect, loader, "base", offline_options()), InputError);
    OfflineScript down = offline_downgrade(*dialect, loader, "c:a", offline_options());
    CHECK(down.sql.find("-- Running downgrade c -> b, m c\n") == 0);
    CHECK(down.sql.find("-- Running downgrade b -> a, m b\n") != std::string::npos);
    CHECK(down.sql.find("ALTER TABLE \"users\" DROP COLUMN \"email\";") != std::string::npos);
    CHECK(down.sql.find("-- Running downgrade a") == std::string::npos);

    OfflineScript stamp = offline_stamp(*dialect, loader, "head", false, offline_options());
    CHECK(stamp.sql.find("INSERT INTO \"migrate_version\" (version_num) VALUES ('c');") !=
          std::string::npos);
    CHECK(stamp.sql.find("CREATE TABLE") == 0);
}

TEST_CASE("runner: offline scripts report revisions the replay cannot follow",
          "[runner][offline]") {
    RevisionGraph g(
        {test_revision("a", "null", "  - execute: CREATE TABLE t (id integer)\n", "  []\n"),
         test_revision("b", "\"a\"", "  - execute: {sql: UPDATE t SET id = 1, effect: []}\n",
                       "  []\n")});
    RevisionLoader loader(g, naming);
    auto dialect = make_dialect("sqlite");
    CHECK(offline_upgrade(*dialect, loader, "head", offline_options())
              .warnings.empty());  // from base: nothing replayed
    auto s = offline_upgrade(*dialect, loader, "a:b", offline_options());
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0].find("revision a") == 0);
}
