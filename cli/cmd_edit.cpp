// `migrate edit REV`: opens one revision file in the user's editor (VISUAL, else
// EDITOR, as git chooses), then reads the project again so a mistake made in the
// editor is reported at once, with its file and line.

#include <memory>

#include "cli/command.h"
#include "cli/project.h"
#include "core/project/editor.h"

namespace migrate::cli {

namespace {

int run_edit(CommandContext& ctx, const std::string& identifier) {
    std::string path, shown;
    {
        ScriptProject project = load_script_project(ctx.global);
        std::shared_ptr<const Revision> revision = project.script.full(identifier);
        path = revision->path;
        shown = display_path(path);
    }
    run_editor(find_editor(), path, shown);
    // The edited file must still read: the whole graph is loaded again, in full.
    load_script_project(ctx.global, LoadMode::Full);
    if (ctx.out.json()) {
        ctx.out.set_result({{"path", shown}});
        return 0;
    }
    if (!ctx.out.quiet()) ctx.out.print("Edited " + shown);
    return 0;
}

const CommandRegistration registration{{
    .name = "edit",
    .order = 55,
    .opens_database = false,
    .summary = "Open a revision file in $VISUAL or $EDITOR",
    .example = "EDITOR=vi migrate edit head     # or an id, a prefix, label@head, head-1",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto rev = std::make_shared<std::string>();
        sub.add_option("REV", *rev, "A revision: id, prefix, head, label@head, head-1, ...")
            ->required();
        return [&ctx, rev] { return run_edit(ctx, *rev); };
    },
}};

}  // namespace

}  // namespace migrate::cli
