// `migrate show REV`: one revision in full: its place in the graph, its message,
// checksum, and the operations of its upgrade and downgrade.

#include <memory>

#include "cli/command.h"
#include "cli/project.h"
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

int run_show(CommandContext& ctx, const std::string& identifier) {
    ScriptProject project = load_script_project(ctx.global);
    const RevisionGraph& graph = project.script.graph();
    std::shared_ptr<const Revision> full = project.script.full(identifier);
    const Revision& r = *full;
    std::string checksum = revision_checksum(r);
    if (ctx.out.json()) {
        nlohmann::json result = revision_json(graph, r);
        result["checksum"] = checksum;
        result["children"] = graph.children(r.id);
        result["upgrade"] = describe_all(r.upgrade);
        result["downgrade"] = describe_all(r.downgrade);
        ctx.out.set_result(result);
        return 0;
    }
    ctx.out.print(verbose_entry(graph, r) + "    Checksum: " + checksum + "\n");
    print_ops(ctx, "Upgrade:", r.upgrade);
    print_ops(ctx, "Downgrade:", r.downgrade);
    return 0;
}

const CommandRegistration registration{{
    .name = "show",
    .order = 53,
    .opens_database = false,
    .summary = "Show one revision in full",
    .example = "migrate show head     # or a prefix: migrate show 3f2a",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto rev = std::make_shared<std::string>();
        sub.add_option("REV", *rev, "A revision: id, prefix, head, label@head, head-1, ...")
            ->required();
        return [&ctx, rev] { return run_show(ctx, *rev); };
    },
}};

}  // namespace

}  // namespace migrate::cli
