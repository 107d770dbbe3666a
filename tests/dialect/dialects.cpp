// The list of dialects the conformance suite runs against, and the registration of one
// Catch test per dialect for each DIALECT_TEST_CASE.
#include "tests/dialect/dialects.h"

#include <cctype>
#include <deque>
#include <stdexcept>

#include "core/operations/apply_operation.h"
#include "dialects/mysql/dialect.h"
#include "dialects/postgresql/dialect.h"
#include "dialects/sqlite/dialect.h"
#include "tests/support/mariadb.h"
#include "tests/support/postgres.h"
#include "tests/support/temp_dir.h"

namespace migrate::test {

namespace {

class SqliteFile : public FreshDatabase {
  public:
    DatabaseUrl url() const override {
        DatabaseUrl u;
        u.dialect = "sqlite";
        u.path = dir_ / "test.db";
        return u;
    }

  private:
    TempDir dir_;
};

class PgDatabase : public FreshDatabase {
  public:
    PgDatabase() : db_(*pg_server_url()) {}
    DatabaseUrl url() const override { return parse_database_url(db_.url()); }

  private:
    PgTestDatabase db_;
};

// SQLite keeps no comments, enums, index methods, NULLS order or operator classes.
Schema sqlite_as_reflected(const Dialect& d, Schema s) {
    for (auto& t : s.tables) {
        t.comment.reset();
        t.renamed_from.reset();
        for (auto& c : t.columns) {
            c.type = d.normalize_type(c.type);
            c.server_default = d.normalize_default(c.server_default, c.type);
            c.comment.reset();
            c.renamed_from.reset();
        }
        for (auto& ix : t.indexes) {
            ix.method.clear();
            for (auto& e : ix.elements) {
                e.nulls = NullsOrder::Default;
                e.opclass.clear();
            }
        }
    }
    s.enums.clear();
    s.sort();
    return s;
}

// PostgreSQL: types, defaults and expressions as the differ normalises them.
Schema postgresql_as_reflected(const Dialect& d, Schema s) {
    for (auto& t : s.tables) {
        for (auto& c : t.columns) {
            c.type = d.normalize_type(c.type);
            c.server_default = d.normalize_default(c.server_default, c.type);
        }
        for (auto& ck : t.checks) ck.expression = d.normalize_expression(ck.expression);
        for (auto& i : t.indexes) {
            if (i.where) i.where = d.normalize_expression(*i.where);
            for (auto& e : i.elements)
                if (e.is_expression()) e.expression = d.normalize_expression(e.expression);
        }
    }
    s.sort();
    return s;
}

class MysqlDatabase : public FreshDatabase {
  public:
    MysqlDatabase() : db_(*mysql_server_url()) {}
    DatabaseUrl url() const override { return parse_database_url(db_.url()); }

