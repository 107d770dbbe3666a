// Shared setup of the database commands (migration_project.h).

#include "cli/migration_project.h"

#include "cli/project.h"
#include "core/runtime/checksum_check.h"
#include "dialects/registry.h"

namespace migrate::cli {

MigrationProject load_migration_project(const GlobalOptions& global) {
    RevisionProject project = load_revision_project(global);
    DatabaseUrl url = resolve_database_url(global, &project.config);
    auto dialect = make_dialect(url.dialect);
    MigrationProject m{std::move(project), std::move(url), std::move(dialect), nullptr};
    m.revisions = std::make_unique<RevisionLoader>(m.project.graph, m.project.config.naming);
    return m;
}

std::unique_ptr<Connection> connect(const MigrationProject& project, const GlobalOptions& global,
                                    bool read_only) {
    ConnectOptions options;
    options.read_only = read_only;
    options.busy_timeout_seconds =
        global.lock_timeout.value_or(24 * 3600);  // "wait", as PostgreSQL's lock
    return project.dialect->connect(project.url, options);
}

VersionTableNames version_table_names(const Config& config) {
    return VersionTableNames{config.version_table_schema, config.version_table};
}

RunnerOptions runner_options(const MigrationProject& project, CommandContext& ctx) {
    const Config& config = project.project.config;
    RunnerOptions options;
    options.version_table = version_table_names(config);
    options.naming = config.naming;
    options.include_schemas = config.include_schemas;
    options.transaction_per_migration = config.transaction_per_migration;
    options.lock_timeout = ctx.global.lock_timeout;
    options.lock_key = migration_lock_key(*project.dialect, project.url, options.version_table);
    options.progress = [&ctx](const std::string& line) { ctx.out.progress(line); };
    return options;
}

OfflineOptions offline_options(const MigrationProject& project) {
    const Config& config = project.project.config;
    OfflineOptions options;
    options.version_table = version_table_names(config);
    options.naming = config.naming;
    options.transaction_per_migration = config.transaction_per_migration;
    options.now = cli_revision_source().now();
    return options;
}

void print_offline_script(CommandContext& ctx, const OfflineScript& script) {
    for (const auto& w : script.warnings) ctx.out.warning(w);
    std::string sql = script.sql;
    if (!sql.empty() && sql.back() == '\n') sql.pop_back();
    ctx.out.print(sql);
    ctx.out.set_result({{"sql", script.sql}});
}

namespace {

nlohmann::json steps_json(const std::vector<AppliedStep>& steps) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : steps)
        list.push_back({{"revision", s.revision},
                        {"direction", to_string(s.direction)},
                        {"checksum", s.checksum},
                        {"duration_ms", s.duration_ms}});
    return list;
}

void warn_changed(CommandContext& ctx, MigrationProject& project, Connection& connection) {
    auto changed =
        find_changed_revisions(*project.dialect, connection,
                               version_table_names(project.project.config), *project.revisions);
    for (const auto& c : changed) ctx.out.warning(changed_revision_warning(c));
}

}  // namespace

int run_migration_command(CommandContext& ctx, Direction direction, const std::string& target,
                          bool sql) {
    MigrationProject project = load_migration_project(ctx.global);
    if (sql) {
        OfflineOptions options = offline_options(project);
        print_offline_script(
            ctx, direction == Direction::Upgrade
                     ? offline_upgrade(*project.dialect, *project.revisions, target, options)
                     : offline_downgrade(*project.dialect, *project.revisions, target, options));
        return 0;
    }
    auto connection = connect(project, ctx.global);
    if (direction == Direction::Upgrade) warn_changed(ctx, project, *connection);
    Runner runner(*project.dialect, *connection, *project.revisions, runner_options(project, ctx));
    RunResult result =
        direction == Direction::Upgrade ? runner.upgrade(target) : runner.downgrade(target);
    if (result.steps.empty())
        ctx.out.detail("Nothing to do: the database is at " + (result.heads_after.empty()
                                                                   ? std::string("base")
                                                                   : result.heads_after.front()));
    ctx.out.set_result({{"heads_before", ids_json(result.heads_before)},
                        {"heads_after", ids_json(result.heads_after)},
                        {"applied", steps_json(result.steps)}});
    return 0;
}

nlohmann::json ids_json(const std::vector<std::string>& ids) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& id : ids) list.push_back(id);
    return list;
}

}  // namespace migrate::cli
