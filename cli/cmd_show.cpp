// `migrate show REV`: one revision in full: its place in the graph, its message,
// checksum, and the operations of its upgrade and downgrade. `show current` shows the
// revision(s) the database is at.

#include <memory>

#include "cli/command.h"
#include "cli/migration_project.h"
#include "cli/revision_output.h"
#include "core/revision/checksum.h"

namespace migrate::cli {

namespace {

nlohmann::json describe_all(const Operations& ops) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& op : ops)
        list.push_back({{"operation", op_name(op)}, {"description", describe(op)}});
    return list;
}

void print_ops(CommandContext& ctx, const char* title, const Operations& ops) {
    ctx.out.print(std::string(title) + (ops.empty() ? " (none)" : ""));
    for (size_t i = 0; i < ops.size(); ++i)
        ctx.out.print("    " + std::to_string(i + 1) + ". " + describe(ops[i]));
}

nlohmann::json show_one(CommandContext& ctx, const ScriptDirectory& script, const std::string& id) {
    const RevisionGraph& graph = script.graph();
    std::shared_ptr<const Revision> full = script.full(id);
    const Revision& r = *full;
    std::string checksum = revision_checksum(r);
    nlohmann::json result = revision_json(graph, r);
    result["checksum"] = checksum;
    result["children"] = graph.children(r.id);
    result["upgrade"] = describe_all(r.upgrade);
    result["downgrade"] = describe_all(r.downgrade);
    ctx.out.print(verbose_entry(graph, r) + "    Checksum: " + checksum + "\n");
    print_ops(ctx, "Upgrade:", r.upgrade);
    print_ops(ctx, "Downgrade:", r.downgrade);
    return result;
}

// `show current` (or a step from it, `current-1`): each revision the database's rows
// name, as Alembic shows them; JSON {"revisions": [...]}.
int show_current(CommandContext& ctx, const std::string& identifier) {
    MigrationProject project = load_migration_project(ctx.global);
    std::vector<std::string> rows = current_rows(project);
    Target target = project.script.graph().resolve(identifier, rows);
    if (target.is_base()) ctx.out.print("No revision applied: the database is at base");
    nlohmann::json list = nlohmann::json::array();
    for (size_t i = 0; i < target.revisions.size(); ++i) {
        if (i > 0) ctx.out.print("");
        list.push_back(show_one(ctx, project.script, target.revisions[i]));
    }
    ctx.out.set_result({{"revisions", list}});
    return 0;
}

int run_show(CommandContext& ctx, const std::string& identifier) {
    if (names_current(identifier)) return show_current(ctx, identifier);
    ScriptProject project = load_script_project(ctx.global);
    ctx.out.set_result(show_one(ctx, project.script, identifier));
    return 0;
}

const CommandRegistration registration{{
    .name = "show",
    .order = 53,
    .summary = "Show one revision in full",
    .example = "migrate show head     # or a prefix: migrate show 3f2a; the database's: migrate "
               "show current",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto rev = std::make_shared<std::string>();
        sub.add_option("REV", *rev,
                       "A revision: id, prefix, head, label@head, head-1, current, ...")
            ->required();
        return [&ctx, rev] { return run_show(ctx, *rev); };
    },
}};

}  // namespace

}  // namespace migrate::cli
