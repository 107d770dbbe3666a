// PostgreSQL reflection beyond the round trip: serial columns as autoincrement, objects models
// cannot express listed as unmanaged, exclude_tables and hidden tables (sequences:
// postgresql_sequences_test.cpp).

#include <catch2/catch.hpp>

#include "tests/dialect/postgresql/support.h"

using namespace migrate;
using namespace migrate::test;

namespace {

void create_tables(Connection& conn, int count) {
    std::string sql;
    for (int i = 0; i < count; ++i) {
        std::string t = "t" + std::to_string(i);
        sql += "CREATE TABLE " + t +
               " (id serial PRIMARY KEY, name varchar(20) UNIQUE, n int CHECK (n > 0), "
               "parent int REFERENCES " +
               t + " (id)); CREATE INDEX ix_" + t + " ON " + t + " (lower(name));";
    }
    conn.execute(sql);
}

}  // namespace

// (The statement count for 5 and 200 tables: ../conformance/reflect_count_test.cpp.)
TEST_CASE("postgresql: 200 hand-written tables with serial keys and expression indexes reflect",
          "[postgresql][reflect]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase big_db(server);
    auto big = pg_connect(big_db.url());
    create_tables(*big, 200);
    Reflection r = pg_reflect(*big);
    REQUIRE(r.schema.tables.size() == 200);
    const Table* t7 = r.schema.find_table("", "t7");
    REQUIRE(t7);
    CHECK(t7->find_column("id")->autoincrement);  // serial: nextval on an owned sequence
    CHECK_FALSE(t7->find_column("id")->server_default);
    CHECK(t7->indexes.size() == 1);  // the unique and primary key indexes are constraints
    CHECK(t7->indexes[0].elements[0].expression == "lower(name)");
    CHECK(t7->foreign_keys.size() == 1);
    CHECK(r.unmanaged.empty());  // owned sequences are not standalone sequences
    CHECK(r.schema.sequences.empty());
}

TEST_CASE("postgresql: views, triggers and functions are listed as not managed",
          "[postgresql][reflect]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    auto conn = pg_connect(db.url());
    conn->execute(R"SQL(
        CREATE TABLE accounts (id int PRIMARY KEY, total int);
        CREATE TABLE audit_2024 (id int);
        CREATE TABLE audit_2025 (id int);
        CREATE TABLE migrate_version (version_num varchar(255) PRIMARY KEY);
        CREATE VIEW big_accounts AS SELECT * FROM accounts WHERE total > 100;
        CREATE MATERIALIZED VIEW totals AS SELECT sum(total) AS s FROM accounts;
        CREATE SEQUENCE invoice_numbers;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
        CREATE SCHEMA other; CREATE TABLE other.hidden_from_default (id int);
    )SQL");
    ReflectOptions o;
    o.exclude_tables = {"audit_*"};
    o.hidden_tables = {"migrate_version"};
    Reflection r = PostgresqlDialect().reflect(*conn, o);
    REQUIRE(r.schema.tables.size() == 1);
    CHECK(r.schema.tables[0].name == "accounts");
    REQUIRE(r.schema.sequences.size() == 1);  // a standalone sequence is a model object
    CHECK(r.schema.sequences[0].name == "invoice_numbers");
    std::vector<UnmanagedObject> want = {{"excluded table", "audit_2024"},
                                         {"excluded table", "audit_2025"},
                                         {"function", "touch()"},
                                         {"materialized view", "totals"},
                                         {"trigger", "accounts_touch on accounts"},
                                         {"view", "big_accounts"}};
    CHECK(r.unmanaged == want);
}

TEST_CASE("postgresql: identity ALWAYS, serial and plain nextval defaults",
          "[postgresql][reflect]") {
    MIGRATE_REQUIRE_PG(server);
    PgTestDatabase db(server);
    auto conn = pg_connect(db.url());
    conn->execute(R"SQL(
        CREATE SEQUENCE shared_seq;
        CREATE TABLE a (x int GENERATED ALWAYS AS IDENTITY, y bigserial, z int DEFAULT nextval('shared_seq'));
    )SQL");
    Reflection r = pg_reflect(*conn);
    const Table* a = r.schema.find_table("", "a");
    REQUIRE(a);
    CHECK(a->find_column("x")->autoincrement);
    CHECK(a->find_column("y")->autoincrement);
    CHECK(a->find_column("y")->type.to_string() == "bigint");
    CHECK_FALSE(a->find_column("z")->autoincrement);  // the sequence is not owned by z
    CHECK(a->find_column("z")->server_default ==
          std::optional<std::string>("nextval('shared_seq')"));
    CHECK(r.unmanaged.empty());
    REQUIRE(r.schema.sequences.size() == 1);  // y's own sequence belongs to y
    CHECK(r.schema.sequences[0].name == "shared_seq");
}
