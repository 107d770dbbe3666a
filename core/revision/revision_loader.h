#pragma once
// Full revisions on demand. Graph commands load only the headers of revision files
// (fast); the runner then parses in full just the revision it runs, replays or
// checksums, one at a time. Revisions already loaded in full (or built in memory) are
// used as they are.

#include <memory>
#include <string>

#include "core/revision/revision_graph.h"
#include "core/schema/naming.h"

namespace migrate {

class RevisionLoader {
  public:
    RevisionLoader(const RevisionGraph& graph, const NamingConvention& naming)
        : graph_(graph), naming_(naming) {}

    // The revision with its operations: the graph's own when it was loaded in full,
    // otherwise its file parsed now. Nothing is kept: the caller holds the revision as
    // long as it needs it, so a run over many revisions holds one at a time. Throws
    // InputError (with file:line) when the file is malformed, or when its header no
    // longer matches the graph (the file changed under us).
    std::shared_ptr<const Revision> full(const std::string& id) const;

    const RevisionGraph& graph() const { return graph_; }

  private:
    const RevisionGraph& graph_;
    const NamingConvention& naming_;
};

}  // namespace migrate
