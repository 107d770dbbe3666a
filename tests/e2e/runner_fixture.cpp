// RunnerProject (runner_fixture.h).

#include "tests/e2e/runner_fixture.h"

#include <algorithm>
#include <sstream>

#include "core/dialect/database_url.h"
#include "dialects/registry.h"

namespace migrate::test {

RunnerProject::RunnerProject(DbKind kind, const std::string& server_url) : kind_(kind) {
    dir_.write("migrate.yaml",
               "database: ${DATABASE_URL}\nmodels: models\nversions: migrations/versions\n");
    if (kind == DbKind::Postgresql) {
        pg_ = std::make_unique<PgTestDatabase>(server_url);
        url_ = pg_->url();
    } else if (kind == DbKind::Mysql) {
        my_ = std::make_unique<MysqlTestDatabase>(server_url);
        url_ = my_->url();
    } else {
        url_ = "sqlite:///" + dir_.path() + "/app.db";
    }
}

void RunnerProject::revision(const std::string& id, const std::string& down,
                             const std::string& upgrade, const std::string& downgrade,
                             const std::string& message) {
    std::string text = "revision: \"" + id +
                       "\"\ndown_revision: " + (down.empty() ? "null" : down) +
                       "\nmessage: " + (message.empty() ? "rev " + id : message) + "\nupgrade:\n" +
                       upgrade + "downgrade:\n" + downgrade;
    dir_.write(revision_path(id), text);
}

void RunnerProject::empty_revision(const std::string& id, const std::string& down,
                                   const std::string& extra) {
    dir_.write(revision_path(id),
               "revision: \"" + id + "\"\ndown_revision: " + (down.empty() ? "null" : down) + "\n" +
                   extra + "message: rev " + id + "\nupgrade: []\ndowngrade: []\n");
}

ProcessResult RunnerProject::run(const std::vector<std::string>& args) const {
    return run_migrate(args, dir_.path(),
                       {{"DATABASE_URL", url_}, {"SOURCE_DATE_EPOCH", "1795000000"}});
}

ProcessResult RunnerProject::ok(const std::vector<std::string>& args) const {
    ProcessResult r = run(args);
    std::string joined;
    for (const auto& a : args) joined += " " + a;
    INFO("migrate" << joined << "\nexit: " << r.exit_code << "\nstdout: " << r.out
                   << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

std::string RunnerProject::query(const std::string& sql) const {
    if (pg_) return pg_->psql(sql);
    if (my_) {
        std::string out = my_->sql(sql);
        std::replace(out.begin(), out.end(), '\t', '|');
        return out;
    }
    auto r = run_process({"sqlite3", "-bail", dir_.path() + "/app.db", sql});
    if (r.exit_code != 0) throw std::runtime_error("sqlite3 failed: " + r.err + " for: " + sql);
    return r.out;
}

void RunnerProject::run_script(const std::string& script) const {
    if (my_) {
        my_->sql(script);
        return;
    }
    ProcessResult r =
        pg_ ? run_process({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url_}, "", {}, script)
            : run_process({"sqlite3", "-bail", dir_.path() + "/app.db"}, "", {}, script);
    INFO(script << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
}

std::vector<std::string> RunnerProject::tables() const {
    return lines(
        query(pg_   ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
              : my_ ? "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                      "DATABASE() ORDER BY 1"
                    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                      "'sqlite_%' ORDER BY 1"));
}

std::vector<std::string> RunnerProject::version_rows() const {
    return lines(query("SELECT version_num FROM migrate_version ORDER BY 1"));
}

std::unique_ptr<Dialect> RunnerProject::dialect() const {
    return make_dialect(pg_ ? "postgresql" : my_ ? "mysql" : "sqlite");
}

std::unique_ptr<Connection> RunnerProject::connect() const {
    return dialect()->connect(parse_database_url(url_, ""), ConnectOptions{});
}

std::string RunnerProject::schema_text() const {
    auto connection = connect();
    return to_text(dialect()
                       ->reflect(*connection,
                                 ReflectOptions{{}, {}, {"migrate_version", "migrate_version_log"}})
                       .schema);
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

void write_branched_chain(RunnerProject& p) {
    p.revision("r1", "", R"Y(  - create_table:
      name: users
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: name, type: string(50), nullable: false}
)Y",
               "  - drop_table: {name: users}\n", "create users");
    p.revision(
        "r2", "\"r1\"", R"Y(  - create_table:
      name: posts
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: title, type: string(200), nullable: false}
        - {name: user_id, type: integer, nullable: false, references: users.id}
  - create_index: {name: ix_posts_title, table: posts, columns: [title]}
)Y",
        "  - drop_index: {name: ix_posts_title, table: posts}\n  - drop_table: {name: posts}\n",
        "add posts table");
    p.revision("r3a", "\"r2\"",
               "  - add_column: {table: users, column: {name: email, type: string(100)}}\n",
               "  - drop_column: {table: users, name: email}\n", "add email");
    p.revision("r3b", "\"r2\"", R"Y(  - create_table:
      name: tags
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: name, type: string(50), nullable: false, unique: true}
)Y",
               "  - drop_table: {name: tags}\n", "add tags");
    p.revision("r4", "[\"r3a\", \"r3b\"]",
               R"Y(  - execute: {sql: "INSERT INTO tags (id, name) VALUES (1, 'first')", effect: []}
  - add_column: {table: posts, column: {name: tag_id, type: integer}}
)Y",
               R"Y(  - drop_column: {table: posts, name: tag_id}
  - execute: {sql: "DELETE FROM tags", effect: []}
)Y",
               "merge");
}

void write_linear_chain(RunnerProject& p) {
    p.revision("c1", "", R"Y(  - create_table:
      name: users
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: email, type: string(255), nullable: false, unique: true}
        - {name: active, type: boolean, nullable: false, server_default: "true"}
)Y",
               "  - drop_table: {name: users}\n", "create users");
    p.revision(
        "c2", "\"c1\"", R"Y(  - create_table:
      name: posts
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: user_id, type: integer, nullable: false, references: users.id, on_delete: cascade}
        - {name: body, type: text}
  - create_index: {name: ix_posts_user_id, table: posts, columns: [user_id]}
)Y",
        "  - drop_index: {name: ix_posts_user_id, table: posts}\n  - drop_table: {name: posts}\n",
        "add posts");
    p.revision(
        "c3", "\"c2\"",
        R"Y(  - alter_column: {table: users, name: email, type: string(320), existing_type: string(255), existing_nullable: false}
  - add_column: {table: posts, column: {name: title, type: string(200), nullable: false, server_default: "''"}}
)Y",
        R"Y(  - drop_column: {table: posts, name: title}
  - alter_column: {table: users, name: email, type: string(255), existing_type: string(320), existing_nullable: false}
)Y",
        "widen email, add title");
}

}  // namespace migrate::test
