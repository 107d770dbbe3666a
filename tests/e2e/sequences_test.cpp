// Standalone sequences through the binary. On PostgreSQL: a database whose table takes
// its ids from `DEFAULT nextval('x_seq')` on a sequence it does not own is reflected
// (the sequence becomes a model object), the adopted revision applies on an empty
// database, `check` is clean; a changed increment becomes an alter_sequence that applies;
// `downgrade base` leaves nothing behind. On SQLite: every path that would create a
// sequence stops with an error naming it and leaves the database unchanged.

#include <catch2/catch.hpp>

#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// psql's output without its final newline.
std::string value(const PgTestDatabase& db, const std::string& sql) {
    std::string out = db.psql(sql);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

ProcessResult migrate_in(const TempDir& dir, const std::vector<std::string>& args) {
    ProcessResult r = run_migrate(args, dir.path());
    UNSCOPED_INFO("migrate " << args[0] << " -> " << r.exit_code << "\n" << r.out << r.err);
    return r;
}

// The user relations and sequences of a database, one "kind name" per line.
std::string relations(const PgTestDatabase& db) {
    return value(db,
                 "SELECT c.relkind::text || ' ' || c.relname FROM pg_class c JOIN pg_namespace n "
                 "ON n.oid = c.relnamespace "
                 "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') AND c.relname NOT LIKE "
                 "'migrate_version%' "
                 "ORDER BY 1");
}

}  // namespace

TEST_CASE(
    "sequences: a nextval default on a standalone sequence is adopted and applies on an empty "
    "database",
    "[e2e][sequences][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase source(server), fresh(server);
    source.psql(
        "CREATE SEQUENCE x_seq START 100;"
        "CREATE TABLE t (id bigint DEFAULT nextval('x_seq') PRIMARY KEY, name text NOT NULL);");
    TempDir dir;
    dir.write("migrate.yaml",
              "database: " + fresh.url() + "\nmodels: models\nversions: migrations/versions\n");

    auto reflected = migrate_in(dir, {"reflect", "--url", source.url(), "-o", "models"});
    REQUIRE(reflected.exit_code == 0);
    CHECK(contains(reflected.out, "Reflected 1 table(s), 0 enum(s), 1 sequence(s)"));
    CHECK_FALSE(contains(reflected.out, "Not managed"));
    CHECK(dir.read("models/sequences.yaml") ==
          "# Written by `migrate reflect`. Review it, then keep it as your own model file.\n"
          "sequences:\n"
          "  - {name: x_seq, start: 100}\n");
    CHECK(contains(dir.read("models/t.yaml"), "server_default: nextval('x_seq')"));

    auto models = migrate_in(dir, {"models"});
    CHECK(models.exit_code == 0);
    CHECK(contains(models.out, "sequence x_seq start 100"));

    auto baseline = migrate_in(
        dir, {"revision", "--autogenerate", "--offline", "-m", "baseline", "--rev-id", "0001"});
    REQUIRE(baseline.exit_code == 0);
    CHECK(contains(baseline.out, "Detected added sequence 'x_seq'"));
    std::string text = dir.read("migrations/versions/0001_baseline.yaml");
    REQUIRE(contains(text, "- create_sequence: {name: x_seq, start: 100}"));
    CHECK(text.find("create_sequence") < text.find("create_table"));
    CHECK(contains(text, "- drop_sequence: {name: x_seq, existing: {start: 100}}"));

    auto sql = migrate_in(dir, {"upgrade", "head", "--sql"});
    REQUIRE(sql.exit_code == 0);
    CHECK(contains(sql.out, "CREATE SEQUENCE \"x_seq\" START WITH 100;"));
    CHECK(sql.out.find("CREATE SEQUENCE") < sql.out.find("CREATE TABLE \"t\""));

    REQUIRE(migrate_in(dir, {"upgrade", "head"}).exit_code == 0);
    CHECK(relations(fresh) == "S x_seq\nr t");
    CHECK(value(fresh, "INSERT INTO t (name) VALUES ('a') RETURNING id") == "100");
    auto check = migrate_in(dir, {"check"});
    CHECK(check.exit_code == 0);
    CHECK(contains(check.out, "No changes detected"));

    // A changed increment: an alter_sequence that applies and leaves check clean.
    dir.write("models/sequences.yaml", "sequences:\n  - {name: x_seq, start: 100, increment: 5}\n");
    auto faster =
        migrate_in(dir, {"revision", "--autogenerate", "-m", "faster", "--rev-id", "0002"});
    REQUIRE(faster.exit_code == 0);
    CHECK(contains(faster.out, "Detected changed sequence 'x_seq': increment 1 -> 5"));
    CHECK(contains(
        dir.read("migrations/versions/0002_faster.yaml"),
        "upgrade:\n  - alter_sequence: {name: x_seq, increment: 5, existing_increment: 1}\n"
        "downgrade:\n  - alter_sequence: {name: x_seq, increment: 1, existing_increment: 5}\n"));
    REQUIRE(migrate_in(dir, {"upgrade", "head"}).exit_code == 0);
    CHECK(value(fresh, "SELECT increment_by FROM pg_sequences WHERE sequencename = 'x_seq'") ==
          "5");
    CHECK(value(fresh, "INSERT INTO t (name) VALUES ('b') RETURNING id") == "105");
    check = migrate_in(dir, {"check"});
    CHECK(check.exit_code == 0);
    CHECK(contains(check.out, "No changes detected"));

    auto down = migrate_in(dir, {"downgrade", "base"});
    REQUIRE(down.exit_code == 0);
    CHECK(relations(fresh) == "");
}

