#pragma once
// The dialects the conformance suite runs against, in one list (dialects.cpp), and the
// means to write a test once for all of them: DIALECT_TEST_CASE registers one Catch test
// per dialect, named "NAME (sqlite)", "NAME (postgresql)", tagged with the dialect.
// Adding a dialect means adding one entry to the list.
//
// A dialect that needs a server (PostgreSQL: MIGRATE_TEST_PG_URL) is skipped with a
// warning on a developer machine without one, and FAILS under CI=true.

#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/dialect/database_url.h"
#include "core/dialect/dialect.h"

namespace migrate::test {

// A fresh, empty database; dropped (or its folder removed) on destruction.
class FreshDatabase {
  public:
    virtual ~FreshDatabase() = default;
    virtual DatabaseUrl url() const = 0;
};

struct TargetDialect {
    std::string name;  // as Dialect::name() says it
    std::function<std::unique_ptr<Dialect>()> make;
    // Whether a server must be given (a test without one is skipped, or fails in CI).
    bool needs_server = false;
    bool server_available() const;
    std::function<std::unique_ptr<FreshDatabase>()> open;
    // A declared schema as this dialect reflects it (normalised types and defaults; what
    // the dialect cannot store removed), for comparison with reflection.
    std::function<Schema(const Dialect&, Schema)> as_reflected;
    // What the database says is broken in the rows (SQLite checks foreign keys and the
    // file on demand; PostgreSQL enforces them always: nothing to ask).
    std::function<std::vector<std::string>(Connection&)> integrity_problems;
    size_t max_reflect_statements = 0;  // the fixed number reflection may send
    // Reflection can return a foreign key without a name (SQLite's are unnamed unless
    // declared with CONSTRAINT); the differ's cases with one run only there.
    bool reflects_unnamed_foreign_keys = false;
    // What some databases refuse (MySQL/MariaDB): the cases that need it run only where
    // the database accepts it. The dialect's DDL refuses partial indexes itself, with an
    // InputError naming the index; the server refuses the rest.
    bool partial_indexes = true;     // CREATE INDEX ... WHERE
    bool expression_indexes = true;  // an index on lower(email) (MariaDB has none)
    // ON DELETE SET NULL on a NOT NULL column is accepted (and fails only when used).
    bool set_null_on_not_null = true;
    // A foreign key may join an integer column to a bigint one, and a column that a
    // foreign key uses may change its type.
    bool foreign_keys_across_types = true;
    bool checks_on_autoincrement = true;  // CHECK (id > 0) on an autoincrement id
};

// Whether `s` uses something `target` refuses (the flags above).
bool needs_what_target_lacks(const TargetDialect& target, const Schema& s);

// The one list.
const std::vector<TargetDialect>& target_dialects();

// A fresh database of one dialect with a connection to it, and the schema the applied
// operations imply.
struct TestDb {
    const TargetDialect& target;
    std::unique_ptr<Dialect> dialect;
    std::unique_ptr<FreshDatabase> database;
    std::unique_ptr<Connection> conn;
    NamingConvention naming;
    Schema schema;

    explicit TestDb(const TargetDialect& t, const ConnectOptions& options = {});
    std::unique_ptr<Connection> connect(const ConnectOptions& options = {}) const;
    // Renders and runs `ops` in one transaction, and applies them to `schema`.
    void apply(const Operation& op) { apply_all({op}); }
    void apply_all(const Operations& ops);
    Schema reflect(const ReflectOptions& options = {}) const;
    // The first column of the first row, "NULL" for none.
    std::string scalar(const std::string& sql) const;
    Schema expected(const Schema& s) const { return target.as_reflected(*dialect, s); }
    std::string q(const std::string& identifier) const {
        return dialect->quote_identifier(identifier);
    }
};

// Builders shared by the conformance tests.
ColumnType type_of(const std::string& text);
Column column(const std::string& name, const std::string& type, bool nullable = true,
              std::optional<std::string> server_default = std::nullopt);
Column id_col(const std::string& name = "id");  // integer, NOT NULL, autoincrement
IndexElement on_column(const std::string& name);
IndexElement on_expression(const std::string& sql);

using DialectTestFunction = void (*)(const TargetDialect&);
struct DialectTestRegistrar {
    // Registers `f` for each dialect in the list that has capability `needs` (nullptr: all).
    DialectTestRegistrar(const char* name, const char* tags, DialectTestFunction f,
                         const char* file, std::size_t line, bool Capabilities::*needs = nullptr);
};

}  // namespace migrate::test

#define MIGRATE_DIALECT_TEST_CASE2(FN, NAME, TAGS, NEEDS)                                 \
    static void FN(const ::migrate::test::TargetDialect&);                                \
    namespace {                                                                           \
    const ::migrate::test::DialectTestRegistrar INTERNAL_CATCH_UNIQUE_NAME(dialect_reg_)( \
        NAME, TAGS, &FN, __FILE__, __LINE__, NEEDS);                                      \
    }                                                                                     \
    static void FN([[maybe_unused]] const ::migrate::test::TargetDialect& target)

// DIALECT_TEST_CASE("name", "[tags]") { ... `target` is the dialect under test ... }
#define DIALECT_TEST_CASE(NAME, TAGS) \
    MIGRATE_DIALECT_TEST_CASE2(INTERNAL_CATCH_UNIQUE_NAME(dialect_test_), NAME, TAGS, nullptr)
// The same, registered only for the dialects with a capability:
// DIALECT_TEST_CASE_NEEDING(enums, "name", "[tags]") { ... }
#define DIALECT_TEST_CASE_NEEDING(CAPABILITY, NAME, TAGS)                             \
    MIGRATE_DIALECT_TEST_CASE2(INTERNAL_CATCH_UNIQUE_NAME(dialect_test_), NAME, TAGS, \
                               &::migrate::Capabilities::CAPABILITY)
