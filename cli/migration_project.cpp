// Shared setup of the database commands (migration_project.h).

#include "cli/migration_project.h"

#include "core/base/errors.h"
#include "core/project/clock.h"
#include "core/runtime/checksum_check.h"
#include "core/runtime/version_table.h"

namespace migrate::cli {

MigrationProject load_migration_project(const GlobalOptions& global) {
    ScriptProject loaded = load_script_project(global);
    Database database = project_database(loaded.settings);
    return MigrationProject{std::move(loaded.settings), std::move(loaded.script),
                            std::move(database)};
}

Connection& connect(MigrationProject& project, Access access) {
    return project.database.connect(project.settings, access);
}

std::vector<std::string> current_rows(MigrationProject& project) {
    Connection& connection = connect(project, Access::Read);
    VersionTable table(*project.database.dialect, project.settings.version_table());
    return table.read_heads(connection);
}

bool names_current(const std::string& identifier_or_range) {
    size_t start = 0;
    while (start <= identifier_or_range.size()) {
        size_t colon = identifier_or_range.find(':', start);
        std::string end = identifier_or_range.substr(
            start, colon == std::string::npos ? std::string::npos : colon - start);
        size_t at = end.find('@');
        std::string symbol = at == std::string::npos ? end : end.substr(at + 1);
        if (symbol == "current" || (!symbol.empty() && (symbol[0] == '+' || symbol[0] == '-')))
            return true;
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return false;
}

RunnerOptions runner_options(const MigrationProject& project, CommandContext& ctx) {
    RunnerOptions options =
        project.settings.runner_options(*project.database.dialect, project.database.url);
    options.progress = [&ctx](const std::string& line) { ctx.out.progress(line); };
    return options;
}

OfflineOptions offline_options(const MigrationProject& project) {
    return project.settings.offline_options(project_revision_source().now());
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
        find_changed_revisions(*project.database.dialect, connection,
                               project.settings.version_table(), project.script.revisions());
    for (const auto& c : changed) ctx.out.warning(changed_revision_warning(c));
}

}  // namespace

namespace {

// "-2" for upgrade, "+1" for downgrade: a relative step the other way is an error, as
// in Alembic ("Relative revision -1 didn't produce 1 migrations"), never a silent no-op.
void refuse_wrong_direction(Direction direction, const std::string& target) {
    bool digits =
        target.size() > 1 && target.find_first_not_of("0123456789", 1) == std::string::npos;
    if (!digits) return;
    if (direction == Direction::Upgrade && target[0] == '-')
        throw InputError("upgrade '" + target + "': a relative step down is a downgrade; run " +
                         "`migrate downgrade " + target + "`");
    if (direction == Direction::Downgrade && target[0] == '+')
        throw InputError("downgrade '" + target + "': a relative step up is an upgrade; run " +
                         "`migrate upgrade " + target + "`");
}

// The one line for a run that had nothing to apply: "Already at head (ab12cd34ef56);
// nothing to do", "Already at base; nothing to do".
std::string nothing_to_do(const std::string& target, const std::vector<std::string>& heads) {
    std::string at;
    for (const auto& h : heads) at += (at.empty() ? "" : ", ") + h;
    if (at.empty()) at = "base";
    return "Already at " + (target == at ? at : target + " (" + at + ")") + "; nothing to do";
}

}  // namespace

int run_migration_command(CommandContext& ctx, Direction direction, const std::string& target,
                          bool sql) {
    refuse_wrong_direction(direction, target);
    MigrationProject project = load_migration_project(ctx.global);
    if (sql) {
        OfflineOptions options = offline_options(project);
        const Dialect& dialect = *project.database.dialect;
        RevisionLoader& revisions = project.script.revisions();
        print_offline_script(ctx, direction == Direction::Upgrade
                                      ? offline_upgrade(dialect, revisions, target, options)
                                      : offline_downgrade(dialect, revisions, target, options));
        return 0;
    }
    Connection& connection = connect(project);
    if (direction == Direction::Upgrade) warn_changed(ctx, project, connection);
    Runner runner(*project.database.dialect, connection, project.script.revisions(),
                  runner_options(project, ctx));
    RunResult result =
        direction == Direction::Upgrade ? runner.upgrade(target) : runner.downgrade(target);
    if (result.steps.empty()) ctx.out.print(nothing_to_do(target, result.heads_after));
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
