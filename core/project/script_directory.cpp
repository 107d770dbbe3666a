// Loading a project's revision files into one graph (core/project/script_directory.h).

#include "core/project/script_directory.h"

#include <atomic>
#include <filesystem>

namespace fs = std::filesystem;

namespace migrate {

namespace {

std::atomic<long> graph_count{0};

}  // namespace

std::shared_ptr<const RevisionGraph> ScriptDirectory::build_graph(std::vector<Revision> revisions) {
    auto graph = std::make_shared<const RevisionGraph>(std::move(revisions));
    ++graph_count;
    return graph;
}

long ScriptDirectory::graphs_built() { return graph_count.load(); }

ScriptDirectory ScriptDirectory::load(const Config& config, LoadMode mode) {
    std::vector<Revision> revisions = load_revisions(config.versions, config.naming, mode);
    for (auto& r : revisions) r.path = display_path(r.path);
    return from_revisions(config, std::move(revisions));
}

ScriptDirectory ScriptDirectory::from_revisions(const Config& config,
                                                std::vector<Revision> revisions) {
    auto state = std::make_unique<State>();
    state->config = config;
    state->graph = build_graph(std::move(revisions));
    state->loader = std::make_unique<RevisionLoader>(*state->graph, state->config.naming);
    return ScriptDirectory(std::move(state));
}

std::shared_ptr<const Revision> ScriptDirectory::full(const std::string& identifier) const {
    return revisions().full(graph().resolve_one(identifier).id);
}

}  // namespace migrate