TEST_CASE("sequences: an owned sequence gets its owner after its table exists",
          "[e2e][sequences][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    TempDir dir;
    dir.write("migrate.yaml",
              "database: " + db.url() + "\nmodels: models\nversions: migrations/versions\n");
    dir.write("models/app.yaml",
              "sequences:\n"
              "  - {name: batch_numbers, owned_by: invoices.batch, cache: 10}\n"
              "tables:\n"
              "  - name: invoices\n"
              "    columns:\n"
              "      - {name: id, type: bigint, primary_key: true}\n"
              "      - {name: batch, type: bigint}\n");
    auto made = migrate_in(dir, {"revision", "--autogenerate", "-m", "first", "--rev-id", "0001"});
    REQUIRE(made.exit_code == 0);
    std::string text = dir.read("migrations/versions/0001_first.yaml");
    CHECK(contains(text, "  - create_sequence: {name: batch_numbers, cache: 10}\n"));
    CHECK(contains(text,
                   "  - alter_sequence: {name: batch_numbers, owned_by: invoices.batch, "
                   "existing_owned_by: null}\n"));
    CHECK(text.find("create_table") < text.find("owned_by: invoices.batch"));
    REQUIRE(migrate_in(dir, {"upgrade", "head"}).exit_code == 0);
    CHECK(value(db, "SELECT pg_get_serial_sequence('invoices', 'batch')") ==
          "public.batch_numbers");
    CHECK(value(db,
                "INSERT INTO invoices (id, batch) VALUES (1, nextval('batch_numbers')) RETURNING "
                "batch") == "1");
    CHECK(migrate_in(dir, {"check"}).exit_code == 0);
    REQUIRE(migrate_in(dir, {"downgrade", "base"}).exit_code == 0);
    CHECK(relations(db) == "");
}

TEST_CASE("sequences: SQLite refuses them by name and changes nothing",
          "[e2e][sequences][sqlite][errors]") {
    TempDir dir;
    dir.write("migrate.yaml",
              "database: sqlite:///app.db\nmodels: models\nversions: migrations/versions\n");
    dir.write("models/app.yaml",
              "sequences:\n  - {name: order_numbers}\n"
              "tables:\n  - name: orders\n    columns:\n      - {name: id, type: integer, "
              "primary_key: true}\n");

    auto autogen = migrate_in(dir, {"revision", "--autogenerate", "-m", "first"});
    CHECK(autogen.exit_code == 2);
    CHECK(contains(autogen.err,
                   "sequence 'order_numbers' cannot be created on sqlite, which has no sequences"));
    CHECK(
        run_process({"ls", dir / "migrations/versions"}).out.empty());  // no revision file written
    dir.write("app.db", "");  // an empty database: check reads it, then refuses the model
    CHECK(migrate_in(dir, {"check"}).exit_code == 2);

    // Hand-written revisions: the first alone is fine, the second creates a sequence.
    dir.write("models/app.yaml", "tables: []\n");
    dir.write("migrations/versions/0001_orders.yaml",
              "revision: \"0001\"\ndown_revision: null\nmessage: orders\n"
              "upgrade:\n  - create_table: {name: orders, columns: [{name: id, type: integer, "
              "primary_key: true}]}\n"
              "downgrade:\n  - drop_table: {name: orders}\n");
    dir.write("migrations/versions/0002_numbers.yaml",
              "revision: \"0002\"\ndown_revision: \"0001\"\nmessage: numbers\n"
              "upgrade:\n  - create_sequence: {name: order_numbers}\n"
              "downgrade:\n  - drop_sequence: {name: order_numbers}\n");
    auto up = migrate_in(dir, {"upgrade", "head"});
    CHECK(up.exit_code == 2);
    CHECK(contains(
        up.err,
        "migrations/versions/0002_numbers.yaml, upgrade operation 1 (create sequence "
        "'order_numbers'): sequence 'order_numbers' cannot be applied to sqlite, which has no "
        "sequences; nothing was applied"));
    // Not even the first revision ran.
    auto tables = run_process(
        {"sqlite3", dir / "app.db", "SELECT name FROM sqlite_master WHERE name = 'orders'"});
    CHECK(tables.out == "");
    CHECK(migrate_in(dir, {"current"}).out.find("0001") == std::string::npos);

    auto sql = migrate_in(dir, {"upgrade", "head", "--sql"});
    CHECK(sql.exit_code == 2);
    CHECK(contains(sql.err,
                   "SQLite has no sequences, so sequence 'order_numbers' cannot be created"));
    CHECK_FALSE(contains(sql.out, "CREATE TABLE"));
}
