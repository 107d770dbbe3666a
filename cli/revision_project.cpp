#include "cli/revision_project.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "cli/project.h"
#include "core/base/errors.h"
#include "core/revision/revision_file.h"

namespace fs = std::filesystem;

namespace migrate::cli {

std::string display_path(const std::string& path) {
    if (path.empty()) return path;
    static const std::string cwd = [] {
        std::error_code ec;
        std::string dir = fs::current_path(ec).string();
        return ec ? std::string() : dir + "/";
    }();
    if (!cwd.empty() && path.compare(0, cwd.size(), cwd) == 0) return path.substr(cwd.size());
    if (path.front() == '/') return path;  // outside the working directory: keep it absolute
    std::error_code ec;
    fs::path rel = fs::relative(path, cwd, ec);
    if (ec || rel.empty() || *rel.begin() == "..") return path;
    return rel.string();
}

RevisionProject load_revision_project(const GlobalOptions& global, LoadMode mode) {
    Config config = load_project_config(global);
    std::vector<Revision> revisions = load_revisions(config.versions, config.naming, mode);
    for (auto& r : revisions) r.path = display_path(r.path);
    return RevisionProject{std::move(config), RevisionGraph(std::move(revisions))};
}

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep = ", ") {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : sep) + i;
    return s;
}

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
    return r.id + (labels.empty() ? "" : " (" + join(labels) + ")") + (graph.is_head(r.id) ? " (head)" : "");
}

std::string verbose_entry(const RevisionGraph& graph, const Revision& r) {
    std::string s = "Rev: " + r.id + markers(graph, r) + "\n";
    s += std::string(r.is_merge_point() ? "Merges: " : "Parent: ") + (r.is_base() ? "<base>" : join(r.down_revisions)) + "\n";
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

}  // namespace migrate::cli

namespace migrate::cli {

RevisionSource cli_revision_source() {
    RevisionSource source = default_revision_source();
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        std::string value = epoch;
        source.now = [value] {
            std::time_t t = static_cast<std::time_t>(std::stoll(value));
            std::tm tm{};
            gmtime_r(&t, &tm);
            char buf[32];
            std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
            return std::string(buf);
        };
    }
    return source;
}

namespace {

std::string choose_folder(const RevisionProject& project, const Revision& revision, const std::string& version_path) {
    const auto& folders = project.config.versions;
    if (!version_path.empty()) {
        std::error_code ec;
        fs::path wanted = fs::weakly_canonical(fs::absolute(version_path), ec);
        for (const auto& f : folders)
            if (fs::weakly_canonical(f, ec) == wanted) return f;
        std::string list;
        for (const auto& f : folders) list += "\n  " + display_path(f);
        throw InputError("--version-path " + version_path + " is not one of the configured version folders:" + list +
                         "\nadd it to `versions:` in " + display_path(project.config.path));
    }
    if (!revision.down_revisions.empty()) {
        const Revision* parent = project.graph.find(revision.down_revisions.front());
        if (parent && !parent->path.empty()) return fs::path(parent->path).parent_path().string();
    }
    if (folders.empty()) throw InputError("no version folders configured; set `versions:` in " + display_path(project.config.path));
    return folders.front();
}

}  // namespace

std::string write_new_revision(const RevisionProject& project, Revision revision, const std::string& version_path) {
    if (project.graph.find(revision.id))
        throw InputError("revision id '" + revision.id + "' is already used by " + project.graph.get(revision.id).where());
    std::vector<Revision> all = project.graph.revisions();
    all.push_back(revision);
    RevisionGraph check(std::move(all));  // throws on a bad id, label, parent or cycle
    std::string folder = choose_folder(project, revision, version_path);
    return display_path(write_revision_file(revision, folder, project.config.naming));
}

int write_and_report_revision(CommandContext& ctx, const RevisionProject& project, Revision revision,
                              const std::string& version_path, nlohmann::json result) {
    std::string path = write_new_revision(project, revision, version_path);
    revision.path = path;
    std::string id = revision.id;
    std::vector<Revision> all = project.graph.revisions();
    all.push_back(std::move(revision));
    RevisionGraph graph(std::move(all));
    result["path"] = path;
    result["revision"] = revision_json(graph, graph.get(id));
    ctx.out.set_result(std::move(result));
    ctx.out.print("Generating " + path + " ... done");
    return 0;
}

}  // namespace migrate::cli
