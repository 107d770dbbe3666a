// New revisions in the script directory: their parents (the --splice rule, merges and
// their ancestry check), validation against the graph, the folder, the file
// (core/project/script_directory.h).

#include <algorithm>
#include <filesystem>

#include "core/base/errors.h"
#include "core/project/script_directory.h"

namespace fs = std::filesystem;

namespace migrate {

std::vector<std::string> ScriptDirectory::parents_for(const std::string& head, bool splice) const {
    const RevisionGraph& g = graph();
    if (head == "base") return {};
    if (head == "head" && g.size() == 0) return {};
    const Revision& parent = g.resolve_one(head);
    if (!g.is_head(parent.id) && !splice)
        throw InputError("revision '" + parent.id + "' (" + parent.where() +
                         ") is not a head; pass --splice to start a new branch from it");
    return {parent.id};
}

std::vector<std::string> ScriptDirectory::merge_parents(const std::vector<std::string>& identifiers,
                                                        bool splice) const {
    const RevisionGraph& g = graph();
    std::vector<std::string> parents;
    for (const auto& ident : identifiers) {
        Target t = g.resolve(ident);
        if (t.is_base())
            throw InputError("cannot merge '" + ident + "': it names base, not a revision");
        for (const auto& id : t.revisions)
            if (std::find(parents.begin(), parents.end(), id) == parents.end())
                parents.push_back(id);
    }
    if (parents.size() < 2)
        throw InputError(
            "a merge needs at least two revisions; " +
            (parents.empty() ? std::string("none given") : "only '" + parents.front() + "' given") +
            " (the graph has " + std::to_string(g.heads().size()) + " head(s))");
    for (const auto& a : parents)
        for (const auto& b : parents)
            if (a != b && g.is_ancestor(a, b))
                throw InputError("cannot merge '" + a + "' with '" + b + "': '" + a +
                                 "' is already an ancestor of '" + b + "'");
    if (!splice)
        for (const auto& p : parents)
            if (!g.is_head(p))
                throw InputError("cannot merge '" + p + "' (" + g.get(p).where() +
                                 "): it is not a head; pass --splice to merge from it anyway");
    return parents;
}

Revision ScriptDirectory::make_revision(const RevisionSource& source,
                                        const NewRevision& request) const {
    Revision r;
    r.id = request.rev_id.empty() ? source.new_id() : request.rev_id;
    r.down_revisions = request.parents;
    r.branch_labels = request.branch_labels;
    for (const auto& d : request.depends_on) r.depends_on.push_back(graph().resolve_one(d).id);
    r.message = request.message;
    r.create_date = source.now();
    return r;
}

std::string ScriptDirectory::choose_folder(const Revision& revision,
                                           const std::string& version_path) const {
    const auto& folders = config().versions;
    if (!version_path.empty()) {
        std::error_code ec;
        fs::path wanted = fs::weakly_canonical(fs::absolute(version_path), ec);
        for (const auto& f : folders)
            if (fs::weakly_canonical(f, ec) == wanted) return f;
        std::string list;
        for (const auto& f : folders) list += "\n  " + display_path(f);
        throw InputError("--version-path " + version_path +
                         " is not one of the configured version folders:" + list +
                         "\nadd it to `versions:` in " + display_path(config().path));
    }
    if (!revision.down_revisions.empty()) {
        const Revision* parent = graph().find(revision.down_revisions.front());
        if (parent && !parent->path.empty()) return fs::path(parent->path).parent_path().string();
    }
    if (folders.empty())
        throw InputError("no version folders configured; set `versions:` in " +
                         display_path(config().path));
    return folders.front();
}

WrittenRevision ScriptDirectory::write(Revision revision, const std::string& version_path) const {
    if (graph().find(revision.id))
        throw InputError("revision id '" + revision.id + "' is already used by " +
                         graph().get(revision.id).where());
    std::vector<Revision> all = graph().revisions();
    all.push_back(revision);
    // Throws on a bad id or label; the new revision's parents were resolved in the graph.
    std::shared_ptr<const RevisionGraph> with_it = build_graph(std::move(all));
    std::string folder = choose_folder(revision, version_path);
    std::string path = display_path(write_revision_file(revision, folder, config().naming));
    revision.path = path;
    return WrittenRevision{path, std::move(revision), std::move(with_it)};
}

}  // namespace migrate