  private:
    MysqlTestDatabase db_;
};

// MySQL: as PostgreSQL, and besides: the primary key is always named PRIMARY; a unique
// constraint is a unique index, so a unique index over plain ascending columns reads
// back as a unique constraint; enums are inline column types (no named types);
// RESTRICT is the default referential action (NO ACTION means the same).
Schema mysql_as_reflected(const Dialect& d, Schema s) {
    s = postgresql_as_reflected(d, std::move(s));
    for (auto& t : s.tables) {
        if (t.primary_key) t.primary_key->name = "PRIMARY";
        std::vector<Index> kept;
        for (auto& ix : t.indexes) {
            bool plain = ix.unique && !ix.where && ix.method.empty();
            for (const auto& e : ix.elements)
                plain = plain && !e.is_expression() && e.order == SortOrder::Asc;
            if (!plain) {
                kept.push_back(ix);
                continue;
            }
            UniqueConstraint uq{ix.name, {}};
            for (const auto& e : ix.elements) uq.columns.push_back(e.column);
            t.unique_constraints.push_back(uq);
        }
        t.indexes = kept;
        for (auto& fk : t.foreign_keys)
            for (auto* a : {&fk.on_delete, &fk.on_update})
                if (*a == "restrict" || *a == "no action") a->clear();
    }
    s.enums.clear();
    s.sort();
    return s;
}

std::vector<std::string> sqlite_integrity_problems(Connection& conn) {
    std::vector<std::string> problems;
    for (const auto& row : conn.query("PRAGMA foreign_key_check").rows)
        problems.push_back("foreign key violation in " + row[0].value_or("?"));
    QueryResult ok = conn.query("PRAGMA integrity_check");
    if (ok.rows.empty() || ok.rows[0][0] != SqlValue{"ok"})
        problems.push_back("integrity_check: " + (ok.rows.empty()
                                                      ? std::string("no answer")
                                                      : ok.rows[0][0].value_or("NULL")));
    return problems;
}

}  // namespace

const std::vector<TargetDialect>& target_dialects() {
    static const std::vector<TargetDialect> list = {
        {"sqlite", [] { return std::make_unique<SqliteDialect>(); }, false,
         [] { return std::make_unique<SqliteFile>(); }, sqlite_as_reflected,
         sqlite_integrity_problems, 3, true},
        {"postgresql", [] { return std::make_unique<PostgresqlDialect>(); }, true,
         [] { return std::make_unique<PgDatabase>(); }, postgresql_as_reflected,
         [](Connection&) { return std::vector<std::string>{}; }, 8, false},
        {"mysql", [] { return std::make_unique<MysqlDialect>(); }, true,
         [] { return std::make_unique<MysqlDatabase>(); }, mysql_as_reflected,
         [](Connection&) { return std::vector<std::string>{}; }, 7, false,
         /*partial_indexes=*/false, /*expression_indexes=*/false,
         /*set_null_on_not_null=*/false, /*foreign_keys_across_types=*/false,
         /*checks_on_autoincrement=*/false},
    };
    return list;
}

namespace {

bool mentions(const std::string& expression, const std::string& word) {
    for (size_t at = expression.find(word); at != std::string::npos;
         at = expression.find(word, at + 1)) {
        auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        bool before = at == 0 || !ident(expression[at - 1]);
        bool after = at + word.size() >= expression.size() || !ident(expression[at + word.size()]);
        if (before && after) return true;
    }
    return false;
}

}  // namespace

bool needs_what_target_lacks(const TargetDialect& target, const Schema& s) {
    auto d = target.make();
    for (const auto& t : s.tables) {
        for (const auto& ix : t.indexes) {
            if (ix.where && !target.partial_indexes) return true;
            for (const auto& e : ix.elements)
                if (e.is_expression() && !target.expression_indexes) return true;
        }
        for (const auto& fk : t.foreign_keys) {
            const Table* ref = s.find_table(
                fk.referred_schema.empty() ? t.schema : fk.referred_schema, fk.referred_table);
            for (size_t i = 0; i < fk.columns.size(); ++i) {
                const Column* c = t.find_column(fk.columns[i]);
                if (!c) continue;
                bool set_null = fk.on_delete == "set null" || fk.on_update == "set null";
                if (set_null && !c->nullable && !target.set_null_on_not_null) return true;
                const Column* r = ref && i < fk.referred_columns.size()
                                      ? ref->find_column(fk.referred_columns[i])
                                      : nullptr;
                if (r && d->normalize_type(r->type) != d->normalize_type(c->type) &&
                    !target.foreign_keys_across_types)
                    return true;
            }
        }
        for (const auto& ck : t.checks)
            for (const auto& c : t.columns)
                if (c.autoincrement && mentions(ck.expression, c.name) &&
                    !target.checks_on_autoincrement)
                    return true;
    }
    return false;
}

bool TargetDialect::server_available() const {
    if (!needs_server) return true;
    return name == "mysql" ? mysql_server_url().has_value() : pg_server_url().has_value();
}

TestDb::TestDb(const TargetDialect& t, const ConnectOptions& options)
    : target(t), dialect(t.make()), database(t.open()), conn(connect(options)) {}

std::unique_ptr<Connection> TestDb::connect(const ConnectOptions& options) const {
    return dialect->connect(database->url(), options);
}

void TestDb::apply_all(const Operations& ops) {
    conn->begin();
    try {
        for (const auto& op : ops) {
            for (const auto& s : dialect->render(op, RenderContext{schema, naming}))
                conn->execute(s);
            apply_operation(schema, op, naming);
        }
        conn->commit();
    } catch (...) {
        conn->rollback();
        throw;
    }
}

Schema TestDb::reflect(const ReflectOptions& options) const {
    return dialect->reflect(*conn, options).schema;
}

std::string TestDb::scalar(const std::string& sql) const {
    QueryResult r = conn->query(sql);
    return r.rows.empty() || !r.rows[0][0] ? "NULL" : *r.rows[0][0];
}

ColumnType type_of(const std::string& text) {
    std::string error;
    auto t = parse_type(text, &error);
    if (!t) throw std::runtime_error("bad type in test: " + text + ": " + error);
    return *t;
}

Column column(const std::string& name, const std::string& type, bool nullable,
              std::optional<std::string> server_default) {
    Column c;
    c.name = name;
    c.type = type_of(type);
    c.nullable = nullable;
    c.server_default = std::move(server_default);
    return c;
}

Column id_col(const std::string& name) {
    Column c = column(name, "integer", false);
    c.autoincrement = true;
    return c;
}

IndexElement on_column(const std::string& name) {
    IndexElement e;
    e.column = name;
    return e;
}

IndexElement on_expression(const std::string& sql) {
    IndexElement e;
    e.expression = sql;
    return e;
}

namespace {

class DialectInvoker : public Catch::ITestInvoker {
  public:
    DialectInvoker(DialectTestFunction f, size_t index) : f_(f), index_(index) {}
    void invoke() const override {
        const TargetDialect& t = target_dialects()[index_];
        if (!t.server_available()) {
            if (running_in_ci())
                FAIL((t.name == "mysql" ? "MIGRATE_TEST_MYSQL_URL" : "MIGRATE_TEST_PG_URL")
                     << " is not set under CI=true: run the suite via scripts/test.sh");
            WARN("skipped: no " << t.name << " test server (run the suite via scripts/test.sh)");
            return;
        }
        f_(t);
    }

  private:
    DialectTestFunction f_;
    size_t index_;
};

}  // namespace

DialectTestRegistrar::DialectTestRegistrar(const char* name, const char* tags,
                                           DialectTestFunction f, const char* file,
                                           std::size_t line, bool Capabilities::*needs) {
    static std::deque<std::string> names;  // Catch keeps references to the names
    const auto& list = target_dialects();
    for (size_t i = 0; i < list.size(); ++i) {
        if (needs && !(list[i].make()->capabilities().*needs)) continue;
        names.push_back(std::string(name) + " (" + list[i].name + ")");
        const std::string& full_name = names.back();
        names.push_back(std::string(tags) + "[" + list[i].name + "][conformance]");
        const std::string& full_tags = names.back();
        Catch::AutoReg(new DialectInvoker(f, i), Catch::SourceLineInfo(file, line),
                       Catch::StringRef(), Catch::NameAndTags{full_name, full_tags});
    }
}

}  // namespace migrate::test
