// Printing revisions (cli/revision_output.h).

#include "cli/revision_output.h"

#include "core/base/text.h"

namespace migrate::cli {

namespace {

std::string markers(const RevisionGraph& graph, const Revision& r) {
    std::string s;
    if (graph.is_head(r.id)) s += " (head)";
    if (graph.is_branch_point(r.id)) s += " (branchpoint)";
    if (r.is_merge_point()) s += " (mergepoint)";
    return s;
}

}  // namespace

std::string history_line(const RevisionGraph& graph, const Revision& r) {
    std::string parents = r.is_base() ? "<base>" : join(r.down_revisions);
    if (!r.depends_on.empty()) parents += " (" + join(r.depends_on) + ")";
    std::string labels = r.branch_labels.empty() ? "" : " (" + join(r.branch_labels) + ")";
    return parents + " -> " + r.id + labels + markers(graph, r) + ", " + r.message;
}

std::string head_line(const RevisionGraph& graph, const Revision& r) {
    auto labels = graph.branch_labels_of(r.id);
    return r.id + (labels.empty() ? "" : " (" + join(labels) + ")") +
           (graph.is_head(r.id) ? " (head)" : "");
}

std::string verbose_entry(const RevisionGraph& graph, const Revision& r) {
    std::string s = "Rev: " + r.id + markers(graph, r) + "\n";
    s += std::string(r.is_merge_point() ? "Merges: " : "Parent: ") +
         (r.is_base() ? "<base>" : join(r.down_revisions)) + "\n";
    if (!r.depends_on.empty()) s += "Also depends on: " + join(r.depends_on) + "\n";
    if (graph.is_branch_point(r.id)) s += "Branches into: " + join(graph.children(r.id)) + "\n";
    auto labels = graph.branch_labels_of(r.id);
    if (!labels.empty()) s += "Branch names: " + join(labels) + "\n";
    s += "Path: " + r.path + "\n\n";
    s += "    " + r.message + "\n\n";
    s += "    Revision ID: " + r.id + "\n";
    if (!r.is_base()) s += "    Revises: " + join(r.down_revisions) + "\n";
    s += "    Create Date: " + r.create_date + "\n";
    return s;
}

nlohmann::json revision_json(const RevisionGraph& graph, const Revision& r) {
    return {
        {"revision", r.id},
        {"down_revisions", r.down_revisions},
        {"branch_labels", graph.branch_labels_of(r.id)},
        {"depends_on", r.depends_on},
        {"message", r.message},
        {"create_date", r.create_date},
        {"path", r.path},
        {"is_head", graph.is_head(r.id)},
        {"is_base", r.is_base()},
        {"is_branch_point", graph.is_branch_point(r.id)},
        {"is_merge_point", r.is_merge_point()},
    };
}

int write_and_report_revision(CommandContext& ctx, const ScriptDirectory& script, Revision revision,
                              const std::string& version_path, nlohmann::json result) {
    WrittenRevision written = script.write(std::move(revision), version_path);
    result["path"] = written.path;
    result["revision"] = revision_json(*written.graph, written.revision);
    ctx.out.set_result(std::move(result));
    ctx.out.print("Generating " + written.path + " ... done");
    return 0;
}

}  // namespace migrate::cli
