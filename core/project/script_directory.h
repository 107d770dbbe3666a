#pragma once
// The script directory (Alembic's name): a project's revision files, loaded once per
// command run into one revision graph, and everything done to them: reading a revision
// in full, choosing the parents of a new revision (the --head / --splice rule, the merge
// parents and their ancestry check), validating it against the graph, choosing its
// folder and writing it. Paths are kept as users see them (display_path).
//
// Every graph built here is counted (graphs_built), so tests can prove that a command
// builds the graph once when it loads, and once more only to add a revision it writes.

#include <memory>
#include <string>
#include <vector>

#include "core/base/display_path.h"
#include "core/revision/revision_file.h"
#include "core/revision/revision_graph.h"
#include "core/revision/revision_loader.h"
#include "core/runtime/config.h"

namespace migrate {

// What a new revision is made of; `depends_on` holds identifiers, resolved on use.
struct NewRevision {
    std::string rev_id;  // "" = a new random id
    std::vector<std::string> parents;
    std::vector<std::string> branch_labels;
    std::vector<std::string> depends_on;
    std::string message;
};

// A revision just written: its path (as displayed), the revision with that path, and
// the graph that includes it (the one that validated it).
struct WrittenRevision {
    std::string path;
    Revision revision;
    std::shared_ptr<const RevisionGraph> graph;
};

class ScriptDirectory {
  public:
    // Reads every revision file of the config's version folders (headers only by
    // default: the commands that run, replay or show a revision read it in full on
    // demand) and builds the graph. Throws InputError with every problem found.
    static ScriptDirectory load(const Config& config, LoadMode mode = LoadMode::Headers);
    // A script directory over revisions already in memory (tests, tools).
    static ScriptDirectory from_revisions(const Config& config, std::vector<Revision> revisions);

    const Config& config() const { return state_->config; }
    const RevisionGraph& graph() const { return *state_->graph; }
    const RevisionLoader& revisions() const { return *state_->loader; }
    RevisionLoader& revisions() { return *state_->loader; }

    // One revision (id, prefix, head, label@head, head-1, ...) with its operations.
    std::shared_ptr<const Revision> full(const std::string& identifier) const;

    // The parent of a new revision on `head` ("head", "base", a revision, label@head):
    // none for base or an empty graph; a revision that is not a head only with `splice`.
    std::vector<std::string> parents_for(const std::string& head, bool splice) const;
    // The parents of a merge: every revision the identifiers name, at least two, none an
    // ancestor of another, each a head unless `splice` (as Alembic's merge).
    std::vector<std::string> merge_parents(const std::vector<std::string>& identifiers,
                                           bool splice = false) const;
    // The revision `request` describes: its id (or a new one) and date from `source`,
    // its depends_on resolved to ids. Operations are the caller's to fill in.
    Revision make_revision(const RevisionSource& source, const NewRevision& request) const;
    // Validates `revision` against the graph (a used id, a bad id or label), picks its
    // folder (`version_path`, which must be a configured folder; else the folder of its
    // first parent; else the first configured folder) and writes it.
    WrittenRevision write(Revision revision, const std::string& version_path) const;

    // How many revision graphs this process has built (loads and validations).
    static long graphs_built();

  private:
    struct State {
        Config config;
        std::shared_ptr<const RevisionGraph> graph;
        std::unique_ptr<RevisionLoader> loader;
    };
    explicit ScriptDirectory(std::unique_ptr<State> state) : state_(std::move(state)) {}
    static std::shared_ptr<const RevisionGraph> build_graph(std::vector<Revision> revisions);
    std::string choose_folder(const Revision& revision, const std::string& version_path) const;

    std::unique_ptr<State> state_;  // on the heap: the loader refers to the graph and naming
};

}  // namespace migrate
