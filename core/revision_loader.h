#pragma once
// Full revisions on demand. Graph commands load only the headers of revision files
// (fast); the runner then parses in full just the revisions it runs, replays or
// checksums. Revisions already loaded in full (or built in memory) are used as they are.

#include <memory>
#include <string>
#include <unordered_map>

#include "core/naming.h"
#include "core/revision_graph.h"

namespace migrate {

class RevisionLoader {
  public:
    RevisionLoader(const RevisionGraph& graph, const NamingConvention& naming)
        : graph_(graph), naming_(naming) {}

    // The revision with its operations; parses its file the first time. Throws
    // InputError (with file:line) when the file is malformed, or when its header no
    // longer matches the graph (the file changed under us).
    const Revision& full(const std::string& id);

    // A graph of the same revisions with every operation loaded (replay needs one).
    // Parses only the revisions given (others keep their headers).
    RevisionGraph graph_with(const std::vector<std::string>& ids);

    const RevisionGraph& graph() const { return graph_; }

  private:
    const RevisionGraph& graph_;
    const NamingConvention& naming_;
    std::unordered_map<std::string, std::unique_ptr<Revision>> cache_;
};

}  // namespace migrate
