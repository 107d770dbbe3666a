// `migrate current [--verbose] [--check-heads]`: the revision(s) the database is at, as
// Alembic prints them ("3f2a9c1b7d4e (head)"); --verbose adds each revision's details
// and checksum warnings; --check-heads exits 1 when the database is not at the heads.
// A revision partly applied (a database without transactional DDL) is said with the
// way on, and the database is then not at head.

#include <memory>

#include "cli/command.h"
#include "cli/migration_project.h"
#include "core/runtime/checksum_check.h"
#include "core/runtime/version_table.h"

namespace migrate::cli {

namespace {

void print_row(CommandContext& ctx, const RevisionGraph& graph, const std::string& row) {
    const Revision* r = graph.find(row);
    if (!r) {
        ctx.out.print(row + " (no revision file defines it)");
        return;
    }
    if (!ctx.global.verbose) {
        ctx.out.print(head_line(graph, *r));
        return;
    }
    std::string entry = verbose_entry(graph, *r);
    entry.pop_back();
    ctx.out.print(entry);
}

int run_current(CommandContext& ctx, bool check_heads) {
    MigrationProject project = load_migration_project(ctx.global);
    Connection& connection = connect(project, Access::Read);
    const RevisionGraph& graph = project.script.graph();
    VersionTable table(*project.database.dialect, project.settings.version_table());
    std::vector<std::string> rows = table.read_heads(connection);
    // Which database this is: the answer to most "why is it not at head?" questions.
    if (ctx.global.verbose) ctx.out.print("Database: " + project.database.url.masked());
    for (const auto& row : rows) print_row(ctx, graph, row);
    if (rows.empty()) ctx.out.print("No revision applied: the database is at base");
    if (ctx.global.verbose && !rows.empty()) {
        auto changed = changed_revisions(project.script.revisions(), rows,
                                         table.read_latest_upgrades(connection));
        for (const auto& c : changed) ctx.out.warning(changed_revision_warning(c));
    }
    std::vector<PartialStep> partial = table.read_partial(connection);
    nlohmann::json partial_json = nlohmann::json::array();
    for (const auto& p : partial) {
        ctx.out.print(p.revision + " (partially applied: " + std::to_string(p.done) + " of " +
                      std::to_string(p.total) + " " + to_string(p.direction) + " operations)");
        ctx.out.warning(
            partial_status(p, project.script.revisions(), rows, project.database.dialect->name()));
        partial_json.push_back({{"revision", p.revision},
                                {"direction", to_string(p.direction)},
                                {"done", p.done},
                                {"total", p.total}});
    }
    bool at_head = graph.at_heads(rows) && partial.empty();
    nlohmann::json result = {
        {"current", ids_json(rows)}, {"heads", ids_json(graph.real_heads())}, {"at_head", at_head}};
    if (!partial.empty()) result["partial"] = partial_json;
    ctx.out.set_result(result);
    if (check_heads && !at_head) {
        ctx.out.warning("the database is not at head: it is at " +
                        (rows.empty() ? std::string("base")
                                      : rows.front() + (rows.size() > 1 ? " and others" : "")) +
                        "; run `migrate upgrade heads`");
        return 1;
    }
    return 0;
}

const CommandRegistration registration{{
    .name = "current",
    .order = 62,
    .summary = "Show the revision(s) the database is at",
    .example = "migrate current --check-heads   # exit 1 when the database is behind",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto check_heads = std::make_shared<bool>(false);
        sub.add_flag("--check-heads", *check_heads,
                     "Exit 1 when the database is not at the head revision(s)");
        return [&ctx, check_heads] { return run_current(ctx, *check_heads); };
    },
}};

}  // namespace

}  // namespace migrate::cli
