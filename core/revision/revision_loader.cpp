// RevisionLoader: parse revision files in full only when their operations are needed.

#include "core/revision/revision_loader.h"

#include "core/base/errors.h"
#include "core/revision/revision_file.h"

namespace migrate {

std::shared_ptr<const Revision> RevisionLoader::full(const std::string& id) const {
    const Revision& header = graph_.get(id);
    if (header.operations_loaded)
        return std::shared_ptr<const Revision>(std::shared_ptr<void>(), &header);
    auto revision = std::make_shared<const Revision>(read_revision_file(header.path, naming_));
    if (revision->id != header.id || revision->down_revisions != header.down_revisions)
        throw InputError(header.path +
                         ": the file changed while migrate was reading it (revision '" + header.id +
                         "'); run the command again");
    return revision;
}

}  // namespace migrate
