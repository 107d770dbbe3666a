#pragma once
// Helpers for the SQLite dialect tests: a database file in a temp dir, operations
// rendered and run in a transaction, and the expected schema normalised as SQLite
// reflects it.

#include <memory>
#include <string>

#include "core/dialect/dialect.h"
#include "core/operations/apply_operation.h"
#include "dialects/sqlite/dialect.h"
#include "tests/dialect/dialects.h"
#include "tests/support/temp_dir.h"

namespace migrate::test {

struct SqliteDb {
    TempDir dir;
    SqliteDialect dialect;
    NamingConvention naming;
    std::unique_ptr<Connection> conn;
    Schema schema;  // what the applied operations imply

    SqliteDb() {
        DatabaseUrl url;
        url.dialect = "sqlite";
        url.path = dir / "test.db";
        conn = dialect.connect(url, ConnectOptions{});
    }

    // Renders and runs `op` in one transaction, and applies it to `schema`.
    void apply(const Operation& op) {
        std::vector<std::string> sql = dialect.render(op, RenderContext{schema, naming});
        conn->begin();
        try {
            for (const auto& s : sql) conn->execute(s);
            conn->commit();
        } catch (...) {
            conn->rollback();
            throw;
        }
        apply_operation(schema, op, naming);
    }

    Schema reflect(const ReflectOptions& options = {}) {
        return dialect.reflect(*conn, options).schema;
    }

    std::string scalar(const std::string& sql) {
        QueryResult r = conn->query(sql);
        return r.rows.empty() || !r.rows[0][0] ? "NULL" : *r.rows[0][0];
    }

    // `s` as SQLite reflects it: normalised types and defaults, no comments.
    Schema expected(Schema s) const {
        for (auto& t : s.tables) {
            t.comment.reset();
            t.renamed_from.reset();
            for (auto& c : t.columns) {
                c.type = dialect.normalize_type(c.type);
                c.server_default = dialect.normalize_default(c.server_default, c.type);
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
};

}  // namespace migrate::test
