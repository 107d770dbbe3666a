// RevisionLoader: parse revision files in full only when their operations are needed.

#include "core/revision_loader.h"

#include <unordered_set>

#include "core/errors.h"
#include "core/revision_file.h"

namespace migrate {

const Revision& RevisionLoader::full(const std::string& id) {
    const Revision& header = graph_.get(id);
    if (header.operations_loaded) return header;
    auto it = cache_.find(id);
    if (it != cache_.end()) return *it->second;
    auto revision = std::make_unique<Revision>(read_revision_file(header.path, naming_));
    if (revision->id != header.id || revision->down_revisions != header.down_revisions)
        throw InputError(header.path +
                         ": the file changed while migrate was reading it (revision '" + header.id +
                         "'); run the command again");
    return *cache_.emplace(id, std::move(revision)).first->second;
}

RevisionGraph RevisionLoader::graph_with(const std::vector<std::string>& ids) {
    std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    std::vector<Revision> revisions;
    revisions.reserve(graph_.size());
    for (const auto& r : graph_.revisions())
        revisions.push_back(wanted.count(r.id) ? full(r.id) : r);
    return RevisionGraph(std::move(revisions));
}

}  // namespace migrate
