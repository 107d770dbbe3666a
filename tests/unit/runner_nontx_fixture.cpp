// NonTxFixture (runner_nontx_fixture.h).

#include "tests/unit/runner_nontx_fixture.h"

#include "core/dialect/database_url.h"
#include "core/operations/apply_operation.h"
#include "core/revision/revision_file.h"
#include "dialects/registry.h"

namespace migrate::test {

namespace {

Revision parse(const std::string& text, const std::string& id) {
    return parse_revision(text, "versions/" + id + ".yaml", NamingConvention{});
}

const char* kA = R"(revision: "a"
down_revision: null
message: accounts
upgrade:
  - create_table: {name: accounts, columns: [{name: id, type: integer, primary_key: true}]}
downgrade:
  - drop_table: {name: accounts}
)";

const char* kB = R"(revision: "b"
down_revision: "a"
message: nine operations
upgrade:
  - create_table: {name: users, columns: [{name: id, type: integer, primary_key: true}, {name: name, type: text}]}
  - create_table: {name: posts, columns: [{name: id, type: integer, primary_key: true}, {name: user_id, type: integer}]}
  - add_column: {table: users, column: {name: email, type: text}}
  - create_index: {name: ix_users_email, table: users, columns: [email]}
  - create_foreign_key: {name: fk_posts_user, table: posts, columns: [user_id], references_table: users, references_columns: [id]}
  - rename_table: {name: posts, new_name: articles}
  - execute: {sql: "CREATE VIEW user_names AS SELECT name FROM users", reverse: "DROP VIEW user_names", effect: []}
  - execute: "UPDATE users SET name = 'x'"
  - add_column: {table: articles, column: {name: title, type: text}}
downgrade:
  - drop_table: {name: articles}
  - drop_table: {name: users}
)";

// Reads and the version log's rows are not part of an undo's DDL (nor the PRAGMAs of a
// SQLite rebuild, which the reads' PRAGMAs would be confused with).
bool undo_ddl(const std::string& s) {
    return !s.starts_with("SELECT") && !s.starts_with("PRAGMA") &&
           s.find("migrate_version") == std::string::npos;
}

std::vector<std::string> column(QueryResult r) {
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(row.at(0).value_or("NULL"));
    return out;
}

}  // namespace

const std::vector<std::string> kFirstStatementOf = {
    "CREATE TABLE \"users\"",          "CREATE TABLE \"posts\"", "ADD COLUMN \"email\"",
    "CREATE INDEX \"ix_users_email\"", "_migrate_rebuild_guard", "RENAME TO \"articles\"",
    "CREATE VIEW user_names",          "UPDATE users SET name",  "ADD COLUMN \"title\"",
};

NonTxFixture::NonTxFixture()
    : dialect(make_dialect("sqlite")),
      real(dialect.connect(parse_database_url("sqlite:///" + dir.path() + "/app.db", ""),
                           ConnectOptions{})),
      graph({parse(kA, "a"), parse(kB, "b")}) {}

Runner NonTxFixture::runner() {
    RunnerOptions options;
    options.lock_key = "migrate:test";
    options.tool_version = "test";
    return Runner(dialect, connection, loader, options);
}

std::vector<std::string> NonTxFixture::schema_text() {
    return column(real->query(
        "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema "
        "WHERE name NOT LIKE 'migrate_version%' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
}

std::vector<std::string> NonTxFixture::log_text() {
    return column(
        real->query("SELECT revision || ' ' || direction || ' ' || checksum FROM "
                    "migrate_version_log ORDER BY id"));
}

std::vector<std::string> NonTxFixture::version_rows() {
    return column(real->query("SELECT version_num FROM migrate_version ORDER BY version_num"));
}

std::vector<std::string> NonTxFixture::undo_statements() {
    std::vector<std::string> out;
    const auto& log = connection.log();
    for (size_t i = connection.failed_entry() + 1; i < log.size(); ++i) {
        if (undo_ddl(log[i])) out.push_back(log[i]);
    }
    return out;
}

std::vector<std::string> NonTxFixture::expected_undo(size_t from, size_t to) {
    Schema schema =
        dialect.reflect(*real, ReflectOptions{{}, {}, {"migrate_version", "migrate_version_log"}})
            .schema;
    std::shared_ptr<const Revision> b = loader.full("b");
    std::vector<Schema> after;  // after[i]: the schema once ops[0..i] ran
    for (size_t i = 0; i < from; ++i) {
        apply_operation(schema, b->upgrade[i], naming);
        after.push_back(schema);
    }
    std::vector<std::string> out;
    for (size_t i = from; i-- > to;) {
        for (auto& sql : dialect.render(reverse(b->upgrade[i]), RenderContext{after[i], naming}))
            if (undo_ddl(sql)) out.push_back(sql);
    }
    return out;
}

}  // namespace migrate::test
