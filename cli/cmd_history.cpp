// `migrate history [-r A:B] [--verbose] [--indicate-current]`: the revisions, newest
// first, one Alembic-style line each ("8c0d2e -> 3f2a9c (head), add posts table"); a
// range that names `current` or steps from it reads the database's rows;
// --indicate-current reads the database's version table and marks its rows "(current)",
// and a revision partly applied (no transactional DDL) "(partially applied: N of M ...)".

#include <algorithm>
#include <memory>

#include "cli/command.h"
#include "cli/migration_project.h"
#include "cli/revision_output.h"
#include "core/runtime/version_table.h"

namespace migrate::cli {

namespace {

// What --indicate-current marks: the version table's rows, and the partial steps.
struct Marks {
    std::vector<std::string> rows;
    std::vector<PartialStep> partial;

    // " (current)", " (partially applied: 2 of 5 operations)" or "".
    std::string marker(const std::string& id) const {
        if (std::find(rows.begin(), rows.end(), id) != rows.end()) return " (current)";
        for (const auto& p : partial)
            if (p.revision == id)
                return " (partially applied: " + std::to_string(p.done) + " of " +
                       std::to_string(p.total) + " " + to_string(p.direction) + " operations)";
        return "";
    }
};

Marks current_marks(MigrationProject& project, bool indicate_current) {
    if (!indicate_current) return Marks{current_rows(project), {}};
    Connection& connection = connect(project, Access::Read);
    VersionTable table(*project.database.dialect, project.settings.version_table());
    Marks marks{table.read_heads(connection), {}};
    marks.partial = table.read_partial(connection);
    return marks;
}

// " (current)" after the id and markers, before ", message", as Alembic prints it.
std::string mark_current(std::string line, const Revision& r, const std::string& marker) {
    size_t tail = 2 + r.message.size();
    line.insert(line.size() >= tail ? line.size() - tail : line.size(), marker);
    return line;
}

void print_history(CommandContext& ctx, const RevisionGraph& graph, const std::string& range,
                   bool indicate_current, const Marks& marks) {
    nlohmann::json list = nlohmann::json::array();
    bool first = true;
    for (const auto& id : graph.history(range, marks.rows)) {
        const Revision& r = graph.get(id);
        std::string marker = indicate_current ? marks.marker(id) : "";
        if (ctx.out.json()) {
            list.push_back(revision_json(graph, r));
            if (indicate_current) list.back()["current"] = marker == " (current)";
            if (indicate_current && marker.starts_with(" (partially"))
                list.back()["partially_applied"] = marker.substr(2, marker.size() - 3);
        }
        if (ctx.global.verbose) {
            if (!first) ctx.out.print("");
            std::string entry = verbose_entry(graph, r);
            entry.pop_back();
            if (!marker.empty()) entry.insert(entry.find('\n'), marker);
            ctx.out.print(entry);
        } else {
            ctx.out.print(!marker.empty() ? mark_current(history_line(graph, r), r, marker)
                                          : history_line(graph, r));
        }
        first = false;
    }
    ctx.out.set_result({{"revisions", list}});
}

// The project is loaded once: with --indicate-current, or a range that names `current`
// (`current:`, `-3:current`), together with its database.
int run_history(CommandContext& ctx, const std::string& range, bool indicate_current) {
    if (!indicate_current && !names_current(range)) {
        print_history(ctx, load_script_project(ctx.global).script.graph(), range, false, Marks{});
        return 0;
    }
    MigrationProject project = load_migration_project(ctx.global);
    print_history(ctx, project.script.graph(), range, indicate_current,
                  current_marks(project, indicate_current));
    return 0;
}

const CommandRegistration registration{{
    .name = "history",
    .order = 50,
    .summary = "List revisions, newest first",
    .example = "migrate history -r base:head-2 --verbose",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto range = std::make_shared<std::string>();
        auto indicate_current = std::make_shared<bool>(false);
        sub.add_option("-r,--rev-range", *range,
                       "A range A:B (either side optional): base:head, 3f2a:, :head-1, "
                       "current:, -3:current, feat@base:");
        sub.add_flag("-i,--indicate-current", *indicate_current,
                     "Mark the revision(s) the database is at with (current); needs the database");
        return
            [&ctx, range, indicate_current] { return run_history(ctx, *range, *indicate_current); };
    },
}};

}  // namespace

}  // namespace migrate::cli
