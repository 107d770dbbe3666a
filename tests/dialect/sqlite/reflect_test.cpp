// SQLite reflection: tables written by other tools, unmanaged objects, exclusions, and
// a query count that does not grow with the number of tables.
#include <catch2/catch.hpp>

#include "tests/dialect/sqlite/support.h"

using namespace migrate;
using namespace migrate::test;

TEST_CASE("sqlite reflect: hand-written DDL in every quoting style", "[sqlite]") {
    SqliteDb db;
    db.conn->execute(R"(
        CREATE TABLE [Parent] (`key` INTEGER PRIMARY KEY AUTOINCREMENT, "code" TEXT COLLATE NOCASE UNIQUE);
        CREATE TABLE child (
            id INT NOT NULL, -- a comment, (with parens
            parent_key INTEGER CONSTRAINT child_parent REFERENCES Parent (`key`) ON DELETE SET NULL,
            qty INTEGER DEFAULT (1 + 1) CHECK (qty > 0) /* inline check */,
            label VARCHAR(10) DEFAULT 'it''s',
            CONSTRAINT "child ""pk""" PRIMARY KEY (id),
            CHECK (label <> 'x, y')
        ) WITHOUT ROWID;
        CREATE INDEX child_qty ON child (qty DESC, lower(label)) WHERE qty > 1;
    )");
    Schema s = db.reflect();
    REQUIRE(s.tables.size() == 2);
    const Table& parent = *s.find_table("", "Parent");
    CHECK(parent.find_column("key")->autoincrement);
    CHECK(parent.find_column("code")->collation == "NOCASE");
    CHECK(parent.unique_constraints == std::vector<UniqueConstraint>{{"uq_Parent_code", {"code"}}});
    CHECK(parent.primary_key->name == "pk_Parent");

    const Table& child = *s.find_table("", "child");
    CHECK(child.primary_key == PrimaryKey{"child \"pk\"", {"id"}});
    CHECK_FALSE(child.find_column("id")->autoincrement);
    CHECK(child.find_column("qty")->server_default == "1 + 1");
    CHECK(child.find_column("label")->server_default == "'it''s'");
    CHECK(child.find_column("label")->type == *parse_type("string(10)", nullptr));
    REQUIRE(child.foreign_keys.size() == 1);
    CHECK(child.foreign_keys[0] ==
          ForeignKey{"child_parent", {"parent_key"}, "", "Parent", {"key"}, "set null", ""});
    REQUIRE(child.checks.size() == 2);
    CHECK(child.checks[0].name == "ck_child_label");
    CHECK(child.checks[0].expression == "label <> 'x, y'");
    CHECK(child.checks[1] == CheckConstraint{"ck_child_qty", "qty > 0"});
    REQUIRE(child.indexes.size() == 1);
    const Index& ix = child.indexes[0];
    CHECK(ix.name == "child_qty");
    CHECK(ix.elements[0] == IndexElement{"qty", "", SortOrder::Desc});
    CHECK(ix.elements[1].expression == "lower(label)");
    CHECK(ix.where == "qty > 1");
}

TEST_CASE("sqlite reflect: views, triggers, excluded and hidden tables", "[sqlite]") {
    SqliteDb db;
    db.conn->execute(R"(
        CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT);
        CREATE TABLE audit_2024 (x TEXT);
        CREATE TABLE audit_2025 (x TEXT);
        CREATE INDEX ix_audit ON audit_2025 (x);
        CREATE TABLE migrate_version (version_num VARCHAR(255) PRIMARY KEY);
        CREATE VIEW v AS SELECT x FROM t;
        CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
        INSERT INTO t (x) VALUES ('a');  -- creates sqlite_sequence
        ANALYZE;                           -- creates sqlite_stat1
    )");
    ReflectOptions options;
    options.exclude_tables = {"audit_*"};
    options.hidden_tables = {"migrate_version"};
    Reflection r = db.dialect.reflect(*db.conn, options);
    REQUIRE(r.schema.tables.size() == 1);
    CHECK(r.schema.tables[0].name == "t");
    CHECK(r.unmanaged ==
          std::vector<UnmanagedObject>{
              {"excluded table", "audit_2024"},
              {"excluded table", "audit_2025"},
              {"trigger", "tr", "t", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END"},
              {"view", "v"}});
    CHECK(db.dialect.table_exists(*db.conn, "", "migrate_version"));
    CHECK_FALSE(db.dialect.table_exists(*db.conn, "", "nope"));
}

TEST_CASE("sqlite reflect: foreign keys as other tools write them", "[sqlite]") {
    SqliteDb db;
    db.conn->execute(R"(
        CREATE TABLE Job (JobId INTEGER, PRIMARY KEY (JobId));
        CREATE TABLE Log (
            LogId INTEGER PRIMARY KEY,
            JobId INTEGER REFERENCES job NOT NULL,
            LocationId INTEGER REFERENCES LocationId,
            OtherId INTEGER REFERENCES nowhere (id)
        );
    )");
    Reflection r = db.dialect.reflect(*db.conn, {});
    const Table& log = *r.schema.find_table("", "Log");
    // REFERENCES without columns, in another letter case: the parent's primary key.
    REQUIRE(log.foreign_keys.size() == 1);
    CHECK(log.foreign_keys[0] ==
          ForeignKey{"fk_Log_JobId_Job", {"JobId"}, "", "Job", {"JobId"}, "", ""});
    // To tables that do not exist: SQLite accepts them, a model cannot say them.
    CHECK(r.unmanaged ==
          std::vector<UnmanagedObject>{{"foreign key", "Log (LocationId) -> LocationId", "Log"},
                                       {"foreign key", "Log (OtherId) -> nowhere", "Log"}});
}

TEST_CASE("sqlite reflect: parameters SQLite ignores on a portable type name", "[sqlite]") {
    SqliteDb db;
    db.conn->execute(
        "CREATE TABLE t (a bigint(20), b TEXT(100), c int(11), d datetime(6), e varchar(32))");
    Schema s = db.reflect();
    const Table& t = s.tables[0];
    CHECK(t.find_column("a")->type == ColumnType::of(TypeKind::BigInt));
    CHECK(t.find_column("b")->type == ColumnType::of(TypeKind::Text));
    CHECK(t.find_column("c")->type.to_string() == "int(11)");  // no portable name: kept verbatim
    CHECK(t.find_column("d")->type == ColumnType::of(TypeKind::DateTime));
    CHECK(t.find_column("e")->type == *parse_type("string(32)", nullptr));
    for (const auto& c : t.columns)
        CHECK(parse_type(c.type.to_string(), nullptr));  // a model can say each
}

// The runner asks whether the version table exists before every migration; on SQLite
// that is a look-up in the loaded schema, not a scan of sqlite_schema, so its cost does
// not grow with the tables (a scan made 20,000 one-table revisions slower and slower).
TEST_CASE("sqlite table_exists: a schema look-up for a table that is there, tables only",
          "[sqlite]") {
    SqliteDb db;
    db.conn->execute("CREATE TABLE t (x TEXT); CREATE VIEW v AS SELECT x FROM t");
    size_t before = db.conn->statements_sent();
    CHECK(db.dialect.table_exists(*db.conn, "", "t"));
    CHECK(db.conn->statements_sent() == before);  // found in the loaded schema: no statement
    CHECK_FALSE(db.dialect.table_exists(*db.conn, "", "v"));  // a view is not a table
    CHECK_FALSE(db.dialect.table_exists(*db.conn, "", "nope"));
    // Not found: confirmed with the file, whose schema another process may have changed.
    CHECK(db.conn->statements_sent() == before + 2);
    db.conn->begin();  // inside a transaction, and after a change made by it
    db.conn->execute("CREATE TABLE u (y TEXT)");
    CHECK(db.dialect.table_exists(*db.conn, "", "u"));
    db.conn->rollback();
    CHECK_FALSE(db.dialect.table_exists(*db.conn, "", "u"));
}
